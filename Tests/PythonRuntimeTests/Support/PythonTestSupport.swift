import Foundation
import XCTest
@testable import PythonRuntime
import HostPlatform

// Shared helpers for tests that run Python code in process.
//
// Everything the runtime does runs on a dedicated thread with a large stack
// (the interpreter recurses on the host stack for calls through native code,
// and deep-but-bounded recursion must end in RecursionError, not in a crash),
// guarded by a watchdog that asks the runtime to stop when a time limit passes.

/// A `RuntimeHost` that records what the program prints, serves source files
/// from a folder and stdin from a list of lines.
///
/// Only the interpreter thread touches it while code runs; the test thread
/// reads it after the run (the semaphore in `PythonSession.run` orders the two).
final class CapturingHost: RuntimeHost, @unchecked Sendable {
    /// Folder that relative module paths are resolved against; nil serves no files.
    let root: String?
    private(set) var stdout = ""
    private(set) var stderr = ""
    var stdinLines: [String]
    /// How often the interpreter reported executed instructions, and their sum.
    private(set) var instructionReports = 0
    private(set) var instructionsReported = 0
    /// Called from the interpreter thread on each report (e.g. to interrupt).
    var onInstructions: ((Int) -> Void)?
    let clock: RuntimeClock
    /// The drive `open`, `os` and imports see (nil: none).
    let fileSystem: VirtualFileSystem?
    /// What `inputAvailable` answers (for select.poll on sys.stdin).
    var inputReady = false
    /// The network `socket` reaches (nil: none).
    var network: RuntimeNetwork?

    init(root: String? = nil, stdin: [String] = [], fileSystem: VirtualFileSystem? = nil,
         clock: RuntimeClock = HostClock()) {
        self.root = root
        self.stdinLines = stdin
        self.fileSystem = fileSystem
        self.clock = clock
    }

    func inputAvailable() -> Bool { inputReady || !stdinLines.isEmpty }

    func writeOutput(_ text: String) { stdout += text }
    func writeError(_ text: String) { stderr += text }

    func readLine() -> String? {
        stdinLines.isEmpty ? nil : stdinLines.removeFirst()
    }

    private func resolve(_ path: String) -> String? {
        if path.hasPrefix("/") { return path }
        guard let root else { return nil }
        return root.isEmpty ? path : (root as NSString).appendingPathComponent(path)
    }

    func readSourceFile(_ path: String) -> String? {
        guard let full = resolve(path) else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
              let data = FileManager.default.contents(atPath: full) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func isDirectory(_ path: String) -> Bool {
        guard let full = resolve(path) else { return false }
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: full, isDirectory: &isDir) && isDir.boolValue
    }

    func instructionsExecuted(_ count: Int) {
        instructionReports += 1
        instructionsReported += count
        onInstructions?(count)
    }

    /// Forgets the output captured so far (between runs in one session).
    func clearOutput() {
        stdout = ""
        stderr = ""
    }
}

/// A value handed from a worker thread to the thread waiting for it.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Runs `body` on a new thread with `stackSize` bytes of stack and waits for it.
/// When `timeout` passes first, `onTimeout` is called (from the waiting thread)
/// and the wait goes on for `grace` more seconds. Returns nil if the body still
/// has not finished then; the thread is abandoned (it cannot be killed).
func runOnLargeStack<T>(stackSize: Int = 256 << 20,
                        timeout: TimeInterval,
                        grace: TimeInterval = 5,
                        onTimeout: () -> Void = {},
                        _ body: @escaping () -> T) -> (result: T?, timedOut: Bool) {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    if done.wait(timeout: .now() + timeout) == .success { return (box.value, false) }
    onTimeout()
    if done.wait(timeout: .now() + grace) == .success { return (box.value, true) }
    return (nil, true)
}

/// What one run of Python source produced.
struct PythonResult {
    var stdout: String
    /// The host's stderr, plus the traceback of an uncaught exception other than SystemExit.
    var stderr: String
    /// The uncaught exception (SystemExit included), nil on success.
    var exception: PyBaseException?
    /// The time limit passed and the runtime was asked to stop (KeyboardInterrupt).
    var timedOut = false
    /// The run never came back, even after the interrupt: the runtime is unusable.
    var hung = false
    /// `type(exception).__name__`, or nil.
    var exceptionType: String? { exception?.type.name }
}

