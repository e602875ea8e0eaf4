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
extension Runtime {
    static let socketSource = """
    AF_INET = 2
    AF_INET6 = 10
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOL_SOCKET = 1
    SO_REUSEADDR = 2
    SO_BROADCAST = 6
    SO_KEEPALIVE = 9
    IPPROTO_IP = 0
    IPPROTO_TCP = 6
    IPPROTO_UDP = 17
    TCP_NODELAY = 1


    def _addr(addr):
        if isinstance(addr, (bytes, bytearray)):
            if len(addr) < 8:
                raise OSError(22)
            return AF_INET, '.'.join([str(b) for b in addr[4:8]]), addr[2] << 8 | addr[3]
        host, port = addr[0], addr[1]
        return (AF_INET6 if ':' in host else AF_INET), host, port


    def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
        port = int(port)
        out = []
        for fam, ip in _resolve('' if host is None else host, port, af):
            if type == SOCK_DGRAM:
                t, p = SOCK_DGRAM, IPPROTO_UDP
            else:
                t, p = SOCK_STREAM, IPPROTO_TCP
            out.append((fam, t, proto or p, '', (ip, port)))
        return out


    class socket:
        def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _handle=None):
            if type not in (SOCK_STREAM, SOCK_DGRAM):
                raise OSError(22)
            self._af = af
            self._type = type
            self._h = _open(af, type) if _handle is None else _handle
            self._timeout = -1

        def __repr__(self):
            return '<socket>'

        def __enter__(self):
            return self

        def __exit__(self, *args):
            self.close()

        def _handle(self):
            if self._h is None:
                raise OSError(9)
            return self._h

        def fileno(self):
            return self._handle()

        def close(self):
            if self._h is not None:
                _close(self._h)
                self._h = None

        def settimeout(self, value):
            if value is None:
                self._timeout = -1
            elif value < 0:
                raise ValueError('timeout must be non-negative')
            else:
                self._timeout = int(value * 1000000000)

        def setblocking(self, flag):
            self._timeout = -1 if flag else 0

        def setsockopt(self, level, option, value):
            if isinstance(value, int):
                _setopt(self._handle(), level, option, value)

        def connect(self, address):
            fam, host, port = _addr(address)
            _connect(self._handle(), fam, host, port, self._timeout)

        def bind(self, address):
            fam, host, port = _addr(address)
            _bind(self._handle(), fam, host, port)

        def listen(self, backlog=2):
            _listen(self._handle(), backlog)

        def accept(self):
            h, fam, host, port = _accept(self._handle(), self._timeout)
            return socket(fam, self._type, 0, h), (host, port)

        def send(self, data):
            return _send(self._handle(), data, self._timeout)

        def sendall(self, data):
            h = self._handle()
            n = len(data)
            sent = _send(h, data, self._timeout)
            while sent < n:
                sent += _send(h, data[sent:], self._timeout)

        def write(self, data, length=-1):
            if length >= 0:
                data = data[:length]
            self.sendall(data)
            return len(data)

        def sendto(self, data, address):
            fam, host, port = _addr(address)
            return _sendto(self._handle(), data, fam, host, port, self._timeout)

        def recv(self, bufsize, flags=0):
            return _recv(self._handle(), bufsize, self._timeout)

        def recvfrom(self, bufsize):
            data, fam, host, port = _recvfrom(self._handle(), bufsize, self._timeout)
            return data, (host, port)

        def read(self, size=-1):
            h = self._handle()
            chunks = []
            got = 0
            while size < 0 or got < size:
                try:
                    chunk = _recv(h, 4096 if size < 0 else size - got, self._timeout)
                except OSError as e:
                    if self._timeout == 0 and e.errno == 11:
                        if not chunks:
                            return None
                        break
                    raise
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            return b''.join(chunks)

        def readinto(self, buf, nbytes=-1):
            n = len(buf) if nbytes < 0 else min(nbytes, len(buf))
            data = self.read(n)
            if data is None:
                return None
            for i in range(len(data)):
                buf[i] = data[i]
            return len(data)

        def readline(self):
            h = self._handle()
            line = bytearray()
            while True:
                c = _recv(h, 1, self._timeout)
                if not c:
                    break
                line += c
                if c == b'\\n':
                    break
            return bytes(line)

        def makefile(self, mode='rb', buffering=0):
            return self

        def ioctl(self, request, arg):
            if request != 3:
                raise OSError(22)
            return _ready(self._handle(), arg)

    """

    func installSocketModule() {
        registerPythonModule("socket", source: Runtime.socketSource) { rt, m throws(PyError) in
            rt.installSocketNatives(m)
        }
    }

    /// The service, or EHOSTUNREACH when there is none (or the handle is the
    /// placeholder a socket gets without one).
    private func network(_ handle: Int) throws(PyError) -> RuntimeNetwork {
        guard let net = host.network, handle >= 0 else { throw osError(NetworkError.hostUnreachable.errno) }
        return net
    }

