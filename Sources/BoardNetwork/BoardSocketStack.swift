import BoardEmulator
import Foundation
import HostPlatform
import PythonRuntime

/// One board's TCP/IP stack (lwIP on the real chips) as the runtime's `socket`
/// module reaches it: sockets whose far ends are real sockets on the host,
/// found through the `SimulatedNetwork`'s routes, with the network's latency
/// and throughput charged in the board's virtual time.
///
/// Timing: a connection completes one round trip after it starts (and no
/// sooner than the host's real connection); bytes from the server become
/// visible to the board no sooner than one round trip after the request's last
/// byte went out, in order, each chunk after its transfer time. While the
/// firmware waits on a host socket that has nothing to deliver yet, virtual
/// time runs with the wall clock (polling the real socket), so a reply that
/// comes after the firmware's timeout is a timeout.
///
/// Used on the board's firmware thread only.
public final class BoardSocketStack: RuntimeNetwork {
    public let radio: WiFiRadio
    public var network: SimulatedNetwork { radio.network }
    let clock: VirtualClock
    /// Lets virtual time pass on the board (its timers fire, pacing holds).
    let letTimePass: (UInt64) -> Void
    /// What `getaddrinfo` raises for a name that does not resolve: -2 on the
    /// rp2 port (lwIP's callback), -202 on the ESP32 (lwip_getaddrinfo's EAI_FAIL).
    let unknownHostErrno: Int
    /// The chip's share of a TLS handshake (mbedTLS's public-key work), on top
    /// of its two round trips.
    let tlsHandshakeCost: UInt64
    let tlsHeapBytes: Int
    let limits: Limits
    let host = HostNetwork()
    var sockets: [Int: BoardSocket] = [:]
    var nextHandle = 3
    /// Names the board looked up, by the address they gave (for the traffic log).
    var names: [String: String] = [:]
    /// `--forward`: the host's listening socket for each board port.
    var forwards: [Int: (handle: Int, hostPort: Int)] = [:]

    /// What the port's lwIP configuration allows.
    public struct Limits: Sendable {
        /// Open TCP sockets (not counting listeners) and UDP sockets; nil: no
        /// separate count. `total` counts both.
        public var tcp: Int?
        public var udp: Int?
        public var total: Int?
        /// The errno `socket()` raises beyond them.
        public var exhaustedErrno: Int
        /// Bytes a connection takes in before the firmware reads them (the TCP
        /// window): beyond it the server waits, as flow control makes it.
        public var receiveWindow: Int
        /// Datagrams a UDP socket holds before more are dropped (lwIP's recvmbox).
        public var datagramQueue: Int

        public init(tcp: Int?, udp: Int?, total: Int?, exhaustedErrno: Int, receiveWindow: Int, datagramQueue: Int) {
            self.tcp = tcp; self.udp = udp; self.total = total; self.exhaustedErrno = exhaustedErrno
            self.receiveWindow = receiveWindow; self.datagramQueue = datagramQueue
        }
    }

    public init(radio: WiFiRadio, clock: VirtualClock, unknownHostErrno: Int, tlsHandshakeCost: UInt64, tlsHeapBytes: Int,
                limits: Limits, letTimePass: @escaping (UInt64) -> Void) {
        self.tlsHeapBytes = tlsHeapBytes
        self.limits = limits
        self.radio = radio
        self.clock = clock
        self.unknownHostErrno = unknownHostErrno
        self.tlsHandshakeCost = tlsHandshakeCost
        self.letTimePass = letTimePass
    }

    /// How many sockets are open.
    public var openSocketCount: Int { sockets.count }

    /// Closes every socket (a soft reboot frees them with the heap); with
    /// `sparingServices`, not those of the firmware's own services
    /// (`keepAcrossSoftReset`), which a reload leaves open.
    public func closeAll(sparingServices: Bool = false) {
        for (h, s) in sockets where !(sparingServices && s.keptAcrossSoftReset) { close(h) }
    }

    func log(_ text: String) { network.log.add(text, at: clock.now) }

    func socket(_ handle: Int) throws(NetworkError) -> BoardSocket {
        guard let s = sockets[handle] else { throw .badHandle }
        return s
    }

    func describe(_ a: NetworkAddress) -> String {
        let name = names[a.host].map { " (\($0))" } ?? ""
        return "\(a.host):\(a.port)\(name)"
    }

