import Foundation

/// Runs scenarios as `breadbox run --scenario` children, a few at a time,
/// and reads each one's outcome from the last line it writes on stderr.
struct ScenarioProcesses {
    let binary: URL
    let timeout: String
    let updateScreenshots: Bool

    struct Result {
        var job: TestCommand.Job
        var passed: Bool
        /// The scenario's name (from its "[name] passed/failed" line), else the file's.
        var name: String
        /// The failure (or the child's last words when it crashed).
        var message: String
        var wallSeconds: Double
        /// "PASS project/scenarios/x.yaml (virtual 1.2s, wall 0.3s)".
        var line: String
    }

    func run(_ jobs: [TestCommand.Job], atOnce: Int, report: @escaping (Result) -> Void) -> [Result] {
        let results = Collected(count: jobs.count)
        let slots = DispatchSemaphore(value: atOnce)
        let group = DispatchGroup()
        for (i, job) in jobs.enumerated() {
            slots.wait()
            group.enter()
            Thread.detachNewThread {
                let r = runOne(job)
                results.store(r, at: i, then: report)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return results.all
    }

    /// The children's results, filled in from their threads.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        /// Stores the result and reports it, one report at a time (lines do not interleave).
        func store(_ r: Result, at i: Int, then report: (Result) -> Void) { lock.withLock { slots[i] = r; report(r) } }
        var all: [Result] { lock.withLock { slots.compactMap { $0 } } }
    }

    func runOne(_ job: TestCommand.Job) -> Result {
        let started = Date()
        let p = Process()
        p.executableURL = binary
        p.arguments = ["run", job.project, "--scenario", job.file.path, "--timeout", timeout] + (updateScreenshots ? ["--update-screenshots"] : [])
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        var stderrText = ""
        do {
            try p.run()
            stderrText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
        } catch {
            stderrText = "cannot start \(binary.path): \(error)"
        }
        let wall = Date().timeIntervalSince(started)
        let status = p.isRunning ? -1 : p.terminationStatus
        let last = stderrText.split(separator: "\n").last.map(String.init) ?? "exited \(status) without a word"
        // "[name] passed: … (virtual …, wall …)" or "[name] failed: MESSAGE (virtual …)".
        var name = job.file.deletingPathExtension().lastPathComponent, message = last, timing = ""
        if last.hasPrefix("["), let close = last.firstIndex(of: "]") {
            name = String(last[last.index(after: last.startIndex)..<close])
            let rest = last[last.index(after: close)...].trimmingCharacters(in: .whitespaces)
            message = rest.hasPrefix("failed: ") ? String(rest.dropFirst(8)) : rest
            if let open = message.range(of: " (virtual ", options: .backwards) {
                timing = String(message[message.index(after: open.lowerBound)...])
                message = String(message[..<open.lowerBound])
            }
        }
        let passed = status == 0
        if !passed && status != 1 && status != 42 && timing.isEmpty { message = "exit \(status): \(last)" }
        let shown = "\(job.project)/scenarios/\(job.file.lastPathComponent)"
        let line = passed ? "PASS \(shown) \(timing)" : "FAIL \(shown) \(timing)\n     \(message)"
        return Result(job: job, passed: passed, name: name, message: message, wallSeconds: wall, line: line)
    }
}
