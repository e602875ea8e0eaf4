import BoardEmulator
import BreadboxTestSupport
@testable import BoardSupervisor
@testable import FirmwareAPI
import Foundation
import PythonRuntime
import XCTest

/// End-to-end acceptance tests of the firmware layer: the thermostat examples'
/// projects (circuit.json + drive) run headless through the Supervisor, as
/// `breadbox run PROJECT --headless --timeout T --set ...` runs them, with real
/// Adafruit libraries from PyPI on the CircuitPython drive.
final class EndToEndTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// Adafruit's BME280 library with BusDevice and Register (the releases
    /// RealLibrariesTests pins), fetched once per run.
    static let bme280Libraries = PyPI.libraries([
        ("adafruit-circuitpython-busdevice", "5.2.17"),
        ("adafruit-circuitpython-register", "1.13.0"),
        ("adafruit-circuitpython-bme280", "2.6.32"),
    ], into: "lib-adafruit-bme280")

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Firmware/examples/thermostat")

    /// A temporary copy of the thermostat example of `flavour` (circuit.json and
    /// drive/), with the Adafruit BME280 libraries in drive/lib when asked, and `files`.
    func project(_ flavour: String, adafruitLibs: Bool = false, files: [String: String] = [:]) throws -> URL {
        let example = Self.examples.appendingPathComponent(flavour)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: example.appendingPathComponent("circuit.json"),
                                         to: dir.appendingPathComponent("circuit.json"))
        try FileManager.default.copyItem(at: example.appendingPathComponent("drive"), to: dir.appendingPathComponent("drive"))
        // Only the libraries the test asks for (not what `breadbox lib install` put in the example).
        let lib = dir.appendingPathComponent("drive/lib")
        try? FileManager.default.removeItem(at: lib)
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        if adafruitLibs {
            let fetched: URL
            switch Self.bme280Libraries {
            case .success(let url): fetched = url
            case .failure(let e):
                XCTFail("pip could not fetch the libraries from PyPI:\n\(e.message)")
                throw e
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: fetched.path) {
                try FileManager.default.copyItem(at: fetched.appendingPathComponent(name), to: lib.appendingPathComponent(name))
            }
        }
        for (name, text) in files {
            let url = dir.appendingPathComponent("drive/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// `breadbox run PROJECT --headless --timeout <timeout> --set ...`, in process.
    func run(_ project: URL, timeout: UInt64, set: [String] = []) throws -> (result: HeadlessResult, log: String, sup: Supervisor) {
        let sup = try Supervisor(project: project)
        for s in set { try sup.apply(set: s) }
        let result = sup.runHeadless(timeoutNanoseconds: timeout)
        return (result, sup.serialLog, sup)
    }

    static let second: UInt64 = 1_000_000_000
    static let hour: UInt64 = 3600 * second

    /// The numbers on the serial log's lines starting with `tag`.
    func numbers(_ log: String, tag: String) -> [[Double]] {
        log.split(whereSeparator: \.isNewline)
            .filter { $0.hasPrefix(tag + " ") }
            .map { $0.split(separator: " ").dropFirst().compactMap { Double($0) } }
    }

    func assertReading(_ log: String, t: Double, h: Double, p: Double, file: StaticString = #filePath, line: UInt = #line) {
        let r = numbers(log, tag: "READING")
        guard r.count == 1, r[0].count == 3 else { return XCTFail("no single reading in:\n\(log)", file: file, line: line) }
        XCTAssertEqual(r[0][0], t, accuracy: 0.1, "temperature\n\(log)", file: file, line: line)
        XCTAssertEqual(r[0][1], h, accuracy: 1, "humidity\n\(log)", file: file, line: line)
        XCTAssertEqual(r[0][2], p, accuracy: 0.5, "pressure\n\(log)", file: file, line: line)
    }

    static let settings: [(t: Double, h: Double, p: Double)] = [(18.25, 62, 998.4), (33.7, 20, 1030)]

    func sets(_ s: (t: Double, h: Double, p: Double)) -> [String] {
        ["environment.temperature=\(s.t)", "environment.humidity=\(s.h)", "environment.pressure=\(s.p)"]
    }

    // MARK: 1. CircuitPython + Adafruit's BME280 library

    static let circuitPythonReading = """
        import board
        import busio
        from adafruit_bme280 import basic as adafruit_bme280
        i2c = busio.I2C(board.GP5, board.GP4)
        bme = adafruit_bme280.Adafruit_BME280_I2C(i2c, address=0x77)
        print("READING", bme.temperature, bme.relative_humidity, bme.pressure)
        """

    func testCircuitPythonAdafruitBME280ReadsTheSetEnvironment() throws {
        let p = try project("circuitpython", adafruitLibs: true, files: ["code.py": Self.circuitPythonReading])
        for s in Self.settings {
            let r = try run(p, timeout: 10 * Self.second, set: sets(s))
            XCTAssertEqual(r.result, .finished, r.log)
            assertReading(r.log, t: s.t, h: s.h, p: s.p)
        }
    }

    /// The same through the built `breadbox` binary, as a user types it.
    func testCircuitPythonReadingThroughTheBreadboxBinary() throws {
        guard let bin = BuiltProducts.executable("breadbox") else {
            throw XCTSkip("breadbox binary not built")
        }
        let p = try project("circuitpython", adafruitLibs: true, files: ["code.py": Self.circuitPythonReading])
        for s in Self.settings {
            let proc = Process()
            proc.executableURL = bin
            proc.arguments = ["run", p.path, "--headless", "--timeout", "10s"] + sets(s).flatMap { ["--set", $0] }
            let out = Pipe()
            proc.standardOutput = out
            proc.standardError = FileHandle.nullDevice
            try proc.run()
            let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            proc.waitUntilExit()
            XCTAssertEqual(proc.terminationStatus, 0, log)
            assertReading(log, t: s.t, h: s.h, p: s.p)
        }
    }

    // MARK: 2. MicroPython + our datasheet driver (Firmware/lib, frozen)

    func testMicroPythonDatasheetDriverReadsTheSetEnvironment() throws {
        let main = """
            from machine import I2C, Pin
            from bme280 import BME280
            t, p, h = BME280(I2C(0, scl=Pin(5), sda=Pin(4)), address=0x77).read()
            print("READING", t, h, p / 100)
            """
        let p = try project("micropython", files: ["main.py": main])
        for s in Self.settings {
            let r = try run(p, timeout: 10 * Self.second, set: sets(s))
            XCTAssertEqual(r.result, .finished, r.log)
            assertReading(r.log, t: s.t, h: s.h, p: s.p)
        }
    }

    // MARK: 3. The thermostats as shipped

    func fan(_ sup: Supervisor) throws -> Fan {
        guard case .fan(let f)? = sup.assembly.part("fan") else { throw XCTSkip("no fan part") }
        return f
    }

    func checkThermostat(_ flavour: String, adafruitLibs: Bool) throws {
        let p = try project(flavour, adafruitLibs: adafruitLibs)
        // Hot: the fan comes on and the room cools.
        let hot = try run(p, timeout: Self.hour, set: ["environment.temperature=31.5"])
        XCTAssertEqual(hot.result, .timeout, hot.log)
        XCTAssertEqual(hot.result.exitCode(), 42)
        let lines = hot.log.split(whereSeparator: \.isNewline).filter { $0.contains(" C  ") }
        XCTAssertGreaterThanOrEqual(lines.count, 700, hot.log)  // one reading every 5 s for an hour
        XCTAssertTrue(lines.first?.hasSuffix("fan on") ?? false, hot.log)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix("fan on") }, hot.log)
        let temps = lines.compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }
        XCTAssertEqual(temps.first ?? 0, 31.5, accuracy: 0.1, hot.log)
        XCTAssertLessThan(temps.last ?? 99, (temps.first ?? 0) - 3, "the fan cools the room")
        XCTAssertTrue(try fan(hot.sup).isPowered)
        XCTAssertLessThan(hot.sup.assembly.environment.sensedTemperature, 31.5 - 3)
        // Comfortable: the fan stays off.
        let mild = try run(p, timeout: Self.hour, set: ["environment.temperature=20"])
        XCTAssertEqual(mild.result, .timeout, mild.log)
        let mildLines = mild.log.split(whereSeparator: \.isNewline).filter { $0.contains(" C  ") }
        XCTAssertGreaterThanOrEqual(mildLines.count, 700, mild.log)
        XCTAssertTrue(mildLines.allSatisfy { $0.hasSuffix("fan off") && $0.hasPrefix("20.0") }, mild.log)
        XCTAssertFalse(try fan(mild.sup).isPowered)
    }

    func testMicroPythonThermostatAsShipped() throws {
        try checkThermostat("micropython", adafruitLibs: false)
    }

    func testCircuitPythonThermostatAsShipped() throws {
        try checkThermostat("circuitpython", adafruitLibs: true)
    }

    // MARK: 4. time.sleep(1) measures one second

    func testMicroPythonSleepOneSecondMeasures1000ms() throws {
        let main = """
            import time
            a = time.ticks_ms()
            time.sleep(1)
            b = time.ticks_ms()
            print("MS", time.ticks_diff(b, a))
            """
        let r = try run(try project("micropython", files: ["main.py": main]), timeout: 10 * Self.second)
        XCTAssertEqual(r.result, .finished, r.log)
        XCTAssertEqual(numbers(r.log, tag: "MS").first?.first ?? -1, 1000, accuracy: 2, r.log)
    }

    func testCircuitPythonSleepOneSecondMeasures1000ms() throws {
        let code = """
            import time
            import supervisor
            a = supervisor.ticks_ms()
            m = time.monotonic()
            time.sleep(1)
            b = supervisor.ticks_ms()
            n = time.monotonic()
            print("MS", (b - a) & 0x3FFFFFFF, (n - m) * 1000)
            """
        let r = try run(try project("circuitpython", files: ["code.py": code]), timeout: 10 * Self.second)
        XCTAssertEqual(r.result, .finished, r.log)
        let ms = numbers(r.log, tag: "MS").first ?? []
        XCTAssertEqual(ms.count, 2, r.log)
        for v in ms { XCTAssertEqual(v, 1000, accuracy: 2, r.log) }
    }
}
