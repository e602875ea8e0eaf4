import BoardNetwork
import Foundation
import HostPlatform
import PythonRuntime

/// CircuitPython's web workflow (supervisor/shared/web_workflow/ in 9.1.4): an
/// HTTP server on the board's own stack, port 80 unless settings.toml's
/// `CIRCUITPY_WEB_API_PORT` says otherwise, serving the drive's files
/// (`/fs/`), the board's facts (`/cp/`), its pages, and the serial console
/// over a WebSocket. It runs as the firmware's background task does: polled
/// while code.py runs and while the board waits, one request at a time, each
/// connection closed after its reply. Its sockets are the supervisor's, so a
/// reload leaves them open; a chip reset closes them and the next boot opens
/// the listener again.
final class WebWorkflow: BoardService {
    struct Settings: Equatable {
        /// `CIRCUITPY_WEB_API_PASSWORD`.
        var password: String
        /// `CIRCUITPY_WEB_API_PORT` (80 by default).
        var port: Int
        /// `CIRCUITPY_WEB_INSTANCE_NAME`, else the board's name.
        var instanceName: String
    }

    unowned let supervisor: Supervisor
    let settings: Settings
    /// The Authorization header a right password gives: Basic auth with an
    /// empty user name, as `_base64_in_place` encodes ":password".
    let authorization: String
    let pages = WebWorkflowPages()
    private(set) var listener: Int?
    private var exchange: WebWorkflowExchange?
    /// Connections whose reply is still going out.
    private var closing: [ServiceConnection] = []
    private(set) var serial: WebWorkflowSerial?
    lazy var volume = FATVolume(volumeBytes: supervisor.drive.capacityBytes)

    /// A request that stops arriving is dropped after this much virtual time
    /// (the firmware waits for ever; a stuck client would block the board's only connection).
    static let idleLimit: UInt64 = 30_000_000_000
    /// Bytes read per poll at most, so a long upload never stalls the program.
    static let readPerPoll = 64 * 1024

    var stack: BoardSocketStack { supervisor.networking.stack }
    var now: UInt64 { supervisor.board.clock.now }

    init(supervisor: Supervisor, settings: Settings) {
        self.supervisor = supervisor
        self.settings = settings
        authorization = "Basic " + Data((":" + settings.password).utf8).base64EncodedString()
        supervisor.addSerialTap { [weak self] bytes in self?.serial?.write(String(decoding: bytes, as: UTF8.self)) }
    }

    /// Each boot (`supervisor_start_web_workflow`): the listener opened if it
    /// is not (first boot, or after a chip reset). A request in progress when
    /// the board reset has lost its connection with the reset, as the firmware
    /// drops it here; one that came in while the board booted is served.
    /// False when the port cannot be listened on.
    @discardableResult
    func start() -> Bool {
        if let ex = exchange, !stack.isOpen(ex.connection.handle) {
            ex.connection.abort()
            exchange = nil
        }
        if let l = listener, stack.isOpen(l) { return true }
        listener = nil
        do {
            let h = try stack.open(family: NetworkAddress.inet, kind: .stream)
            do {
                try stack.bind(h, to: NetworkAddress(family: NetworkAddress.inet, host: "0.0.0.0", port: settings.port))
                try stack.listen(h, backlog: 1)
            } catch {
                stack.close(h)
                return false
            }
            stack.keepAcrossSoftReset(h)
            listener = h
            return true
        } catch {
            return false
        }
    }

    func boardDidReset(soft: Bool) {
        guard !soft else { return }
        // The stack closed everything; the next boot listens again.
        listener = nil
        exchange = nil
        closing = []
        serial = nil
    }

    // MARK: Polling

    func poll() {
        let now = self.now
        closing.forEach { $0.flush() }
        closing.removeAll { $0.isClosed }
        if let s = serial {
            s.poll(now: now)
            if !s.isOpen { serial = nil }
        }
        guard let listener, stack.isOpen(listener) else { return }
        // As the background task: work on the active request; once it is
        // answered, take the next connection (a few per poll at most).
        for _ in 0..<4 {
            if let ex = exchange {
                serve(ex, now: now)
                if exchange != nil { break }
            }
            guard let (handle, peer) = try? stack.accept(listener) else { break }
            exchange = WebWorkflowExchange(connection: ServiceConnection(handle: handle, peer: peer, stack: stack, now: now))
        }
        if let ex = exchange, now &- ex.connection.lastRead > Self.idleLimit {
            ex.connection.abort()
            exchange = nil
        }
    }

    private func serve(_ ex: WebWorkflowExchange, now: UInt64) {
        ex.connection.flush()
        var budget = Self.readPerPoll
        while budget > 0, exchange === ex {
            var bytes = ex.connection.read(maxCount: min(budget, 4096), now: now)[...]
            if bytes.isEmpty { break }
            budget -= bytes.count
            if case .head = ex.phase {
                let (used, outcome) = ex.parser.feed(bytes)
                bytes = bytes.dropFirst(used)
                switch outcome {
                case nil: continue
                case .malformed?:
                    // The firmware goes on to answer the partial request after this; clients read the 501.
                    finish(ex, reply: WebWorkflowReplies.notImplemented)
                    return
                case .complete(let head)?:
                    respond(to: head, in: ex)
                }
            }
            take(bytes, into: ex)
        }
        if exchange === ex, case .body(0, _) = ex.phase { take([], into: ex) }
        if exchange === ex, ex.connection.peerGone {
            // The client went away mid-request: the firmware resets it and closes.
            ex.connection.abort()
            exchange = nil
        }
    }

    /// Body bytes for a file PUT; the reply once all have come.
    private func take(_ bytes: ArraySlice<UInt8>, into ex: WebWorkflowExchange) {
        guard exchange === ex, case .body(let remaining, let keep) = ex.phase else { return }
        let part = bytes.prefix(remaining)
        if keep { ex.body += part }
        let left = remaining - part.count
        ex.phase = .body(remaining: left, keep: keep)
        guard left == 0 else { return }
        if let reply = ex.replyAfterBody {
            finish(ex, reply: reply)
        } else {
            finishUpload(ex)
        }
    }

    /// Sends the reply and closes the connection after it, as every request ends.
    func finish(_ ex: WebWorkflowExchange, reply: String) {
        finish(ex, bytes: Array(reply.utf8))
    }

    func finish(_ ex: WebWorkflowExchange, bytes: [UInt8]) {
        ex.phase = .done
        ex.connection.send(bytes)
        ex.connection.close()
        if !ex.connection.isClosed { closing.append(ex.connection) }
        if exchange === ex { exchange = nil }
    }

    /// The connection becomes the serial console (the firmware's websocket_handoff).
    func handOff(_ ex: WebWorkflowExchange, reply: String) {
        ex.phase = .done
        if exchange === ex { exchange = nil }
        serial?.connection.abort()
        ex.connection.send(reply)
        serial = WebWorkflowSerial(connection: ex.connection) { [weak self] bytes in self?.supervisor.feedInput(bytes) }
    }

    /// A change to the drive: reported at once so the board reloads
    /// (autoreload_trigger), and remembered so the drive watcher's later
    /// report of it does not reload the board again.
    func announce(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        supervisor.services.announcedChanges.record(paths, in: supervisor.drive.fileSystem)
        supervisor.inbox.postDriveChange(Set(paths.map(AnnouncedDriveChanges.key)))
    }
}
