import Foundation
import PythonRuntime
import Synchronization

/// Everything other threads hand one board: serial input, the end of input,
/// settled drive changes, stop and reload requests. Any thread may post; the
/// firmware thread takes the mail at its safe points, so the supervisor, the
/// board and the runtime are only ever touched by that thread.
///
/// The one thing that acts at once is the board's `interruptLine`, shared by
/// every runtime the board boots: a stop, a reload or Ctrl-C raises it while
/// code runs, and the interpreter notices at its next safe point.
public final class BoardInbox: @unchecked Sendable {
    public let interruptLine = InterruptLine()

    private struct Mail {
        var input: [UInt8] = []
        /// Bytes of `input` already taken (dropped in bulk, not one at a time).
        var inputTaken = 0
        var inputClosed = false
        var driveChanges: Set<String> = []
        var stop = false
        var reload = false
        /// Ctrl-C arrived while code ran.
        var userInterrupt = false
        /// Python code is running (set by the firmware thread).
        var executing = false
    }

    /// Guards `mail`; signalled whenever mail is posted (an idle board waits on it).
    private let lock = NSCondition()
    private var mail = Mail()
    /// Drive changes wait: a cheap look for the interpreter's safe points.
    private let hasDriveChanges = Atomic<Bool>(false)

    /// Serial bytes the board holds before the sender must wait: the stdin ring
    /// buffer of MicroPython's rp2 port (`MICROPY_HW_STDIN_BUFFER_LEN`, 512, in
    /// `ports/rp2/mphalport.c`). USB CDC is flow-controlled: while the ring is
    /// full the host's writes wait, and nothing is lost.
    public static let inputCapacity = 512

    public init() {}

    // MARK: Posting (any thread)

    /// Bytes typed on the serial console. The interrupt character (Ctrl-C
    /// unless `micropython.kbd_intr` changed it) interrupts the code running
    /// now, if any, at once (TinyUSB's "wanted character", seen even while the
    /// ring is full); everything else waits for the REPL or the program's reads.
    ///
    /// With `flowControl` (a thread of its own feeding the console: stdin, a
    /// serial port), the call waits while `inputCapacity` bytes wait unread, as
    /// a host's write to a full USB CDC port does, so a huge paste costs no
    /// memory; a stop, or the input's end, drops what is left. The firmware
    /// thread's own feeders (WebREPL, the web workflow, scenarios) must not
    /// wait on themselves and post without it.
    public func postInput(_ bytes: [UInt8], flowControl: Bool = false) {
        lock.withLock {
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            for b in bytes {
                if Int(b) == interruptLine.character && mail.executing {
                    mail.userInterrupt = true
                    interruptLine.raise()
                    continue
                }
                kept.append(b)
            }
            var next = 0
            while next < kept.count {
                var room = kept.count - next
                if flowControl {
                    while mail.input.count - mail.inputTaken >= BoardInbox.inputCapacity {
                        if mail.stop || mail.inputClosed { return }
                        lock.wait()
                    }
                    room = min(room, BoardInbox.inputCapacity - (mail.input.count - mail.inputTaken))
                }
                mail.input.append(contentsOf: kept[next..<(next + room)])
                next += room
                lock.broadcast()
            }
        }
    }

    /// The serial input ended (stdin closed). A sender waiting for room gives up.
    public func closeInput() { lock.withLock { mail.inputClosed = true; lock.broadcast() } }

    /// Paths on the drive that changed and settled (the drive watcher's report).
    public func postDriveChange(_ paths: Set<String>) {
        lock.withLock {
            mail.driveChanges.formUnion(paths)
            hasDriveChanges.store(true, ordering: .releasing)
            lock.broadcast()
        }
    }

    /// Ends the run in progress (its KeyboardInterrupt is not reported).
    public func requestStop() {
        lock.withLock {
            mail.stop = true
            if mail.executing { interruptLine.raise() }
            lock.broadcast()
        }
    }

    /// Stops the program in progress (if any) so the board boots again.
    public func requestReload() {
        lock.withLock {
            mail.reload = true
            if mail.executing { interruptLine.raise() }
            lock.broadcast()
        }
    }

    // MARK: Taking (the firmware thread)

    var stopRequested: Bool { lock.withLock { mail.stop } }
    var reloadRequested: Bool { lock.withLock { mail.reload } }
    var userInterrupted: Bool { lock.withLock { mail.userInterrupt } }
    var isExecuting: Bool { lock.withLock { mail.executing } }

    func clearReload() { lock.withLock { mail.reload = false } }
    /// The stop was taken (a scenario's reset: the board runs on after it).
    func clearStop() { lock.withLock { mail.stop = false } }

    /// Code starts running: a Ctrl-C from now on interrupts it, and a stop or
    /// reload already asked for interrupts it at once.
    func beginExecution() {
        lock.withLock {
            mail.executing = true
            mail.userInterrupt = false
            interruptLine.clear()
            interruptLine.character = 3
            if mail.stop || mail.reload { interruptLine.raise() }
        }
    }

    func endExecution() { lock.withLock { mail.executing = false } }

    /// The next serial byte (`.some(byte)`), the end of input (`.some(nil)`),
    /// or nil while nothing has come.
    func takeInputByte() -> UInt8?? {
        if let b = takeInput(max: 1).first { return .some(b) }
        return inputEnded ? .some(nil) : nil
    }

    /// Waits until something is posted (input, the end of input, a drive
    /// change, a stop or reload) or `seconds` pass; returns at once when
    /// something is waiting. An idle board sleeps here, costing no host CPU.
    func waitForMail(seconds: Double) {
        lock.withLock {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while mail.inputTaken == mail.input.count && !mail.inputClosed && !mail.stop && !mail.reload
                    && !hasDriveChanges.load(ordering: .relaxed) {
                if !lock.wait(until: deadline) { return }
            }
        }
    }

    /// Up to `max` waiting serial bytes (empty when none).
    func takeInput(max: Int) -> [UInt8] {
        lock.withLock {
            let n = min(max, mail.input.count - mail.inputTaken)
            guard n > 0 else { return [] }
            let bytes = Array(mail.input[mail.inputTaken..<(mail.inputTaken + n)])
            mail.inputTaken += n
            // Taken bytes are dropped in bulk, not one at a time.
            if mail.inputTaken == mail.input.count || mail.inputTaken >= 4096 {
                mail.input.removeFirst(mail.inputTaken)
                mail.inputTaken = 0
            }
            // Room again: a sender waiting on a full ring goes on.
            lock.broadcast()
            return bytes
        }
    }

    /// Serial bytes are waiting.
    var hasInput: Bool { inputBytesWaiting > 0 }
    var inputBytesWaiting: Int { lock.withLock { mail.input.count - mail.inputTaken } }
    /// The serial input ended and everything in it was taken.
    var inputEnded: Bool { lock.withLock { mail.inputClosed && mail.inputTaken == mail.input.count } }

    /// The drive changes posted since the last call (empty when none).
    func takeDriveChanges() -> Set<String> {
        guard hasDriveChanges.load(ordering: .acquiring) else { return [] }
        return lock.withLock {
            hasDriveChanges.store(false, ordering: .relaxed)
            defer { mail.driveChanges = [] }
            return mail.driveChanges
        }
    }
}
