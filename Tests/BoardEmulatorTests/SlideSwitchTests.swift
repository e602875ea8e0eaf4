import XCTest
@testable import BoardEmulator

/// The slide switch as the GPIO sees it: the rail its terminal is joined to in
/// each position, or nothing (the pull decides), and the closing contact's chatter.
final class SlideSwitchTests: XCTestCase {
    func pico() throws -> Board { try Board(id: "pico_w", flavour: .micropython) }
    let pin = PinRef.gpio(14)

    func testCommonOnTheGPIOReadsTheRailOfEachSide() throws {
        let b = try pico()
        let sw = SlideSwitch(id: "sw", gpio: b.gpio, pin: pin, on: .common, rails: [.left: .ground, .right: .supply])
        b.gpio.configure(pin, direction: .input, pull: GPIOBank.Pull.none)
        XCTAssertFalse(b.gpio.read(pin), "left joins 2 to 1, on GND")
        XCTAssertFalse(b.gpio.isFloating(pin))
        sw.setRight(true)
        XCTAssertTrue(b.gpio.read(pin), "right joins 2 to 3, on 3V3")
        XCTAssertTrue(sw.isRight)
        sw.setRight(false)
        XCTAssertFalse(b.gpio.read(pin))
    }

    func testAnOuterTerminalOnTheGPIOFloatsWhenTheHandleIsAway() throws {
        let b = try pico()
        // Common on 3V3, terminal 1 on GP14: the firmware's pull-down reads 0 when the handle is right.
        let sw = SlideSwitch(id: "sw", gpio: b.gpio, pin: pin, on: .left, rails: [.common: .supply], right: true)
        b.gpio.configure(pin, direction: .input, pull: .down)
        XCTAssertNil(sw.drivenLevel)
        XCTAssertFalse(b.gpio.read(pin))
        sw.setRight(false)
        XCTAssertEqual(sw.drivenLevel, true)
        XCTAssertTrue(b.gpio.read(pin))
        sw.setRight(true)
        XCTAssertFalse(b.gpio.read(pin), "released, the pull-down wins again")
        b.gpio.configure(pin, pull: GPIOBank.Pull.none)
        XCTAssertTrue(b.gpio.isFloating(pin), "nothing drives it: no pull, no switch")
    }

    func testATerminalOnNothingLeavesThePinToItsPull() throws {
        let b = try pico()
        let sw = SlideSwitch(id: "sw", gpio: b.gpio, pin: pin, on: .common, rails: [.left: .ground])
        b.gpio.configure(pin, direction: .input, pull: .up)
        XCTAssertFalse(b.gpio.read(pin))
        sw.setRight(true)
        XCTAssertTrue(b.gpio.read(pin), "terminal 3 is on nothing: the pull-up reads 1")
    }

    func testTheClosingContactChattersThenSettlesTheSameEveryRun() throws {
        func trace(seed: UInt64?) throws -> [Bool] {
            let b = try pico()
            let sw = SlideSwitch(id: "sw", gpio: b.gpio, pin: pin, on: .common, rails: [.left: .ground], right: true,
                                 bounce: true, seed: seed)
            b.gpio.configure(pin, direction: .input, pull: .up)
            var levels: [Bool] = []
            sw.setRight(false)
            for _ in 0..<60 { b.advance(by: 100_000); levels.append(b.gpio.read(pin)) }
            return levels
        }
        let a = try trace(seed: nil)
        XCTAssertTrue(a[..<50].contains(true), "it chatters open within 5 ms")
        XCTAssertTrue(a[50...].allSatisfy { !$0 }, "then rests on GND")
        XCTAssertEqual(a, try trace(seed: nil))
        var differs = false
        for seed in UInt64(1)...8 where try trace(seed: seed) != a { differs = true }
        XCTAssertTrue(differs)
    }
}
