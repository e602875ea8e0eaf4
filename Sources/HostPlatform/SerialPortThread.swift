import Foundation
import Synchronization

/// The thread a serial port serves its tool on: started once, told to end
/// through the port's output buffer (its wake-up interrupts the thread's
/// `poll`), and waited for, so the port's descriptors close after it is gone.
final class SerialPortThread: @unchecked Sendable {
    private let closing = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// The port is closing: the thread's loop ends.
    var isClosing: Bool { closing.load(ordering: .acquiring) }

    /// Runs `serve` on a new thread (the first call only).
    func start(name: String, _ serve: @escaping @Sendable () -> Void) {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let finished = finished
        let t = Thread {
            serve()
            finished.signal()
        }
        t.name = name
        t.start()
    }

    /// Ends the thread, if it was started, and waits for it; false when the
    /// port was already closed.
    func close(waking output: SerialOutputBuffer) -> Bool {
        guard !closing.exchange(true, ordering: .acquiringAndReleasing) else { return false }
        if started.load(ordering: .acquiring) {
            output.wake()
            finished.wait()
        }
        return true
    }
}
