import XCTest
@testable import BoardEmulator

final class VirtualClockTests: XCTestCase {
    func testEventsFireInDeadlineThenInsertionOrderWithNowSet() {
        let clock = VirtualClock()
        var fired: [String] = []
        clock.schedule(at: 300) { fired.append("c@\(clock.now)") }
        clock.schedule(at: 100) { fired.append("a@\(clock.now)") }
        clock.schedule(at: 100) { fired.append("b@\(clock.now)") }
        clock.advance(to: 250)
        XCTAssertEqual(fired, ["a@100", "b@100"])
        XCTAssertEqual(clock.now, 250)
        clock.advance(by: 100)
        XCTAssertEqual(fired, ["a@100", "b@100", "c@300"])
        XCTAssertEqual(clock.now, 350)
    }

    func testCancelledEventsDoNotFire() {
        let clock = VirtualClock()
        var fired = false
        let id = clock.schedule(after: 10) { fired = true }
        clock.cancel(id)
        clock.advance(by: 100)
        XCTAssertFalse(fired)
    }
}
