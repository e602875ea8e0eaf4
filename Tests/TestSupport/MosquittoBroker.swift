import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A mosquitto broker on 127.0.0.1 for the umqtt tests, started from a
/// temporary config on a free port (or a given one, to restart a stopped
/// broker where its clients expect it), logging everything to a file.
/// Stopped when released. Throws, so the test fails, when mosquitto is not
/// installed (Scripts/install-deps installs it).
public final class MosquittoBroker {
    public let port: Int
    public let directory: URL
    private let logFile: URL
    private var process: ChildProcess?

    public init(port: Int? = nil, allowAnonymous: Bool = true) throws {
        guard let mosquitto = executablePath("mosquitto") else {
            throw NSError(domain: "MosquittoBroker", code: 1, userInfo: [
                NSLocalizedDescriptionKey: "mosquitto is not installed; Scripts/install-deps installs it",
            ])
        }
        self.port = try port ?? LoopbackService.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mosquitto-\(UUID().uuidString)")
        // Writable by all: run as root, mosquitto drops to its own user before logging.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        logFile = directory.appendingPathComponent("mosquitto.log")
        let config = directory.appendingPathComponent("mosquitto.conf")
        try """
            listener \(self.port) 127.0.0.1
            allow_anonymous \(allowAnonymous)
            persistence false
            log_dest file \(logFile.path)
            log_type all

            """.write(to: config, atomically: true, encoding: .utf8)
        process = try ChildProcess(mosquitto, ["-c", config.path])
        guard waitUntil(seconds: 10, { isListening() }) else {
            throw NSError(domain: "MosquittoBroker", code: 2, userInfo: [
                NSLocalizedDescriptionKey: "mosquitto did not listen on \(self.port): \(log)",
            ])
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Everything the broker logged so far (its log file, flushed line by line,
    /// then what it printed).
    public var log: String {
        ((try? String(contentsOf: logFile, encoding: .utf8)) ?? "") + (process?.output ?? "")
    }

    /// Waits up to `seconds` for `text` in the log.
    @discardableResult
    public func waitForLog(_ text: String, seconds: TimeInterval = 10) -> Bool {
        waitUntil(seconds: seconds) { log.contains(text) }
    }

    /// Kills the broker (its clients see their connections end).
    public func stop() {
        process?.stop()
    }

    private func isListening() -> Bool { LoopbackService.accepts(port) }

    /// Runs a mosquitto client program (mosquitto_sub, mosquitto_pub) against this broker.
    public func client(_ program: String, _ arguments: [String]) throws -> ChildProcess {
        guard let path = executablePath(program) else {
            throw NSError(domain: "MosquittoBroker", code: 1, userInfo: [
                NSLocalizedDescriptionKey: "\(program) is not installed; Scripts/install-deps installs mosquitto-clients",
            ])
        }
        return try ChildProcess(path, ["-h", "127.0.0.1", "-p", String(port)] + arguments)
    }
}
