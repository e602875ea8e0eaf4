/// The board's time: nanoseconds since power-on, advanced only by the board's
/// run loop (never the wall clock). Events fire in (deadline, insertion) order,
/// with `now` set to their deadline before each runs.
public final class VirtualClock {
    /// Nanoseconds since the board started.
    public private(set) var now: UInt64 = 0
    /// How many scheduled events have run: the work time costs the host.
    public private(set) var eventsFired: UInt64 = 0
    private var queue: [ScheduledEvent] = []
    private var nextSequence: UInt64 = 0

    public init() {}

    /// A handle that cancels a scheduled event.
    public struct EventID: Hashable { let sequence: UInt64 }

    struct ScheduledEvent {
        let deadline: UInt64
        let sequence: UInt64
        let action: () -> Void
    }

    /// Runs `action` when the clock reaches `deadline` (or at once on the next
    /// advance if the deadline has passed).
    @discardableResult
    public func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> EventID {
        let e = ScheduledEvent(deadline: deadline, sequence: nextSequence, action: action)
        nextSequence += 1
        // Binary insertion keeps the queue ordered by (deadline, sequence).
        var lo = 0, hi = queue.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let m = queue[mid]
            if m.deadline < e.deadline || (m.deadline == e.deadline && m.sequence < e.sequence) { lo = mid + 1 } else { hi = mid }
        }
        queue.insert(e, at: lo)
        return EventID(sequence: e.sequence)
    }

    @discardableResult
    public func schedule(after delay: UInt64, _ action: @escaping () -> Void) -> EventID {
        schedule(at: now &+ delay, action)
    }

    public func cancel(_ id: EventID) {
        queue.removeAll { $0.sequence == id.sequence }
    }

    /// The deadline of the next pending event.
    public var nextDeadline: UInt64? { queue.first?.deadline }

    /// Moves time forward to `target`, firing every event due on the way.
    public func advance(to target: UInt64) {
        while let first = queue.first, first.deadline <= target {
            queue.removeFirst()
            if first.deadline > now { now = first.deadline }
            eventsFired &+= 1
            first.action()
        }
        if target > now { now = target }
    }

    public func advance(by delta: UInt64) { advance(to: now &+ delta) }
}
