import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real server program on 127.0.0.1 for the length of a test (python3's
/// http.server, mosquitto...): started with a command line naming its port,
/// waited for until it accepts connections, killed when the object goes.
public final class LoopbackService: @unchecked Sendable {
    public let port: Int
    private let process = Process()
    public let output = LockedText()

    /// `arguments` may contain `{port}`, replaced by a free port of the loopback.
    public init(_ arguments: [String], currentDirectory: URL? = nil, startupLimit: TimeInterval = 10) throws {
        port = try LoopbackService.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments.map { $0.replacingOccurrences(of: "{port}", with: String(port)) }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let out = output
        pipe.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            if !d.isEmpty { out.append(String(decoding: d, as: UTF8.self)) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(startupLimit)
        while !LoopbackService.accepts(port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw NSError(domain: "LoopbackService", code: 1, userInfo: [NSLocalizedDescriptionKey:
                    "\(arguments.joined(separator: " ")) did not start listening on 127.0.0.1:\(port): \(output.value)"])
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// A TCP port nobody listens on now (the kernel's pick).
    public static func freePort() throws -> Int {
        let (fd, port) = try boundSocket(type: Int32(SOCK_STREAM.rawValue))
        close(fd)
        return port
    }

    /// A socket of `type` (SOCK_STREAM, SOCK_DGRAM) bound to 127.0.0.1 on a
    /// port the kernel picks, and that port.
    public static func boundSocket(type: Int32) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { throw NSError(domain: "LoopbackService", code: Int(errno)) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else {
            close(fd)
            throw NSError(domain: "LoopbackService", code: Int(errno))
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }

    /// Does something accept TCP connections on 127.0.0.1:`port`?
    public static func accepts(_ port: Int) -> Bool {
        guard let fd = connect(port) else { return false }
        close(fd)
        return true
    }

    /// A TCP connection to 127.0.0.1:`port` (its descriptor), or nil with `errno` set.
    public static func connect(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if ok { return fd }
        let failure = errno
        close(fd)
        errno = failure
        return nil
    }
}
