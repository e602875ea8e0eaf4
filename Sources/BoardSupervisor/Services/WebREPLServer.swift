import BoardNetwork
import PythonRuntime

/// MicroPython's WebREPL server between `webrepl.start()` and `webrepl.stop()`
/// (or the soft reset that frees its sockets with the heap): a listening
/// socket on the board's stack whose connections are taken one at a time as
/// `webrepl.accept_conn` takes them (micropython-lib's webrepl.py, v1.24.0).
/// A WebSocket request becomes the REPL's second terminal (`os.dupterm`), with
/// the serial console's texts: "WebREPL connection from: ..." on connecting,
/// "Concurrent WebREPL connection from ... rejected" while one is attached.
/// Anything else gets the page that loads the WebREPL client from
/// `static_host`.
final class WebREPLServer: BoardService {
    unowned let supervisor: Supervisor
    let password: String
    let port: Int
    let staticHost: String
    private(set) var listener: Int?
    /// The connection whose handshake is being read (upstream handles one at a time).
    private var pending: (connection: ServiceConnection, handshake: WebREPLHandshake)?
    private(set) var session: WebREPLSession?
    private var tap: Int?

    /// A handshake that stops arriving is given up after this much virtual time.
    static let handshakeLimit: UInt64 = 10_000_000_000

    var stack: BoardSocketStack { supervisor.networking.stack }

    /// Opens the listening socket (`setup_conn`); throws the stack's error.
    init(supervisor: Supervisor, password: String, port: Int, staticHost: String) throws(NetworkError) {
        self.supervisor = supervisor
        self.password = password
        self.port = port
        self.staticHost = staticHost
        let h = try stack.open(family: NetworkAddress.inet, kind: .stream)
        do {
            try stack.bind(h, to: NetworkAddress(family: NetworkAddress.inet, host: "0.0.0.0", port: port))
            try stack.listen(h, backlog: 1)
        } catch {
            stack.close(h)
            throw error
        }
        listener = h
        tap = supervisor.addSerialTap { [weak self] bytes in self?.session?.write(bytes) }
    }

    /// A WebSocket client is attached (what `start_foreground` waits for).
    var attached: Bool { session.map { !$0.ended } ?? false }

    /// `webrepl.stop()`: the terminal detached, client and listener closed.
    func stop() {
        session?.close()
        session = nil
        pending?.connection.abort()
        pending = nil
        if let l = listener { stack.close(l) }
        listener = nil
        if let t = tap { supervisor.removeSerialTap(t) }
        tap = nil
    }

    var isStopped: Bool { listener == nil }

    func boardDidReset(soft: Bool) {
        // The heap and its sockets are gone; so is the dupterm terminal.
        stop()
    }

    func poll() {
        let now = supervisor.board.clock.now
        if let s = session {
            s.poll(now: now)
            if s.ended && !s.connection.hasUnsentBytes { session = nil }
        }
        guard let listener, stack.isOpen(listener) else { return }
        if pending == nil, let (handle, peer) = try? stack.accept(listener) {
            pending = (ServiceConnection(handle: handle, peer: peer, stack: stack, now: now), WebREPLHandshake())
        }
        guard let (connection, handshake) = pending else { return }
        var h = handshake
        var outcome: WebREPLHandshake.Outcome?
        for _ in 0..<4 {
            let bytes = connection.read(maxCount: 4096, now: now)
            if bytes.isEmpty { break }
            let fed = h.feed(bytes)
            if let o = fed.outcome { outcome = o; break }
        }
        if outcome == nil && connection.peerGone { outcome = WebREPLHandshake.endOfInput }
        pending = (connection, h)
        guard let outcome else {
            if now &- connection.lastRead > Self.handshakeLimit { connection.abort(); pending = nil }
            return
        }
        pending = nil
        switch outcome {
        case .webSocket(let key):
            connection.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: \(WebSocketFraming.acceptKey(key))\r\n\r\n")
            let address = "('\(connection.peer.host)', \(connection.peer.port))"
            if attached {
                supervisor.emit("\nConcurrent WebREPL connection from \(address) rejected\n")
                connection.close()
                return
            }
            supervisor.emit("\nWebREPL connection from: \(address)\n")
            session = WebREPLSession(connection: connection, password: password, board: sessionBoard)
        case .page:
            connection.send("HTTP/1.0 200 OK\r\n\r\n<base href=\"\(staticHost)\"></base>\r\n"
                            + "<script src=\"webrepl_content.js\"></script>\r\n")
            connection.close()
        case .malformed:
            connection.abort()
        }
    }

    /// The board as the session sees it: the REPL's input, the console, and
    /// files opened as `open()` on the board opens them (the drive, as the
    /// program's own writes: a put does not reboot the board).
    private var sessionBoard: WebREPLSession.Board {
        let drive = supervisor.drive
        return WebREPLSession.Board(
            type: { [unowned supervisor] in supervisor.feedInput($0) },
            print: { [unowned supervisor] in supervisor.emit($0) },
            create: { [unowned self] path in
                do throws(FileSystemError) {
                    try drive.writeFile(Self.absolute(path), [], append: false)
                } catch {
                    return self.describe(error)
                }
                return nil
            },
            append: { path, bytes in
                // modwebrepl.c asserts on a failed write, which release builds skip: the bytes are lost.
                try? drive.writeFile(Self.absolute(path), bytes, append: true)
            },
            read: { [unowned self] path in
                do throws(FileSystemError) {
                    return .success(try drive.readFile(Self.absolute(path)))
                } catch {
                    return .failure(WebREPLSession.OpenError(text: self.describe(error)))
                }
            },
            version: SupervisorTexts.micropythonVersion.dropFirst().split(separator: ".").prefix(3).map { UInt8($0) ?? 0 })
    }

    /// The exception `open()` raises for a file-system error, as dupterm prints it.
    private func describe(_ error: FileSystemError) -> String {
        guard let rt = supervisor.runtime else { return "OSError: [Errno \(error.errno)]" }
        return rt.exceptionLine(rt.newException(rt.types.OSError, args: [rt.int(error.errno)]))
    }

    /// A name relative to the board's current folder (the root) made absolute,
    /// `.` and `..` resolved as the VFS resolves them.
    static func absolute(_ name: String) -> String {
        var parts: [Substring] = []
        for p in name.split(separator: "/") where p != "." {
            if p == ".." { _ = parts.popLast() } else { parts.append(p) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
