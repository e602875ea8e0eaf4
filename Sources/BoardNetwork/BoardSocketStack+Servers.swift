import BoardEmulator
import Foundation
import HostPlatform
import PythonRuntime

/// Servers on the board: `listen`/`accept`, and `--forward`, which lets
/// connections to a port of the host's loopback reach them.
extension BoardSocketStack {
    /// `--forward HOSTPORT:BOARDPORT`: connections to 127.0.0.1:`hostPort` on
    /// the host reach whatever listens on `boardPort` on the board.
    public func addForward(hostPort: Int, boardPort: Int) throws(NetworkError) {
        let h = try host.open(family: NetworkAddress.inet, kind: .stream)
        do {
            try host.setOption(h, level: 1, option: 2, value: 1)  // SO_REUSEADDR
            try host.bind(h, to: NetworkAddress(family: NetworkAddress.inet, host: "127.0.0.1", port: hostPort))
            try host.listen(h, backlog: 8)
        } catch {
            host.close(h)
            throw error
        }
        forwards[boardPort] = (h, hostPort)
    }


    public func listen(_ handle: Int, backlog: Int) throws(NetworkError) {
        let s = try socket(handle)
        guard s.kind == .stream, !s.connected, !s.connecting else { throw .invalid }
        s.listening = true
        let via = forwards[s.localPort].map { " (forwarded from 127.0.0.1:\($0.hostPort))" } ?? ""
        log("listening on port \(s.localPort)\(via)")
    }

    public func accept(_ handle: Int) throws(NetworkError) -> (handle: Int, peer: NetworkAddress) {
        let s = try socket(handle)
        guard s.listening else { throw .invalid }
        pumpListener(s)
        guard let first = s.backlog.first, first.at <= clock.now, let client = sockets[first.handle] else { throw .wouldBlock }
        s.backlog.removeFirst()
        return (first.handle, client.remote!)
    }

    /// Takes the host's waiting connections to a forwarded port into the
    /// listener's backlog, each arriving half a round trip later.
    func pumpListener(_ s: BoardSocket) {
        guard let forward = forwards[s.localPort] else { return }
        let gateway = radio.stationConfiguration.2
        while let (client, peer) = try? host.accept(forward.handle) {
            let h = nextHandle
            nextHandle += 1
            let c = BoardSocket(kind: .stream)
            c.boardAddress = radio.address
            c.hostHandle = client
            c.hostConnected = true
            c.connected = true
            // The board sees the connection come from its gateway, as behind NAT.
            c.remote = NetworkAddress(family: NetworkAddress.inet, host: gateway, port: peer.port)
            sockets[h] = c
            s.backlog.append((clock.now + network.timing.roundTrip / 2, h))
            log("connection from host port \(peer.port) to board port \(s.localPort)")
        }
    }
}
