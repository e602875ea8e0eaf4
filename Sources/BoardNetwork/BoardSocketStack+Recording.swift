import BoardEmulator
import Foundation
import HostPlatform
import PythonRuntime

/// `--network-record` and `--network-replay` on the board's sockets.
extension BoardSocketStack {

    func startRecording(_ s: BoardSocket, to address: NetworkAddress, transport: String) {
        guard let recorder = network.recorder else { return }
        s.recording = RecordedConnection(name: names[address.host] ?? address.host, address: address.host,
                                         port: address.port, transport: transport)
        s.recordNumber = recorder.number()
    }

    /// The board sent `bytes` on a replayed socket: the recording's answers
    /// that were sent after as much as the board has now sent come due.
    func replayAfterSend(_ s: BoardSocket, _ bytes: [UInt8]) {
        if s.replay == nil, let r = s.remote, let replay = network.replay {
            s.replay = replay.take(address: r.host, port: r.port, transport: s.kind == .stream ? "tcp" : "udp",
                                   tls: s.tls != .none, firstSend: bytes)
            if s.replay == nil { log("replay: no recording left for \(describe(r))") }
        }
        s.replaySends += 1
        releaseReplay(s)
    }

    /// Queues the recording's received bytes whose turn has come: on TCP once
    /// the board has sent as many bytes as preceded them, on UDP as many datagrams.
    func releaseReplay(_ s: BoardSocket) {
        guard let r = s.replay else { return }
        let rtt = network.timing.roundTrip
        var sentBefore = 0, sendsBefore = 0
        for (i, e) in r.events.enumerated() {
            if e.sent {
                sentBefore += e.bytes.count
                sendsBefore += 1
                continue
            }
            guard i >= s.replayCursor else { continue }
            let due = s.kind == .stream ? s.sent >= sentBefore : s.replaySends >= sendsBefore
            guard due else { return }
            let t = max(clock.now, s.sendDoneAt + rtt, s.lastArrival) + network.timing.transfer(e.bytes.count)
            s.lastArrival = t
            s.inbound.append(BoardSocket.Chunk(at: t, bytes: e.bytes, from: s.remote))
            s.received += e.bytes.count
            s.replayCursor = i + 1
        }
        if r.closedByServer && s.eofAt == nil && s.kind == .stream {
            s.replayCursor = r.events.count
            s.eofAt = max(clock.now, s.lastArrival)
        }
    }
}