    // MARK: RuntimeNetwork

    public func resolve(host name: String, port: Int, family: Int) throws(NetworkError) -> [NetworkAddress] {
        let query = name.isEmpty ? "0.0.0.0" : name
        if IPv4.parse(query) != nil { return [NetworkAddress(family: NetworkAddress.inet, host: query, port: port)] }
        guard family != NetworkAddress.inet6, radio.isConnected else { throw NetworkError(unknownHostErrno) }
        switch network.lookup(query) {
        case .address(let a):
            letTimePass(network.timing.dnsLookup)
            names[a] = query
            log("DNS \(query) → \(a)")
            return [NetworkAddress(family: NetworkAddress.inet, host: a, port: port)]
        case .notFound:
            letTimePass(network.timing.dnsLookup)
            log("DNS \(query): no such name")
            throw NetworkError(unknownHostErrno)
        case .noAnswer:
            letTimePass(network.timing.dnsFailure)
            log("DNS \(query): no answer")
            throw NetworkError(unknownHostErrno)
        }
    }

    public func open(family: Int, kind: SocketKind) throws(NetworkError) -> Int {
        guard family == NetworkAddress.inet else { throw .familyNotSupported }
        let open = sockets.values
        // lwIP frees a TCP PCB whose connection failed; the socket object stays (ESP-IDF's fd too).
        let same = open.filter { $0.kind == kind && !$0.listening && !$0.connectFailed }.count
        if let total = limits.total, open.count >= total { throw NetworkError(limits.exhaustedErrno) }
        if let cap = kind == .stream ? limits.tcp : limits.udp, same >= cap { throw NetworkError(limits.exhaustedErrno) }
        let h = nextHandle
        nextHandle += 1
        sockets[h] = BoardSocket(kind: kind)
        return h
    }

    public func connect(_ handle: Int, to address: NetworkAddress) throws(NetworkError) {
        let s = try socket(handle)
        if s.kind == .datagram {
            s.remote = address
            return
        }
        guard s.hostHandle == nil, !s.connected else { throw .alreadyConnected }
        guard radio.isConnected else { throw .hostUnreachable }
        s.boardAddress = radio.address
        s.remote = address
        s.connecting = true
        s.connectReadyAt = clock.now + network.timing.roundTrip
        if let replay = network.replay, replay.has(address: address.host, port: address.port, transport: "tcp") {
            s.replaying = true
            s.hostConnected = true
            log("connect \(describe(address)) (replayed)")
            throw .wouldBlock
        }
        startRecording(s, to: address, transport: "tcp")
        if refusing(s) {
            log("connect \(describe(address)): refused (the server is down)")
            s.connectError = .connectionRefused
            throw .wouldBlock
        }
        guard let target = network.route(to: address.host, port: address.port) else {
            log("connect \(describe(address)): nothing reachable there")
            s.connectError = .hostUnreachable
            throw .wouldBlock
        }
        do {
            let h = try host.open(family: target.host.contains(":") ? NetworkAddress.inet6 : NetworkAddress.inet, kind: .stream)
            s.hostHandle = h
            let resolved = try host.resolve(host: target.host, port: target.port, family: 0).first
                ?? NetworkAddress(family: NetworkAddress.inet, host: target.host, port: target.port)
            do {
                try host.connect(h, to: resolved)
                s.hostConnected = true
            } catch where error == .wouldBlock {}
            s.hostRoute = (resolved.host, resolved.port)
            log("connect \(describe(address)) → host \(resolved.host):\(resolved.port)")
        } catch {
            s.connectError = error
        }
        throw .wouldBlock
    }

    public func finishConnect(_ handle: Int) throws(NetworkError) {
        let s = try socket(handle)
        pump(s)
        guard s.connecting else { return }
        guard isReady(s, writable: true) else { throw .wouldBlock }
        s.connecting = false
        if let e = s.connectError {
            s.connectError = nil
            s.connectFailed = true
            if let h = s.hostHandle { host.close(h); s.hostHandle = nil }
            log("connect \(s.remote.map(describe) ?? "?"): \(e == .hostUnreachable ? "unreachable" : "refused (errno \(e.errno))")")
            throw e
        }
        s.connected = true
    }

    public func bind(_ handle: Int, to address: NetworkAddress) throws(NetworkError) {
        let s = try socket(handle)
        s.localPort = address.port
    }

