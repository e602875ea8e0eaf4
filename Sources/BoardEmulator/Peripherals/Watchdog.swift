/// The watchdog: once started it cannot be stopped (on either chip), and it
/// resets the board unless fed within its timeout.
public final class Watchdog {
    public let clock: VirtualClock
    /// Largest timeout the hardware allows (0 = no limit); longer requests are clamped.
    public let maxTimeoutNanoseconds: UInt64
    public private(set) var timeoutNanoseconds: UInt64 = 0
    public private(set) var isRunning = false
    private var event: VirtualClock.EventID?
    /// Called when the timeout expires (the board performs the reset).
    public var onExpire: (() -> Void)?

    public init(clock: VirtualClock, maxTimeoutMilliseconds: Int) {
        self.clock = clock
        maxTimeoutNanoseconds = UInt64(max(maxTimeoutMilliseconds, 0)) * 1_000_000
    }

    /// `WDT(timeout=ms)`: starts (or re-arms with a new timeout).
    public func start(timeoutMilliseconds ms: Int) {
        var t = UInt64(max(ms, 1)) * 1_000_000
        if maxTimeoutNanoseconds > 0 { t = min(t, maxTimeoutNanoseconds) }
        timeoutNanoseconds = t
        isRunning = true
        feed()
    }

    /// `wdt.feed()`.
    public func feed() {
        guard isRunning else { return }
        if let e = event { clock.cancel(e) }
        event = clock.schedule(after: timeoutNanoseconds) { [weak self] in
            guard let self, self.isRunning else { return }
            self.event = nil
            self.onExpire?()
        }
    }

    /// A chip reset stops it (the firmware must start it again).
    public func reset() {
        if let e = event { clock.cancel(e) }
        event = nil; isRunning = false; timeoutNanoseconds = 0
    }
}
