import BoardNetwork
import PythonRuntime

/// A TCP connection a board service holds on the board's own stack, used
/// without ever waiting: reads take what has arrived, and what the stack will
/// not take yet waits in an outbox that each poll flushes. Closing waits for
/// the outbox to empty, so a reply is never cut short.
final class ServiceConnection {
    let handle: Int
    let peer: NetworkAddress
    private let stack: BoardSocketStack
    private var outbox: [UInt8] = []
    private var closeWhenFlushed = false
    /// The peer closed its side or the connection failed.
    private(set) var peerGone = false
    /// The socket is closed (the stack no longer has it).
    private(set) var isClosed = false
    /// Virtual time of the last byte read (or of the accept).
    private(set) var lastRead: UInt64

    /// The most a connection keeps unsent before it is dropped: a client that
    /// stops reading must not grow it for ever. More than any board's drive
    /// holds, so a whole file always fits.
    static let outboxLimit = 8 << 20

    init(handle: Int, peer: NetworkAddress, stack: BoardSocketStack, now: UInt64) {
        self.handle = handle
        self.peer = peer
        self.stack = stack
        lastRead = now
    }

    /// Up to `maxCount` bytes that have arrived; empty when none have (or the
    /// peer is gone: see `peerGone`).
    func read(maxCount: Int, now: UInt64) -> [UInt8] {
        guard !isClosed, !peerGone, stack.isOpen(handle) else {
            peerGone = true
            return []
        }
        do {
            let bytes = try stack.receive(handle, maxCount: maxCount)
            if bytes.isEmpty { peerGone = true } else { lastRead = now }
            return bytes
        } catch where error == .wouldBlock {
            return []
        } catch {
            peerGone = true
            return []
        }
    }

    /// Queues `bytes` and sends what the stack takes now.
    func send(_ bytes: [UInt8]) {
        guard !isClosed, !closeWhenFlushed, !bytes.isEmpty else { return }
        outbox += bytes
        flush()
        if outbox.count > Self.outboxLimit { abort() }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Sends what is queued, as far as the stack takes it; closes the socket
    /// once it is all gone after `close()`.
    func flush() {
        guard !isClosed else { return }
        guard stack.isOpen(handle) else { isClosed = true; peerGone = true; return }
        while !outbox.isEmpty {
            do {
                let n = try stack.send(handle, outbox)
                if n <= 0 { break }
                outbox.removeFirst(n)
            } catch where error == .wouldBlock {
                break
            } catch {
                outbox = []
                peerGone = true
            }
        }
        if closeWhenFlushed && outbox.isEmpty { abort() }
    }

    var hasUnsentBytes: Bool { !outbox.isEmpty }

    /// Closes once what is queued has been sent.
    func close() {
        closeWhenFlushed = true
        flush()
    }

    /// Closes now, dropping anything unsent.
    func abort() {
        guard !isClosed else { return }
        isClosed = true
        outbox = []
        stack.close(handle)
    }

    /// Marks the socket as the firmware's own (it survives a reload).
    func keepAcrossSoftReset() { stack.keepAcrossSoftReset(handle) }
}
