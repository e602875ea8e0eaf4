import XCTest
@testable import BoardEmulator

/// PulseIn's capture on the board: levels timed in µs from the first non-idle
/// one, in a ring of maxlen, capped at 65535.
final class PulseCaptureTests: XCTestCase {
    let pin = PinRef.gpio(5)

    /// Drives the pin through `levels`, each (level, µs).
    func drive(_ b: Board, _ levels: [(Bool, UInt64)]) {
        for (level, us) in levels {
            b.gpio.drive(pin, by: "test", level)
            b.advance(by: us * 1_000)
        }
    }

    func testTheRingKeepsTheNewestInOrderFromTheFirstActiveLevel() throws {
        let b = try Board(id: "pico_w", flavour: .circuitpython)
        let c = PulseCapture(gpio: b.gpio, pin: pin, maxlen: 3, idleState: false)
        drive(b, [(false, 40)])
        c.resume()
        drive(b, [(false, 10), (true, 11), (false, 12), (true, 13), (false, 14), (true, 70_000), (false, 1)])
        XCTAssertEqual((0..<c.count).map { c[$0] }, [13, 14, 65_535], "idle time before the first high is not a pulse; the oldest two made room")
        XCTAssertEqual(c.popLeft(), 13)
        drive(b, [(true, 7)])
        XCTAssertEqual((0..<c.count).map { c[$0] }, [14, 65_535, 1])
        c.pause()
        drive(b, [(false, 5), (true, 5)])
        XCTAssertEqual(c.count, 3, "paused: nothing recorded")
        c.clear()
        XCTAssertNil(c.popLeft())
        c.close()
    }
}
