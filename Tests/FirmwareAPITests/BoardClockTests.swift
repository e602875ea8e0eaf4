import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import PythonRuntime
import XCTest

/// A wall clock that only moves when slept on.
final class FakeWall: WallClock {
    var now: UInt64 = 0
    private(set) var sleeps: [UInt64] = []
    func nowNanoseconds() -> UInt64 { now }
    func sleep(nanoseconds ns: UInt64) { sleeps.append(ns); now += ns }
}

final class BoardClockTests: XCTestCase {
    func makeAdapter(_ id: String = "pico_w") throws -> BoardHostAdapter {
        BoardHostAdapter(board: try Board(id: id, flavour: .micropython))
    }

    func testMonotonicIsUptimeAndRestartsOnReset() throws {
        let a = try makeAdapter()
        XCTAssertEqual(a.clock.monotonicNanoseconds, 0)
        a.board.advance(by: 5_000)
        XCTAssertEqual(a.clock.monotonicNanoseconds, 5_000)
        a.board.softReset()
        XCTAssertEqual(a.clock.monotonicNanoseconds, 0)
        a.board.advance(by: 7)
        XCTAssertEqual(a.clock.monotonicNanoseconds, 7)
        XCTAssertEqual(a.board.clock.now, 5_007)
    }

    func testEpochFollowsTheRTC() throws {
        let a = try makeAdapter()
        // pico_w MicroPython rtcStart: 2021-01-01T00:00:00.
        XCTAssertEqual(a.clock.epochSeconds, 1_609_459_200)
        a.clock.sleep(nanoseconds: 2_500_000_000) { false }
        XCTAssertEqual(a.clock.epochSeconds, 1_609_459_202.5)
        a.board.rtc.datetime = RTC.DateTime(year: 2024, month: 6, day: 1, hour: 12)
        XCTAssertEqual(a.clock.epochSeconds, 1_717_243_200)
    }

    func testSleepAdvancesVirtualTimeFiringTimersOnTheWay() throws {
        let a = try makeAdapter()
        var fired: [UInt64] = []
        let t = a.board.makeTimer()
        t.start(period: 300_000_000, mode: .periodic) { fired.append(a.board.clock.now) }
        a.clock.sleep(nanoseconds: 1_000_000_000) { false }
        XCTAssertEqual(a.board.clock.now, 1_000_000_000)
        XCTAssertEqual(fired, [300_000_000, 600_000_000, 900_000_000])
    }

    func testSleepHonoursInterruptedUnpacedAndPaced() throws {
        let a = try makeAdapter()
        a.clock.sleep(nanoseconds: 1_000_000_000) { true }
        XCTAssertEqual(a.board.clock.now, 0, "an interrupt already pending: no time passes")

        // Paced at real time: the sleep goes in slices, waiting on the wall, and
        // notices the interrupt between them.
        let wall = FakeWall()
        a.pacer = Pacer(mode: .realTime, wall: wall, virtualNow: a.board.clock.now)
        var checks = 0
        a.clock.sleep(nanoseconds: 1_000_000_000) { checks += 1; return checks > 5 }
        XCTAssertEqual(a.board.clock.now, 5 * a.clock.sleepSliceNanoseconds)
        XCTAssertEqual(wall.now, a.board.clock.now, "virtual time never ran ahead of the wall")

        // Uninterrupted, a paced sleep lasts as long on the wall as on the board.
        a.clock.sleep(nanoseconds: 1_000_000_000) { false }
        XCTAssertEqual(a.board.clock.now, 1_050_000_000)
        XCTAssertEqual(wall.now, 1_050_000_000)
    }

    func testExecutedInstructionsAdvanceTimeByTheCostModel() throws {
        let a = try makeAdapter()
        // 11 instructions = one reference-loop iteration = 7.984 µs on a Pico W.
        for _ in 0..<1000 { a.instructionsExecuted(11) }
        XCTAssertEqual(a.board.clock.now, 7_984_000)
        XCTAssertEqual(a.runner.instructionsExecuted, 11_000)
        a.instructionsExecuted(0)
        XCTAssertEqual(a.board.clock.now, 7_984_000)
    }

    func testFirmwareSleepingOneSecond3600TimesAdvancesTheBoardOneHour() throws {
        let s = try BoardSession(board: "pico_w")
        let c0 = s.runtime.instructionCount
        s.run("""
            import time
            for i in range(3600):
                time.sleep(1)
            """)
        let executed = s.runtime.instructionCount - c0
        let loopCost = UInt64(s.host.adapter.runner.cost.nanoseconds(instructions: executed, cpuHz: s.board.cpuHz).rounded(.up))
        let hour: UInt64 = 3_600_000_000_000
        XCTAssertGreaterThanOrEqual(s.board.clock.now, hour)
        XCTAssertLessThanOrEqual(s.board.clock.now, hour + loopCost)
        // The loop's bytecodes are a few ms in an hour.
        XCTAssertLessThan(loopCost, 50_000_000)
        print("one-hour loop: \(executed) instructions, \(Double(s.board.clock.now - hour) / 1e6) ms beyond the hour")
    }

    func testFirmwareSeesBoardTime() throws {
        let s = try BoardSession(board: "pico_w")
        let out = s.run("""
            import time
            t = time.ticks_ms()
            time.sleep_ms(1500)
            print(time.ticks_diff(time.ticks_ms(), t), time.localtime()[:6])
            """)
        XCTAssertEqual(out, "1500 (2021, 1, 1, 0, 0, 1)\n")
    }
}
