import Foundation

/// The `socket` module (also `usocket`), as MicroPython offers it: `getaddrinfo`
/// and a `socket` type with connect/send/recv/read/write/readline/accept...
/// over the host's `RuntimeNetwork`.
///
/// The type is Python (below) over a few native calls taking the service's
/// handle. Waiting happens here, in slices of at most 20 ms, so a blocked
/// `recv` still notices Ctrl-C and the socket's timeout: a timeout raises
/// `OSError(110)` ETIMEDOUT as MicroPython's board ports do, a non-blocking
/// socket that would block `OSError(11)` EAGAIN.
///
/// With no network service (a host without one, a board whose Wi-Fi is not
/// up): making a socket works, `getaddrinfo` still parses numeric IPv4
/// addresses (names raise `OSError(-2)`, no DNS), and every operation that
/// needs the network — connect, bind, send... — raises `OSError(113)`
/// EHOSTUNREACH, which is what lwIP answers on a board with no interface up.
/// `getaddrinfo` returns IPv4 addresses only unless asked for AF_INET6, as on
/// the boards, and sockaddrs are `(host, port)` tuples as on the boards and
/// CPython (MicroPython's unix port returns raw sockaddr bytes; `connect` and
/// `bind` accept those too).
/// A socket's handle in the network service, owned by the Python socket
/// object: when the collector frees an unreachable socket that was never
/// closed, the handle is closed (MicroPython's sockets have a finaliser too).
final class PySocketHandle: PyObject {
    let handle: Int
    weak var network: RuntimeNetwork?
    var isClosed = false
    /// The TLS session's share of the heap while it lives (see `tlsSessionHeapBytes`).
    var tlsMemory: PyObject?

    init(type: PyType, handle: Int, network: RuntimeNetwork) {
        self.handle = handle
        self.network = network
        super.init(type: type)
    }

    func close() {
        if !isClosed { network?.close(handle) }
        isClosed = true
        tlsMemory = nil
    }

    override func traceReferences(_ visit: (Value) -> Void) {
        if let m = tlsMemory { visit(Value(m)) }
    }

    deinit { close() }
}

extension Runtime {
    func installSocketModule() {
        let handleType = makeNativeType("socket_handle", module: "socket")
        // The natives in `_socket`, so a firmware without `socket` (CircuitPython's
        // socketpool) can build its own face on them.
        registerNativeModule("_socket") { rt, m throws(PyError) in
            rt.installSocketNatives(m, handleType: handleType)
        }
        registerPythonModule("socket")
    }

    /// The service's handle a native got: a socket's handle object, or the
    /// placeholder -1 a socket has when there is no network. A closed socket's
    /// is EBADF.
    func socketHandle(_ v: Value) throws(PyError) -> Int {
        if let h = v.as(PySocketHandle.self) {
            if h.isClosed { throw osError(NetworkError.badHandle.errno) }
            return h.handle
        }
        return try intArg(v)
    }

    /// The service, or EHOSTUNREACH when there is none (or the handle is the
    /// placeholder a socket gets without one).
    func network(_ handle: Int) throws(PyError) -> RuntimeNetwork {
        guard let net = host.network, handle >= 0 else { throw osError(NetworkError.hostUnreachable.errno) }
        return net
    }

    /// Runs `operation` until it stops answering "would block", waiting for
    /// the socket in between; `timeout` in ns (-1 forever, 0 never wait).
    func networkCall<T>(_ net: RuntimeNetwork, _ handle: Int, writable: Bool, timeout: Int,
                                _ operation: () throws(NetworkError) -> T) throws(PyError) -> T {
        // Timeouts run on the runtime's clock: a board's virtual time (which the
        // board's network lets pass while it waits), the wall on the host.
        reportPendingInstructions()
        let clock = host.clock
        let start = clock.monotonicNanoseconds
        while true {
            do {
                return try operation()
            } catch let e where e == .wouldBlock {
                // wait below
            } catch {
                throw networkError(error)
            }
            if timeout == 0 { throw osError(NetworkError.wouldBlock.errno) }
            var slice: UInt64 = 20_000_000
            if timeout > 0 {
                let elapsed = clock.monotonicNanoseconds &- start
                if elapsed >= UInt64(timeout) { throw osError(NetworkError.timedOut.errno) }
                slice = min(slice, UInt64(timeout) - elapsed)
            }
            _ = net.wait(handle, writable: writable, nanoseconds: slice)
            if interruptLine.take() {
                throw PyError(newException(types.KeyboardInterrupt, args: []))
            }
        }
    }

