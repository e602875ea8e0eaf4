import BoardEmulator
import BoardSupervisor
import Foundation
import HostPlatform
import XCTest

/// Wokwi projects (diagram.json and the Python files beside it, in
/// Tests/WokwiProjects) run unchanged, and `breadbox convert`'s project runs the same.
final class WokwiProjectTests: XCTestCase {
    static let projects = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("WokwiProjects")
    static let second: UInt64 = 1_000_000_000
    var temporary: [URL] = []

    override func tearDown() {
        for t in temporary { try? FileManager.default.removeItem(at: t) }
    }

    /// The program's output: the serial log before the REPL's banner.
    func programOutput(_ log: String) -> String {
        String(log.components(separatedBy: "MicroPython v")[0])
    }

    func run(_ project: URL, set: [String] = [], seconds: UInt64 = 10) throws -> (result: HeadlessResult, output: String, sup: Supervisor) {
        let sup = try Supervisor(project: project)
        for s in set { try sup.apply(set: s) }
        let result = sup.runHeadless(timeoutNanoseconds: seconds * Self.second)
        return (result, programOutput(sup.serialLog), sup)
    }

    func copy(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wokwi-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.projects.appendingPathComponent(name), to: dir)
        temporary.append(dir)
        return dir
    }

    func testPicoWLightsKnobAndRelayRunUnchanged() throws {
        let r = try run(Self.projects.appendingPathComponent("pico-w-lights-knob-relay"))
        XCTAssertEqual(r.result, .finished, r.sup.serialLog)
        XCTAssertEqual(r.output, "lights done\r\nbutton released\r\nknob 0.7\r\nrelay 1\r\n")
        let a = r.sup.assembly
        XCTAssertEqual(a.board.definition.id, "pico_w")
        XCTAssertEqual(a.led("led_red")?.pin, .gpio(13))
        XCTAssertEqual(a.led("led_green")?.isLit, true)
        XCTAssertEqual(a.led("led_red")?.isLit, false)
        XCTAssertEqual(a.relay("relay1")?.isEnergized, true)
    }

    func testTheButtonKeepsItsWokwiIdForSetAndScenarios() throws {
        let r = try run(Self.projects.appendingPathComponent("pico-w-lights-knob-relay"), set: ["btn1.pressed=true", "pot1.position=0.2"])
        XCTAssertEqual(r.output, "lights done\r\nbutton pressed\r\nknob 0.2\r\nrelay 0\r\n")
        XCTAssertEqual(r.sup.assembly.relay("relay1")?.isEnergized, false)
    }

    func testESP32S3OnABreadboardRunsUnchanged() throws {
        let r = try run(Self.projects.appendingPathComponent("esp32s3-breadboard-ring"), set: ["btn1.pressed=true", "pot1.position=0.5"])
        XCTAssertEqual(r.result, .finished, r.sup.serialLog)
        XCTAssertEqual(r.output, "ring 6 of 12\r\nbutton pressed\r\n")
        let a = r.sup.assembly
        XCTAssertEqual(a.board.definition.id, "esp32s3")
        XCTAssertEqual(a.led("status")?.isLit, true, "active-low: cathode on GPIO4, driven low")
        let ring = try XCTUnwrap(a.neoPixel("ring1"))
        XCTAssertEqual(ring.pixels.filter { $0 != RGBColor(0, 0, 0) }.count, 6)
    }

    func testASlideSwitchAndADHT22RunUnchanged() throws {
        let project = Self.projects.appendingPathComponent("pico-w-dht22-switch")
        let r = try run(project, seconds: 30)
        XCTAssertEqual(r.result, .finished, r.sup.serialLog)
        XCTAssertEqual(r.output, String(repeating: "off  21.5 C  45.8 %\r\n", count: 5) + "done\r\n", "the attributes' values, the switch left")
        // Heating on in a freezing room: the LED lights from the first read.
        let cold = try run(project, set: ["sw1.value=1", "dht1.temperature=-3", "dht1.humidity=room"], seconds: 30)
        XCTAssertTrue(cold.output.hasPrefix("heat  -3.0 C  45.0 %\r\n"), cold.output)
        XCTAssertEqual(cold.sup.assembly.led("heat_led")?.isLit, true)
        XCTAssertEqual(cold.sup.assembly.dht22("dht1")?.readsAnswered, 5)
    }

    func testTheDriveIsTheFolderLessWokwisOwnFiles() throws {
        let dir = try copy("pico-w-lights-knob-relay")
        try """
        import os
        print(sorted(os.listdir('/')))
        for name in ('diagram.json', 'wokwi.toml'):
            try:
                open(name)
            except OSError as e:
                print(name, 'read', e.errno)
            try:
                open(name, 'w')
            except OSError as e:
                print(name, 'write', e.errno)
        with open('log.txt', 'w') as f:
            f.write('kept')
        """.write(to: dir.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent(".hidden"))
        let r = try run(dir)
        XCTAssertEqual(r.output, "['lights.py', 'main.py']\r\ndiagram.json read 2\r\ndiagram.json write 13\r\nwokwi.toml read 2\r\nwokwi.toml write 13\r\n")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("log.txt"), encoding: .utf8), "kept")
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("diagram.json"), encoding: .utf8).contains("board-pi-pico-w"))
    }

    func testSavingAPythonFileReloadsAndEditingTheDiagramDoesNot() throws {
        let dir = try copy("pico-w-lights-knob-relay")
        let sup = try Supervisor(project: dir)
        var t = 0.0
        let watcher = DriveWatcher(root: sup.driveFolder, exclusions: sup.drive.exclusions, clock: { 0 })
        var reported: [Set<String>] = []
        watcher.poll(now: t)
        try "{}".write(to: dir.appendingPathComponent("diagram.json"), atomically: true, encoding: .utf8)
        t += 1; reported += [watcher.poll(now: t)].compactMap { $0 }
        t += 1; reported += [watcher.poll(now: t)].compactMap { $0 }
        XCTAssertEqual(reported, [])
        try "print('saved')\n".write(to: dir.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        t += 1; reported += [watcher.poll(now: t)].compactMap { $0 }
        t += 1; reported += [watcher.poll(now: t)].compactMap { $0 }
        XCTAssertEqual(reported, [["main.py"]])
    }

    func testConvertWritesACircuitThatRunsTheSame() throws {
        for (name, sets) in [("pico-w-lights-knob-relay", ["pot1.position=0.9"]), ("esp32s3-breadboard-ring", ["pot1.position=0.3"]),
                             ("pico-w-dht22-switch", ["sw1.value=1", "dht1.temperature=-3"])] {
            let wokwi = Self.projects.appendingPathComponent(name)
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("converted-\(UUID().uuidString)")
            temporary.append(out)
            let lines = try WokwiProject(folder: wokwi).writeBreadboxProject(to: out)
            XCTAssertTrue(lines.contains { $0.hasPrefix("drive/: ") && $0.contains("main.py") }, "\(lines)")
            _ = try Circuit.load(from: out.appendingPathComponent("circuit.json"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("drive/diagram.json").path))
            let original = try run(wokwi, set: sets, seconds: 30), converted = try run(out, set: sets, seconds: 30)
            XCTAssertNil(converted.sup.wokwi)
            XCTAssertEqual(converted.result, .finished)
            XCTAssertEqual(converted.output, original.output, name)
            XCTAssertEqual(converted.sup.assembly.circuit.parts, original.sup.assembly.circuit.parts, name)
        }
    }

    func testTheWokwiTrafficLightExampleRuns() throws {
        let example = Self.projects.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Firmware/examples/wokwi-pico-w-traffic-light")
        let r = try run(example, set: ["walk.pressed=true"], seconds: 30)
        XCTAssertEqual(r.result, .finished, r.sup.serialLog)
        XCTAssertTrue(r.output.hasPrefix("0 green\r\n0 yellow\r\nwalk\r\n0 red\r\n"), r.output)
        XCTAssertTrue(r.output.hasSuffix("2 red\r\ndone\r\n"), r.output)
    }

    func testAProjectThatCannotBeMappedIsRefusedInOneMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wokwi-\(UUID().uuidString)")
        temporary.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        {"version": 1, "parts": [{"type": "board-pi-pico-w", "id": "pico"}, {"type": "wokwi-slide-switch", "id": "sw1"},
          {"type": "wokwi-servo", "id": "servo1"}],
         "connections": [["sw1:1", "pico:GP15", "green", []], ["sw1:3", "pico:GP16", "green", []],
                         ["servo1:PWM", "pico:GP2", "orange", []]]}
        """.write(to: dir.appendingPathComponent("diagram.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Supervisor(project: dir)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("diagram.json: cannot be run as it is: sw1 (wokwi-slide-switch): terminals 1, 3 each reach a GPIO"), text)
            XCTAssertTrue(text.contains("; servo1 (wokwi-servo): Breadbox has no such part"), text)
        }
    }
}
