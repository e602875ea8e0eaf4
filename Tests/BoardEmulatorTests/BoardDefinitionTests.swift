import XCTest
@testable import BoardEmulator

final class BoardDefinitionTests: XCTestCase {
    func load(_ id: String) throws -> BoardDefinition {
        do { return try BoardDefinition.load(id: id) } catch { XCTFail("\(error)"); throw error }
    }

    /// The pico_w.json text with one edit applied, decoded as "pico_w.json".
    func refusal(_ edit: (inout [String: Any]) -> Void) -> BoardDefinitionError? {
        let url = BoardDefinition.sourceTreeDirectory.appendingPathComponent("pico_w.json")
        var obj = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edit(&obj)
        let data = try! JSONSerialization.data(withJSONObject: obj)
        do { _ = try BoardDefinition.decode(data, file: "pico_w.json"); return nil } catch { return error }
    }

    func testBothBoardFilesLoadWithTheirFacts() throws {
        let pico = try load("pico_w")
        XCTAssertEqual(pico.names.micropython, "Raspberry Pi Pico W with RP2040")
        XCTAssertEqual(pico.flavours.micropython.cpuHz, 125_000_000)
        XCTAssertEqual(pico.flavours.circuitpython.heapBytes, 126_112)
        XCTAssertEqual(pico.flashBytes, 2 * 1024 * 1024)
        XCTAssertEqual(pico.layout.header.count, 40)
        XCTAssertEqual(pico.layout.widthMM, 21); XCTAssertEqual(pico.layout.heightMM, 51)
        let s3 = try load("esp32s3")
        XCTAssertEqual(s3.names.micropython, "Generic ESP32S3 module with ESP32S3")
        XCTAssertEqual(s3.flavours.micropython.cpuHz, 160_000_000)
        XCTAssertEqual(s3.flavours.circuitpython.cpuHz, 240_000_000)
        XCTAssertEqual(s3.flavours.micropython.heapBytes, 244_224)
        XCTAssertEqual(s3.layout.header.count, 44)
        XCTAssertEqual(s3.touchPins, Array(1...14))
    }

    func testEveryFileInBoardDefsLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(at: BoardDefinition.sourceTreeDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        XCTAssertGreaterThanOrEqual(files.count, 2)
        for f in files {
            do { _ = try BoardDefinition.load(from: f) } catch { XCTFail("\(error)") }
        }
    }

    func testUnknownKeyIsRefusedWithFileFieldAndReason() {
        let e = refusal { o in
            var pins = o["pins"] as! [[String: Any]]
            pins[3]["colour"] = "red"
            o["pins"] = pins
        }
        XCTAssertEqual(e?.file, "pico_w.json")
        XCTAssertEqual(e?.field, "pins[3].colour")
        XCTAssertEqual(e?.reason, "unknown key")
        let top = refusal { $0["wifi"] = true }
        XCTAssertEqual(top?.description, "pico_w.json: field \"wifi\": unknown key")
    }

    func testOutOfRangePinNumberIsRefused() {
        let e = refusal { o in
            var pins = o["pins"] as! [[String: Any]]
            pins[3]["gpio"] = 31
            o["pins"] = pins
        }
        XCTAssertEqual(e?.description, "pico_w.json: field \"pins[3].gpio\": 31 is outside 0...29")
    }

    func testMissingFieldIsRefused() {
        let e = refusal { o in
            var fl = o["flavours"] as! [String: Any]
            var mp = fl["micropython"] as! [String: Any]
            mp["cpuHz"] = nil
            fl["micropython"] = mp
            o["flavours"] = fl
        }
        XCTAssertEqual(e?.description, "pico_w.json: field \"flavours.micropython.cpuHz\": missing")
        XCTAssertEqual(refusal { $0["mcu"] = nil }?.field, "mcu")
    }

    func testWrongTypeAndBadBusPinsAreRefused() {
        XCTAssertEqual(refusal { $0["gpioCount"] = "thirty" }?.description, "pico_w.json: field \"gpioCount\": expected an integer")
        let e = refusal { o in
            var fl = o["flavours"] as! [String: Any]
            var mp = fl["micropython"] as! [String: Any]
            mp["i2cDefaults"] = [["bus": 0, "scl": 4, "sda": 5, "frequency": 400000]]
            fl["micropython"] = mp
            o["flavours"] = fl
        }
        XCTAssertEqual(e?.field, "flavours.micropython.i2cDefaults[0].scl")
    }

