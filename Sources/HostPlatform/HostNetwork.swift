#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PythonRuntime

// The C library's socket calls, under names that do not clash with our methods.
#if canImport(Glibc)
private let sysSend = Glibc.send, sysClose = Glibc.close, sysConnect = Glibc.connect
private let sysBind = Glibc.bind, sysListen = Glibc.listen, sysAccept = Glibc.accept
#else
private let sysSend = Darwin.send, sysClose = Darwin.close, sysConnect = Darwin.connect
private let sysBind = Darwin.bind, sysListen = Darwin.listen, sysAccept = Darwin.accept
#endif

/// The host's own network through BSD sockets, for `breadbox python` (as
/// MicroPython's unix port offers real sockets). Handles are file descriptors,
/// all in non-blocking mode; the runtime does the waiting (see RuntimeNetwork).
public final class HostNetwork: RuntimeNetwork {
    private var open: Set<Int32> = []
    /// Sockets TLS runs on (their send/receive carry plaintext).
    private var tls: [Int32: TLSSession] = [:]

    public init() {}

    deinit {
        for fd in open { _ = closeFD(fd) }
    }

    private func fail() -> NetworkError {
        let e = Int(errno)
        if e == Int(EAGAIN) || e == Int(EWOULDBLOCK) || e == Int(EINPROGRESS) { return .wouldBlock }
        return NetworkError(e)
    }

    private func fd(_ handle: Int) throws(NetworkError) -> Int32 {
        let fd = Int32(truncatingIfNeeded: handle)
        guard open.contains(fd) else { throw .badHandle }
        return fd
    }

    private func closeFD(_ fd: Int32) -> Int32 {
        return sysClose(fd)
    }

    private static func osFamily(_ family: Int) -> Int32 {
        family == NetworkAddress.inet6 ? Int32(AF_INET6) : Int32(AF_INET)
    }

    /// `address` as a sockaddr, for the duration of `body`.
    private func withSockaddr<T>(_ address: NetworkAddress,
                                 _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) throws(NetworkError) -> T {
        var storage = sockaddr_storage()
        func store<S>(_ sa: S) -> socklen_t {
            withUnsafeMutableBytes(of: &storage) { dst in withUnsafeBytes(of: sa) { dst.copyMemory(from: $0) } }
            return socklen_t(MemoryLayout<S>.size)
        }
        let port = in_port_t(UInt16(truncatingIfNeeded: address.port).bigEndian)
        let length: socklen_t
        if address.family == NetworkAddress.inet6 {
            var sa = sockaddr_in6()
            sa.sin6_family = sa_family_t(AF_INET6)
            sa.sin6_port = port
            guard inet_pton(AF_INET6, address.host, &sa.sin6_addr) == 1 else { throw .invalid }
            length = store(sa)
        } else {
            var sa = sockaddr_in()
            sa.sin_family = sa_family_t(AF_INET)
            sa.sin_port = port
            guard inet_pton(AF_INET, address.host, &sa.sin_addr) == 1 else { throw .invalid }
            length = store(sa)
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    private static func address(_ sa: UnsafePointer<sockaddr>) -> NetworkAddress {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        if Int32(sa.pointee.sa_family) == Int32(AF_INET6) {
            return sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                var a = p.pointee.sin6_addr
                inet_ntop(AF_INET6, &a, &text, socklen_t(text.count))
                return NetworkAddress(family: NetworkAddress.inet6, host: String(cString: text),
                                      port: Int(UInt16(bigEndian: p.pointee.sin6_port)))
            }
        }
        return sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
            var a = p.pointee.sin_addr
            inet_ntop(AF_INET, &a, &text, socklen_t(text.count))
            return NetworkAddress(family: NetworkAddress.inet, host: String(cString: text),
                                  port: Int(UInt16(bigEndian: p.pointee.sin_port)))
        }
    }

    public func resolve(host: String, port: Int, family: Int) throws(NetworkError) -> [NetworkAddress] {
        var hints = addrinfo()
        hints.ai_family = family == 0 ? Int32(AF_UNSPEC) : HostNetwork.osFamily(family)
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let name = host.isEmpty ? "0.0.0.0" : host
        guard getaddrinfo(name, String(port), &hints, &result) == 0, let first = result else {
            throw .unknownHost
        }
        defer { freeaddrinfo(first) }
        var out: [NetworkAddress] = []
        var p: UnsafeMutablePointer<addrinfo>? = first
        while let ai = p {
            if let sa = ai.pointee.ai_addr {
                let a = HostNetwork.address(sa)
                if !out.contains(a) { out.append(a) }
            }
            p = ai.pointee.ai_next
        }
        if out.isEmpty { throw .unknownHost }
        return out
    }

