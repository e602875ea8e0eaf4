import Foundation
import PythonRuntime

/// One WebSocket frame (RFC 6455 §5.2), its payload unmasked.
struct WebSocketFrame: Equatable {
    static let continuation: UInt8 = 0x0, text: UInt8 = 0x1, binary: UInt8 = 0x2
    static let close: UInt8 = 0x8, ping: UInt8 = 0x9, pong: UInt8 = 0xA

    var fin = true
    var opcode: UInt8
    var payload: [UInt8]

    var isControl: Bool { opcode >= Self.close }
}

/// RFC 6455 framing for the boards' WebSocket servers (CircuitPython's
/// `/cp/serial/`, MicroPython's WebREPL): the handshake's accept key, frames
/// encoded as a server sends them (unmasked), and a decoder for what clients
/// send. Browsers mask their frames as the RFC asks; MicroPython's
/// `webrepl_cli.py` does not, and both firmwares accept either, so the decoder
/// does too. Pure.
enum WebSocketFraming {
    /// RFC 6455 §1.3's GUID, appended to the client's key.
    static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// `Sec-WebSocket-Accept` for a client's `Sec-WebSocket-Key`: base64 of
    /// SHA-1 of the key and the GUID.
    static func acceptKey(_ key: String) -> String {
        Data(sha1Digest(Array((key + guid).utf8))).base64EncodedString()
    }

    /// A whole frame; `mask` (4 bytes) masks it as a client must.
    static func encode(opcode: UInt8, payload: [UInt8], fin: Bool = true, mask: [UInt8]? = nil) -> [UInt8] {
        var out: [UInt8] = [(fin ? 0x80 : 0) | (opcode & 0x0F)]
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        let n = payload.count
        if n <= 125 {
            out.append(maskBit | UInt8(n))
        } else if n < 1 << 16 {
            out += [maskBit | 126, UInt8(n >> 8), UInt8(n & 0xFF)]
        } else {
            out.append(maskBit | 127)
            for i in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: UInt64(n) >> (8 * UInt64(i)))) }
        }
        guard let mask, mask.count == 4 else { return out + payload }
        out += mask
        for (i, b) in payload.enumerated() { out.append(b ^ mask[i & 3]) }
        return out
    }
}

/// Frames out of a byte stream, as they arrive in pieces.
struct WebSocketFrameDecoder {
    enum Failure: Error, Equatable {
        /// A frame longer than the server takes (the boards buffer little).
        case tooLong(UInt64)
    }

    /// The longest payload taken; a longer frame is a failure.
    let maxPayload: Int
    private var buffer: [UInt8] = []

    init(maxPayload: Int) { self.maxPayload = maxPayload }

    /// Bytes waiting that do not make a whole frame yet.
    var pendingCount: Int { buffer.count }

    mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 { buffer.append(contentsOf: bytes) }

    /// The next whole frame, or nil until more bytes come.
    mutating func next() throws(Failure) -> WebSocketFrame? {
        guard buffer.count >= 2 else { return nil }
        let fin = buffer[0] & 0x80 != 0
        let opcode = buffer[0] & 0x0F
        let masked = buffer[1] & 0x80 != 0
        var length = UInt64(buffer[1] & 0x7F)
        var offset = 2
        if length == 126 {
            guard buffer.count >= 4 else { return nil }
            length = UInt64(buffer[2]) << 8 | UInt64(buffer[3])
            offset = 4
        } else if length == 127 {
            guard buffer.count >= 10 else { return nil }
            length = buffer[2..<10].reduce(0) { $0 << 8 | UInt64($1) }
            offset = 10
        }
        guard length <= UInt64(maxPayload) else { throw .tooLong(length) }
        var mask: [UInt8] = []
        if masked {
            guard buffer.count >= offset + 4 else { return nil }
            mask = Array(buffer[offset..<(offset + 4)])
            offset += 4
        }
        let end = offset + Int(length)
        guard buffer.count >= end else { return nil }
        var payload = Array(buffer[offset..<end])
        if masked { for i in payload.indices { payload[i] ^= mask[i & 3] } }
        buffer.removeFirst(end)
        return WebSocketFrame(fin: fin, opcode: opcode, payload: payload)
    }
}