/// A runtime and its capturing host; runs several pieces of code in turn, each
/// on a large-stack thread under a time limit.
final class PythonSession: @unchecked Sendable {
    let host: CapturingHost
    let runtime: Runtime

    /// With a `root` folder and no `fileSystem`, the folder is also the drive
    /// (`/` inside is `root`, the starting current directory).
    init(root: String? = nil, stdin: [String] = [], fileSystem: VirtualFileSystem? = nil,
         clock: RuntimeClock = HostClock(),
         configure: (inout RuntimeConfiguration) -> Void = { _ in }) {
        var config = RuntimeConfiguration()
        config.argv = ["<test>"]
        configure(&config)
        host = CapturingHost(root: root, stdin: stdin,
                             fileSystem: fileSystem ?? root.map { DirectoryFileSystem(root: $0) }, clock: clock)
        // Bootstrapping runs Python-free Swift code only, but keep it on a big
        // stack too, like everything else the runtime does.
        let host = self.host
        runtime = runOnLargeStack(timeout: 60) { Runtime(host: host, configuration: config) }.result!
    }

    /// Runs `source` as `__main__` (or as REPL input) and returns what this run
    /// printed. An uncaught exception's traceback is appended to `stderr`.
    func run(_ source: String, filename: String = "<test>", interactive: Bool = false,
             timeout: TimeInterval = 10) -> PythonResult {
        host.clearOutput()
        let rt = runtime
        let host = self.host
        let (result, timedOut) = runOnLargeStack(timeout: timeout, onTimeout: { rt.requestInterrupt() }) {
            () -> PyBaseException? in
            let e = interactive ? rt.runInteractive(source, filename: filename)
                                : rt.runMain(source: source, filename: filename)
            if let e, !e.type.isSubtype(of: rt.types.SystemExit) {
                host.writeError(rt.tracebackText(e))
            }
            return e
        }
        guard let exception = result else {
            return PythonResult(stdout: "", stderr: "", exception: nil, timedOut: true, hung: true)
        }
        return PythonResult(stdout: host.stdout, stderr: host.stderr, exception: exception, timedOut: timedOut)
    }
}

/// Runs `source` in a fresh runtime and returns its output and uncaught exception.
func runPython(_ source: String,
               filename: String = "<test>",
               root: String? = nil,
               stdin: [String] = [],
               timeout: TimeInterval = 10,
               configure: (inout RuntimeConfiguration) -> Void = { _ in }) -> (stdout: String, stderr: String, exception: PyBaseException?) {
    let r = PythonSession(root: root, stdin: stdin, configure: configure).run(source, filename: filename, timeout: timeout)
    return (r.stdout, r.stderr, r.exception)
}

/// Asserts that `source` runs without an uncaught exception and prints exactly `expected`.
func assertOutput(_ source: String, _ expected: String,
                  configure: (inout RuntimeConfiguration) -> Void = { _ in },
                  file: StaticString = #filePath, line: UInt = #line) {
    let session = PythonSession(configure: configure)
    let r = session.run(source)
    XCTAssertFalse(r.timedOut, "timed out", file: file, line: line)
    XCTAssertNil(r.exception, "uncaught exception:\n\(r.stderr)", file: file, line: line)
    XCTAssertEqual(r.stdout, expected, file: file, line: line)
}

/// The first line where two texts differ (1-based), with both versions of it.
func firstDifference(_ got: String, _ want: String) -> (line: Int, got: String, want: String)? {
    if got == want { return nil }
    let g = got.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let w = want.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for i in 0..<max(g.count, w.count) {
        let a = i < g.count ? g[i] : "<end>"
        let b = i < w.count ? w[i] : "<end>"
        if a != b { return (i + 1, a, b) }
    }
    // Same lines, different bytes (cannot happen with the split above, kept total).
    return (1, got, want)
}

/// The package's root folder (where Package.swift lives), found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // PythonRuntimeTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
