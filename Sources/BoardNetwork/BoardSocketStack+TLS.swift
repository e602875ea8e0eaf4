import BoardEmulator
import Foundation
import HostPlatform
import PythonRuntime

/// TLS on the board's connections: the host socket's OpenSSL session does
/// the work; the board is charged the handshake's round trips and arithmetic.
extension BoardSocketStack {
    public func startTLS(_ handle: Int, _ settings: TLSSettings) throws(NetworkError) {
        let s = try socket(handle)
        guard s.kind == .stream, s.connected, s.hostHandle != nil || s.replaying else { throw .notConnected }
        switch s.tls {
        case .established:
            return
        case .none:
            s.tls = .handshaking
            s.tlsReadyAt = max(clock.now, s.sendDoneAt) + 2 * network.timing.roundTrip + tlsHandshakeCost
            log("TLS with \(s.remote.map(describe) ?? "?")\(settings.serverName.map { " for \($0)" } ?? "")")
            s.tlsSettings = settings
            s.recording?.tls = true
            if s.replaying {
                // The recording stands in for the server: its handshake succeeds if it was TLS.
                let recorded = s.remote.map { network.replay?.has(address: $0.host, port: $0.port, transport: "tcp", tls: true) == true } ?? false
                s.tlsHostDone = recorded
                s.tlsError = recorded ? nil : .tlsConnectionEOF
            }
            advanceHandshake(s)
        case .handshaking:
            advanceHandshake(s)
        }
        guard (s.tlsHostDone || s.tlsError != nil) && clock.now >= s.tlsReadyAt else { throw .wouldBlock }
        if let e = s.tlsError {
            s.tls = .none
            s.tlsError = nil
            log("TLS with \(s.remote.map(describe) ?? "?") failed: \(e.message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "errno \(e.errno)")")
            throw e
        }
        s.tls = .established
    }

    /// Lets the host's handshake go as far as the network allows now.
    func advanceHandshake(_ s: BoardSocket) {
        guard s.tls == .handshaking, !s.tlsHostDone, s.tlsError == nil, let h = s.hostHandle,
              link(s) == .up else { return }
        do {
            try host.startTLS(h, s.tlsSettings)
            s.tlsHostDone = true
        } catch {
            if error != .wouldBlock { s.tlsError = error }
        }
    }

    /// rp2: mbedTLS allocates from MicroPython's heap (m_tracked_calloc): a
    /// 16 KiB input and 4 KiB output record buffer (extmod/mbedtls's config)
    /// and about 8 KiB of session and handshake state. The ESP32's mbedTLS
    /// uses ESP-IDF's heap, not MicroPython's.
    public var tlsSessionHeapBytes: Int { tlsHeapBytes }

    public func tlsPeer(_ handle: Int) -> TLSPeer? {
        guard let s = sockets[handle], s.tls == .established, let h = s.hostHandle else { return nil }
        return host.tlsPeer(h)
    }
}
