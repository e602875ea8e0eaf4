import BoardEmulator
import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// The seed example's CircuitPython flavour, Firmware/examples/weather-thermostat/
/// circuitpython (Pico W) and circuitpython-esp32s3, with Adafruit's libraries from
/// PyPI in drive/lib as circup would put them: offline from the shipped recording
/// of Open-Meteo's answer, and live against a real mosquitto broker.
final class CircuitPythonWeatherExampleTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Firmware/examples/weather-thermostat")
    /// (board, example folder)
    static let boards = [("pico_w", "circuitpython"), ("esp32s3", "circuitpython-esp32s3")]

    /// What `circup install adafruit_requests adafruit_connection_manager
    /// adafruit_minimqtt adafruit_bme280` brings, at the versions the other tests pin.
    static let libraries = PyPI.libraries([
        ("adafruit-circuitpython-requests", "4.1.17"),
        ("adafruit-circuitpython-connectionmanager", "3.1.8"),
        ("adafruit-circuitpython-minimqtt", "8.1.0"),
        ("adafruit-circuitpython-ticks", "1.1.7"),
        ("adafruit-circuitpython-busdevice", "5.2.17"),
        ("adafruit-circuitpython-register", "1.13.0"),
        ("adafruit-circuitpython-bme280", "2.6.32"),
    ], into: "circuitpython-weather-libs")

    private var copies: [URL] = []
    override func tearDown() {
        for d in copies { try? FileManager.default.removeItem(at: d) }
    }

    /// The example copied to a temporary folder, the libraries in its drive/lib.
    func project(_ folder: String) throws -> URL {
        let lib: URL
        switch Self.libraries {
        case .success(let url): lib = url
        case .failure(let e): throw XCTSkip("pip could not fetch the libraries from PyPI:\n\(e.message)")
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("cpweather-\(UUID().uuidString)")
        copies.append(dir)
        try fm.copyItem(at: Self.examples.appendingPathComponent(folder), to: dir)
        let driveLib = dir.appendingPathComponent("drive/lib")
        try? fm.removeItem(at: driveLib)
        try fm.copyItem(at: lib, to: driveLib)
        return dir
    }

    /// Runs headless; `pace` (a factor of real time) lets a real broker keep up
    /// with the board, so what it was sent is delivered before the run closes the network.
    func run(_ project: URL, sets: [String] = [], hosts: [String] = [], seconds: UInt64 = 100,
             pace: Double? = nil) throws -> (Supervisor, String) {
        let sup = try Supervisor(project: project)
        try sup.configureNetwork(.init(hosts: hosts))
        if let pace { sup.adapter.pacer = Pacer(mode: .speedFactor(pace), virtualNow: sup.board.clock.now) }
        for s in sets { try sup.apply(set: s) }
        _ = sup.runHeadless(timeoutNanoseconds: seconds * 1_000_000_000)
        sup.closeNetwork()
        return (sup, sup.printedText)
    }

    func testBothBoardsRunTheSameProgram() throws {
        let code = { (folder: String) in
            try String(contentsOf: Self.examples.appendingPathComponent("\(folder)/drive/code.py"), encoding: .utf8)
        }
        XCTAssertEqual(try code("circuitpython"), try code("circuitpython-esp32s3"))
    }

    func testOfflineFromTheRecordingDeterministicAndTheFanFollowsRoomVersusForecast() throws {
        for (board, folder) in Self.boards {
            let p = try project(folder)
            let (warm, first) = try run(p)
            let (_, second) = try run(p)
            XCTAssertEqual(first, second, "\(board): two offline runs differ")
            XCTAssertTrue(first.contains("""
                Wi-Fi: address 192.168.1.2
                forecast: 4.2 C outside
                room 24.00 C  outside 4.2 C  fan on

                """), board + first)
            XCTAssertFalse(first.contains("Traceback"), board + first)
            // No broker on the loopback's 1883 here: the program reports it and goes on.
            XCTAssertTrue(first.contains("MQTT: unavailable, Connect failure\nroom 23.11 C  outside 4.2 C  fan on\n"), board + first)
            XCTAssertTrue(warm.assembly.relay("fan_relay")?.isEnergized ?? false, board)
            XCTAssertEqual(warm.assembly.led("alarm")?.brightness ?? 0, 1, accuracy: 0.01, board)

            // A room only 3.8 °C warmer than outside: fan and LED off.
            let (cool, text) = try run(p, sets: ["environment.temperature=8"])
            XCTAssertTrue(text.contains("room 8.00 C  outside 4.2 C  fan off"), board + text)
            XCTAssertFalse(cool.assembly.relay("fan_relay")?.isEnergized ?? true, board)
            XCTAssertEqual(cool.assembly.led("alarm")?.brightness ?? 1, 0, accuracy: 0.01, board)
        }
    }

    func testReadingsArePublishedToARealBroker() throws {
        for (board, folder) in Self.boards {
            let p = try project(folder)
            let broker = try MosquittoBroker()
            let sub = try broker.client("mosquitto_sub", ["-i", "watcher", "-t", "home/thermostat", "-C", "2", "-W", "20"])
            XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from watcher"), broker.log)
            let (_, out) = try run(p, hosts: ["broker.local=127.0.0.1:\(broker.port)"], seconds: 40, pace: 20)
            XCTAssertTrue(out.contains("MQTT: connected to broker.local"), board + out)
            XCTAssertTrue(sub.waitForExit(seconds: 20), board)
            XCTAssertEqual(sub.output, """
                {"room": 24.0, "humidity": 45.0, "outside": 4.2, "fan": true}
                {"room": 23.11, "humidity": 45.0, "outside": 4.2, "fan": true}

                """, board + out)
        }
    }
}
