import XCTest
@testable import BoardEmulator

final class FakeWallClock: WallClock {
    var now: UInt64 = 0
    var sleeps: [UInt64] = []
    func nowNanoseconds() -> UInt64 { now }
    func sleep(nanoseconds ns: UInt64) { sleeps.append(ns); now += ns }
}

final class PacingTests: XCTestCase {
    func testCostModelReproducesTheSZYLoopOnThePico() throws {
        let d = try BoardDefinition.load(id: "pico_w")
        let m = CostModel.forBoard(d, flavour: .micropython)
        XCTAssertEqual(m.cyclesPerInstruction, 7.984e-6 * 125e6 / 11, accuracy: 1e-9)   // ≈ 90.7
        // 10^6 iterations × 11 instructions at 125 MHz ≈ 7,984 ms.
        XCTAssertEqual(m.nanoseconds(instructions: 11_000_000, cpuHz: 125_000_000) / 1e6, 7984, accuracy: 0.5)
        // Double the clock, half the time.
        XCTAssertEqual(m.nanoseconds(instructions: 11_000_000, cpuHz: 250_000_000) / 1e6, 3992, accuracy: 0.5)
        let cp = CostModel.forBoard(d, flavour: .circuitpython)
        XCTAssertEqual(cp.nanoseconds(instructions: 11_000_000, cpuHz: 125_000_000) / 1e6, 9577, accuracy: 0.5)
        // With the interpreter's own count for the loop, the loop still takes 8 µs.
        let own = CostModel.forBoard(d, flavour: .micropython, instructionsPerIteration: 7)
        XCTAssertEqual(own.nanoseconds(instructions: 7, cpuHz: 125_000_000), 7984, accuracy: 0.01)
    }

    func testESP32S3LoopScalesFromTheReportedClockToTheDefault() throws {
        let d = try BoardDefinition.load(id: "esp32s3")
        let m = CostModel.forBoard(d, flavour: .micropython)
        XCTAssertEqual(m.nanoseconds(instructions: 11, cpuHz: 240_000_000), 3376, accuracy: 0.01)
        XCTAssertEqual(m.nanoseconds(instructions: 11, cpuHz: d.flavours.micropython.cpuHz), 5064, accuracy: 0.01)
    }

    func testRunnerChargesInstructionsWithoutLosingFractions() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        let r = BoardRunner(board: b, cost: CostModel(cyclesPerInstruction: 1))   // 8 ns per instruction at 125 MHz
        for _ in 0..<1000 { r.execute(instructions: 1) }
        XCTAssertEqual(b.clock.now, 8000)
        let r2 = BoardRunner(board: b, cost: CostModel(cyclesPerInstruction: 0.3))  // 2.4 ns
        let t0 = b.clock.now
        for _ in 0..<1000 { r2.execute(instructions: 1) }
        XCTAssertEqual(b.clock.now - t0, 2400)
        XCTAssertEqual(r.instructionsExecuted + r2.instructionsExecuted, 2000)
    }

    func testRunnerFiresTimersDuringExecution() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        let r = BoardRunner(board: b)
        var fired = 0
        b.makeTimer().start(period: 1_000_000, mode: .periodic) { fired += 1 }
        r.execute(instructions: 11 * 1000)     // 1000 SZY iterations ≈ 7.98 ms
        XCTAssertEqual(fired, 7)
    }

    func testPacingMath() {
        XCTAssertEqual(PacingMath.sleepNeeded(virtualElapsed: 10, wallElapsed: 0, mode: .asFastAsPossible), 0)
        XCTAssertEqual(PacingMath.sleepNeeded(virtualElapsed: 10_000, wallElapsed: 4_000, mode: .realTime), 6_000)
        XCTAssertEqual(PacingMath.sleepNeeded(virtualElapsed: 10_000, wallElapsed: 12_000, mode: .realTime), 0)
        XCTAssertEqual(PacingMath.sleepNeeded(virtualElapsed: 10_000, wallElapsed: 4_000, mode: .speedFactor(2)), 1_000)
        XCTAssertEqual(PacingMath.sleepNeeded(virtualElapsed: 10_000, wallElapsed: 4_000, mode: .speedFactor(0.5)), 16_000)
    }

    func testRealTimePacerKeepsVirtualTimeBehindTheWall() {
        let wall = FakeWallClock()
        wall.now = 1_000_000_000
        let p = Pacer(mode: .realTime, wall: wall, virtualNow: 0)
        // The board ran 50 ms of virtual time in 10 ms of host time: sleep 40 ms.
        wall.now += 10_000_000
        XCTAssertEqual(p.pace(virtualNow: 50_000_000), 40_000_000)
        XCTAssertEqual(wall.sleeps, [40_000_000])
        // Sub-millisecond leads are not worth a sleep.
        wall.now += 0
        XCTAssertEqual(p.pace(virtualNow: 50_500_000), 0)
        // The host is slower than the board: no sleep.
        wall.now += 100_000_000
        XCTAssertEqual(p.pace(virtualNow: 60_000_000), 0)
    }

    func testFastModeNeverSleepsAndSpeedFactorScales() {
        let wall = FakeWallClock()
        let fast = Pacer(mode: .asFastAsPossible, wall: wall)
        XCTAssertEqual(fast.pace(virtualNow: 3_600_000_000_000), 0)
        let x10 = Pacer(mode: .speedFactor(10), wall: wall)
        XCTAssertEqual(x10.pace(virtualNow: 1_000_000_000), 100_000_000)
        XCTAssertEqual(wall.now, 100_000_000)
    }

    func testPacerRebasesWhenFarBehind() {
        let wall = FakeWallClock()
        let p = Pacer(mode: .realTime, wall: wall)
        wall.now = 2_000_000_000                      // host stalled for 2 s
        XCTAssertEqual(p.pace(virtualNow: 10_000_000), 0)
        // From the rebase, 20 ms of virtual time in 0 ms of wall time must be slept off,
        // not absorbed by the old 2 s lag.
        XCTAssertEqual(p.pace(virtualNow: 30_000_000), 20_000_000)
    }
}
