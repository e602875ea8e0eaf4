import BoardEmulator
import BoardView
import BoardSupervisor
import FirmwareAPI
import Foundation
import Simulator
import XCTest

/// Temporary projects for the simulator's tests, removed after each test.
class SimulatorTestCase: XCTestCase {
    var dirs: [URL] = []
    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// `network`: circuit.json's network object (JSON), if any.
    func makeProject(board: String = "pico_w", flavour: String = "micropython", parts: String,
                     network: String? = nil, files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive/lib"), withIntermediateDirectories: true)
        let circuit = """
        {"board": "\(board)", "flavor": "\(flavour)", "parts": [\(parts)]\(network.map { ", \"network\": " + $0 } ?? "")}
        """
        try circuit.write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent("drive/" + name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func tempFile(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drop-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Waits (polling) until `condition` holds; false after `seconds`.
    func eventually(_ seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}

/// Pixels of a rectangle of a canvas, for comparing two pictures of one place.
func pixels(of canvas: Canvas, in r: Rect) -> [Colour] {
    var out: [Colour] = []
    for y in Int(r.y)..<Int(r.maxY) { for x in Int(r.x)..<Int(r.maxX) { out.append(canvas.pixel(x, y)) } }
    return out
}
