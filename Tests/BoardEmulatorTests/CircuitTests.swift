import XCTest
@testable import BoardEmulator

final class CircuitTests: XCTestCase {
    static let example = """
    {
      "board": "pico_w",
      "flavor": "circuitpython",
      "environment": {"temperature": 24.0, "humidity": 45.0, "pressure": 1013.25},
      "parts": [
        {"id": "env", "type": "bme280", "pins": {"SDA": "GP4", "SCL": "GP5"}, "address": 119},
        {"id": "fan_relay", "type": "relay", "pins": {"IN": "GP15"}, "load": "fan"},
        {"id": "fan", "type": "fan"},
        {"id": "alarm", "type": "led", "pins": {"A": "GP16"}, "color": "red"}
      ]
    }
    """

    var tempDir: URL!

    override func setUpWithError() throws {
        tempDir = FileManager.default.temporaryDirectory.appendingPathComponent("circuit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tempDir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tempDir) }

    func write(_ text: String, name: String = "circuit.json") throws -> URL {
        let url = tempDir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The example with one textual replacement.
    func example(_ old: String, _ new: String) -> String {
        precondition(CircuitTests.example.contains(old), old)
        return CircuitTests.example.replacingOccurrences(of: old, with: new)
    }

    func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> CircuitError? {
        let url = try write(text)
        do {
            _ = try Circuit.load(from: url)
            XCTFail("accepted", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.file, "circuit.json", file: file, line: line)
            return error
        }
    }

    func assertRefused(_ text: String, field: String, reasonContains: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        guard let e = try refusal(text, file: file, line: line) else { return }
        XCTAssertEqual(e.field, field, "\(e)", file: file, line: line)
        XCTAssertTrue(e.reason.contains(reasonContains), "\(e)", file: file, line: line)
        XCTAssertTrue(e.description.hasPrefix("circuit.json: field \"\(field)\": "), e.description, file: file, line: line)
    }

    // MARK: Loading

    func testTheExampleLoads() throws {
        let c = try Circuit.load(from: try write(CircuitTests.example))
        XCTAssertEqual(c.board, "pico_w")
        XCTAssertEqual(c.firmwareFlavour, .circuitpython)
        XCTAssertEqual(c.environment, .init(temperature: 24, humidity: 45, pressure: 1013.25))
        XCTAssertEqual(c.parts.map(\.id), ["env", "fan_relay", "fan", "alarm"])
        XCTAssertEqual(c.parts[0].address, 119)
        XCTAssertEqual(c.parts[1].load, "fan")
    }

    func testTheThermostatExampleFileLoadsAndBuilds() throws {
        let url = BoardDefinition.sourceTreeDirectory.deletingLastPathComponent()
            .appendingPathComponent("Firmware/examples/thermostat/circuitpython/circuit.json")
        let a = try CircuitAssembly(contentsOf: url)
        XCTAssertEqual(a.parts.count, 4)
        XCTAssertEqual(a.board.flavour, .circuitpython)
    }

    func testTheAssemblyWiresEverything() throws {
        let a = try CircuitAssembly(contentsOf: try write(CircuitTests.example))
        let b = a.board
        // The BME280 is on I2C0 (GP4/GP5) at 0x77 and reads the environment.
        XCTAssertEqual(b.i2cController(0)!.scan(), [0x77])
        XCTAssertEqual(b.i2cController(1)!.scan(), [])
        XCTAssertEqual(b.i2cController(0)!.readMemory(0x77, register: [0xD0], count: 1), .success([0x60]))
        XCTAssertEqual(a.environment.temperature, 24)
        XCTAssertTrue(a.bme280("env")!.environment === a.environment)
        // The relay drives the fan, which cools the environment.
        let relay = try XCTUnwrap(a.relay("fan_relay")), fan = try XCTUnwrap(a.fan("fan"))
        let gp15 = b.pin(named: "GP15")!
        b.gpio.configure(gp15, direction: .output, value: true)
        XCTAssertTrue(relay.isEnergized)
        XCTAssertTrue(fan.isPowered)
        b.advance(by: 1_500_000_000)
        XCTAssertEqual(fan.speedFraction, 1 - exp(-1), accuracy: 1e-9)
        b.advance(by: 3600 * 1_000_000_000)
        a.environment.update(to: b.clock.now)
        XCTAssertEqual(a.environment.sensedTemperature, 18, accuracy: 0.01)
        // The LED.
        let led = try XCTUnwrap(a.led("alarm"))
        b.gpio.configure(b.pin(named: "GP16")!, direction: .output, value: true)
        XCTAssertEqual(led.apparentColor, RGBColor(255, 0, 0))
        XCTAssertNil(a.part("nope"))
        XCTAssertNil(a.led("fan"))
    }

    func testOtherPartTypesBuildOnTheESP32S3() throws {
        let text = """
        {"board": "esp32s3", "flavor": "micropython",
         "parts": [
           {"id": "env", "type": "bme280", "pins": {"SDA": "IO8", "SCL": "IO9"}, "address": 118},
           {"id": "strip", "type": "neopixel", "pins": {"DIN": "NEOPIXEL"}, "count": 8},
           {"id": "btn", "type": "button", "pins": {"A": "IO0"}, "bounce": true},
           {"id": "knob", "type": "potentiometer", "pins": {"SIG": "IO1"}, "position": 0.25},
           {"id": "r", "type": "relay", "pins": {"IN": "IO10"}, "activeLow": true}
         ]}
        """
        let a = try CircuitAssembly(contentsOf: try write(text))
        XCTAssertEqual(a.environment.temperature, Environment().temperature, "defaults without an environment")
        // Any pins on the ESP32-S3: every controller can reach the sensor.
        if case .bme280(_, let buses)? = a.part("env") { XCTAssertEqual(buses, [0, 1]) } else { XCTFail() }
        XCTAssertEqual(a.board.i2cController(1)!.scan(), [0x76])
        XCTAssertEqual(a.neoPixel("strip")!.count, 8)
        XCTAssertTrue(a.neoPixel(on: .gpio(48)) === a.neoPixel("strip"))
        let ch = try XCTUnwrap(a.board.definition.adcChannel(forGPIO: 1))
        XCTAssertEqual(a.board.adc.readRaw(ch), a.board.adc.rawValue(volts: 0.825))
        a.board.gpio.configure(.gpio(0), direction: .input, pull: .up)
        a.button("btn")!.press()
        a.board.advance(by: 10_000_000)
        XCTAssertFalse(a.board.gpio.read(.gpio(0)))
        XCTAssertFalse(a.relay("r")!.isEnergized)
    }

    // MARK: Refusals: file + field + reason

    func testUnreadableFile() throws {
        do {
            _ = try Circuit.load(from: tempDir.appendingPathComponent("missing.json"))
            XCTFail()
        } catch {
            XCTAssertEqual(error.file, "missing.json")
            XCTAssertTrue(error.reason.contains("cannot be read"))
        }
    }

    func testRefusesUnknownKeys() throws {
        try assertRefused(example("\"board\": \"pico_w\",", "\"board\": \"pico_w\", \"wires\": [],"), field: "wires", reasonContains: "unknown key")
        try assertRefused(example("\"pressure\": 1013.25", "\"pressure\": 1013.25, \"wind\": 3"), field: "environment.wind", reasonContains: "unknown key")
        try assertRefused(example("\"color\": \"red\"", "\"color\": \"red\", \"colour\": \"red\""), field: "parts[3].colour", reasonContains: "unknown key")
    }

    func testRefusesMissingAndMistypedFields() throws {
        try assertRefused(example("\"flavor\": \"circuitpython\",", ""), field: "flavor", reasonContains: "missing")
        try assertRefused(example("\"address\": 119", "\"address\": \"0x77\""), field: "parts[0].address", reasonContains: "expected an integer")
    }

    func testRefusesNonJSON() throws {
        let e = try XCTUnwrap(try refusal("{"))
        XCTAssertEqual(e.field, "")
        XCTAssertTrue(e.description.hasPrefix("circuit.json: "))
    }

    func testRefusesUnknownBoardAndFlavour() throws {
        try assertRefused(example("\"pico_w\"", "\"pico_x\""), field: "board", reasonContains: "unknown board \"pico_x\" (known: esp32s3, pico_w)")
        try assertRefused(example("\"circuitpython\"", "\"arduino\""), field: "flavor", reasonContains: "unknown flavour \"arduino\"")
    }

    func testRefusesUnknownPartTypes() throws {
        try assertRefused(example("\"type\": \"fan\"", "\"type\": \"heater\""), field: "parts[2].type", reasonContains: "unknown part type \"heater\"")
    }

    func testRefusesUnknownPinNames() throws {
        try assertRefused(example("\"GP15\"", "\"GP99\""), field: "parts[1].pins.IN", reasonContains: "\"GP99\" is not a pin of pico_w under circuitpython")
        // ESP32-S3 names do not exist on the Pico W.
        try assertRefused(example("\"GP16\"", "\"IO16\""), field: "parts[3].pins.A", reasonContains: "\"IO16\" is not a pin")
        try assertRefused(example("{\"IN\": \"GP15\"}", "{\"OUT\": \"GP15\"}"), field: "parts[1].pins.OUT", reasonContains: "a relay has no pin \"OUT\"")
        try assertRefused(example("{\"A\": \"GP16\"}", "{}"), field: "parts[3].pins", reasonContains: "missing pin \"A\"")
        try assertRefused(example("\"SCL\": \"GP5\"", "\"SCL\": \"GP7\""), field: "parts[0].pins", reasonContains: "not the SDA/SCL pins of any I2C controller")
    }

    func testRefusesDuplicateIDs() throws {
        try assertRefused(example("\"id\": \"alarm\"", "\"id\": \"env\""), field: "parts[3].id", reasonContains: "\"env\" is already used by parts[0]")
    }

    func testRefusesARelayLoadNamingNoPart() throws {
        try assertRefused(example("\"load\": \"fan\"", "\"load\": \"fan2\""), field: "parts[1].load", reasonContains: "no part has id \"fan2\"")
        try assertRefused(example("\"load\": \"fan\"", "\"load\": \"alarm\""), field: "parts[1].load", reasonContains: "not a load")
    }

    func testRefusesBadValues() throws {
        try assertRefused(example("\"address\": 119", "\"address\": 64"), field: "parts[0].address", reasonContains: "not a BME280 address")
        try assertRefused(example("\"color\": \"red\"", "\"color\": \"infrared\""), field: "parts[3].color", reasonContains: "is not a colour")
        try assertRefused(example("\"temperature\": 24.0", "\"temperature\": 240.0"), field: "environment.temperature", reasonContains: "outside")
        try assertRefused(example("{\"id\": \"fan\", \"type\": \"fan\"}", "{\"id\": \"fan\", \"type\": \"fan\", \"color\": \"red\"}"),
                          field: "parts[2].color", reasonContains: "a fan has no \"color\"")
        try assertRefused(example("{\"id\": \"fan\", \"type\": \"fan\"}", "{\"id\": \"fan\", \"type\": \"potentiometer\", \"pins\": {\"SIG\": \"GP15\"}}"),
                          field: "parts[2].pins.SIG", reasonContains: "has no ADC channel")
        try assertRefused(example("{\"id\": \"fan\", \"type\": \"fan\"}", "{\"id\": \"fan\", \"type\": \"neopixel\", \"pins\": {\"DIN\": \"GP2\"}}"),
                          field: "parts[2].count", reasonContains: "missing")
    }

    // MARK: --set

    func testSetAttributeAndEnvironment() throws {
        let a = try CircuitAssembly(contentsOf: try write(CircuitTests.example))
        try a.setAttribute(partID: "alarm", name: "color", value: "green")
        XCTAssertEqual(a.led("alarm")!.rgb, RGBColor(0, 255, 0))
        a.board.advance(by: 60_000_000_000)
        try a.setEnvironment(name: "temperature", value: "31.5")
        XCTAssertEqual(a.environment.temperature, 31.5)
        XCTAssertEqual(a.environment.lastUpdate, a.board.clock.now, "brought up to now before the change")
        try a.setEnvironment(name: "humidity", value: "60")
        XCTAssertEqual(a.environment.humidity, 60)

        func refused(_ body: () throws(CircuitError) -> Void, field: String, _ reason: String, line: UInt = #line) {
            do { try body(); XCTFail("accepted", line: line) } catch {
                XCTAssertEqual(error.file, "--set", line: line)
                XCTAssertEqual(error.field, field, line: line)
                XCTAssertTrue(error.reason.contains(reason), "\(error)", line: line)
            }
        }
        refused({ () throws(CircuitError) in try a.setAttribute(partID: "alarm", name: "color", value: "octarine") }, field: "alarm.color", "not a colour")
        refused({ () throws(CircuitError) in try a.setAttribute(partID: "siren", name: "color", value: "red") }, field: "siren.color", "no part has id \"siren\"")
        refused({ () throws(CircuitError) in try a.setAttribute(partID: "alarm", name: "size", value: "3") }, field: "alarm.size", "no settable \"size\"")
        refused({ () throws(CircuitError) in try a.setAttribute(partID: "fan", name: "rpm", value: "3") }, field: "fan.rpm", "no settable attributes")
        refused({ () throws(CircuitError) in try a.setEnvironment(name: "temperature", value: "hot") }, field: "environment.temperature", "not a number")
        refused({ () throws(CircuitError) in try a.setEnvironment(name: "temperature", value: "300") }, field: "environment.temperature", "outside")
        refused({ () throws(CircuitError) in try a.setEnvironment(name: "wind", value: "3") }, field: "environment.wind", "no \"wind\"")
    }

    func testSetButtonAndPotentiometer() throws {
        let text = """
        {"board": "pico_w", "flavor": "micropython",
         "parts": [{"id": "btn", "type": "button", "pins": {"A": "GP14"}},
                   {"id": "knob", "type": "potentiometer", "pins": {"SIG": "GP26"}}]}
        """
        let a = try CircuitAssembly(contentsOf: try write(text))
        a.board.gpio.configure(.gpio(14), direction: .input, pull: .up)
        try a.setAttribute(partID: "btn", name: "pressed", value: "true")
        XCTAssertFalse(a.board.gpio.read(.gpio(14)))
        try a.setAttribute(partID: "knob", name: "position", value: "1")
        XCTAssertEqual(a.board.adc.readRaw(a.board.definition.adcChannel(forGPIO: 26)!), 4095)
        do { try a.setAttribute(partID: "btn", name: "pressed", value: "maybe"); XCTFail() } catch {
            XCTAssertTrue(error.reason.contains("not true or false"))
        }
    }

    // MARK: Slide switch and DHT22

    static let switchAndSensor = """
    {"board": "pico_w", "flavor": "micropython",
     "parts": [{"id": "sw", "type": "slide-switch", "pins": {"1": "GND", "2": "GP14", "3": "3V3"}, "value": 1},
               {"id": "dht", "type": "dht22", "pins": {"SDA": "GP2"}, "humidity": 71.5}]}
    """

    func testASlideSwitchAndADHT22BuildAndTakeSet() throws {
        let a = try CircuitAssembly(contentsOf: try write(CircuitTests.switchAndSensor))
        let sw = try XCTUnwrap(a.slideSwitch("sw"))
        XCTAssertEqual(sw.pin, .gpio(14))
        XCTAssertEqual(sw.pinTerminal, .common)
        XCTAssertTrue(a.board.gpio.read(.gpio(14)), "value 1: right, terminal 3 on 3V3")
        try a.setAttribute(partID: "sw", name: "value", value: "0")
        XCTAssertFalse(a.board.gpio.read(.gpio(14)))
        let dht = try XCTUnwrap(a.dht22("dht"))
        XCTAssertTrue(a.dht22(on: .gpio(2)) === dht)
        XCTAssertNil(dht.temperature, "the room's")
        XCTAssertEqual(dht.humidity, 71.5)
        try a.setAttribute(partID: "dht", name: "temperature", value: "-7.5")
        XCTAssertEqual(dht.temperature, -7.5)
        try a.setAttribute(partID: "dht", name: "humidity", value: "room")
        XCTAssertNil(dht.humidity)
        do { try a.setAttribute(partID: "sw", name: "value", value: "0.5"); XCTFail() } catch {
            XCTAssertTrue(error.reason.contains("not 0 (left) or 1 (right)"), "\(error)")
        }
        do { try a.setAttribute(partID: "dht", name: "temperature", value: "81"); XCTFail() } catch {
            XCTAssertTrue(error.reason.contains("not a number in -40...80"), "\(error)")
        }
    }

    func testRefusesBadSlideSwitchesAndDHT22s() throws {
        func variant(_ old: String, _ new: String) -> String {
            precondition(CircuitTests.switchAndSensor.contains(old), old)
            return CircuitTests.switchAndSensor.replacingOccurrences(of: old, with: new)
        }
        try assertRefused(variant("\"3\": \"3V3\"", "\"3\": \"GP15\""), field: "parts[0].pins",
                          reasonContains: "terminals 2, 3 are each on a pin")
        try assertRefused(variant("\"2\": \"GP14\"", "\"2\": \"GND\""), field: "parts[0].pins", reasonContains: "no terminal is on a pin")
        try assertRefused(variant("\"1\": \"GND\"", "\"1\": \"5V\""), field: "parts[0].pins.1", reasonContains: "\"5V\" is not a pin of pico_w")
        try assertRefused(variant("\"1\": \"GND\"", "\"4\": \"GND\""), field: "parts[0].pins.4", reasonContains: "no pin \"4\"")
        try assertRefused(variant("\"value\": 1", "\"value\": 2"), field: "parts[0].value", reasonContains: "not 0 (left) or 1 (right)")
        try assertRefused(variant("\"humidity\": 71.5", "\"humidity\": 100.5"), field: "parts[1].humidity", reasonContains: "outside")
        try assertRefused(variant("\"humidity\": 71.5", "\"value\": 1"), field: "parts[1].value", reasonContains: "a dht22 has no \"value\"")
        try assertRefused(variant("{\"SDA\": \"GP2\"}", "{\"DATA\": \"GP2\"}"), field: "parts[1].pins.DATA", reasonContains: "no pin \"DATA\"")
    }
}
