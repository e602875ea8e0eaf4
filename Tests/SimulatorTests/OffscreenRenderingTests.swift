import BoardEmulator
import BoardView
import BoardSupervisor
import FirmwareAPI
import Foundation
import Simulator
import XCTest

/// The window's picture rendered off-screen from a running board, checked by
/// its pixels at the places a person would look.
final class OffscreenRenderingTests: SimulatorTestCase {
    /// Pictures of `project` at each of `instants` (virtual ns from power-on).
    func pictures(_ project: URL, at instants: [UInt64], timeout: UInt64) throws -> (ScreenshotCamera, [Canvas]) {
        let sup = try Supervisor(project: project)
        let camera = try ScreenshotCamera(supervisor: sup, projectName: "test", file: URL(fileURLWithPath: "/dev/null"), at: nil)
        camera.attach()
        var shots: [Canvas] = []
        for t in instants {
            _ = sup.board.clock.schedule(at: t) { shots.append(camera.render()) }
        }
        _ = sup.runHeadless(timeoutNanoseconds: timeout)
        while shots.count < instants.count, let next = sup.board.clock.nextDeadline { sup.board.advance(to: next) }
        XCTAssertEqual(shots.count, instants.count, "every picture was taken")
        return (camera, shots)
    }

    func testLEDAreaLightsWhenFirmwareSwitchesItOn() throws {
        let project = try makeProject(parts: #"{"id": "alarm", "type": "led", "pins": {"A": "GP16"}, "color": "red"}"#,
                                      files: ["main.py": """
            from machine import Pin
            import time
            led = Pin(16, Pin.OUT, value=0)
            time.sleep(1)
            led.on()
            time.sleep(1)
            """])
        let (camera, shots) = try pictures(project, at: [500_000_000, 1_500_000_000], timeout: 3_000_000_000)
        guard shots.count == 2, let card = camera.scene.layout.cards.first else { return XCTFail("no LED card") }
        let pic = camera.scene.layout.cardPicture(card)
        let bulb = (Int(pic.center.x), Int(pic.y + pic.height * 0.42))
        let off = shots[0].pixel(bulb.0, bulb.1), on = shots[1].pixel(bulb.0, bulb.1)
        XCTAssertLessThan(off.r, 150, "dark red while off: \(off)")
        XCTAssertGreaterThan(on.r, 230, "bright red while on: \(on)")
        XCTAssertLessThan(on.g, 80)
        // The glow reaches beyond the bulb only when lit.
        let beside = (Int(pic.center.x + pic.width * 0.34), bulb.1)
        XCTAssertNotEqual(shots[0].pixel(beside.0, beside.1), shots[1].pixel(beside.0, beside.1))
    }

    func testOnBoardLEDFollowsPinLED() throws {
        let project = try makeProject(parts: "", files: ["main.py": """
            from machine import Pin
            import time
            led = Pin("LED", Pin.OUT)
            led.off()
            time.sleep(1)
            led.on()
            time.sleep(1)
            """])
        let (camera, shots) = try pictures(project, at: [500_000_000, 1_500_000_000], timeout: 3_000_000_000)
        guard shots.count == 2, let light = camera.scene.art.lights.first else { return XCTFail("no pictures") }
        let r = camera.scene.layout.boardRect(x: light.x, y: light.y, w: light.w, h: light.h)
        let c = (Int(r.center.x), Int(r.center.y))
        let off = shots[0].pixel(c.0, c.1), on = shots[1].pixel(c.0, c.1)
        XCTAssertGreaterThan(on.g, 200, "green when lit: \(on)")
        XCTAssertLessThan(Int(on.r) + Int(on.b), Int(off.r) + Int(off.b), "the light turns from white to green: \(off) → \(on)")
    }

    func testDevKitRGBLEDShowsTheOnboardNeoPixel() throws {
        let project = try makeProject(board: "esp32s3", parts: "", files: ["main.py": """
            import machine, neopixel, time
            np = neopixel.NeoPixel(machine.Pin(48), 1)
            time.sleep(1)
            np[0] = (0, 0, 255)
            np.write()
            time.sleep(1)
            """])
        let (camera, shots) = try pictures(project, at: [500_000_000, 1_500_000_000], timeout: 3_000_000_000)
        guard shots.count == 2, let light = camera.scene.art.lights.first(where: { $0.kind == "rgb" }) else {
            return XCTFail("no pictures")
        }
        let r = camera.scene.layout.boardRect(x: light.x, y: light.y, w: light.w, h: light.h)
        let before = shots[0].pixel(Int(r.center.x), Int(r.center.y)), after = shots[1].pixel(Int(r.center.x), Int(r.center.y))
        XCTAssertGreaterThan(after.b, 200, "blue once written: \(after)")
        XCTAssertLessThan(after.r, 120)
        XCTAssertGreaterThan(before.r, 200, "white-ish while dark: \(before)")
    }

    func testFanDrawingTurnsWhileItRunsAndStandsStillWhenOff() throws {
        let parts = """
            {"id": "fan_relay", "type": "relay", "pins": {"IN": "GP15"}, "load": "fan"},
            {"id": "fan", "type": "fan"}
            """
        let project = try makeProject(parts: parts, files: ["main.py": """
            from machine import Pin
            import time
            relay = Pin(15, Pin.OUT, value=0)
            time.sleep(2)
            relay.on()
            time.sleep(10)
            """])
        let instants: [UInt64] = [1_000_000_000, 1_100_000_000, 5_000_000_000, 5_100_000_000]
        let (camera, shots) = try pictures(project, at: instants, timeout: 13_000_000_000)
        guard shots.count == 4, camera.scene.layout.cards.count == 2 else { return XCTFail("no fan card") }
        let pic = camera.scene.layout.cardPicture(camera.scene.layout.cards[1])
        let still = zip(pixels(of: shots[0], in: pic), pixels(of: shots[1], in: pic)).filter { $0 != $1 }.count
        let moving = zip(pixels(of: shots[2], in: pic), pixels(of: shots[3], in: pic)).filter { $0 != $1 }.count
        XCTAssertEqual(still, 0, "a fan that is off looks the same at two instants")
        XCTAssertGreaterThan(moving, 200, "a running fan's blades have moved")
    }

    func testScreenshotFileIsAPNGOfTheWindow() throws {
        let project = try makeProject(parts: #"{"id": "alarm", "type": "led", "pins": {"A": "GP16"}}"#,
                                      files: ["main.py": "print('hello from the board')\n"])
        let file = project.appendingPathComponent("shot.png")
        let sup = try Supervisor(project: project)
        let camera = try ScreenshotCamera(supervisor: sup, projectName: "test", file: file, at: 2_000_000_000)
        camera.attach()
        _ = sup.runHeadless(timeoutNanoseconds: 1_000_000_000)
        try camera.finish()
        XCTAssertEqual(sup.board.clock.now, 2_000_000_000, "the board idled on to the picture's instant")
        let png = try [UInt8](Data(contentsOf: file))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let decoded = try XCTUnwrap(PNGDecoding.decode(png))
        XCTAssertEqual(decoded.width, 1280)
        XCTAssertEqual(decoded.height, 800)
        XCTAssertTrue(camera.scene.console.text.contains("hello from the board"), "the console shows the serial output")
    }
}
