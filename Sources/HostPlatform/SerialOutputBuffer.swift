import Foundation

/// The board's output on its way to a serial port's tool: appended by the
/// firmware thread, which must never wait for a tool, and taken by the port's
/// own thread as the tool reads.
///
/// Bounded: past `capacity` the oldest bytes go, so a tool that stops reading
/// finds the newest output (the prompt) when it looks again. While no tool is
/// connected nothing is kept, as a USB serial port with no host drops what the
/// board prints (MicroPython's `mp_usbd_cdc_tx_strn` writes only while the
/// host holds the port open).
///
/// The port's thread sleeps in `poll(2)`; `wakeDescriptor` becomes readable
/// when output arrives in an empty buffer or `wake()` is called.
final class SerialOutputBuffer: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var accepting = false
    private let wakeReadEnd: Int32
    private let wakeWriteEnd: Int32

    init(capacity: Int = 1 << 16) throws(SerialPortError) {
        self.capacity = capacity
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SerialPortError("cannot make a pipe (\(String(cString: strerror(errno))))") }
        for fd in ends { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        wakeReadEnd = ends[0]
        wakeWriteEnd = ends[1]
    }

    deinit {
        close(wakeReadEnd)
        close(wakeWriteEnd)
    }

    /// Readable when the port's thread has something to do; poll it for POLLIN.
    var wakeDescriptor: Int32 { wakeReadEnd }

    /// Output for the tool (any thread). Dropped while no tool is connected.
    func append(_ new: [UInt8]) {
        guard !new.isEmpty else { return }
        let wasEmpty: Bool = lock.withLock {
            guard accepting else { return false }
            let empty = bytes.isEmpty
            bytes.append(contentsOf: new)
            if bytes.count > capacity { bytes.removeFirst(bytes.count - capacity) }
            return empty
        }
        // A buffer that already held bytes has already woken the thread.
        if wasEmpty { wake() }
    }

    /// Up to `limit` bytes from the front (the port's thread).
    func take(upTo limit: Int) -> [UInt8] {
        lock.withLock {
            let n = min(limit, bytes.count)
            let chunk = Array(bytes[..<n])
            bytes.removeFirst(n)
            return chunk
        }
    }

    var isEmpty: Bool { lock.withLock { bytes.isEmpty } }

    /// Drops what waits (a tool asked to purge it).
    func clear() { lock.withLock { bytes.removeAll() } }

    /// A tool connected (keep output from now on) or went away (drop it all).
    func setAccepting(_ on: Bool) {
        lock.withLock {
            accepting = on
            if !on { bytes.removeAll() }
        }
    }

    /// Makes `wakeDescriptor` readable (any thread).
    func wake() {
        var one: UInt8 = 1
        // A full pipe already holds a wake-up; nothing is lost when this fails.
        _ = write(wakeWriteEnd, &one, 1)
    }

    /// Empties the wake pipe (the port's thread, after poll returns).
    func drainWakeUps() {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(wakeReadEnd, &sink, sink.count) > 0 {}
    }
}