    public func send(_ handle: Int, _ bytes: [UInt8]) throws(NetworkError) -> Int {
        let s = try socket(handle)
        if s.kind == .datagram {
            guard let to = s.remote else { throw .notConnected }
            return try send(handle, bytes, to: to)
        }
        guard s.connected else { throw .notConnected }
        if let e = s.error { throw e }
        switch link(s) {
        case .changed:
            throw .connectionAborted  // the board's address is not the connection's any more
        case .down:
            // No link: lwIP keeps what is sent (up to its send buffer) until the link returns.
            guard s.held.count + bytes.count <= limits.receiveWindow else { throw .wouldBlock }
            s.held += bytes
            s.sent += bytes.count
            s.recording?.add(sent: true, bytes)
            inspect(s, sent: bytes)
            return bytes.count
        case .up:
            break
        }
        if s.replaying {
            s.sendDoneAt = max(clock.now, s.sendDoneAt) + network.timing.transfer(bytes.count)
            s.sent += bytes.count
            inspect(s, sent: bytes)
            replayAfterSend(s, bytes)
            return bytes.count
        }
        pump(s)
        if let e = s.error { throw e }
        guard let h = s.hostHandle else { throw .notConnected }
        flushHeld(s)
        if !s.held.isEmpty { throw .wouldBlock }
        let n: Int
        do {
            n = try host.send(h, bytes)
        } catch {
            if error == .wouldBlock { throw error }
            // A peer that went away: lwIP reports the reset it answered with.
            let e = error.errno == 32 ? .connectionReset : error
            s.error = e
            throw e
        }
        s.sendDoneAt = max(clock.now, s.sendDoneAt) + network.timing.transfer(n)
        s.sent += n
        s.recording?.add(sent: true, Array(bytes.prefix(n)))
        inspect(s, sent: Array(bytes.prefix(n)))
        return n
    }

    public func send(_ handle: Int, _ bytes: [UInt8], to address: NetworkAddress) throws(NetworkError) -> Int {
        let s = try socket(handle)
        guard s.kind == .datagram else { return try send(handle, bytes) }
        guard radio.isConnected else { throw .hostUnreachable }
        if s.replaying || (s.hostHandle == nil && network.replay?.has(address: address.host, port: address.port, transport: "udp") == true) {
            s.replaying = true
            s.remote = s.remote ?? address
            s.sendDoneAt = max(clock.now, s.sendDoneAt) + network.timing.transfer(bytes.count)
            s.sent += bytes.count
            log("UDP \(bytes.count) bytes to \(describe(address)) (replayed)")
            replayAfterSend(s, bytes)
            return bytes.count
        }
        if s.recording == nil { startRecording(s, to: address, transport: "udp") }
        guard let target = network.route(to: address.host, port: address.port) else {
            log("UDP to \(describe(address)): nothing reachable there")
            return bytes.count  // a datagram into the void, as lwIP reports it sent
        }
        if s.hostHandle == nil { s.hostHandle = try host.open(family: NetworkAddress.inet, kind: .datagram) }
        let resolved = try host.resolve(host: target.host, port: target.port, family: NetworkAddress.inet).first
            ?? NetworkAddress(family: NetworkAddress.inet, host: target.host, port: target.port)
        let n = try host.send(s.hostHandle!, bytes, to: resolved)
        s.remote = s.remote ?? address
        s.datagramPeers[resolved.host + ":\(resolved.port)"] = address
        s.sendDoneAt = max(clock.now, s.sendDoneAt) + network.timing.transfer(n)
        s.sent += n
        s.recording?.add(sent: true, Array(bytes.prefix(n)))
        log("UDP \(n) bytes to \(describe(address))")
        return n
    }

    public func receive(_ handle: Int, maxCount: Int) throws(NetworkError) -> [UInt8] {
        let s = try socket(handle)
        pump(s)
        if let first = s.inbound.first, first.at <= clock.now {
            let taken = Array(first.bytes.prefix(maxCount))
            if s.kind == .datagram || first.bytes.count <= maxCount {
                s.inbound.removeFirst()
            } else {
                s.inbound[0].bytes.removeFirst(maxCount)
            }
            if s.kind == .stream { inspect(s, received: taken) }
            return taken
        }
        if s.inbound.isEmpty, let eof = s.eofAt, eof <= clock.now {
            if let e = s.error { throw e }
            return []
        }
        if s.kind == .stream && !s.connected && !s.connecting { throw .notConnected }
        throw .wouldBlock
    }

