import BreadboxTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `breadbox test` as a child process: a passing and a failing scenario, one line
/// each, exit 1, and a JUnit report that parses with a testcase per scenario.
final class BreadboxTestCommandTests: XCTestCase {
    func testAMixOfPassingAndFailingScenariosExits1WithAJUnitReportThatParses() throws {
        var candidates = [Bundle(for: Self.self).bundleURL.deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        guard let bin = candidates.map({ $0.appendingPathComponent("breadbox") }).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            return XCTFail("the breadbox binary is not built next to the tests (swift build first)")
        }
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