    /// Runs `operation` until it stops answering "would block", waiting for
    /// the socket in between; `timeout` in ns (-1 forever, 0 never wait).
    private func networkCall<T>(_ net: RuntimeNetwork, _ handle: Int, writable: Bool, timeout: Int,
                                _ operation: () throws(NetworkError) -> T) throws(PyError) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        while true {
            do {
                return try operation()
            } catch let e where e == .wouldBlock {
                // wait below
            } catch {
                throw osError(error.errno)
            }
            if timeout == 0 { throw osError(NetworkError.wouldBlock.errno) }
            var slice: UInt64 = 20_000_000
            if timeout > 0 {
                let elapsed = DispatchTime.now().uptimeNanoseconds - start
                if elapsed >= UInt64(timeout) { throw osError(NetworkError.timedOut.errno) }
                slice = min(slice, UInt64(timeout) - elapsed)
            }
            _ = net.wait(handle, writable: writable, nanoseconds: slice)
            if interruptLine.take() {
                throw PyError(newException(types.KeyboardInterrupt, args: []))
            }
        }
    }

    /// A network call whose error becomes OSError.
    private func networkTry<T>(_ body: () throws(NetworkError) -> T) throws(PyError) -> T {
        do {
            return try body()
        } catch {
            throw osError(error.errno)
        }
    }

    private func socketData(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let s = v.object as? PyStr { return Array(s.value.utf8) }
        return try bytesLike(v)
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

    private func installSocketNatives(_ m: PyModule) {
        moduleFunction(m, "_resolve") { rt, args throws(PyError) in
            try args.expect(rt, "_resolve", 3, 3)
            let host = try rt.strArg(args[0]).value
            let port = try rt.intArg(args[1])
            let family = try rt.intArg(args[2])
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
            return rt.int(try rt.networkTry { () throws(NetworkError) in try net.open(family: family, kind: kind) })
        }
        moduleFunction(m, "_close") { rt, args throws(PyError) in
            try args.expect(rt, "_close", 1, 1)
            let h = try rt.intArg(args[0])
            if h >= 0 { rt.host.network?.close(h) }
            return .none
        }
        moduleFunction(m, "_connect") { rt, args throws(PyError) in
            try args.expect(rt, "_connect", 5, 5)
            let h = try rt.intArg(args[0])
            let address = NetworkAddress(family: try rt.intArg(args[1]), host: try rt.strArg(args[2]).value,
                                         port: try rt.intArg(args[3]))
            let timeout = try rt.intArg(args[4])
            let net = try rt.network(h)
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
        moduleFunction(m, "_bind") { rt, args throws(PyError) in
            try args.expect(rt, "_bind", 4, 4)
            let h = try rt.intArg(args[0])
            let address = NetworkAddress(family: try rt.intArg(args[1]), host: try rt.strArg(args[2]).value,
                                         port: try rt.intArg(args[3]))
            let net = try rt.network(h)
            try rt.networkTry { () throws(NetworkError) in try net.bind(h, to: address) }
            return .none
        }
        moduleFunction(m, "_listen") { rt, args throws(PyError) in
            try args.expect(rt, "_listen", 2, 2)
            let h = try rt.intArg(args[0])
            let net = try rt.network(h)
            let backlog = try rt.intArg(args[1])
            try rt.networkTry { () throws(NetworkError) in try net.listen(h, backlog: backlog) }
            return .none
        }
        moduleFunction(m, "_accept") { rt, args throws(PyError) in
            try args.expect(rt, "_accept", 2, 2)
            let h = try rt.intArg(args[0])
            let net = try rt.network(h)
            let timeout = try rt.intArg(args[1])
            let (client, peer) = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.accept(h)
            }
            return rt.tuple([rt.int(client)] + rt.addressTuple(peer))
        }
        moduleFunction(m, "_send") { rt, args throws(PyError) in
            try args.expect(rt, "_send", 3, 3)
            let h = try rt.intArg(args[0])
            let data = try rt.socketData(args[1])
            let net = try rt.network(h)
            let timeout = try rt.intArg(args[2])
            let n = try rt.networkCall(net, h, writable: true, timeout: timeout) {
                () throws(NetworkError) in try net.send(h, data)
            }
            return rt.int(n)
        }
        moduleFunction(m, "_sendto") { rt, args throws(PyError) in
            try args.expect(rt, "_sendto", 6, 6)
            let h = try rt.intArg(args[0])
            let data = try rt.socketData(args[1])
            let address = NetworkAddress(family: try rt.intArg(args[2]), host: try rt.strArg(args[3]).value,
                                         port: try rt.intArg(args[4]))
            let net = try rt.network(h)
            let timeout = try rt.intArg(args[5])
            let n = try rt.networkCall(net, h, writable: true, timeout: timeout) {
                () throws(NetworkError) in try net.send(h, data, to: address)
            }
            return rt.int(n)
        }
        moduleFunction(m, "_recv") { rt, args throws(PyError) in
            try args.expect(rt, "_recv", 3, 3)
            let h = try rt.intArg(args[0])
            let count = try rt.intArg(args[1])
            let net = try rt.network(h)
            let timeout = try rt.intArg(args[2])
            let bytes = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.receive(h, maxCount: count)
            }
            return Value(rt.newBytes(bytes))
        }
        moduleFunction(m, "_recvfrom") { rt, args throws(PyError) in
            try args.expect(rt, "_recvfrom", 3, 3)
            let h = try rt.intArg(args[0])
            let count = try rt.intArg(args[1])
            let net = try rt.network(h)
            let timeout = try rt.intArg(args[2])
            let (bytes, from) = try rt.networkCall(net, h, writable: false, timeout: timeout) {
                () throws(NetworkError) in try net.receiveFrom(h, maxCount: count)
            }
            return rt.tuple([Value(rt.newBytes(bytes))] + rt.addressTuple(from))
        }
        moduleFunction(m, "_setopt") { rt, args throws(PyError) in
            try args.expect(rt, "_setopt", 4, 4)
            let h = try rt.intArg(args[0])
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
            let h = try rt.intArg(args[0])
            let mask = try rt.intArg(args[1])
            guard let net = rt.host.network, h >= 0 else { return rt.int(0) }
            var ready = 0
            if mask & Runtime.POLLIN != 0, net.wait(h, writable: false, nanoseconds: 0) { ready |= Runtime.POLLIN }
            if mask & Runtime.POLLOUT != 0, net.wait(h, writable: true, nanoseconds: 0) { ready |= Runtime.POLLOUT }
            return rt.int(ready)
        }
    }
}
