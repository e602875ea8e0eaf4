import BoardEmulator
import BoardView
import BoardSupervisor
import FirmwareAPI
import Foundation

/// `--screenshot-file F --screenshot-time T` on a headless run: the window's
/// picture rendered off-screen at virtual instant T (from power-on), with the
/// serial console as it stood then. Works on the supervisor's own thread: no
/// display, no second thread.
public final class ScreenshotCamera {
    public let scene: Scene
    public let file: URL
    /// Virtual time of the picture (nil: when the run ends).
    public let at: UInt64?
    public private(set) var taken = false
    private var writeError: Error?
    private unowned let supervisor: Supervisor
    public var size = (width: 1280, height: 800)

    public init(supervisor: Supervisor, projectName: String, file: URL, at: UInt64?) throws(AssetError) {
        self.supervisor = supervisor
        self.file = file
        self.at = at
        let def: BoardDefinition
        do { def = try BoardDefinition.load(id: supervisor.board.definition.id) } catch {
            throw AssetError(file: "\(supervisor.board.definition.id).json", field: "board", reason: "\(error)")
        }
        scene = try Scene.standard(definition: def, flavour: supervisor.flavour, projectName: projectName)
    }

    /// Feeds the console from serial output (chaining whatever sink was there) and
    /// schedules the picture. Call before the run starts.
    public func attach() {
        let previous = supervisor.serialOutput
        supervisor.serialOutput = { [unowned self] text in
            previous?(text)
            scene.console.write(text)
        }
        if let t = at {
            let due = max(t, supervisor.board.clock.now)
            _ = supervisor.board.clock.schedule(at: due) { [weak self] in self?.take() }
        }
    }

    /// After the run: if the picture's instant has not come yet, the board
    /// idles on to it (parts keep moving: the fan coasts, the room drifts).
    public func finish() throws {
        if !taken, let t = at, supervisor.board.clock.now < t {
            supervisor.board.advance(to: t)
        }
        if !taken { take() }
        if let e = writeError { throw e }
    }

    /// Renders the board as it is now and writes the PNG.
    public func take() {
        guard !taken else { return }
        taken = true
        do { try PNGEncoder.write(render(), to: file) } catch { writeError = error }
    }

    /// The picture of the board now, without writing it (tests).
    public func render() -> Canvas {
        let canvas = Canvas(width: size.width, height: size.height)
        scene.render(SnapshotBuilder.snapshot(of: supervisor, paused: false), on: canvas)
        return canvas
    }
}
