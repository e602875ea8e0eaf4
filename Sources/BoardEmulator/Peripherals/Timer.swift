/// How far the current `Board.advance` will go. Periodic timers use it to fire
/// runs of periods without a clock event each (a one-hour sleep with a 1 ms
/// timer is 3.6 million callbacks); with no horizon they schedule one event per period.
public final class AdvanceHorizon {
    public internal(set) var target: UInt64?
    public init() {}
}

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

    let horizon: AdvanceHorizon?

    public init(clock: VirtualClock, horizon: AdvanceHorizon? = nil) { self.clock = clock; self.horizon = horizon }

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
        event = nil
        guard isRunning else { return }
        if mode == .oneShot {
            isRunning = false
            fireCount += 1
            callback?()
            return
        }
        // Fire this period; then, while the advance in progress (the horizon) reaches
        // the next deadline, advance the clock to it ourselves: events due earlier
        // fire inside that nested advance, in order, and no clock event is spent per period.
        let clock = self.clock
        let period = periodNanoseconds
        let limit = horizon?.target ?? 0
        var deadline = nextDeadline
        while true {
            fireCount += 1
            deadline &+= period
            nextDeadline = deadline
            callback?()
            guard isRunning, event == nil else { return }   // stopped or restarted by the callback
            guard deadline <= limit, deadline >= clock.now else { arm(); return }
            clock.advance(to: deadline)
            guard isRunning, event == nil else { return }   // stopped by an event on the way
            if clock.now != deadline { arm(); return }       // a nested advance overshot: fire on the next step
        }
    }
}
