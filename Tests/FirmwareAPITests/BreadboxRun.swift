import BreadboxTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `breadbox run PROJECT ...` as a child process for end-to-end tests: its
/// serial output collected, its standard input held open (for `--interactive`)
/// until it is stopped, and stopped when the test lets go of it.
final class BreadboxRun: @unchecked Sendable {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the breadbox binary is not built next to the tests (swift build first)" }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = LockedText()

    /// The built `breadbox` next to the test bundle.
    static var binary: URL? { BuiltProducts.executable("breadbox") }

    /// Starts `breadbox run` with `arguments` (after `run`).
    init(_ arguments: [String]) throws {
        guard let bin = Self.binary else { throw NotBuilt() }
        process.executableURL = bin
        process.arguments = ["run"] + arguments
        process.environment = windowlessEnvironment()
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = input
        let sink = output
        out.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            if !d.isEmpty { sink.append(String(decoding: d, as: UTF8.self)) }
        }
        try process.run()
    }

    deinit { stop() }

    /// Serial output (and breadbox's own messages) so far.
    var text: String { output.value }

    /// Waits at most `seconds` for `needle` to appear in the output.
    @discardableResult
    func wait(for needle: String, seconds: Double) -> Bool {
        waitUntil(seconds: seconds) { text.contains(needle) }
    }

    /// How often `needle` appears in the output.
    func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Ends the run (SIGTERM, then SIGKILL) and waits for it, at most 10 s.
    func stop() {
        try? input.fileHandleForWriting.close()
        guard process.isRunning else { return }
        process.terminate()
        let end = Date().addingTimeInterval(5)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            let end2 = Date().addingTimeInterval(5)
            while process.isRunning && Date() < end2 { Thread.sleep(forTimeInterval: 0.05) }
        }
    }
}

/// Runs a command (through /usr/bin/env) with a time limit; its status and merged output.
func runTool(_ args: [String], seconds: Double = 30) -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    p.standardInput = FileHandle.nullDevice
    let collected = LockedText()
    let done = DispatchSemaphore(value: 0)
    do { try p.run() } catch { return (-1, "cannot run \(args.first ?? ""): \(error)") }
    Thread {
        let d = out.fileHandleForReading.readDataToEndOfFile()
        collected.append(String(decoding: d, as: UTF8.self))
        done.signal()
    }.start()
    if done.wait(timeout: .now() + seconds) == .timedOut {
        p.terminate()
        _ = done.wait(timeout: .now() + 5)
        p.waitUntilExit()
        return (-1, collected.value + "\n(killed after \(seconds) s)")
    }
    p.waitUntilExit()
    return (p.terminationStatus, collected.value)
}

/// The `Tests/` folder of the source tree (its Python tools).
let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
