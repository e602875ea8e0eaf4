import Foundation

/// One WebREPL client after its WebSocket handshake, as MicroPython's
/// extmod/modwebrepl.c (v1.24.0) serves it over extmod/modwebsocket.c: the
/// `Password: ` prompt, then either `\r\nWebREPL connected\r\n>>> ` or
/// `\r\nAccess denied\r\n` and the end of the connection. Once in, text
/// frames are typed at the REPL and the REPL's output comes back as text
/// frames; binary frames carry the file protocol: an 82-byte request
/// (`"WA"`, type, flags, offset, size, name length, a 64-byte name) to put a
/// file, get one, or get the version, answered by `"WB"` and a 16-bit status.
final class WebREPLSession {
    /// What the session needs from the board.
    struct Board {
        /// Types bytes at the REPL.
        var type: ([UInt8]) -> Void
        /// Prints on the board's serial console (and so on other consoles).
        var print: (String) -> Void
        /// Opens a file for writing (truncated): nil, or the exception's text.
        var create: (String) -> String?
        var append: (String, [UInt8]) -> Void
        /// A file's bytes, or the exception's text.
        var read: (String) -> Result<[UInt8], WebREPLSession.OpenError>
        /// MicroPython's version (major, minor, micro).
        var version: [UInt8]
    }

    struct OpenError: Error { var text: String }

    static let passwordPrompt = "Password: "
    static let connectedPrompt = "\r\nWebREPL connected\r\n>>> "
    static let deniedPrompt = "\r\nAccess denied\r\n"
    /// `struct webrepl_file`'s size.
    static let requestSize = 82
    enum Operation: UInt8 { case put = 1, get = 2, version = 3 }

    let connection: ServiceConnection
    private let board: Board
    private let password: String
    private var decoder = WebSocketFrameDecoder(maxPayload: 0xFFFF)
    /// The data type of the message in progress (a continuation keeps it).
    private var messageOpcode = WebSocketFrame.text
    private var entered: [UInt8]? = []
    private var header: [UInt8] = []
    /// Body bytes still to come for a put, or 1 while a get waits for the client's next byte.
    private var dataToReceive = 0
    private var operation: Operation?
    private var path = ""
    private var file: [UInt8] = []
    /// A request of an unknown type left the file protocol waiting for ever.
    private var wedged = false
    private var fileOffset = 0
    /// The session has ended (connection closed, the REPL detached).
    private(set) var ended = false

    init(connection: ServiceConnection, password: String, board: Board) {
        self.connection = connection
        self.password = password
        self.board = board
        sendText(Self.passwordPrompt)
    }

    /// Past the password: the REPL's output is forwarded (before, modwebrepl drops it).
    var authenticated: Bool { entered == nil }

    func poll(now: UInt64) {
        connection.flush()
        guard !ended else { return }
        for _ in 0..<16 {
            let bytes = connection.read(maxCount: 4096, now: now)
            if bytes.isEmpty { break }
            decoder.append(bytes)
        }
        while !ended {
            let frame: WebSocketFrame?
            do { frame = try decoder.next() } catch { return end(message: "dupterm: EOF received, deactivating\n") }
            guard let frame else { break }
            handle(frame)
        }
        if !ended && connection.peerGone { end(message: "dupterm: EOF received, deactivating\n") }
    }