    public func open(family: Int, kind: SocketKind) throws(NetworkError) -> Int {
        #if canImport(Glibc)
        let type = Int32(kind == .stream ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        #else
        let type = kind == .stream ? SOCK_STREAM : SOCK_DGRAM
        #endif
        let fd = socket(HostNetwork.osFamily(family), type, 0)
        guard fd >= 0 else { throw fail() }
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        open.insert(fd)
        return Int(fd)
    }

    public func connect(_ handle: Int, to address: NetworkAddress) throws(NetworkError) {
        let fd = try fd(handle)
        let r = try withSockaddr(address) { sysConnect(fd, $0, $1) }
        if r != 0 { throw fail() }
    }

    public func finishConnect(_ handle: Int) throws(NetworkError) {
        let fd = try fd(handle)
        var err: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 else { throw fail() }
        if err != 0 { throw NetworkError(Int(err)) }
    }

    public func bind(_ handle: Int, to address: NetworkAddress) throws(NetworkError) {
        let fd = try fd(handle)
        let r = try withSockaddr(address) { sysBind(fd, $0, $1) }
        if r != 0 { throw fail() }
    }

    public func listen(_ handle: Int, backlog: Int) throws(NetworkError) {
        let fd = try fd(handle)
        let r = sysListen(fd, Int32(max(0, backlog)))
        if r != 0 { throw fail() }
    }

    public func accept(_ handle: Int) throws(NetworkError) -> (handle: Int, peer: NetworkAddress) {
        let fd = try fd(handle)
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let client = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sysAccept(fd, $0, &len) }
        }
        guard client >= 0 else { throw fail() }
        let flags = fcntl(client, F_GETFL, 0)
        _ = fcntl(client, F_SETFL, flags | O_NONBLOCK)
        open.insert(client)
        let peer = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { HostNetwork.address($0) }
        }
        return (Int(client), peer)
    }

    private static var sendFlags: Int32 {
        #if canImport(Glibc)
        return Int32(MSG_NOSIGNAL)
        #else
        return 0
        #endif
    }

    public func send(_ handle: Int, _ bytes: [UInt8]) throws(NetworkError) -> Int {
        let fd = try fd(handle)
        if let session = tls[fd] { return try session.write(bytes) }
        let n = bytes.withUnsafeBytes { sysSend(fd, $0.baseAddress, $0.count, HostNetwork.sendFlags) }
        guard n >= 0 else { throw fail() }
        return n
    }

    public func send(_ handle: Int, _ bytes: [UInt8], to address: NetworkAddress) throws(NetworkError) -> Int {
        let fd = try fd(handle)
        let n = try withSockaddr(address) { sa, len in
            bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, HostNetwork.sendFlags, sa, len) }
        }
        guard n >= 0 else { throw fail() }
        return n
    }

    public func receive(_ handle: Int, maxCount: Int) throws(NetworkError) -> [UInt8] {
        let fd = try fd(handle)
        if let session = tls[fd] { return maxCount <= 0 ? [] : try session.read(maxCount: maxCount) }
        var buffer = [UInt8](repeating: 0, count: max(0, maxCount))
        if maxCount <= 0 { return [] }
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n >= 0 else { throw fail() }
        buffer.removeLast(buffer.count - n)
        return buffer
    }

    public func receiveFrom(_ handle: Int, maxCount: Int) throws(NetworkError) -> (bytes: [UInt8], from: NetworkAddress) {
        let fd = try fd(handle)
        var buffer = [UInt8](repeating: 0, count: max(1, maxCount))
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let n = withUnsafeMutablePointer(to: &storage) { sp in
            sp.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                buffer.withUnsafeMutableBytes { recvfrom(fd, $0.baseAddress, max(0, maxCount), 0, sa, &len) }
            }
        }
        guard n >= 0 else { throw fail() }
        let from = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { HostNetwork.address($0) }
        }
        return (Array(buffer.prefix(n)), from)
    }

    public func wait(_ handle: Int, writable: Bool, nanoseconds: UInt64) -> Bool {
        guard let fd = try? fd(handle) else { return true }
        var events = writable ? POLLOUT : POLLIN
        if let session = tls[fd] {
            if !writable && session.hasPendingPlaintext { return true }
            if !session.established || session.wantsWrite { events = session.wantsWrite ? POLLOUT : POLLIN }
        }
        var p = pollfd(fd: fd, events: Int16(events), revents: 0)
        let ms = Int32(min(nanoseconds / 1_000_000, 1_000_000))
        return poll(&p, 1, ms) > 0
    }

    public func setOption(_ handle: Int, level: Int, option: Int, value: Int) throws(NetworkError) {
        let fd = try fd(handle)
        // Only SO_REUSEADDR (MicroPython's SOL_SOCKET 1 / SO_REUSEADDR 2) reaches the host.
        guard level == 1, option == 2 else { return }
        var v = Int32(truncatingIfNeeded: value)
        if setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, socklen_t(MemoryLayout<Int32>.size)) != 0 { throw fail() }
    }

    public func startTLS(_ handle: Int, _ settings: TLSSettings) throws(NetworkError) {
        let fd = try fd(handle)
        let session: TLSSession
        if let s = tls[fd] {
            session = s
        } else {
            session = try TLSSession(fd: fd, settings: settings)
            tls[fd] = session
        }
        do throws(NetworkError) {
            if try !session.handshake() { throw NetworkError.wouldBlock }
        } catch {
            if error != .wouldBlock { tls[fd] = nil }
            throw error
        }
    }

    public func tlsPeer(_ handle: Int) -> TLSPeer? {
        guard let session = tls[Int32(truncatingIfNeeded: handle)], session.established else { return nil }
        return TLSPeer(certificate: session.peerCertificate, cipher: session.cipherName, version: session.version)
    }

    /// The CA bundle TLS trusts when the firmware loads none (`--ca-file`).
    public static func useCAFile(_ path: String?) { TLSSession.defaultCAFile = path }

    public func close(_ handle: Int) {
        let fd = Int32(truncatingIfNeeded: handle)
        guard open.remove(fd) != nil else { return }
        if let session = tls.removeValue(forKey: fd), session.established { session.shutdown() }
        _ = closeFD(fd)
    }
}
