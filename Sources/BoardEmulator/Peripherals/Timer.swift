/// A hardware/virtual timer on the board clock (`machine.Timer`).
public final class BoardTimer {
    public enum Mode: Sendable, Equatable { case oneShot, periodic }

    public let clock: VirtualClock
    public private(set) var mode: Mode = .oneShot
    public private(set) var periodNanoseconds: UInt64 = 0
    public private(set) var isRunning = false
    public private(set) var fireCount = 0
    private var event: VirtualClock.EventID?
    private var callback: (() -> Void)?
    private var nextDeadline: UInt64 = 0

    public init(clock: VirtualClock) { self.clock = clock }

    /// Starts (or restarts) the timer; a periodic timer keeps its phase (deadlines
    /// are start + k·period, never drifting by callback time).
    public func start(period: UInt64, mode: Mode, _ callback: @escaping () -> Void) {
        stop()
        self.mode = mode; self.periodNanoseconds = max(period, 1); self.callback = callback
        isRunning = true
        nextDeadline = clock.now &+ periodNanoseconds
        arm()
    }

    public func stop() {
        if let e = event { clock.cancel(e) }
        event = nil; isRunning = false
    }

    private func arm() {
        event = clock.schedule(at: nextDeadline) { [weak self] in self?.fire() }
    }

    private func fire() {
        guard isRunning else { return }
        fireCount += 1
        if mode == .periodic {
            nextDeadline &+= periodNanoseconds
            arm()
        } else {
            isRunning = false; event = nil
        }
        callback?()
    }
}
