import CivilTime

/// The real-time clock: a settable calendar time that advances with the board clock.
public final class RTC {
    /// A calendar time (no time zone; the boards keep local time).
    public struct DateTime: Equatable, Sendable, CustomStringConvertible {
        public var year, month, day, hour, minute, second: Int
        /// Nanoseconds within the second.
        public var nanosecond: Int
        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
            self.year = year; self.month = month; self.day = day
            self.hour = hour; self.minute = minute; self.second = second; self.nanosecond = nanosecond
        }
        /// 0 = Monday … 6 = Sunday (MicroPython's weekday).
        public var weekday: Int { CivilCalendar.weekday(days: CivilCalendar.days(year: year, month: month, day: day)) }
        public var dayOfYear: Int {
            CivilCalendar.days(year: year, month: month, day: day) - CivilCalendar.days(year: year, month: 1, day: 1) + 1
        }
        public var description: String {
            func p(_ n: Int, _ w: Int = 2) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
            return "\(p(year, 4))-\(p(month))-\(p(day))T\(p(hour)):\(p(minute)):\(p(second))"
        }
    }

    public let clock: VirtualClock
    /// Seconds since 1970-01-01 (as nanoseconds) at clock time `anchorNow`.
    private var anchorEpochNanos: Int64
    private var anchorNow: UInt64

    public init(clock: VirtualClock, start: DateTime) {
        self.clock = clock
        anchorEpochNanos = RTC.epochNanos(start)
        anchorNow = clock.now
    }

    public var epochNanoseconds: Int64 { anchorEpochNanos + Int64(bitPattern: clock.now &- anchorNow) }

    public var datetime: DateTime {
        get { RTC.dateTime(epochNanos: epochNanoseconds) }
        set { anchorEpochNanos = RTC.epochNanos(newValue); anchorNow = clock.now }
    }

    public static func epochNanos(_ t: DateTime) -> Int64 {
        let days = Int64(CivilCalendar.days(year: t.year, month: t.month, day: t.day))
        let secs = days * 86400 + Int64(t.hour * 3600 + t.minute * 60 + t.second)
        return secs * 1_000_000_000 + Int64(t.nanosecond)
    }

    public static func dateTime(epochNanos n: Int64) -> DateTime {
        let secs = n >= 0 ? n / 1_000_000_000 : (n - 999_999_999) / 1_000_000_000
        let ns = Int(n - secs * 1_000_000_000)
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = Int(secs - days * 86400)
        let (y, m, d) = CivilCalendar.date(days: Int(days))
        return DateTime(year: y, month: m, day: d, hour: rem / 3600, minute: rem / 60 % 60, second: rem % 60, nanosecond: ns)
    }

    /// Parses "YYYY-MM-DDTHH:MM:SS".
    public static func parseISO(_ s: String) -> DateTime? {
        let parts = s.split(whereSeparator: { "-T:".contains($0) }).map { Int($0) }
        guard parts.count == 6, !parts.contains(where: { $0 == nil }) else { return nil }
        let p = parts.map { $0! }
        guard (1...12).contains(p[1]), (1...31).contains(p[2]), (0...23).contains(p[3]),
              (0...59).contains(p[4]), (0...59).contains(p[5]) else { return nil }
        return DateTime(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4], second: p[5])
    }
}