    /// `e` as Python sees it: OSError(errno) or OSError(errno, name), or the
    /// ValueError mbedTLS's certificate verdicts are.
    func networkError(_ e: NetworkError) -> PyError {
        if e.isValueError { return valueError(e.message ?? "") }
        return osError(e.errno, e.message)
    }

    /// A network call whose error becomes OSError.
    private func networkTry<T>(_ body: () throws(NetworkError) -> T) throws(PyError) -> T {
        do {
            return try body()
        } catch {
            throw networkError(error)
        }
    }

    private func socketData(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let s = v.object as? PyStr { return Array(s.value.utf8) }
        return try bytesLike(v)
    }

    /// The address passed as three arguments (family, host, port) from `i` on.
    private func addressArguments(_ args: CallArguments, from i: Int) throws(PyError) -> NetworkAddress {
        NetworkAddress(family: try intArg(args[i]), host: try strArg(args[i + 1]).value, port: try intArg(args[i + 2]))
    }

    /// Registers a native `name(handle, ...)` taking `count` arguments; the
    /// body gets the handle and the network it belongs to.
    private func socketFunction(_ m: PyModule, _ name: String, _ count: Int,
                                _ body: @escaping (Runtime, Int, RuntimeNetwork, CallArguments) throws(PyError) -> Value) {
        moduleFunction(m, name) { rt, args throws(PyError) in
            try args.expect(rt, name, count, count)
            let h = try rt.socketHandle(args[0])
            // A board's network stamps what it does with virtual time: bring it up to date.
            rt.reportPendingInstructions()
            return try body(rt, h, try rt.network(h), args)
        }
    }

    private func addressTuple(_ a: NetworkAddress) -> [Value] {
        [int(a.family), str(a.host), int(a.port)]
    }

