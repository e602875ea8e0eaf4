import BoardSupervisor
import BoardView
import Foundation
import Simulator

/// The pictures a scenario takes: the window's, rendered off-screen as
/// `--screenshot-file` renders it (the console fed from serial since power-up),
/// whole for the board, cut to its card for a part.
final class ScreenshotShooter {
    private let camera: ScreenshotCamera?
    let problem: String?
    private unowned let supervisor: Supervisor

    /// Call before the board boots (the console must see all serial output).
    init(supervisor: Supervisor, projectName: String) {
        self.supervisor = supervisor
        do {
            // The camera's own file is never written: the steps save their pictures.
            camera = try ScreenshotCamera(supervisor: supervisor, projectName: projectName,
                                          file: URL(fileURLWithPath: "/dev/null"), at: nil)
            camera?.attach()
            problem = nil
        } catch {
            camera = nil
            problem = "\(error)"
        }
    }

    /// The picture of `partID` (a part's card, or the whole window for the board) now.
    func picture(of partID: String) -> Result<Canvas, Refusal> {
        guard let camera else { return .failure(Refusal(problem ?? "no camera")) }
        let whole = camera.render()
        guard let index = supervisor.assembly.circuit.parts.firstIndex(where: { $0.id == partID }) else { return .success(whole) }
        let cards = camera.scene.layout.cards
        guard index < cards.count else { return .failure(Refusal("the window shows no card for \(partID)")) }
        return .success(Self.crop(whole, to: cards[index]))
    }

    static func crop(_ canvas: Canvas, to r: Rect) -> Canvas {
        let x0 = max(0, Int(r.x.rounded(.down))), y0 = max(0, Int(r.y.rounded(.down)))
        let x1 = min(canvas.width, Int(r.maxX.rounded(.up))), y1 = min(canvas.height, Int(r.maxY.rounded(.up)))
        let out = Canvas(width: max(1, x1 - x0), height: max(1, y1 - y0))
        for y in y0..<max(y0, y1) {
            for x in x0..<max(x0, x1) { out.pixels[(y - y0) * out.width + (x - x0)] = canvas.pixels[y * canvas.width + x] }
        }
        return out
    }
}
