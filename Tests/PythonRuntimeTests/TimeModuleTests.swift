import Foundation
import XCTest
@testable import PythonRuntime

/// A virtual clock, as a board has: sleeping advances it instantly.
final class FakeClock: RuntimeClock, @unchecked Sendable {
    var monotonicNanoseconds: UInt64
    var epochSeconds: Double
    private(set) var sleeps: [UInt64] = []

    init(monotonic: UInt64 = 0, epoch: Double = 1_700_000_000) {
        monotonicNanoseconds = monotonic
        epochSeconds = epoch
    }

    func sleep(nanoseconds: UInt64, interrupted: () -> Bool) {
        sleeps.append(nanoseconds)
        monotonicNanoseconds += nanoseconds
        epochSeconds += Double(nanoseconds) / 1e9
    }
}

/// A clock whose sleep never ends on its own, only when interrupted.
final class BlockingClock: RuntimeClock, @unchecked Sendable {
    var monotonicNanoseconds: UInt64 = 0
    var epochSeconds: Double = 0
    func sleep(nanoseconds: UInt64, interrupted: () -> Bool) {
        while !interrupted() { usleep(1000) }
    }
}

final class TimeModuleTests: XCTestCase {
    func testSleepAdvancesVirtualClockWithoutWaiting() {
        let clock = FakeClock()
        let session = PythonSession(clock: clock)
        let start = Date()
        let r = session.run("""
            import time
            t0 = time.time()
            m0 = time.monotonic_ns()
            time.sleep(3600)
            print(time.time() - t0, time.monotonic_ns() - m0)
            """)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "3600 3600000000000\n")
        XCTAssertEqual(clock.sleeps, [3_600_000_000_000])
        XCTAssertEqual(clock.monotonicNanoseconds, 3_600_000_000_000)
        XCTAssertLessThan(elapsed, 5, "sleep(3600) must return at once on a virtual clock")
    }

    func testSleepVariantsUseTheClock() {
        let clock = FakeClock()
        let r = PythonSession(clock: clock).run("""
            import time
            time.sleep_ms(250)
            time.sleep_us(1500)
            time.sleep(0.5)
            time.sleep_ms(-5)
            print(time.ticks_ms(), time.ticks_us())
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(clock.sleeps, [250_000_000, 1_500_000, 500_000_000])
        XCTAssertEqual(r.stdout, "751 751500\n")
    }

    func testTicksWrapAroundAtTwoToTheThirty() {
        let period: UInt64 = 1 << 30
        // 5 ms before ticks_ms wraps.
        let clock = FakeClock(monotonic: (period - 5) * 1_000_000)
        let r = PythonSession(clock: clock).run("""
            import time
            a = time.ticks_ms()
            time.sleep_ms(10)
            b = time.ticks_ms()
            print(a, b, time.ticks_diff(b, a), time.ticks_diff(a, b), time.ticks_add(a, 10) == b)
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "\(period - 5) 5 10 -10 True\n")
    }

    func testTimeAndGmtimeReadTheClock() {
        let clock = FakeClock(epoch: 1_700_000_000.75)
        let r = PythonSession(clock: clock).run("""
            import time
            print(time.time(), time.gmtime(), time.localtime() == time.gmtime())
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "1700000000 (2023, 11, 14, 22, 13, 20, 1, 318) True\n")
    }

    func testSleepIsInterruptible() {
        let session = PythonSession(clock: BlockingClock())
        let rt = session.runtime
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { rt.requestInterrupt() }
        let r = session.run("""
            import time
            try:
                time.sleep(10)
            except KeyboardInterrupt:
                print('interrupted')
            """, timeout: 20)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "interrupted\n")
    }
}
