import BreadboxTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `breadbox test` as a child process: a passing and a failing scenario, one line
/// each, exit 1, and a JUnit report that parses with a testcase per scenario.
final class BreadboxTestCommandTests: XCTestCase {
    func breadbox() throws -> URL {
        try XCTUnwrap(BuiltProducts.executable("breadbox"), "the breadbox binary is not built next to the tests (swift build first)")
    }

    /// The `run:` commands of a workflow after its build step, folded (`>`) lines joined.
    static func commandsAfterBuild(_ workflow: String) -> [String] {
        var commands: [String] = [], current: [String]? = nil, indent = 0
        for line in workflow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let depth = line.prefix { $0 == " " }.count
            if var c = current {
                if depth > indent && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    c.append(line.trimmingCharacters(in: .whitespaces))
                    current = c
                    continue
                }
                commands.append(c.joined(separator: " "))
                current = nil
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let r = text.range(of: "run: ") else { continue }
            let value = String(text[r.upperBound...])
            if value == ">" { current = []; indent = depth } else { commands.append(value) }
        }
        if let c = current { commands.append(c.joined(separator: " ")) }
        guard let build = commands.firstIndex(where: { $0.hasPrefix("swift build") }) else { return [] }
        return Array(commands[(build + 1)...])
    }

    /// The README's workflow is the examples' own, it tests every example that
    /// has scenarios, and its commands (library installs from PyPI, then
    /// `breadbox test`) pass, run as they are on a copy of the examples.
    func testTheExamplesScenariosPassAsTheirWorkflowRunsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let workflow = try String(contentsOf: root.appendingPathComponent(".github/workflows/examples.yml"), encoding: .utf8)
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("```yaml\n" + workflow + "```"), "the README shows another workflow than .github/workflows/examples.yml")

        let commands = Self.commandsAfterBuild(workflow)
        let test = try XCTUnwrap(commands.first { $0.contains("breadbox test") }, "\(commands)")
        let listed = Set(test.split(separator: " ").filter { $0.hasPrefix("Firmware/examples/") }.map(String.init))
        var withScenarios: Set<String> = []
        let examples = root.appendingPathComponent("Firmware/examples")
        for case let url as URL in FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)! where url.lastPathComponent == "scenarios" {
            withScenarios.insert("Firmware/examples/" + url.deletingLastPathComponent().path.dropFirst(examples.path.count + 1))
        }
        XCTAssertEqual(listed, withScenarios, "the workflow's projects and the examples with scenarios differ")

        // A clean copy: no library a developer installed into the examples.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("Firmware"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: examples, to: copy.appendingPathComponent("Firmware/examples"))
        for case let url as URL in FileManager.default.enumerator(at: copy, includingPropertiesForKeys: nil)! {
            if url.lastPathComponent == ".breadbox" || (url.deletingLastPathComponent().lastPathComponent == "lib" && url.lastPathComponent != ".gitkeep") {
                try? FileManager.default.removeItem(at: url)
            }
        }
        let bin = try breadbox().path
        var output = ""
        for command in commands {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", command.replacingOccurrences(of: ".build/release/breadbox", with: bin)]
            p.currentDirectoryURL = copy
            p.environment = windowlessEnvironment()
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "\(command)\n\(text)")
            output += text
        }
        let scenarioCount = try withScenarios.reduce(0) { n, project in
            n + (try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + project + "/scenarios")).filter { $0.hasSuffix(".yaml") }.count
        }
        XCTAssertEqual(output.components(separatedBy: "PASS ").count - 1, scenarioCount, output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.appendingPathComponent("report.xml").path))
    }

    func testAMixOfPassingAndFailingScenariosExits1WithAJUnitReportThatParses() throws {
        let bin = try breadbox()
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/button-micropython")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breadbox-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: source, to: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try "name: passes\nversion: 1\nsteps:\n  - wait-serial: ready\n".write(to: dir.appendingPathComponent("scenarios/a.yaml"), atomically: true, encoding: .utf8)
        try "name: fails <here>\nversion: 1\nsteps:\n  - expect-pin: {part-id: led, name: A, value: 1}\n".write(to: dir.appendingPathComponent("scenarios/b.yaml"), atomically: true, encoding: .utf8)
        let report = dir.appendingPathComponent("report.xml")
        let p = Process()
        p.executableURL = bin
        p.arguments = ["test", dir.path, "--junit-file", report.path, "--timeout", "5s"]
        p.environment = windowlessEnvironment()
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1, text)
        XCTAssertTrue(text.contains("PASS \(dir.path)/scenarios/a.yaml (virtual "), text)
        XCTAssertTrue(text.contains("FAIL \(dir.path)/scenarios/b.yaml"), text)
        XCTAssertTrue(text.contains("step 1 (expect-pin): expected led:A to be 1, found 0"), text)

        final class Cases: NSObject, XMLParserDelegate {
            var cases: [[String: String]] = []
            var failures: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "testcase" { cases.append(attributes) }
                if name == "failure" { failures.append(attributes["message"] ?? "") }
            }
        }
        let parser = try XCTUnwrap(XMLParser(contentsOf: report))
        let cases = Cases()
        parser.delegate = cases
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(cases.cases.map { $0["name"] ?? "" }, ["passes", "fails <here>"])
        XCTAssertEqual(cases.cases.map { $0["classname"] ?? "" }, [dir.path, dir.path])
        XCTAssertNotNil(Double(cases.cases.first?["time"] ?? ""))
        XCTAssertEqual(cases.failures.count, 1)
        XCTAssertTrue(cases.failures.first?.contains("expected led:A to be 1, found 0") == true)
    }
}
