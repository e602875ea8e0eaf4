import BreadboxTestSupport
import Foundation
import XCTest

/// A short run of the fuzz harness (`breadbox-fuzz`, built without libFuzzer in
/// ordinary builds): every program in Tests/Fuzz/regressions — inputs the fuzzer
/// once killed the host with, and the harness's own limits — and a sample of
/// the conformance corpus, each once through parse, compile, disassembly and
/// execution. Scripts/fuzz is the long run.
final class FuzzSmokeTests: XCTestCase {

    /// The harness executable built beside the tests.
    static var executable: URL? { BuiltProducts.executable("breadbox-fuzz") }

    static var regressions: URL { packageRoot.appendingPathComponent("Tests/Fuzz/regressions") }

    /// The first program (by name) of each conformance topic.
    func corpusSample() throws -> [URL] {
        let conformance = packageRoot.appendingPathComponent("Tests/Conformance")
        let topics = try FileManager.default.contentsOfDirectory(atPath: conformance.path).sorted()
        return try topics.compactMap { topic -> URL? in
            let folder = conformance.appendingPathComponent(topic)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            let first = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".py") }.sorted().first
            return first.map { folder.appendingPathComponent($0) }
        }
    }

    /// Runs `breadbox-fuzz -v PATHS`; returns its exit status, whether a signal
    /// ended it, and how each input ended (by file name).
    func runHarness(_ paths: [URL], timeout: TimeInterval = 60) throws
        -> (status: Int32, crashed: Bool, outcomes: [String: String], lastInput: String?) {
        let exe = try XCTUnwrap(Self.executable, "breadbox-fuzz was not built (swift build builds it with the tests)")
        let process = Process()
        process.executableURL = exe
        process.arguments = ["-v"] + paths.map(\.path)
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = ResultBox<Data>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            out.value = stdout.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("breadbox-fuzz did not finish in \(Int(timeout)) s")
            _ = done.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        // "breadbox-fuzz: PATH" before each input, "  -> OUTCOME" after it.
        var outcomes: [String: String] = [:]
        var current: String?
        for line in String(decoding: out.value ?? Data(), as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("breadbox-fuzz: ") {
                current = (String(line.dropFirst("breadbox-fuzz: ".count)) as NSString).lastPathComponent
            } else if line.hasPrefix("  -> "), let name = current {
                outcomes[name] = String(line.dropFirst("  -> ".count))
            }
        }
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, outcomes, current)
    }

    func testTheRegressionsAndACorpusSampleRunThroughTheHarnessWithoutKillingIt() throws {
        let regressions = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)
            .filter { $0.hasSuffix(".py") || $0.hasSuffix(".mpy") }
        let sample = try corpusSample()
        XCTAssertGreaterThan(sample.count, 10, "the conformance corpus has a program per topic")

        let run = try runHarness([Self.regressions] + sample)
        XCTAssertFalse(run.crashed, "breadbox-fuzz died on \(run.lastInput ?? "its first input")")
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.outcomes.count, regressions.count + sample.count, "every input ran to its end")
    }

    func testTheHarnessEndsEndlessLoopsMemoryBombsAndDeepRecursionAsPythonExceptions() throws {
        let run = try runHarness([Self.regressions])
        XCTAssertEqual(run.status, 0)
        // The instruction budget, the small heap, the recursion limit and the
        // drive's capacity each end a program the same way every time.
        XCTAssertEqual(run.outcomes["endless_loop_ends_in_keyboard_interrupt.py"]?.hasPrefix("KeyboardInterrupt"), true)
        XCTAssertEqual(run.outcomes["memory_bomb_ends_in_memory_error.py"]?.hasPrefix("MemoryError"), true)
        XCTAssertEqual(run.outcomes["deep_recursion_ends_in_recursion_error.py"]?.hasPrefix("RecursionError"), true)
        XCTAssertEqual(run.outcomes["drive_refuses_writes_past_its_capacity.py"], "OSError: 28")
        XCTAssertEqual(run.outcomes["sleep_passes_virtual_time.py"], "ok")
    }
}
