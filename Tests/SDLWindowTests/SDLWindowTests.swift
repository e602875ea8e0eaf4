import BoardView
import BreadboxTestSupport
import BoardSupervisor
import FirmwareAPI
import Foundation
import SDLWindow
import Simulator
import XCTest

/// The real window loop on SDL's dummy video driver: frames are drawn, a file
/// dropped on the window (an SDL_DROPFILE event) lands in the drive and the
/// board reloads, and the run's end closes the window with its result.
final class SDLWindowTests: XCTestCase {
    func testDropOnTheWindowReloadsTheBoard() throws {
        setenv("SDL_VIDEODRIVER", "dummy", 1)
        // Processes the other tests start must not inherit the dummy display.
        defer { unsetenv("SDL_VIDEODRIVER") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("win-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive/lib"), withIntermediateDirectories: true)
        try #"{"board": "pico_w", "flavor": "micropython", "parts": [{"id": "alarm", "type": "led", "pins": {"A": "GP16"}}]}"#
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try "print('first program')\n".write(to: dir.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        let dropped = dir.appendingPathComponent("main.py")
        try "from machine import Pin\nPin(16, Pin.OUT).on()\nprint('dropped program')\n"
            .write(to: dropped, atomically: true, encoding: .utf8)

        let serial = LockedText()
        let sim = try LiveSimulator(project: dir, speed: .realTime, timeoutNanoseconds: 6_000_000_000,
                                    mirror: { serial.append($0) })
        let scene = try Scene.standard(definition: sim.definition, flavour: sim.flavour, projectName: sim.projectName)
        let window = SimulatorWindow(simulator: sim, scene: scene)
        let dropper = Thread {
            let end = Date().addingTimeInterval(5)
            while Date() < end && !serial.value.contains("first program") { Thread.sleep(forTimeInterval: 0.02) }
            SimulatorWindow.pushDrop(path: dropped.path)
        }
        dropper.start()
        XCTAssertTrue(SimulatorWindow.displayAvailable(), "SDL's dummy driver: \(SimulatorWindow.lastError)")
        let result = window.run()

        XCTAssertEqual(result, .timeout, "the virtual timeout ends a windowed run too")
        XCTAssertTrue(serial.value.contains("dropped program"), serial.value)
        XCTAssertEqual(scene.notice, "copied main.py to main.py")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("drive/main.py"), encoding: .utf8),
                       "from machine import Pin\nPin(16, Pin.OUT).on()\nprint('dropped program')\n")
        XCTAssertGreaterThan(window.framesDrawn, 5, "the window drew frames while the board ran")
        XCTAssertTrue(scene.console.text.contains("dropped program"), "the window's console shows it")
    }
}