    func testDuplicatePinNameIsRefused() {
        let e = refusal { o in
            var pins = o["pins"] as! [[String: Any]]
            pins[5]["circuitpython"] = ["GP4"]
            o["pins"] = pins
        }
        XCTAssertEqual(e?.field, "pins[5].circuitpython[0]")
        XCTAssertTrue(e?.reason.contains("already used by pins[4]") ?? false)
    }

    func testUnreadableFileIsRefusedWithItsName() {
        let url = URL(fileURLWithPath: "/nonexistent/zero_w.json")
        XCTAssertThrowsError(try BoardDefinition.load(from: url)) { e in
            XCTAssertEqual((e as? BoardDefinitionError)?.file, "zero_w.json")
        }
    }

    // MARK: Pin names

    func testPicoWMicroPythonNamesResolveLEDToTheCYW43() throws {
        let d = try load("pico_w")
        XCTAssertEqual(d.pin(named: "LED", flavour: .micropython), .ext(0))
        XCTAssertEqual(d.pin(named: "WL_GPIO0", flavour: .micropython), .ext(0))
        XCTAssertEqual(d.pin(named: "GP4", flavour: .micropython), .gpio(4))
        XCTAssertEqual(d.pin(named: "GPIO29", flavour: .micropython), .gpio(29))
        XCTAssertNil(d.pin(named: "GP25", flavour: .micropython))
        XCTAssertEqual(d.pin(number: 4, flavour: .micropython), .gpio(4))
        XCTAssertEqual(d.pin(number: 25, flavour: .micropython), .gpio(25), "Pin(25) exists but is the CYW43 CS, not the LED")
        XCTAssertNil(d.pin(number: 30, flavour: .micropython))
        XCTAssertEqual(PinRef.ext(0).description, "EXT_GPIO0")
    }

    func testPicoWCircuitPythonBoardNames() throws {
        let d = try load("pico_w")
        XCTAssertEqual(d.pin(named: "GP15", flavour: .circuitpython), .gpio(15))
        XCTAssertEqual(d.pin(named: "GP26_A0", flavour: .circuitpython), .gpio(26))
        XCTAssertEqual(d.pin(named: "GP26", flavour: .circuitpython), .gpio(26))
        XCTAssertEqual(d.pin(named: "A0", flavour: .circuitpython), .gpio(26))
        XCTAssertEqual(d.pin(named: "VOLTAGE_MONITOR", flavour: .circuitpython), .gpio(29))
        XCTAssertEqual(d.pin(named: "A3", flavour: .circuitpython), .gpio(29))
        XCTAssertEqual(d.pin(named: "LED", flavour: .circuitpython), .ext(0))
        XCTAssertEqual(d.pin(named: "SMPS_MODE", flavour: .circuitpython), .ext(1))
        for absent in ["SDA", "SCL", "GP23", "GP25", "GPIO4", "NEOPIXEL"] {
            XCTAssertNil(d.pin(named: absent, flavour: .circuitpython), absent)
        }
        XCTAssertNil(d.pin(number: 4, flavour: .circuitpython))
        let stemma = d.flavours.circuitpython.i2cDefaults.first { $0.name == "STEMMA_I2C" }
        XCTAssertEqual(stemma?.scl, 5); XCTAssertEqual(stemma?.sda, 4)
        XCTAssertEqual(d.names.circuitpythonBoardID, "raspberry_pi_pico_w")
    }

    func testESP32S3Names() throws {
        let d = try load("esp32s3")
        XCTAssertEqual(d.pin(named: "IO8", flavour: .circuitpython), .gpio(8))
        XCTAssertEqual(d.pin(named: "NEOPIXEL", flavour: .circuitpython), .gpio(48))
        XCTAssertEqual(d.pin(named: "TX", flavour: .circuitpython), .gpio(43))
        XCTAssertEqual(d.pin(named: "RX", flavour: .circuitpython), .gpio(44))
        XCTAssertNil(d.pin(named: "SDA", flavour: .circuitpython))
        XCTAssertNil(d.pin(named: "IO26", flavour: .circuitpython))
        XCTAssertEqual(d.pin(number: 48, flavour: .micropython), .gpio(48))
        XCTAssertNil(d.pin(number: 26, flavour: .micropython), "dropped when SPIRAM is enabled")
        XCTAssertNil(d.pin(number: 22, flavour: .micropython), "GPIO22-25 do not exist")
        let i2c0 = d.flavours.micropython.i2cDefaults.first { $0.bus == 0 }
        XCTAssertEqual(i2c0?.scl, 9); XCTAssertEqual(i2c0?.sda, 8)
    }

