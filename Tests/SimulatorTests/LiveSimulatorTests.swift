import BoardEmulator
import BoardView
import BreadboxTestSupport
import BoardSupervisor
import FirmwareAPI
import Foundation
import Simulator
import XCTest

/// The live board behind the window: its own thread, snapshots out, actions
/// and dropped files in.
final class LiveSimulatorTests: SimulatorTestCase {
    func start(_ project: URL, speed: PacingMode = .speedFactor(4)) throws -> (LiveSimulator, LockedText) {
        let serial = LockedText()
        let sim = try LiveSimulator(project: project, speed: speed, mirror: { serial.append($0) })
        sim.start()
        addTeardownBlock { XCTAssertTrue(sim.stop(), "the firmware thread ends when asked") }
        return (sim, serial)
    }

    func testDroppedFilesGoIntoTheDriveAndTheBoardReloads() throws {
        let project = try makeProject(parts: "", files: ["main.py": "print('first program')\n"])
        let (sim, serial) = try start(project)
        XCTAssertTrue(eventually { serial.value.contains("first program") })

        let lib = try tempFile("helpers.py", "GREETING = 'from lib'\n")
        XCTAssertEqual(sim.drop(lib.path), "copied helpers.py to lib/helpers.py")
        let program = try tempFile("code.py", "import helpers\nprint('second program', helpers.GREETING)\n")
        XCTAssertEqual(sim.drop(program.path), "copied code.py to main.py", "on MicroPython the program is main.py")

        XCTAssertTrue(eventually { serial.value.contains("second program from lib") }, serial.value)
        XCTAssertTrue(serial.value.contains("MPY: soft reboot"), "the board reloaded")
        XCTAssertEqual(try String(contentsOf: project.appendingPathComponent("drive/main.py"), encoding: .utf8),
                       "import helpers\nprint('second program', helpers.GREETING)\n")
        XCTAssertEqual(sim.drop("/no/such/file.py"), "/no/such/file.py: no such file")
    }

    func testCircuitPythonDropReplacesTheProgramItRuns() throws {
        let project = try makeProject(flavour: "circuitpython", parts: "", files: ["code.py": "print('old')\n"])
        XCTAssertEqual(DriveDrop.destination(for: "main.py", isDirectory: false,
                                             driveFolder: project.appendingPathComponent("drive"), flavour: .circuitpython),
                       "code.py", "code.py runs before main.py, so a dropped main.py replaces it")
        let both = try makeProject(flavour: "circuitpython", parts: "",
                                   files: ["main.py": "print('runs')\n", "main.txt": "print('ignored')\n"])
        XCTAssertEqual(DriveDrop.destination(for: "code.py", isDirectory: false,
                                             driveFolder: both.appendingPathComponent("drive"), flavour: .circuitpython),
                       "main.py", "CircuitPython's main.c tries main.py before main.txt")
        XCTAssertEqual(DriveDrop.destination(for: "adafruit_bme280", isDirectory: true,
                                             driveFolder: project.appendingPathComponent("drive"), flavour: .circuitpython),
                       "lib/adafruit_bme280")
        XCTAssertEqual(DriveDrop.destination(for: "settings.toml", isDirectory: false,
                                             driveFolder: project.appendingPathComponent("drive"), flavour: .circuitpython),
                       "settings.toml")
        let big = try tempFile("code.py", String(repeating: "#", count: 2000))
        XCTAssertThrowsError(try DriveDrop.copy(big, into: project.appendingPathComponent("drive"), flavour: .circuitpython,
                                                freeBytes: 100)) { e in
            XCTAssertTrue("\(e)".contains("does not fit on the drive"), "\(e)")
        }
    }

