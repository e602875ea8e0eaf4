import BoardSupervisor
import BreadboxTestSupport
import Foundation
import Scenario
import XCTest

/// `mqtt-publish` and `expect-mqtt` against a real mosquitto on the loopback,
/// the board's firmware talking to it through its own MQTT client.
final class ScenarioMQTTTests: XCTestCase {
    var dirs: [URL] = []
    override func tearDown() { for d in dirs { try? FileManager.default.removeItem(at: d) } }

    static let header = "name: mqtt\nversion: 1\nsteps:\n"

    /// umqtt.simple: subscribes to cmd/#, says hello, and acknowledges every command.
    static let micropythonMain = """
        import network, time
        from umqtt.simple import MQTTClient
        w = network.WLAN(network.STA_IF)
        w.active(True)
        w.connect('Wokwi-GUEST', '')
        while not w.isconnected():
            time.sleep_ms(100)
        got = []
        c = MQTTClient('board', 'broker.test')
        c.set_callback(lambda t, m: got.append((t, m)))
        c.connect()
        c.subscribe(b'cmd/#')
        c.publish(b'status/boot', b'hello')
        print('subscribed')
        while True:
            c.check_msg()
            while got:
                t, m = got.pop(0)
                print('got', t.decode(), m.decode())
                c.publish(b'status/ack', b'{"ack": "' + m + b'"}')
            time.sleep_ms(50)

        """

    /// A project on `board` whose `broker.test` is the broker's port on the loopback.
    func project(board: String, flavor: String, files: [String: String], broker: MosquittoBroker) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-mqtt-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive"), withIntermediateDirectories: true)
        try """
            {"board": "\(board)", "flavor": "\(flavor)", "parts": [],
             "network": {"hosts": {"broker.test": "127.0.0.1:\(broker.port)"}}}
            """.write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent("drive/\(name)"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func run(_ project: URL, _ steps: String) throws -> (ScenarioOutcome, Supervisor) {
        let file = project.appendingPathComponent("test.yaml")
        try (Self.header + steps).write(to: file, atomically: true, encoding: .utf8)
        let sup = try Supervisor(project: project)
        let scenario = try ScenarioFile(contentsOf: file, circuit: sup.assembly)
        return (ScenarioRunner(scenario: scenario, supervisor: sup, projectName: "mqtt").run(timeoutNanoseconds: 30_000_000_000), sup)
    }

    static let roundTrip = """
          - wait-serial: subscribed
          - expect-request: broker.test
          - expect-mqtt: {topic: status/boot, payload: hello}
          - mqtt-publish: {topic: cmd/fan, payload: "on"}
          - wait-serial: got cmd/fan on
          - delay: 200ms
          - expect-mqtt: {topic: status/+, contains: '"ack": "on"'}
          - mqtt-publish: {topic: cmd/led, payload: "off", broker: broker.test}
          - wait-serial: got cmd/led off
          - delay: 200ms
          - expect-mqtt: {topic: "#", payload: '{"ack": "off"}'}

        """

    func testTheScenarioPublishesToTheBoardAndChecksWhatItPublishedOnBothBoards() throws {
        for board in ["pico_w", "esp32s3"] {
            let broker = try MosquittoBroker()
            let p = try project(board: board, flavor: "micropython", files: ["main.py": Self.micropythonMain], broker: broker)
            let (outcome, sup) = try run(p, Self.roundTrip)
            XCTAssertEqual(outcome, .passed, "\(board): \(sup.serialLog)\n\(broker.log)")
            // The broker saw the scenario's own client publish.
            XCTAssertTrue(broker.log.contains("Received PUBLISH from breadbox-scenario-"), broker.log)
        }
    }

    func testCircuitPythonsMiniMQTTTakesTheSameSteps() throws {
        let lib: URL
        switch PyPI.libraries([("adafruit-circuitpython-minimqtt", "8.1.0"),
                               ("adafruit-circuitpython-connectionmanager", "3.1.8"),
                               ("adafruit-circuitpython-ticks", "1.1.7")], into: "circuitpython-mqtt-libs") {
        case .success(let url): lib = url
        case .failure(let e): return XCTFail("pip could not fetch the libraries from PyPI:\n\(e.message)")
        }
        let broker = try MosquittoBroker()
        let code = """
            import time, wifi, adafruit_connection_manager
            import adafruit_minimqtt.adafruit_minimqtt as MQTT
            pool = adafruit_connection_manager.get_radio_socketpool(wifi.radio)
            got = []
            c = MQTT.MQTT(broker='broker.test', socket_pool=pool, client_id='cp-board')
            c.on_message = lambda client, topic, message: got.append((topic, message))
            c.connect()
            c.subscribe('cmd/#')
            c.publish('status/boot', 'hello')
            print('subscribed')
            while True:
                c.loop(1)
                while got:
                    t, m = got.pop(0)
                    print('got', t, m)
                    c.publish('status/ack', '{"ack": "' + m + '"}')

            """
        let settings = "CIRCUITPY_WIFI_SSID = \"Wokwi-GUEST\"\nCIRCUITPY_WIFI_PASSWORD = \"\"\n"
        let p = try project(board: "pico_w", flavor: "circuitpython", files: ["code.py": code, "settings.toml": settings], broker: broker)
        try FileManager.default.copyItem(at: lib, to: p.appendingPathComponent("drive/lib"))
        let (outcome, sup) = try run(p, Self.roundTrip)
        XCTAssertEqual(outcome, .passed, "\(sup.serialLog)\n\(broker.log)")
    }

    func testAMissingPublishFailsNamingWhatWasPublished() throws {
        let broker = try MosquittoBroker()
        let p = try project(board: "pico_w", flavor: "micropython", files: ["main.py": Self.micropythonMain], broker: broker)
        let (outcome, _) = try run(p, "  - wait-serial: subscribed\n  - expect-mqtt: {topic: status/boot, payload: bye}\n")
        guard case .failed(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.contains("step 2 (expect-mqtt): expected a publish on status/boot with payload \"bye\", found only: status/boot \"hello\""), message)
        let (other, _) = try run(p, "  - wait-serial: subscribed\n  - expect-request: api.test\n")
        guard case .failed(let why) = other else { return XCTFail("\(other)") }
        XCTAssertTrue(why.contains("step 2 (expect-request): expected a request to api.test, found only: DNS broker.test"), why)
    }

    func testPublishingBeforeTheBoardHasABrokerFails() throws {
        let broker = try MosquittoBroker()
        let p = try project(board: "pico_w", flavor: "micropython", files: ["main.py": Self.micropythonMain], broker: broker)
        let (outcome, _) = try run(p, "  - mqtt-publish: {topic: cmd/fan, payload: \"on\"}\n")
        guard case .failed(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.contains("step 1 (mqtt-publish): expected the board to be connected to an MQTT broker, found no MQTT connection yet"), message)
        let (unmapped, _) = try run(p, "  - mqtt-publish: {topic: cmd/fan, payload: \"on\", broker: elsewhere.test}\n")
        guard case .failed(let why) = unmapped else { return XCTFail("\(unmapped)") }
        XCTAssertTrue(why.contains("the broker elsewhere.test is not a host the board can reach"), why)
    }
}
