import BoardEmulator
import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// The seed's example, Firmware/examples/weather-thermostat/micropython: offline
/// from its shipped recording of Open-Meteo's answer, and live against a real
/// mosquitto broker.
final class WeatherThermostatExampleTests: XCTestCase {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Firmware/examples/weather-thermostat/micropython")

    func run(sets: [String] = [], hosts: [String] = [], seconds: UInt64 = 100) throws -> (Supervisor, String) {
        let sup = try Supervisor(project: Self.project)
        try sup.configureNetwork(.init(hosts: hosts))
        for s in sets { try sup.apply(set: s) }
        _ = sup.runHeadless(timeoutNanoseconds: seconds * 1_000_000_000)
        sup.closeNetwork()
        return (sup, sup.printedText)
    }

    func testOfflineFromTheRecordingDeterministicAndTheFanFollowsRoomVersusForecast() throws {
        let (warm, first) = try run()
        let (_, second) = try run()
        XCTAssertEqual(first, second, "two offline runs differ")
        XCTAssertTrue(first.hasPrefix("""
            Wi-Fi: joining HomeNet
            Wi-Fi: address 192.168.1.2
            forecast: 4.2 C outside
            room 24.00 C  outside 4.2 C  fan on

            """), first)
        // No broker on the loopback's 1883 here: the firmware reports it and goes on.
        XCTAssertTrue(first.contains("MQTT: unavailable, [Errno 111] ECONNREFUSED"), first)
        XCTAssertTrue(warm.assembly.relay("fan_relay")?.isEnergized ?? false)
        XCTAssertEqual(warm.assembly.led("alarm")?.brightness ?? 0, 1, accuracy: 0.01)

        // A room only 3.8 °C warmer than outside: fan and LED off.
        let (cool, text) = try run(sets: ["environment.temperature=8"])
        XCTAssertTrue(text.contains("room 8.00 C  outside 4.2 C  fan off"), text)
        XCTAssertFalse(cool.assembly.relay("fan_relay")?.isEnergized ?? true)
        XCTAssertEqual(cool.assembly.led("alarm")?.brightness ?? 1, 0, accuracy: 0.01)
    }

    func testReadingsArePublishedToARealBroker() throws {
        let broker = try MosquittoBroker()
        let sub = try broker.client("mosquitto_sub", ["-i", "watcher", "-t", "home/thermostat", "-C", "2", "-W", "20"])
        XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from watcher"), broker.log)
        let (_, out) = try run(hosts: ["broker.local=127.0.0.1:\(broker.port)"], seconds: 40)
        XCTAssertTrue(out.contains("MQTT: connected to broker.local"), out)
        XCTAssertTrue(sub.waitForExit(seconds: 20))
        XCTAssertEqual(sub.output, """
            {"room": 24.0, "humidity": 45.0, "outside": 4.2, "fan": true}
            {"room": 23.11, "humidity": 45.0, "outside": 4.2, "fan": true}

            """)
    }
}

extension WeatherThermostatExampleTests {
    /// The access point goes away for a minute and comes back; later the broker
    /// dies and returns: the firmware notices, carries on, and reconnects.
    func testRidesOutTheWiFiAndTheBrokerGoingAway() throws {
        let broker = try MosquittoBroker()
        let sub = try broker.client("mosquitto_sub", ["-i", "watcher", "-t", "home/thermostat", "-v"])
        XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from watcher"), broker.log)
        let sup = try Supervisor(project: Self.project)
        try sup.configureNetwork(.init(hosts: ["broker.local=127.0.0.1:\(broker.port)"]))
        // Paced (30× the wall), so the broker, which runs in real time, sees the
        // board's messages before it is stopped.
        sup.adapter.pacer = Pacer(mode: .speedFactor(30), virtualNow: sup.board.clock.now)
        let clock = sup.board.clock, network = sup.network
        clock.schedule(at: 40_000_000_000) { network.isUp = false }
        clock.schedule(at: 100_000_000_000) { network.isUp = true }
        // The broker dies at 130 s of virtual time and is back (same port) at 170 s.
        var restarted: MosquittoBroker?
        clock.schedule(at: 130_000_000_000) { broker.stop() }
        clock.schedule(at: 170_000_000_000) { restarted = try? MosquittoBroker(port: broker.port) }
        _ = sup.runHeadless(timeoutNanoseconds: 230_000_000_000)
        sup.closeNetwork()
        let out = sup.printedText
        XCTAssertNotNil(restarted)
        XCTAssertTrue(out.contains("Wi-Fi: not connected (status 1)"), out)
        XCTAssertEqual(out.components(separatedBy: "MQTT: connected to broker.local").count - 1, 2, out)
        XCTAssertTrue(out.contains("MQTT: unavailable, [Errno 104] ECONNRESET") || out.contains("MQTT: unavailable, [Errno 111] ECONNREFUSED"), out)
        sub.stop()
        // Before the outage (0 s, 30 s) and after it (110 s, 120 s), until the broker died.
        XCTAssertGreaterThanOrEqual(sub.output.components(separatedBy: "\n").filter { $0.hasPrefix("home/thermostat") }.count, 4,
                                    sub.output + broker.log + out)
    }
}
