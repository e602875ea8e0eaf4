import BreadboxTestSupport
import Foundation
import XCTest

/// Whether a command runs and succeeds (a tool the tests need is installed).
func commandSucceeds(_ args: [String]) -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}

/// Tests that run the built `breadbox` binary: they keep the processes they
/// start (killed in tearDown) and the folders they make.
protocol BreadboxRuns: XCTestCase {
    var dirs: [URL] { get set }
    var processes: [Process] { get set }
}

extension BreadboxRuns {
    var breadboxBinary: URL? { BreadboxRun.binary }

    /// Kills what is still running and removes the folders.
    func cleanUpRuns() {
        for p in processes where p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        processes = []
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func start(_ arguments: [String]) throws -> RunningBreadbox {
        guard let bin = breadboxBinary else { throw XCTSkip("breadbox binary not built") }
        let proc = Process()
        proc.executableURL = bin
        proc.arguments = arguments
        proc.environment = windowlessEnvironment()
        let out = Pipe(), err = Pipe()
        proc.standardOutput = out
        proc.standardError = err
        proc.standardInput = FileHandle.nullDevice
        let stdout = LockedText(), stderr = LockedText()
        for (pipe, text) in [(out, stdout), (err, stderr)] {
            pipe.fileHandleForReading.readabilityHandler = { h in
                let d = h.availableData
                if !d.isEmpty { text.append(String(decoding: d, as: UTF8.self)) }
            }
        }
        try proc.run()
        processes.append(proc)
        return RunningBreadbox(process: proc, stdout: stdout, stderr: stderr)
    }

    /// The address of the port, from `breadbox run: serial port ADDRESS` on stderr.
    func address(of run: RunningBreadbox, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let prefix = "breadbox run: serial port "
        XCTAssertTrue(waitUntil(seconds: 10) { run.stderr.value.contains("\n") }, "no line on stderr", file: file, line: line)
        let first = run.stderr.value.split(separator: "\n").first.map(String.init) ?? ""
        guard first.hasPrefix(prefix) else {
            XCTFail("stderr: \(run.stderr.value)", file: file, line: line)
            throw XCTSkip("the port did not open")
        }
        return String(first.dropFirst(prefix.count))
    }

    /// Stops the run as Ctrl-C would and returns its exit status.
    func interrupt(_ run: RunningBreadbox) -> Int32? {
        kill(run.process.processIdentifier, SIGINT)
        guard waitUntil(seconds: 10, { !run.process.isRunning }) else { return nil }
        run.process.waitUntilExit()
        return run.process.terminationStatus
    }
}

/// A `breadbox run` in progress and what it says on stdout and stderr.
struct RunningBreadbox {
    let process: Process
    let stdout: LockedText
    let stderr: LockedText
}