    /// REPL output, as text frames (modwebsocket asserts writes under 64 KiB).
    func write(_ output: [UInt8]) {
        guard authenticated, !ended else { return }
        var bytes = output
        while !bytes.isEmpty {
            let n = min(bytes.count, 0xFFFF)
            connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.text, payload: Array(bytes[..<n])))
            bytes.removeFirst(n)
        }
    }

    /// `webrepl.stop()` or the board's reset: the connection goes, nothing is printed.
    func close() {
        ended = true
        connection.abort()
    }

    // MARK: Frames

    private func handle(_ frame: WebSocketFrame) {
        switch frame.opcode {
        case WebSocketFrame.close:
            // modwebsocket answers a close with an empty one and reads end of stream.
            connection.send([0x88, 0])
            end(message: "dupterm: EOF received, deactivating\n")
        case WebSocketFrame.ping, WebSocketFrame.pong:
            break  // "Finished receiving ctrl message, ignoring"
        default:
            if frame.opcode != WebSocketFrame.continuation { messageOpcode = frame.opcode }
            data(frame.payload, text: messageOpcode == WebSocketFrame.text)
        }
    }

    private func data(_ payload: [UInt8], text: Bool) {
        var typed: [UInt8] = []
        var i = 0
        while i < payload.count && !ended {
            let c = payload[i]
            i += 1
            if var e = entered {
                if c == 0x0D || c == 0x0A {
                    guard String(decoding: e, as: UTF8.self) == password else {
                        sendText(Self.deniedPrompt)
                        return end(message: "dupterm: EOF received, deactivating\n")
                    }
                    entered = nil
                    sendText(Self.connectedPrompt)
                } else if e.count < 10 {
                    e.append(c)
                    entered = e
                }
                continue
            }
            if text {
                typed.append(c)
            } else if !wedged && dataToReceive == 0 && operation == nil {
                header.append(c)
                if header.count == Self.requestSize { startOperation() }
            } else if dataToReceive > 0 {
                let n = min(dataToReceive, payload.count - i + 1)
                receiveData(Array(payload[(i - 1)..<(i - 1 + n)]))
                i += n - 1
            }
        }
        if !typed.isEmpty { board.type(typed) }
    }

    /// `handle_op`: the request header is in.
    private func startOperation() {
        let h = header
        header = []
        let kind = Operation(rawValue: h[2])
        let size = Int(h[12]) | Int(h[13]) << 8 | Int(h[14]) << 16 | Int(h[15]) << 24
        let nameBytes = h[18..<82].prefix { $0 != 0 }
        path = String(decoding: nameBytes, as: UTF8.self)
        switch kind {
        case .version?:
            sendBinary(board.version)
        case .put?:
            if let failure = board.create(path) { return end(message: "dupterm: Exception in read() method, deactivating: \(failure)\n") }
            operation = .put
            respond(0)
            dataToReceive = size
            finishIfDone()
        case .get?:
            switch board.read(path) {
            case .failure(let e): return end(message: "dupterm: Exception in read() method, deactivating: \(e.text)\n")
            case .success(let bytes): file = bytes
            }
            fileOffset = 0
            operation = .get
            respond(0)
            dataToReceive = 1
        case nil:
            // modwebrepl.c opens the file to read for any other type, answers
            // 0 and then waits for data no client sends: file requests stop.
            if case .failure(let e) = board.read(path) {
                return end(message: "dupterm: Exception in read() method, deactivating: \(e.text)\n")
            }
            respond(0)
            wedged = true
        }
    }

    private func receiveData(_ bytes: [UInt8]) {
        switch operation {
        case .put?:
            board.append(path, bytes)
            dataToReceive -= bytes.count
        case .get?:
            // The client's byte asks for the next chunk: up to 256 bytes after a 16-bit length.
            dataToReceive = 0
            let chunk = Array(file[fileOffset..<min(file.count, fileOffset + 256)])
            fileOffset += chunk.count
            sendBinary([UInt8(chunk.count & 0xFF), UInt8(chunk.count >> 8)] + chunk)
            if !chunk.isEmpty { dataToReceive = 1 }
        default:
            dataToReceive = 0
        }
        finishIfDone()
    }

    /// `check_file_op_finished`: the file closed and `WB` 0 sent.
    private func finishIfDone() {
        guard dataToReceive == 0, operation != nil else { return }
        operation = nil
        file = []
        respond(0)
    }

    private func respond(_ code: UInt16) {
        sendBinary([0x57, 0x42, UInt8(code & 0xFF), UInt8(code >> 8)])
    }

    private func sendText(_ text: String) {
        connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.text, payload: Array(text.utf8)))
    }

    private func sendBinary(_ bytes: [UInt8]) {
        connection.send(WebSocketFraming.encode(opcode: WebSocketFrame.binary, payload: bytes))
    }

    /// dupterm lets go of the session (mp_os_deactivate): its message on the
    /// serial console, and the connection closed after what was queued.
    private func end(message: String) {
        guard !ended else { return }
        ended = true
        connection.close()
        board.print(message)
    }
}