    public func receiveFrom(_ handle: Int, maxCount: Int) throws(NetworkError) -> (bytes: [UInt8], from: NetworkAddress) {
        let s = try socket(handle)
        pump(s)
        if let first = s.inbound.first, first.at <= clock.now {
            s.inbound.removeFirst()
            return (Array(first.bytes.prefix(maxCount)), first.from ?? s.remote ?? NetworkAddress(family: 2, host: "0.0.0.0", port: 0))
        }
        throw .wouldBlock
    }

    public func wait(_ handle: Int, writable: Bool, nanoseconds: UInt64) -> Bool {
        guard let s = sockets[handle] else { return true }
        let deadline = clock.now &+ nanoseconds
        while true {
            pump(s)
            if isReady(s, writable: writable) { return true }
            let now = clock.now
            if now >= deadline { return false }
            if let t = nextEvent(s), t <= deadline {
                letTimePass(t - now)
                continue
            }
            guard let h = s.listening ? forwards[s.localPort]?.handle : s.hostHandle, awaitsHost(s) else {
                letTimePass(deadline - now)
                continue
            }
            // Nothing due: the real socket decides. Virtual time runs with the wall meanwhile.
            let slice = min(deadline - now, 10_000_000)
            let started = DispatchTime.now().uptimeNanoseconds
            _ = host.wait(h, writable: s.connecting, nanoseconds: slice)
            let waited = DispatchTime.now().uptimeNanoseconds - started
            letTimePass(min(deadline - now, max(waited, 100_000)))
        }
    }

    public func setOption(_ handle: Int, level: Int, option: Int, value: Int) throws(NetworkError) {
        _ = try socket(handle)
    }

    public func close(_ handle: Int) {
        guard let s = sockets.removeValue(forKey: handle) else { return }
        if let h = s.hostHandle { host.close(h) }
        for waiting in s.backlog { close(waiting.handle) }
        if let r = s.recording, !r.events.isEmpty { network.recorder?.save(r, number: s.recordNumber) }
        if s.kind == .stream, let r = s.remote, s.connected {
            log("closed \(describe(r)) (sent \(s.sent), received \(s.received) bytes)")
        }
    }

    /// What the connection carries, for the traffic log (HTTP lines, MQTT topics).
    func inspect(_ s: BoardSocket, sent: [UInt8] = [], received: [UInt8] = []) {
        guard s.kind == .stream else { return }
        for o in s.inspector.sent(sent) + s.inspector.received(received) {
            network.log.add(o.text, at: clock.now, message: o.message)
            if o.text.hasPrefix("MQTT → connect"), let r = s.remote, let route = s.hostRoute {
                network.noteMQTTBroker(MQTTBrokerRoute(boardName: names[r.host] ?? r.host, host: route.host, port: route.port))
            }
        }
    }

    /// `--set network.refuse=NAME`: the server this socket talks to is down.
    func refusing(_ s: BoardSocket) -> Bool {
        guard let r = s.remote else { return false }
        return network.isRefusing(r.host) || names[r.host].map(network.isRefusing) == true
    }

    // MARK: The link under connections

    enum LinkState { case up, down, changed }

    /// Whether `s`'s connection can move bytes: the station has the address it
    /// had when the connection was made (a link that dropped and came back with
    /// it carries on, as TCP does; a new address has lost the connection).
    func link(_ s: BoardSocket) -> LinkState {
        guard s.kind == .stream, let mine = s.boardAddress else { return .up }
        guard radio.isConnected else { return .down }
        return radio.address == mine ? .up : .changed
    }

    /// Sends what the firmware sent while the link was down.
    func flushHeld(_ s: BoardSocket) {
        guard !s.held.isEmpty, let h = s.hostHandle, !s.replaying else {
            if s.replaying && !s.held.isEmpty {
                let bytes = s.held
                s.held = []
                replayAfterSend(s, bytes)
            }
            return
        }
        do {
            let n = try host.send(h, s.held)
            s.held.removeFirst(n)
            s.sendDoneAt = max(clock.now, s.sendDoneAt) + network.timing.transfer(n)
        } catch {
            if error != .wouldBlock { s.error = error }
        }
    }

    // MARK: Timing