    func testADropNeverWritesThroughALinkThatLeadsOutOfTheDrive() throws {
        let project = try makeProject(parts: "", files: ["main.py": "print('x')\n"])
        let drive = project.appendingPathComponent("drive")
        let outside = try tempFile("keep.py", "KEEP = 1\n").deletingLastPathComponent()
        try FileManager.default.removeItem(at: drive.appendingPathComponent("lib"))
        try FileManager.default.createSymbolicLink(atPath: drive.appendingPathComponent("lib").path,
                                                   withDestinationPath: outside.path)
        let before = try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
        let module = try tempFile("mod.py", "M = 1\n")
        XCTAssertThrowsError(try DriveDrop.copy(module, into: drive, flavour: .micropython, freeBytes: 1 << 20))
        let package = try tempFile("x", "").deletingLastPathComponent().appendingPathComponent("pkg")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try Data("P = 1\n".utf8).write(to: package.appendingPathComponent("__init__.py"))
        XCTAssertThrowsError(try DriveDrop.copy(package, into: drive, flavour: .micropython, freeBytes: 1 << 20))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted(), before)
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("keep.py"), encoding: .utf8), "KEEP = 1\n")
    }

    func testActionsReachTheFirmwareAtOnce() throws {
        let project = try makeProject(parts: #"{"id": "b", "type": "button", "pins": {"A": "GP14"}}"#, files: ["main.py": """
            from machine import Pin
            import time
            b = Pin(14, Pin.IN, Pin.PULL_UP)
            last = b.value()
            while True:
                if b.value() != last:
                    last = b.value()
                    print('button', 'down' if last == 0 else 'up')
                time.sleep_ms(5)
            """])
        let (sim, serial) = try start(project)
        XCTAssertTrue(eventually { sim.take().snapshot.state == .running })
        sim.perform(.setButton(id: "b", pressed: true))
        XCTAssertTrue(eventually { serial.value.contains("button down") }, serial.value)
        sim.perform(.setButton(id: "b", pressed: false))
        XCTAssertTrue(eventually { serial.value.contains("button up") }, serial.value)

        sim.perform(.setEnvironment(.temperature, 30.5))
        XCTAssertTrue(eventually { sim.take().snapshot.environment.temperature == 30.5 })

        sim.perform(.serialInput([3]))
        XCTAssertTrue(eventually { serial.value.contains(">>> ") }, serial.value)
        sim.perform(.serialInput(Array("print(6*7)\r".utf8)))
        XCTAssertTrue(eventually { serial.value.contains("42") }, serial.value)
        XCTAssertTrue(eventually { sim.take().snapshot.state == .interrupted })
    }

    func testTheSwitchAndTheDHT22sActionsReachTheFirmware() throws {
        let project = try makeProject(parts: #"{"id": "sw", "type": "slide-switch", "pins": {"1": "GND", "2": "GP14"}}, {"id": "dht", "type": "dht22", "pins": {"SDA": "GP2"}}"#,
                                      files: ["main.py": """
            from machine import Pin
            import dht, time
            sw = Pin(14, Pin.IN, Pin.PULL_UP)
            d = dht.DHT22(Pin(2))
            while True:
                d.measure()
                print('sw', sw.value(), 't', d.temperature())
                time.sleep(2)
            """])
        let (sim, serial) = try start(project)
        XCTAssertTrue(eventually { serial.value.contains("sw 0 t") }, serial.value)
        sim.perform(.setSlideSwitch(id: "sw", right: true))
        sim.perform(.setDHT22(id: "dht", temperature: -4.5, humidity: nil))
        XCTAssertTrue(eventually { serial.value.contains("sw 1 t -4.5") }, serial.value)
        XCTAssertTrue(eventually {
            if case .dht22(let t, _, _, true, false)? = sim.take().snapshot.parts.last?.kind { return t == -4.5 }
            return false
        })
    }

    func testPauseStopsVirtualTimeAndSpeedChangesIt() throws {
        let project = try makeProject(parts: "", files: ["main.py": "import time\nwhile True:\n    time.sleep_ms(10)\n"])
        let (sim, _) = try start(project, speed: .realTime)
        XCTAssertTrue(eventually { sim.take().snapshot.virtualNanoseconds > 100_000_000 })
        sim.perform(.togglePause)
        XCTAssertTrue(eventually { sim.take().snapshot.state == .paused })
        let t0 = sim.take().snapshot.virtualNanoseconds
        Thread.sleep(forTimeInterval: 0.4)
        XCTAssertEqual(sim.take().snapshot.virtualNanoseconds, t0, "no virtual time passes while paused")
        sim.perform(.togglePause)
        XCTAssertTrue(eventually { sim.take().snapshot.virtualNanoseconds > t0 + 100_000_000 })

        // ×1 → ×64: a wall second now covers many virtual seconds.
        for _ in 0..<5 { sim.perform(.faster) }
        XCTAssertEqual(sim.speedLabel, "×64")
        let v0 = sim.take().snapshot.virtualNanoseconds
        Thread.sleep(forTimeInterval: 0.5)
        let v1 = sim.take().snapshot.virtualNanoseconds
        XCTAssertGreaterThan(v1 - v0, 5_000_000_000, "at ×64 half a wall second is well over 5 virtual seconds")
    }
}
