import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits (polling, at most `seconds`) until `condition` holds; returns whether it did.
@discardableResult
public func waitUntil(seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// The path of a program on PATH or in the sbin folders (Debian puts mosquitto in /usr/sbin).
public func executablePath(_ name: String) -> String? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for dir in path + ["/usr/sbin", "/usr/local/sbin", "/sbin"] {
        let p = dir + "/" + name
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// A child process whose output is collected; killed (if still running) when released.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let pipe = Pipe()
    private let collected = LockedData()

    public init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        let sink = collected
        pipe.fileHandleForReading.readabilityHandler = { h in sink.append(h.availableData) }
        try process.run()
    }

    deinit { stop() }

    public var output: String { String(decoding: collected.value, as: UTF8.self) }

    /// Waits up to `seconds` for the process to end; true if it did.
    @discardableResult
    public func waitForExit(seconds: TimeInterval) -> Bool {
        waitUntil(seconds: seconds) { !process.isRunning }
    }

    /// Ends the process (SIGTERM, then SIGKILL) and waits for it.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        if !waitForExit(seconds: 5) { kill(process.processIdentifier, SIGKILL); waitForExit(seconds: 5) }
    }
}

/// Bytes appended from one thread and read from another.
public final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    public func append(_ d: Data) { lock.withLock { data.append(d) } }
    public var value: Data { lock.withLock { data } }
}
