import PythonRuntime

/// A socket of the board's stack.
final class BoardSocket {
    struct Chunk {
        var at: UInt64
        var bytes: [UInt8]
        var from: NetworkAddress?
    }

    let kind: SocketKind
    /// The real socket on the host this one's traffic goes through.
    var hostHandle: Int?
    /// The board-side address it is connected (or last sent) to.
    var remote: NetworkAddress?
    var localPort = 0
    var connecting = false
    var hostConnected = false
    var connected = false
    var connectReadyAt: UInt64 = 0
    var connectError: NetworkError?
    enum TLSState { case none, handshaking, established }
    var tls = TLSState.none
    var tlsSettings = TLSSettings()
    /// The host's side of the handshake has finished (or failed: `tlsError`).
    var tlsHostDone = false
    var tlsError: NetworkError?
    /// When the handshake is over in the board's time.
    var tlsReadyAt: UInt64 = 0
    var inbound: [Chunk] = []
    var eofAt: UInt64?
    var error: NetworkError?
    /// When the last byte sent is on the air.
    var sendDoneAt: UInt64 = 0
    var lastArrival: UInt64 = 0
    /// The station's address when the connection was made.
    var boardAddress: String?
    /// Bytes sent while the link was down, waiting for it.
    var held: [UInt8] = []
    var sent = 0
    var received = 0
    /// UDP: host address:port → the board-side address the board sent to.
    var datagramPeers: [String: NetworkAddress] = [:]
    var listening = false
    /// Belongs to a service of the firmware (not to the program's heap): a
    /// soft reset leaves it open.
    var keptAcrossSoftReset = false
    /// Its connection attempt failed (lwIP has freed its PCB).
    var connectFailed = false
    var inspector = TrafficInspector()
    /// Where the connection went on the host (nil when replayed or unreachable).
    var hostRoute: (host: String, port: Int)?
    /// Accepted connections waiting for `accept`, with when they arrive.
    var backlog: [(at: UInt64, handle: Int)] = []
    /// Answered from `--network-replay`'s recordings instead of a host socket.
    var replaying = false
    /// The recording being played (taken at the first send), how far it has
    /// been played, and how many datagrams the board sent.
    var replay: RecordedConnection?
    var replayCursor = 0
    var replaySends = 0
    /// `--network-record`: what this socket exchanged so far, and its file's number.
    var recording: RecordedConnection?
    var recordNumber = 0

    init(kind: SocketKind) {
        self.kind = kind
    }
}
