import PythonRuntime

/// Time for fuzzed programs: virtual, so a run never waits on the wall clock and
/// the same input always sees the same times. `sleep` lets the time pass at once.
final class FuzzClock: RuntimeClock {
    private(set) var monotonicNanoseconds: UInt64 = 0
    var epochSeconds: Double { 1_700_000_000 + Double(monotonicNanoseconds) / 1e9 }

    func sleep(nanoseconds: UInt64, interrupted: () -> Bool) {
        if interrupted() { return }
        let (sum, overflow) = monotonicNanoseconds.addingReportingOverflow(nanoseconds)
        monotonicNanoseconds = overflow ? .max : sum
    }
}
