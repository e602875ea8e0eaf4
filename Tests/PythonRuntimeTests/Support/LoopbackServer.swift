import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-connection TCP server on 127.0.0.1 for socket tests: listens on a
/// free port, accepts one client on a background thread, hands it to `serve`
/// (which talks through `receive`/`send`) and closes everything after the
/// client, or when `timeLimit` passes, whichever comes first.
final class LoopbackServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let deadline: Date
    private var client: Int32 = -1
    /// Everything the client sent (read after `waitUntilDone`).
    private(set) var received: [UInt8] = []

    init(timeLimit: TimeInterval = 10, serve: @escaping (LoopbackServer) -> Void) throws {
        deadline = Date().addingTimeInterval(timeLimit)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw NSError(domain: "LoopbackServer", code: Int(errno)) }
        self.listener = listener
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(listener, sa, len) == 0 && listen(listener, 1) == 0 && getsockname(listener, sa, &len) == 0
            }
        }
        guard ok else { close(listener); throw NSError(domain: "LoopbackServer", code: Int(errno)) }
        var bound = addr
        _ = withUnsafeMutablePointer(to: &bound) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) }
        }
        port = Int(UInt16(bigEndian: bound.sin_port))
        let thread = Thread { [self] in
            if waitReadable(listener) {
                client = accept(listener, nil, nil)
                if client >= 0 { serve(self) }
            }
            if client >= 0 { close(client) }
            close(listener)
            finished.signal()
        }
        thread.start()
    }

    private func waitReadable(_ fd: Int32) -> Bool {
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, Int32(min(left, 0.1) * 1000)) > 0 { return true }
        }
    }

    /// Up to `max` bytes from the client; empty at its end of stream or the time limit.
    func receive(max: Int = 4096) -> [UInt8] {
        guard waitReadable(client) else { return [] }
        var buffer = [UInt8](repeating: 0, count: max)
        let n = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, max, 0) }
        guard n > 0 else { return [] }
        received += buffer[0..<n]
        return Array(buffer[0..<n])
    }

    /// Exactly `count` bytes (fewer only at end of stream or the time limit).
    func receive(exactly count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            let chunk = receive(max: count - out.count)
            if chunk.isEmpty { break }
            out += chunk
        }
        return out
    }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Waits for the server thread to finish (true) or `seconds` to pass.
    @discardableResult
    func waitUntilDone(seconds: TimeInterval = 15) -> Bool {
        finished.wait(timeout: .now() + seconds) == .success
    }
}