    // MARK: Bus and peripheral rules

    func testRP2040I2CPinRuleChecksSCLFirst() throws {
        let d = try load("pico_w")
        XCTAssertEqual(d.checkI2CPins(bus: 0, scl: 5, sda: 4), .ok)
        XCTAssertEqual(d.checkI2CPins(bus: 1, scl: 7, sda: 6), .ok)
        XCTAssertEqual(d.checkI2CPins(bus: 0, scl: 4, sda: 5), .badSCL)
        XCTAssertEqual(d.checkI2CPins(bus: 0, scl: 5, sda: 6), .badSDA)
        XCTAssertEqual(d.checkI2CPins(bus: 2, scl: 5, sda: 4), .noSuchBus)
        XCTAssertEqual(d.i2cBus(scl: 27, sda: 26), 1)
        // ESP32-S3: any pad on either bus.
        let s3 = try load("esp32s3")
        XCTAssertEqual(s3.checkI2CPins(bus: 1, scl: 40, sda: 41), .ok)
    }

    func testErrnoForNACKDiffersByPort() throws {
        let pico = try load("pico_w"), s3 = try load("esp32s3")
        XCTAssertEqual(pico.errno(for: .nack(acked: 0), flavour: .micropython), 5)
        XCTAssertEqual(pico.errno(for: .nack(acked: 0), flavour: .micropython, zeroLengthWrite: true), 19)
        XCTAssertEqual(pico.errno(for: .nack(acked: 0), flavour: .circuitpython), 19)
        XCTAssertEqual(s3.errno(for: .nack(acked: 0), flavour: .micropython), 19)
        XCTAssertEqual(pico.errno(for: .timeout, flavour: .micropython), 110)
        XCTAssertEqual(s3.errno(for: .timeout, flavour: .micropython), 116)
    }

    func testADCChannels() throws {
        let d = try load("pico_w")
        XCTAssertEqual(d.adcChannel(forGPIO: 26)?.channel, 0)
        XCTAssertEqual(d.adcChannel(forGPIO: 29)?.channel, 3)
        XCTAssertEqual(d.adcChannel(unit: 0, channel: 4)?.source, "coreTemperature")
        XCTAssertNil(d.adcChannel(forGPIO: 4))
        let s3 = try load("esp32s3")
        XCTAssertEqual(s3.adcChannel(forGPIO: 1)?.unit, 1); XCTAssertEqual(s3.adcChannel(forGPIO: 10)?.channel, 9)
        XCTAssertEqual(s3.adcChannel(forGPIO: 11)?.unit, 2); XCTAssertEqual(s3.adcChannel(forGPIO: 20)?.channel, 9)
        XCTAssertNil(s3.adcChannel(forGPIO: 21))
    }

    func testPWMSliceNamesFollowTheRP2040Rule() throws {
        let d = try load("pico_w")
        XCTAssertEqual(d.pwmName(ofGPIO: 0), "PWM0_A")
        XCTAssertEqual(d.pwmName(ofGPIO: 1), "PWM0_B")
        XCTAssertEqual(d.pwmName(ofGPIO: 15), "PWM7_B")
        XCTAssertEqual(d.pwmName(ofGPIO: 16), "PWM0_A")
        XCTAssertEqual(d.pwmName(ofGPIO: 25), "PWM4_B")
    }

    func testHeaderLayoutFitsTheOutlineAndNamesRealGPIOs() throws {
        let d = try load("pico_w")
        let pin1 = d.layout.header.first { $0.number == 1 }!
        XCTAssertEqual(pin1.label, "GP0"); XCTAssertEqual(pin1.gpio, 0)
        let p40 = d.layout.header.first { $0.number == 40 }!
        XCTAssertEqual(p40.label, "VBUS")
        XCTAssertEqual(p40.y, pin1.y, accuracy: 0.01, "pins 1 and 40 face each other")
        XCTAssertEqual(p40.x - pin1.x, 17.78, accuracy: 0.01)
        let s3 = try load("esp32s3")
        XCTAssertEqual(s3.layout.header.first { $0.label == "TX" }?.gpio, 43)
        XCTAssertEqual(Set(s3.layout.header.compactMap { $0.header }), ["J1", "J3"])
    }
}
