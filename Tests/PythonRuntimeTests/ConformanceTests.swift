import Foundation
import XCTest
@testable import PythonRuntime

/// Runs the conformance corpus (`Tests/Conformance/**/<name>.py` with a
/// `<name>.py.exp` beside it) in process, one test method per program (generated
/// into `ConformanceTests+Programs.swift` by `Tests/generate_conformance_tests.py`),
/// the way `Tests/run_conformance.py` runs it as subprocesses: the file's folder
/// is the current folder (so its imports resolve), `sys.argv == [name]`, and
/// stdout must equal the `.exp` byte for byte.
final class ConformanceTests: XCTestCase {
    /// Files known not to pass, relative to `Tests/Conformance`, with the reason.
    /// They are reported as skipped, not run.
    static let knownFailures: [String: String] = [:]

    /// Seconds each file may run before the runtime is asked to stop.
    static let timeLimit: TimeInterval = 10

    static var corpusRoot: URL { packageRoot.appendingPathComponent("Tests/Conformance") }

    /// Every test file of the corpus (a `.py` with a `.exp`), relative paths, sorted.
    static func corpusFiles() -> [String] {
        let root = corpusRoot
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [String] = []
        for case let url as URL in e where url.pathExtension == "py" {
            guard FileManager.default.fileExists(atPath: url.path + ".exp") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files.append(relative)
        }
        return files.sorted()
    }

    enum Outcome {
        case passed
        case failed(String)
    }

    /// Runs one corpus file in a fresh runtime and compares its stdout with the `.exp`.
    static func check(_ relative: String) -> Outcome {
        let url = corpusRoot.appendingPathComponent(relative)
        guard let source = try? String(contentsOf: url, encoding: .utf8),
              let expected = FileManager.default.contents(atPath: url.path + ".exp") else {
            return .failed("cannot read the file or its .exp")
        }
        let name = url.lastPathComponent
        let session = PythonSession(root: url.deletingLastPathComponent().path) { $0.argv = [name] }
        let r = session.run(source, filename: name, timeout: timeLimit)
        if r.hung { return .failed("timeout: did not stop after \(Int(timeLimit)) s, even when interrupted") }
        if r.timedOut { return .failed("timeout: interrupted after \(Int(timeLimit)) s") }
        if Array(r.stdout.utf8) == Array(expected) { return .passed }
        let want = String(decoding: expected, as: UTF8.self)
        var message: String
        if let d = firstDifference(r.stdout, want) {
            message = "line \(d.line): got \(d.got.debugDescription), want \(d.want.debugDescription)"
        } else {
            message = "output differs in bytes that do not survive UTF-8 decoding"
        }
        if let e = r.exception, session.runtime.exitStatus(of: e) == nil {
            let last = r.stderr.split(separator: "\n").last.map(String.init) ?? e.type.name
            message += " [uncaught \(last)]"
        }
        return .failed(message)
    }

    /// Runs one program; the generated test methods each call this.
    func conforms(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if let reason = Self.knownFailures[relative] { throw XCTSkip("\(relative): known failure: \(reason)") }
        if case .failed(let why) = Self.check(relative) {
            XCTFail("\(relative): \(why)", file: file, line: line)
        }
    }

    /// The generated methods cover exactly the corpus: a new program without a
    /// method (or a method whose program is gone) fails here, by name.
    func testEveryProgramHasAGeneratedTest() {
        let files = Self.corpusFiles()
        XCTAssertGreaterThan(files.count, 100, "the corpus was not found under \(Self.corpusRoot.path)")
        let generated = Set(Self.generatedPrograms)
        let missing = files.filter { !generated.contains($0) }
        let stale = Self.generatedPrograms.filter { !files.contains($0) }
        XCTAssertTrue(missing.isEmpty && stale.isEmpty,
                      "run `python3 Tests/generate_conformance_tests.py`: "
                      + "programs without a test: \(missing); tests without a program: \(stale)")
        for skipped in Self.knownFailures.keys {
            XCTAssertTrue(files.contains(skipped), "skip list names \(skipped), which is not in the corpus")
        }
    }
}
