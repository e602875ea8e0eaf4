@testable import BoardEmulator
import Foundation
import XCTest

/// diagram.json to circuit: what maps, and each refusal, named with the
/// part's id, its type and the reason.
final class WokwiConversionTests: XCTestCase {
    static let pico = #"{ "type": "board-pi-pico-w", "id": "pico", "attrs": {} }"#

    func diagram(_ parts: [String], _ wires: [(String, String)]) throws -> WokwiDiagram {
        let w = wires.map { #"["\#($0.0)", "\#($0.1)", "green", []]"# }
        let json = #"{"version": 1, "parts": [\#(parts.joined(separator: ","))], "connections": [\#(w.joined(separator: ","))]}"#
        do { return try WokwiDiagram.decode(Data(json.utf8)) } catch { throw error }
    }

    func convert(_ parts: [String], _ wires: [(String, String)]) throws -> WokwiConversion {
        let d = try diagram(parts, wires)
        do { return try WokwiConversion.convert(d) } catch { throw error }
    }

    func refusal(_ parts: [String], _ wires: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> WokwiRefusal {
        let d = try diagram(parts, wires)
        do {
            let c = try WokwiConversion.convert(d)
            XCTFail("converted: \(c.circuit)", file: file, line: line)
            return WokwiRefusal(file: "", problems: [])
        } catch {
            return error
        }
    }

    func testAnLEDWhoseAnodeReachesAGPIOThroughAResistorIsOnThatGPIO() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-led", "id": "led1", "attrs": {"color": "green"}}"#,
                             #"{"type": "wokwi-resistor", "id": "r1", "attrs": {"value": "220"}}"#],
                            [("pico:GP15", "r1:2"), ("r1:1", "led1:A"), ("led1:C", "pico:GND.3")])
        XCTAssertEqual(c.circuit.board, "pico_w")
        XCTAssertEqual(c.circuit.flavor, "micropython")
        let led = try XCTUnwrap(c.circuit.parts.first)
        XCTAssertEqual(led.id, "led1")
        XCTAssertEqual(led.type, "led")
        XCTAssertEqual(led.pins, ["A": "GP15"])
        XCTAssertEqual(led.color, "green")
        XCTAssertNil(led.activeLow)
    }

