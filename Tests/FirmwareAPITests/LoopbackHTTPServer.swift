import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on 127.0.0.1 for the `requests` and `mip` tests: listens on a
/// free port and, on a background thread, serves one connection after another
/// until `timeLimit` passes or `stop()`. Each request (head, plus a body of its
/// Content-Length) is recorded byte for byte and handed to `respond`, whose
/// answer is sent as is before the connection is closed.
final class LoopbackHTTPServer: @unchecked Sendable {
    enum Reply {
        /// These bytes, then close.
        case raw([UInt8])
        /// Nothing: the connection is held open until the client gives up (or the time limit).
        case silence

        /// A whole response with a Content-Length.
        static func response(_ status: String, _ body: String, headers: [String] = []) -> Reply {
            let body = Array(body.utf8)
            let head = (["HTTP/1.1 " + status, "Content-Length: \(body.count)"] + headers)
                .joined(separator: "\r\n") + "\r\n\r\n"
            return .raw(Array(head.utf8) + body)
        }
    }

    let port: Int
    private let listener: Int32
    private let deadline: Date
    private let lock = NSLock()
    private var stopped = false
    private var recorded: [String] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Every request received so far, as text, in order.
    var requests: [String] { lock.withLock { recorded } }

    init(timeLimit: TimeInterval = 20, respond: @escaping (_ request: String) -> Reply) throws {
        deadline = Date().addingTimeInterval(timeLimit)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw NSError(domain: "LoopbackHTTPServer", code: Int(errno)) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { close(fd); throw NSError(domain: "LoopbackHTTPServer", code: Int(errno)) }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let thread = Thread { [self] in
            while waitReadable(listener) {
                let client = accept(listener, nil, nil)
                if client < 0 { continue }
                let request = readRequest(client)
                lock.withLock { recorded.append(request) }
                switch respond(request) {
                case .raw(let bytes): send(client, bytes)
                case .silence: while waitReadable(client), drain(client) {}
                }
                close(client)
            }
            close(listener)
            finished.signal()
        }
        thread.start()
    }

    deinit { stop() }

    /// Ends the serving thread (within 0.1 s) and waits for it.
    func stop() {
        let first = lock.withLock { () -> Bool in defer { stopped = true }; return !stopped }
        if first { finished.wait() }
    }

    /// "http://127.0.0.1:PORT" + path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private func waitReadable(_ fd: Int32) -> Bool {
        while lock.withLock({ !stopped }) {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, Int32(min(left, 0.1) * 1000)) > 0 { return true }
        }
        return false
    }

    /// Reads and drops what is waiting; false at the client's end of stream.
    private func drain(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) } > 0
    }

    private func readRequest(_ fd: Int32) -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var wanted: Int?  // head plus body, once the head is complete
        while wanted.map({ data.count < $0 }) ?? true, waitReadable(fd) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 4096, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
            if wanted == nil, let end = headEnd(data) {
                let head = String(decoding: data[0..<end], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                wanted = end + (length ?? 0)
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func headEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }
}
