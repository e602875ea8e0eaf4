import Foundation
import PythonRuntime

/// The real clock, for running Python on the host (`breadbox python`).
public final class HostClock: RuntimeClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    public init() {}

    public var monotonicNanoseconds: UInt64 { DispatchTime.now().uptimeNanoseconds - start }
    public var epochSeconds: Double { Date().timeIntervalSince1970 }

    public func sleep(nanoseconds: UInt64, interrupted: () -> Bool) {
        let deadline = monotonicNanoseconds + nanoseconds
        while !interrupted() {
            let now = monotonicNanoseconds
            if now >= deadline { return }
            // Sleep in slices so Ctrl-C is noticed within 10 ms.
            let slice = min(deadline - now, 10_000_000)
            var ts = timespec(tv_sec: Int(slice / 1_000_000_000), tv_nsec: Int(slice % 1_000_000_000))
            nanosleep(&ts, nil)
        }
    }
}