    func testAResistorBetweenTheCathodeAndGroundKeepsTheLEDOnItsGPIO() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-led", "id": "led1"}"#, #"{"type": "wokwi-resistor", "id": "r1"}"#],
                            [("pico:GP2", "led1:A"), ("led1:C", "r1:1"), ("r1:2", "pico:GND.1")])
        XCTAssertEqual(c.circuit.parts.first?.pins, ["A": "GP2"])
    }

    func testAnLEDFrom3V3ToAGPIOThroughABreadboardIsActiveLow() throws {
        let c = try convert([#"{"type": "board-esp32-s3-devkitc-1", "id": "esp"}"#, #"{"type": "wokwi-breadboard", "id": "bb1"}"#,
                             #"{"type": "wokwi-led", "id": "led1"}"#],
                            [("esp:3V3.1", "bb1:tp.1"), ("led1:A", "bb1:tp.30"), ("led1:C", "bb1:12b.f"), ("bb1:12b.j", "esp:4")])
        XCTAssertEqual(c.circuit.board, "esp32s3")
        XCTAssertEqual(c.circuit.parts.first?.pins, ["A": "IO4"])
        XCTAssertEqual(c.circuit.parts.first?.activeLow, true)
    }

    func testTheBoardsEnvChoosesCircuitPython() throws {
        let board = #"{ "type": "board-pi-pico-w", "id": "pico", "attrs": {"env": "circuitpython-8.0.2"} }"#
        XCTAssertEqual(try convert([board], []).circuit.flavor, "circuitpython")
    }

    func testButtonsPotentiometersRelaysAndRingsKeepTheirIdsAndAttributes() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-pushbutton", "id": "b", "attrs": {"bounce": "0"}}"#,
                             #"{"type": "wokwi-potentiometer", "id": "k", "attrs": {"value": "1023"}}"#,
                             #"{"type": "wokwi-relay-module", "id": "rl", "attrs": {"transistor": "pnp"}}"#,
                             #"{"type": "wokwi-led-ring", "id": "ring"}"#],
                            [("b:1.r", "pico:GP3"), ("b:2.l", "pico:3V3"), ("k:SIG", "pico:GP27"), ("rl:IN", "pico:GP4"),
                             ("rl:COM", "pico:VBUS"), ("ring:DIN", "pico:GP5")])
        let byID = Dictionary(uniqueKeysWithValues: c.circuit.parts.map { ($0.id, $0) })
        XCTAssertEqual(byID["b"]?.wiredTo, "3V3")
        XCTAssertEqual(byID["b"]?.bounce, false)
        XCTAssertEqual(byID["k"]?.position, 1)
        XCTAssertEqual(byID["k"]?.pins, ["SIG": "GP27"])
        XCTAssertEqual(byID["rl"]?.activeLow, true)
        XCTAssertEqual(byID["ring"]?.count, 16)
    }

    func testAnUnknownPartIsRefusedByIdTypeAndReason() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-servo", "id": "servo1"}"#], [("servo1:PWM", "pico:GP2")])
        XCTAssertEqual(r.problems.map(\.partID), ["servo1"])
        XCTAssertTrue(r.description.contains("servo1 (wokwi-servo): Breadbox has no such part"), r.description)
    }

    func testADHT22KeepsItsIdAndReadsItsAttributesOrWokwisDefaults() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-dht22", "id": "dht1", "attrs": {"temperature": "-12.3", "humidity": "88"}}"#,
                             #"{"type": "wokwi-dht22", "id": "dht2"}"#],
                            [("dht1:SDA", "pico:GP15"), ("dht1:VCC", "pico:3V3"), ("dht1:GND", "pico:GND.1"), ("dht2:SDA", "pico:GP16")])
        let byID = Dictionary(uniqueKeysWithValues: c.circuit.parts.map { ($0.id, $0) })
        XCTAssertEqual(byID["dht1"]?.type, "dht22")
        XCTAssertEqual(byID["dht1"]?.pins, ["SDA": "GP15"])
        XCTAssertEqual(byID["dht1"]?.temperature, -12.3)
        XCTAssertEqual(byID["dht1"]?.humidity, 88)
        XCTAssertEqual(byID["dht2"]?.temperature, 24, "wokwi-dht22's default temperature")
        XCTAssertEqual(byID["dht2"]?.humidity, 40, "wokwi-dht22's default humidity")
        XCTAssertNil(c.circuit.environment, "each DHT22 reads its own values, not the room")
    }

    func testAPullUpOnADHT22sDataWireIsAPullResistor() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-dht22", "id": "dht1"}"#, #"{"type": "wokwi-resistor", "id": "r1", "attrs": {"value": "10000"}}"#],
                            [("dht1:SDA", "pico:GP15"), ("r1:1", "dht1:SDA"), ("r1:2", "pico:3V3")])
        XCTAssertEqual(c.circuit.parts.map(\.id), ["dht1", "r1"])
        XCTAssertEqual(c.circuit.parts.last?.type, "pull-resistor")
        XCTAssertEqual(c.circuit.parts.last?.wiredTo, "3V3")
        // To GND it is no DHT22 wiring: a pull-down like any other.
        let down = try convert([Self.pico, #"{"type": "wokwi-dht22", "id": "dht1"}"#, #"{"type": "wokwi-resistor", "id": "r1"}"#],
                               [("dht1:SDA", "pico:GP15"), ("r1:1", "dht1:SDA"), ("r1:2", "pico:GND.1")])
        XCTAssertEqual(down.circuit.parts.first { $0.id == "r1" }?.type, "pull-resistor")
    }

    func testADHT22OutsideItsRangeOrOnNoGPIOIsRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-dht22", "id": "hot", "attrs": {"temperature": "95"}}"#,
                             #"{"type": "wokwi-dht22", "id": "wet", "attrs": {"humidity": "lots"}}"#,
                             #"{"type": "wokwi-dht22", "id": "loose"}"#],
                            [("hot:SDA", "pico:GP2"), ("wet:SDA", "pico:GP3"), ("loose:SDA", "pico:3V3")])
        XCTAssertEqual(r.problems.map(\.partID), ["hot", "wet", "loose"])
        XCTAssertTrue(r.description.contains("hot (wokwi-dht22): temperature \"95\" is not a number from -40 to 80"), r.description)
        XCTAssertTrue(r.description.contains("wet (wokwi-dht22): humidity \"lots\" is not a number from 0 to 100"), r.description)
        XCTAssertTrue(r.description.contains("loose (wokwi-dht22): its data pin (SDA) reaches no GPIO of pico"), r.description)
    }

    func testASlideSwitchKeepsItsTerminalsPositionAndBounce() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-slide-switch", "id": "sw1", "attrs": {"value": "1"}}"#,
                             #"{"type": "wokwi-slide-switch", "id": "sw2", "attrs": {"bounce": "0"}}"#],
                            [("sw1:1", "pico:GND.2"), ("sw1:2", "pico:GP14"), ("sw1:3", "pico:3V3"),
                             ("sw2:2", "pico:3V3"), ("sw2:3", "pico:GP9")])
        let byID = Dictionary(uniqueKeysWithValues: c.circuit.parts.map { ($0.id, $0) })
        XCTAssertEqual(byID["sw1"]?.type, "slide-switch")
        XCTAssertEqual(byID["sw1"]?.pins, ["1": "GND", "2": "GP14", "3": "3V3"])
        XCTAssertEqual(byID["sw1"]?.value, 1)
        XCTAssertEqual(byID["sw1"]?.bounce, true, "Wokwi bounces a switch unless bounce is \"0\"")
        XCTAssertEqual(byID["sw2"]?.pins, ["2": "3V3", "3": "GP9"], "terminal 1 on nothing is left out")
        XCTAssertEqual(byID["sw2"]?.value, 0)
        XCTAssertEqual(byID["sw2"]?.bounce, false)
    }

    func testASlideSwitchBetweenGPIOsOrToAnotherPartIsRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-slide-switch", "id": "two"}"#,
                             #"{"type": "wokwi-slide-switch", "id": "router"}"#, #"{"type": "wokwi-led", "id": "led1"}"#,
                             #"{"type": "wokwi-slide-switch", "id": "odd", "attrs": {"value": "up"}}"#],
                            [("two:1", "pico:GP2"), ("two:2", "pico:GP3"),
                             ("router:2", "pico:GP4"), ("router:1", "led1:A"), ("led1:C", "pico:GND.1"),
                             ("odd:2", "pico:GP5"), ("odd:1", "pico:GND.2")])
        XCTAssertEqual(r.problems.map(\.partID), ["two", "router", "led1", "odd"])
        XCTAssertTrue(r.description.contains("two (wokwi-slide-switch): terminals 1, 2 each reach a GPIO"), r.description)
        XCTAssertTrue(r.description.contains("router (wokwi-slide-switch): terminal 1 reaches led1:A"), r.description)
        XCTAssertTrue(r.description.contains("odd (wokwi-slide-switch): value \"up\" is not"), r.description)
    }

    /// A resistor from a GPIO's net to a rail is that pin's pull: a part of its
    /// own, with its value, so a button wired to 3V3 over a pull-down reads as on Wokwi.
    func testAPullResistorBecomesThePinsPull() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-resistor", "id": "r9", "attrs": {"value": "4700"}}"#,
                             #"{"type": "wokwi-pushbutton", "id": "b"}"#],
                            [("pico:GP14", "r9:1"), ("r9:2", "pico:GND.2"), ("b:1.l", "pico:GP14"), ("b:2.l", "pico:3V3")])
        let pull = try XCTUnwrap(c.circuit.parts.first { $0.id == "r9" })
        XCTAssertEqual(pull.type, "pull-resistor")
        XCTAssertEqual(pull.pins, ["A": "GP14"])
        XCTAssertEqual(pull.wiredTo, "GND")
        XCTAssertEqual(pull.ohms, 4700)
        let assembly = try CircuitAssembly(circuit: c.circuit)
        let pin = assembly.board.pin(named: "GP14")!
        XCTAssertFalse(assembly.board.gpio.level(pin), "released: the pull-down holds the pin low")
        assembly.button("b")!.press()
        XCTAssertTrue(assembly.board.gpio.level(pin), "pressed: 3V3 through the button")

        let r = try refusal([Self.pico, #"{"type": "wokwi-resistor", "id": "r1", "attrs": {"value": "lots"}}"#],
                            [("pico:GP2", "r1:1"), ("r1:2", "pico:3V3")])
        XCTAssertTrue(r.description.contains("r1 (wokwi-resistor): value \"lots\" is not a resistance in ohms"), r.description)
    }

    func testARelaySwitchingAnLEDIsRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-relay-module", "id": "rl"}"#, #"{"type": "wokwi-led", "id": "lamp"}"#],
                            [("rl:IN", "pico:GP4"), ("rl:COM", "pico:3V3"), ("rl:NO", "lamp:A"), ("lamp:C", "pico:GND.1")])
        XCTAssertEqual(Set(r.problems.map(\.partID)), ["rl", "lamp"])
        XCTAssertTrue(r.description.contains("rl (wokwi-relay-module): its contacts switch lamp"), r.description)
    }

    func testAnLEDBetweenTwoGPIOsIsRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-led", "id": "led1"}"#], [("led1:A", "pico:GP2"), ("led1:C", "pico:GP3")])
        XCTAssertTrue(r.description.contains("led1 (wokwi-led): its anode is on GPIO2 and its cathode on GPIO3"), r.description)
    }

    func testBoardsBreadboxDoesNotEmulateAreRefused() throws {
        let r = try refusal([#"{"type": "wokwi-pi-pico", "id": "pico"}"#], [])
        XCTAssertTrue(r.description.contains("pico (wokwi-pi-pico): Breadbox emulates only these boards: board-esp32-s3-devkitc-1, board-pi-pico-w"),
                      r.description)
    }

    func testAWireToABoardPinBreadboxDoesNotModelIsRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-pushbutton", "id": "b"}"#], [("b:1.l", "pico:RUN"), ("b:2.l", "pico:GND.1")])
        XCTAssertTrue(r.description.contains("pico (board-pi-pico-w): pin RUN is not one Breadbox models"), r.description)
    }

    func testAnArduinoBoardEnvIsRefused() throws {
        let r = try refusal([#"{ "type": "board-esp32-s3-devkitc-1", "id": "esp", "attrs": {"env": "arduino-esp32"} }"#], [])
        XCTAssertTrue(r.description.contains("env \"arduino-esp32\" is not a MicroPython or CircuitPython firmware"), r.description)
    }

    func testChainedNeoPixelsAreRefused() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-neopixel", "id": "p1"}"#, #"{"type": "wokwi-neopixel", "id": "p2"}"#],
                            [("p1:DIN", "pico:GP6"), ("p1:DOUT", "p2:DIN")])
        XCTAssertTrue(r.description.contains("p1 (wokwi-neopixel): it is chained on to p2:DIN"), r.description)
    }

    func testAPotentiometerOnAPinWithoutADCIsRefusedAsTheWokwiPart() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-potentiometer", "id": "knob"}"#], [("knob:SIG", "pico:GP2")])
        XCTAssertTrue(r.description.contains("knob (wokwi-potentiometer): \"GP2\" has no ADC channel"), r.description)
    }

    func testEveryProblemIsNamedInOneRefusal() throws {
        let r = try refusal([Self.pico, #"{"type": "wokwi-dht22", "id": "dht1", "attrs": {"temperature": "-41"}}"#,
                             #"{"type": "wokwi-servo", "id": "s1"}"#],
                            [("dht1:SDA", "pico:GP1"), ("s1:PWM", "pico:GP2")])
        XCTAssertEqual(r.problems.map(\.partID), ["dht1", "s1"])
        XCTAssertTrue(r.description.hasPrefix("diagram.json: cannot be run as it is: dht1"), r.description)
    }

    func testLabelsAndUnwiredPartsAreLeftOutWithANote() throws {
        let c = try convert([Self.pico, #"{"type": "wokwi-text", "id": "t"}"#, #"{"type": "wokwi-led", "id": "spare"}"#], [])
        XCTAssertTrue(c.circuit.parts.isEmpty)
        XCTAssertEqual(c.notes, ["t (wokwi-text): a label", "spare (wokwi-led): not wired to anything"])
    }
}