    /// A numeric IPv4 address ("10.0.0.1"), which needs no resolver.
    private static func isNumericIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCII) && p.allSatisfy(\.isNumber) && Int(p)! < 256
        }
    }

    private func installSocketNatives(_ m: PyModule, handleType: PyType) {
        func wrap(_ rt: Runtime, _ h: Int, _ net: RuntimeNetwork) -> Value {
            Value(rt.track(PySocketHandle(type: handleType, handle: h, network: net)))
        }
        moduleFunction(m, "_resolve") { rt, args throws(PyError) in
            try args.expect(rt, "_resolve", 3, 3)
            let host = try rt.strArg(args[0]).value
            let port = try rt.intArg(args[1])
            let family = try rt.intArg(args[2])
            rt.reportPendingInstructions()
            let found: [NetworkAddress]
            if let net = rt.host.network {
                let all = try rt.networkTry { () throws(NetworkError) in
                    try net.resolve(host: host, port: port, family: family == 0 ? NetworkAddress.inet : family)
                }
                found = family == 0 ? all.filter { $0.family == NetworkAddress.inet } : all
            } else if family != NetworkAddress.inet6, host.isEmpty || Runtime.isNumericIPv4(host) {
                found = [NetworkAddress(family: NetworkAddress.inet, host: host.isEmpty ? "0.0.0.0" : host, port: port)]
            } else {
                throw rt.osError(NetworkError.unknownHost.errno)
            }
            if found.isEmpty { throw rt.osError(NetworkError.unknownHost.errno) }
            return Value(rt.newList(ContiguousArray(found.map { rt.tuple([rt.int($0.family), rt.str($0.host)]) })))
        }
        moduleFunction(m, "_open") { rt, args throws(PyError) in
            try args.expect(rt, "_open", 2, 2)
            let family = try rt.intArg(args[0])
            let kind: SocketKind = try rt.intArg(args[1]) == SocketKind.datagram.rawValue ? .datagram : .stream
            guard let net = rt.host.network else { return rt.int(-1) }
            let opened: Int
            do throws(NetworkError) {
                opened = try net.open(family: family, kind: kind)
            } catch where error.errno == 12 || error.errno == 23 {
                // Out of sockets: free unreachable ones (their finalisers close them)
                // and try once more, as the ESP32 port does on ENFILE.
                rt.collectGarbage()
                opened = try rt.networkTry { () throws(NetworkError) in try net.open(family: family, kind: kind) }
            } catch {
                throw rt.networkError(error)
            }
            return wrap(rt, opened, net)
        }
        moduleFunction(m, "_close") { rt, args throws(PyError) in
            try args.expect(rt, "_close", 1, 1)
            args[0].as(PySocketHandle.self)?.close()
            return .none
        }
        moduleFunction(m, "_fileno") { rt, args throws(PyError) in
            try args.expect(rt, "_fileno", 1, 1)
            return rt.int(try rt.socketHandle(args[0]))
        }
        socketFunction(m, "_connect", 5) { rt, h, net, args throws(PyError) in
            let address = try rt.addressArguments(args, from: 1)
            let timeout = try rt.intArg(args[4])
            let started: NetworkError? = try rt.networkTry { () throws(NetworkError) -> NetworkError? in
                do throws(NetworkError) {
                    try net.connect(h, to: address)
                    return nil
                } catch where error == .wouldBlock {
                    return error
                }
            }
            if started == nil { return .none }
            if timeout == 0 { throw rt.osError(115) }  // EINPROGRESS, as MicroPython
            var waited = false
            try rt.networkCall(net, h, writable: true, timeout: timeout) { () throws(NetworkError) in
                if !waited {
                    waited = true
                    if !net.wait(h, writable: true, nanoseconds: 0) { throw .wouldBlock }
                }
                try net.finishConnect(h)
            }
            return .none
        }
        socketFunction(m, "_bind", 4) { rt, h, net, args throws(PyError) in
            let address = try rt.addressArguments(args, from: 1)
            try rt.networkTry { () throws(NetworkError) in try net.bind(h, to: address) }
            return .none
        }
        socketFunction(m, "_listen", 2) { rt, h, net, args throws(PyError) in
            let backlog = try rt.intArg(args[1])
            try rt.networkTry { () throws(NetworkError) in try net.listen(h, backlog: backlog) }
            return .none
        }
        socketFunction(m, "_accept", 2) { rt, h, net, args throws(PyError) in
            let timeout = try rt.intArg(args[1])
            let (client, peer) = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.accept(h)
            }
            return rt.tuple([wrap(rt, client, net)] + rt.addressTuple(peer))
        }
        socketFunction(m, "_send", 3) { rt, h, net, args throws(PyError) in
            let data = try rt.socketData(args[1])
            let timeout = try rt.intArg(args[2])
            let n = try rt.networkCall(net, h, writable: true, timeout: timeout) {
                () throws(NetworkError) in try net.send(h, data)
            }
            return rt.int(n)
        }
        socketFunction(m, "_sendto", 6) { rt, h, net, args throws(PyError) in
            let data = try rt.socketData(args[1])
            let address = try rt.addressArguments(args, from: 2)
            let timeout = try rt.intArg(args[5])
            let n = try rt.networkCall(net, h, writable: true, timeout: timeout) {
                () throws(NetworkError) in try net.send(h, data, to: address)
            }
            return rt.int(n)
        }
        socketFunction(m, "_recv", 3) { rt, h, net, args throws(PyError) in
            let count = try rt.intArg(args[1])
            let timeout = try rt.intArg(args[2])
            let bytes = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.receive(h, maxCount: count)
            }
            return Value(rt.newBytes(bytes))
        }
        socketFunction(m, "_recvfrom", 3) { rt, h, net, args throws(PyError) in
            let count = try rt.intArg(args[1])
            let timeout = try rt.intArg(args[2])
            let (bytes, from) = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.receiveFrom(h, maxCount: count)
            }
            return rt.tuple([Value(rt.newBytes(bytes))] + rt.addressTuple(from))
        }
        moduleFunction(m, "_setopt") { rt, args throws(PyError) in
            try args.expect(rt, "_setopt", 4, 4)
            let h = try rt.socketHandle(args[0])
            guard let net = rt.host.network, h >= 0 else { return .none }
            let level = try rt.intArg(args[1]), option = try rt.intArg(args[2]), value = try rt.intArg(args[3])
            try rt.networkTry { () throws(NetworkError) in
                try net.setOption(h, level: level, option: option, value: value)
            }
            return .none
        }
        // select.poll's MP_STREAM_POLL: POLLIN / POLLOUT when ready now.
        moduleFunction(m, "_ready") { rt, args throws(PyError) in
            try args.expect(rt, "_ready", 2, 2)
            let h = try rt.socketHandle(args[0])
            let mask = try rt.intArg(args[1])
            guard let net = rt.host.network, h >= 0 else { return rt.int(0) }
            var ready = 0
            if mask & Runtime.POLLIN != 0, net.wait(h, writable: false, nanoseconds: 0) { ready |= Runtime.POLLIN }
            if mask & Runtime.POLLOUT != 0, net.wait(h, writable: true, nanoseconds: 0) { ready |= Runtime.POLLOUT }
            return rt.int(ready)
        }
    }
}
