import BoardSupervisor
import Foundation
import Scenario
import XCTest

/// Scenarios run in-process against the fixture projects (virtual time: fast).
final class ScenarioTests: XCTestCase {
    var dirs: [URL] = []
    override func tearDown() { for d in dirs { try? FileManager.default.removeItem(at: d) } }

    /// A copy of `Fixtures/NAME` (write-file writes into it) with `yaml` as its
    /// scenario, on `board` when given (the fixture's pins renamed: GPn ↔ IOn).
    func fixture(_ name: String, _ yaml: String, board: String? = nil) throws -> (Supervisor, URL) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: dir)
        dirs.append(dir)
        if let board {
            let file = dir.appendingPathComponent("circuit.json")
            var json = try String(contentsOf: file, encoding: .utf8)
            for b in ["pico_w", "esp32s3"] { json = json.replacingOccurrences(of: "\"board\": \"\(b)\"", with: "\"board\": \"\(board)\"") }
            let (from, to) = board == "pico_w" ? ("\"IO", "\"GP") : ("\"GP", "\"IO")
            json = json.replacingOccurrences(of: from, with: to)
            // The BME280 on each board's default I2C pins.
            json = json.replacingOccurrences(of: board == "pico_w" ? "\"GP8\"" : "\"IO4\"", with: board == "pico_w" ? "\"GP4\"" : "\"IO8\"")
                .replacingOccurrences(of: board == "pico_w" ? "\"GP9\"" : "\"IO5\"", with: board == "pico_w" ? "\"GP5\"" : "\"IO9\"")
            try json.write(to: file, atomically: true, encoding: .utf8)
        }
        let file = dir.appendingPathComponent("test.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return (try Supervisor(project: dir), file)
    }

    func run(_ name: String, _ yaml: String, board: String? = nil, timeout: UInt64? = 20_000_000_000) throws -> (ScenarioOutcome, Supervisor) {
        let (sup, file) = try fixture(name, yaml, board: board)
        let scenario = try ScenarioFile(contentsOf: file, circuit: sup.assembly)
        let runner = ScenarioRunner(scenario: scenario, supervisor: sup, projectName: name)
        return (runner.run(timeoutNanoseconds: timeout), sup)
    }

    func refusal(_ yaml: String) throws -> ScenarioError? {
        let (sup, file) = try fixture("button-micropython", yaml)
        do { _ = try ScenarioFile(contentsOf: file, circuit: sup.assembly) } catch { return error }
        return nil
    }

    static let header = "name: t\nversion: 1\nsteps:\n"

    /// A Wokwi project with the scenario written for it in Wokwi's terms (part
    /// ids, the board's id from diagram.json) runs as it is.
    func testAWokwiProjectsScenarioRunsUnchanged() throws {
        let projects = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("WokwiProjects")
        for (name, file, printed) in [("pico-w-lights-knob-relay", "knob-drives-relay.yaml", "relay 1\r\n"),
                                      ("esp32s3-breadboard-ring", "knob-and-button.yaml", "button pressed\r\n"),
                                      ("pico-w-dht22-switch", "switch-and-cold-room.yaml", "off  -5.5 C  72.0 %\r\n")] {
            let project = projects.appendingPathComponent(name)
            let sup = try Supervisor(project: project)
            let scenario = try ScenarioFile(contentsOf: project.appendingPathComponent("scenarios/\(file)"), circuit: sup.assembly)
            let outcome = ScenarioRunner(scenario: scenario, supervisor: sup, projectName: name).run(timeoutNanoseconds: 20_000_000_000)
            XCTAssertEqual(outcome, .passed, name)
            XCTAssertTrue(sup.serialLog.contains(printed), sup.serialLog)
        }
    }

    /// Every step but the MQTT ones (ScenarioMQTTTests), each flavour on each board.
    static func everyStep(board: String) -> String {
        header + """
          - wait-serial: ready
          - write-serial: "hello\\r"
          - wait-serial: got hello
          - write-serial: [104, 105, 13]
          - wait-serial: got hi
          - expect-pin: {part-id: led, name: A, value: 0}
          - set-control: {part-id: btn, name: pressed, value: 1}
          - wait-pin: {part-id: led, name: A, value: 1, timeout: 100ms}
          - delay: 50ms
          - expect-pin: {part-id: board, name: \(board == "pico_w" ? "GP15" : "IO15"), value: 1}
          - expect-pin: {part-id: \(board), name: \(board == "pico_w" ? "GP15" : "IO15"), value: 1}
          - set-control: {part-id: btn, control: pressed, value: 0}
          - wait-pin: {part-id: led, pin: A, value: 0, timeout: 100ms}
          - expect-serial: got hello
          - expect-no-serial: Traceback
          - set-environment: {temperature: 30, humidity: 60}
          - set-control: {part-id: env, name: pressure, value: 990}
          - network-down:
          - network-up: true
          - take-screenshot: {part-id: led, save-to: led.png}
          - take-screenshot: {part-id: led, compare-with: led.png}
          - take-screenshot: {part-id: board, save-to: board.png}
          - name: reset
            reset:
          - wait-serial: ready
          - write-file: {path: extra.txt, content: "saved"}
          - wait-serial: soft reboot
          - wait-serial: ready
          """
    }

    func testEveryStepPassesOnBothFlavoursAndBoards() throws {
        for fixture in ["button-micropython", "button-circuitpython"] {
            for board in ["pico_w", "esp32s3"] {
                let (outcome, sup) = try run(fixture, Self.everyStep(board: board), board: board)
                XCTAssertEqual(outcome, .passed, "\(fixture) on \(board): \(sup.serialLog)")
                XCTAssertEqual(sup.assembly.environment.temperature, 30)
                XCTAssertEqual(sup.assembly.environment.pressure, 990)
                XCTAssertEqual(try sup.drive.readFile("/extra.txt"), Array("saved".utf8))
            }
        }
    }

    func testPinsControlsAndResetOnCircuitPython() throws {
        let (outcome, _) = try run("button-circuitpython", Self.header + """
          - wait-serial: ready
          - set-control: {part-id: btn, name: pressed, value: 1}
          - wait-pin: {part-id: led, name: A, value: 1, timeout: 100ms}
          - expect-pin: {part-id: esp32s3, name: IO15, value: 1}
          - reset:
          - expect-pin: {part-id: led, name: A, value: 0}
          - wait-serial: ready
          - wait-pin: {part-id: led, name: A, value: 1, timeout: 100ms}
          """)
        XCTAssertEqual(outcome, .passed)
    }

    func testAFailedStepSaysWhenWhichStepWhatWasExpectedAndWhatWasFound() throws {
        let (outcome, _) = try run("button-micropython", Self.header + """
          - wait-serial: ready
          - name: lit without a press
            expect-pin: {part-id: led, name: A, value: 1}
          """)
        guard case .failed(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.hasPrefix("["), message)
        XCTAssertTrue(message.contains("s] step 2 (lit without a press): expected led:A to be 1, found 0"), message)
        XCTAssertEqual(outcome.exitCode(), 1)
    }

    func testAWaitPinPastItsTimeoutFails() throws {
        let (outcome, _) = try run("button-micropython", Self.header + "  - wait-pin: {part-id: led, name: A, value: 1, timeout: 200ms}\n")
        guard case .failed(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.hasPrefix("[0.2"), message)
    }

    func testAScenarioPastTheRunTimeoutTimesOutWithExitCode42() throws {
        let (outcome, _) = try run("button-micropython", Self.header + "  - wait-serial: never printed\n", timeout: 3_000_000_000)
        guard case .timedOut(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.hasPrefix("[3.00") && message.contains("s] timeout: step 1 (wait-serial)"), message)
        XCTAssertEqual(outcome.exitCode(), 42)
        XCTAssertEqual(outcome.exitCode(timeoutExitCode: 7), 7)
    }

    func testAScreenshotThatDiffersFailsNamingThePixel() throws {
        let (outcome, _) = try run("button-micropython", Self.header + """
          - take-screenshot: {part-id: led, save-to: dark.png}
          - set-control: {part-id: btn, name: pressed, value: 1}
          - delay: 50ms
          - take-screenshot: {part-id: led, compare-with: dark.png}
          """)
        guard case .failed(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.contains("step 4 (take-screenshot): screenshot mismatch with dark.png at x,y=("), message)
    }

    // MARK: Refusals: file, line, reason

    func assertRefused(_ steps: String, line: Int, _ reason: String, file: StaticString = #filePath, l: UInt = #line) throws {
        guard let e = try refusal(Self.header + steps) else { return XCTFail("accepted", file: file, line: l) }
        XCTAssertTrue(e.file.hasSuffix("test.yaml"), e.description, file: file, line: l)
        XCTAssertEqual(e.line, line, e.description, file: file, line: l)
        XCTAssertTrue(e.reason.contains(reason), e.description, file: file, line: l)
        XCTAssertTrue(e.description.contains("test.yaml:\(line): "), e.description, file: file, line: l)
    }

    func testAnUnknownStepIsRefused() throws {
        try assertRefused("  - delay: 1ms\n  - blink-twice: 3\n", line: 5, "unknown step \"blink-twice\"")
    }

    func testABadFieldIsRefused() throws {
        try assertRefused("  - expect-pin: {part-id: led, name: A, value: 1, colour: red}\n", line: 4, "unknown field \"colour\"")
        try assertRefused("  - expect-pin: {part-id: led, name: A, value: 2}\n", line: 4, "value must be 0 or 1")
        try assertRefused("  - write-serial: [1, 300]\n", line: 4, "0 to 255")
    }

    func testAnUnknownPartOrPinIsRefused() throws {
        try assertRefused("  - expect-pin: {part-id: lamp, name: A, value: 1}\n", line: 4, "no part has id \"lamp\"")
        try assertRefused("  - expect-pin: {part-id: led, name: K, value: 1}\n", line: 4, "a led has no pin \"K\" (pins: A)")
        try assertRefused("  - expect-pin: {part-id: board, name: GP99, value: 1}\n", line: 4, "\"GP99\" is not a pin of pico_w")
    }

    func testAReadOnlyPartOrUnknownControlIsRefused() throws {
        try assertRefused("  - set-control: {part-id: led, name: brightness, value: 1}\n", line: 4, "a led has no controls")
        try assertRefused("  - set-control: {part-id: btn, name: position, value: 1}\n", line: 4, "no control \"position\"")
    }

    /// The Wokwi project with a slide switch and a DHT22, a scenario checked against it.
    func wokwiRefusal(_ steps: String) throws -> ScenarioError? {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("WokwiProjects/pico-w-dht22-switch")
        let sup = try Supervisor(project: project)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).yaml")
        try (Self.header + steps).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        do { _ = try ScenarioFile(contentsOf: file, circuit: sup.assembly) } catch { return error }
        return nil
    }

    func testTheSwitchsAndTheDHT22sControlsAndPinsAreChecked() throws {
        for (step, reason) in [("set-control: {part-id: sw1, control: value, value: 0.5}", "value is 0 (left) or 1 (right)"),
                               ("set-control: {part-id: sw1, control: pressed, value: 1}", "a slide-switch has no control \"pressed\" (controls: value)"),
                               ("set-control: {part-id: dht1, control: temperature, value: 85}", "temperature 85.0 is outside -40.0...80.0"),
                               ("set-control: {part-id: dht1, control: pressure, value: 1000}", "no control \"pressure\" (controls: humidity, temperature)"),
                               ("expect-pin: {part-id: sw1, pin: \"1\", value: 0}", "pin 1 of sw1 is on GND, not on a pin of the board"),
                               ("expect-pin: {part-id: dht1, pin: VCC, value: 1}", "a dht22 has no pin \"VCC\" (pins: SDA)")] {
            let e = try wokwiRefusal("  - \(step)\n")
            XCTAssertEqual(e?.line, 4, step)
            XCTAssertTrue(e?.reason.contains(reason) == true, "\(step): \(String(describing: e))")
        }
        XCTAssertNil(try wokwiRefusal("  - expect-pin: {part-id: dht1, pin: SDA, value: 1}\n  - set-control: {part-id: dht1, control: humidity, value: 100}\n"))
    }

    func testADurationWithoutItsUnitIsRefused() throws {
        try assertRefused("  - delay: 1ms\n  - delay: 500\n", line: 5, "has no unit")
        try assertRefused("  - wait-pin: {part-id: led, name: A, value: 1, timeout: 2}\n", line: 4, "has no unit")
    }

    func testBadYAMLIsRefusedWithItsLine() throws {
        try assertRefused("  - delay: 1ms\n  - wait-serial: [unclosed\n", line: 6, "not valid YAML")
    }

    func testAStepWithTwoCommandsIsRefused() throws {
        try assertRefused("  - delay: 1ms\n    wait-serial: x\n", line: 5, "exactly one command")
    }

    func testBadMQTTStepsAreRefused() throws {
        try assertRefused("  - mqtt-publish: {topic: cmd/#, payload: x}\n", line: 4, "is not a topic to publish on (no wildcards)")
        try assertRefused("  - mqtt-publish: {topic: cmd/fan}\n", line: 4, "mqtt-publish: missing `payload`")
        try assertRefused("  - mqtt-publish: {topic: cmd/fan, payload: x, retain: maybe}\n", line: 4, "retain must be true or false")
        try assertRefused("  - expect-mqtt: {topic: a/#/b}\n", line: 4, "\"a/#/b\" is not a topic filter")
        try assertRefused("  - expect-mqtt: {topic: a, payload: x, contains: y}\n", line: 4, "give `payload` or `contains`, not both")
    }
}
