import Foundation

/// The serial console over a WebSocket at `/cp/serial/` (CircuitPython 9.1.4's
/// supervisor/shared/web_workflow/websocket.c): one client at a time, a new
/// one replacing the old; text frames in are typed on the console (Ctrl-C
/// interrupts as on USB), everything the board writes to serial goes out as
/// text frames, one per write. Pings are answered and a close is echoed
/// before the socket closes. The connection is the supervisor's, so it stays
/// up across reloads.
final class WebWorkflowSerial {
    let connection: ServiceConnection
    private var decoder = WebSocketFrameDecoder(maxPayload: 1 << 16)
    /// The opcode of the data message in progress (a continuation carries it on).
    private var messageOpcode = WebSocketFrame.text
    private let type: ([UInt8]) -> Void

    /// `type` receives what the client typed.
    init(connection: ServiceConnection, type: @escaping ([UInt8]) -> Void) {
        self.connection = connection
        self.type = type
        connection.keepAcrossSoftReset()
    }

    var isOpen: Bool { !connection.isClosed }

    func poll(now: UInt64) {
        connection.flush()
        guard !connection.isClosed else { return }
        // Bounded per poll: what has arrived, at most 16 reads.
        for _ in 0..<16 {
            let bytes = connection.read(maxCount: 4096, now: now)
            if bytes.isEmpty { break }
            decoder.append(bytes)
        }
        while true {
            let frame: WebSocketFrame?
            do { frame = try decoder.next() } catch { connection.abort(); return }
            guard let frame else { break }
            handle(frame)
            if connection.isClosed { return }
        }
        if connection.peerGone { connection.abort() }
    }

    private func handle(_ frame: WebSocketFrame) {
        switch frame.opcode {
        case WebSocketFrame.close:
            connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.close, payload: frame.payload))
            connection.close()
        case WebSocketFrame.ping:
            // The firmware echoes the payload as read, still masked; an unmasked echo is what RFC 6455 asks.
            connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.pong, payload: frame.payload))
        case WebSocketFrame.text, WebSocketFrame.binary, WebSocketFrame.continuation:
            if frame.opcode != WebSocketFrame.continuation { messageOpcode = frame.opcode }
            // Only text reaches the console (websocket.c reads the payload of opcode 1 only).
            if messageOpcode == WebSocketFrame.text && !frame.payload.isEmpty { type(frame.payload) }
        default:
            break
        }
    }

    /// Serial output: a text frame per write, the title's escape sequences in
    /// frames of their own as status_bar.c writes them (serial.js sets the
    /// page's title from them).
    func write(_ text: String) {
        guard !connection.isClosed else { return }
        for piece in Self.pieces(text) {
            var bytes = Array(piece.utf8)
            while !bytes.isEmpty {
                let n = min(bytes.count, 0xFFFF)
                connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.text, payload: Array(bytes[..<n])))
                bytes.removeFirst(n)
            }
        }
    }

    /// `text` cut before and after each OSC title start (`ESC ] 0 ;`) and end (`ESC \`).
    static func pieces(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let start = rest.range(of: "\u{1b}]0;"), end = rest.range(of: "\u{1b}\\")
            guard let marker = [start, end].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else {
                out.append(String(rest))
                break
            }
            if marker.lowerBound > rest.startIndex { out.append(String(rest[..<marker.lowerBound])) }
            out.append(String(rest[marker]))
            rest = rest[marker.upperBound...]
        }
        return out
    }
}