    /// Reads what the host socket has into the board's inbound queue, each
    /// chunk stamped with the virtual time it reaches the board.
    func pump(_ s: BoardSocket) {
        if s.listening { pumpListener(s); return }
        guard let h = s.hostHandle else { return }
        if s.kind == .stream && link(s) != .up {
            // No link: nothing arrives on this connection until it returns.
            return
        }
        if s.kind == .stream && s.connected && s.error == nil && refusing(s) {
            // The server went down: its reset ends the connection.
            host.close(h)
            s.hostHandle = nil
            s.error = .connectionReset
            s.inbound.removeAll()  // a reset drops what was not read
            s.eofAt = clock.now + network.timing.roundTrip / 2
            log("reset by \(s.remote.map(describe) ?? "?") (the server is down)")
            return
        }
        flushHeld(s)
        if s.connecting {
            if !s.hostConnected && s.connectError == nil && host.wait(h, writable: true, nanoseconds: 0) {
                do { try host.finishConnect(h); s.hostConnected = true } catch { s.connectError = error }
            }
            return
        }
        if s.tls == .handshaking {
            advanceHandshake(s)
            return
        }
        if s.eofAt != nil || s.error != nil { return }
        let rtt = network.timing.roundTrip
        func arrival(_ count: Int) -> UInt64 {
            let t = max(clock.now, s.sendDoneAt + rtt, s.lastArrival) + network.timing.transfer(count)
            s.lastArrival = t
            return t
        }
        for _ in 0..<64 {
            // Flow control: what the firmware has not read fills the window.
            let queued = s.inbound.reduce(0) { $0 + $1.bytes.count }
            if s.kind == .stream && queued >= limits.receiveWindow { return }
            if s.kind == .datagram && s.inbound.count >= limits.datagramQueue { return }
            do {
                if s.kind == .datagram {
                    let (bytes, from) = try host.receiveFrom(h, maxCount: 65_536)
                    s.received += bytes.count
                    s.recording?.add(sent: false, bytes)
                    let peer = s.datagramPeers[from.host + ":\(from.port)"] ?? s.remote
                    s.inbound.append(BoardSocket.Chunk(at: arrival(bytes.count), bytes: bytes, from: peer))
                } else {
                    let bytes = try host.receive(h, maxCount: limits.receiveWindow - queued)
                    if bytes.isEmpty {
                        s.eofAt = arrival(0)
                        s.recording?.closedByServer = true
                        return
                    }
                    s.received += bytes.count
                    s.recording?.add(sent: false, bytes)
                    s.inbound.append(BoardSocket.Chunk(at: arrival(bytes.count), bytes: bytes, from: nil))
                }
            } catch {
                if error != .wouldBlock {
                    s.error = error
                    s.eofAt = arrival(0)
                    s.recording?.closedByServer = true
                }
                return
            }
        }
    }

    func isReady(_ s: BoardSocket, writable: Bool) -> Bool {
        let now = clock.now
        if s.connecting {
            return (s.hostConnected || s.connectError != nil) && now >= s.connectReadyAt
        }
        if s.tls == .handshaking {
            return (s.tlsHostDone || s.tlsError != nil) && now >= s.tlsReadyAt
        }
        if s.listening { return s.backlog.first.map { $0.at <= now } ?? false }
        if writable { return true }
        if let first = s.inbound.first { return first.at <= now }
        if let eof = s.eofAt { return eof <= now }
        return s.kind == .stream && !s.connected
    }

    /// The next virtual time something on `s` becomes visible, if known.
    func nextEvent(_ s: BoardSocket) -> UInt64? {
        if s.connecting {
            return s.hostConnected || s.connectError != nil ? s.connectReadyAt : nil
        }
        if s.tls == .handshaking {
            return s.tlsHostDone || s.tlsError != nil ? s.tlsReadyAt : nil
        }
        if s.listening { return s.backlog.first?.at }
        return s.inbound.first?.at ?? s.eofAt
    }

    /// Whether something may still come from the host's real socket.
    func awaitsHost(_ s: BoardSocket) -> Bool {
        if s.listening { return forwards[s.localPort] != nil }
        if s.connecting { return !s.hostConnected && s.connectError == nil }
        if s.kind == .stream && link(s) != .up { return false }
        if s.tls == .handshaking { return !s.tlsHostDone && s.tlsError == nil }
        return s.eofAt == nil && s.error == nil
    }
}
