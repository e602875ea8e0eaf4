import XCTest
@testable import BoardEmulator

final class TimerBatchingTests: XCTestCase {
    func testBatchedPeriodsInterleaveWithOtherEventsInTimeOrder() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        var log: [String] = []
        b.makeTimer().start(period: 1_000, mode: .periodic) { log.append("t@\(b.clock.now)") }
        b.clock.schedule(at: 2_500) { log.append("e@\(b.clock.now)") }
        b.advance(by: 4_000)
        XCTAssertEqual(log, ["t@1000", "t@2000", "e@2500", "t@3000", "t@4000"])
        XCTAssertEqual(b.clock.now, 4_000)
        b.advance(by: 1_500)
        XCTAssertEqual(log.last, "t@5000")
        XCTAssertEqual(b.clock.now, 5_500)
    }

    func testCallbackCanStopItsTimerMidBatch() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        let t = b.makeTimer()
        var n = 0
        t.start(period: 1_000, mode: .periodic) { n += 1; if n == 3 { t.stop() } }
        b.advance(by: 1_000_000)
        XCTAssertEqual(n, 3)
        XCTAssertFalse(t.isRunning)
    }

    func testEventsScheduledByTheCallbackStillFire() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        var hits: [UInt64] = []
        var n = 0
        b.makeTimer().start(period: 1_000, mode: .periodic) {
            n += 1
            if n == 2 { b.clock.schedule(after: 500) { hits.append(b.clock.now) } }
        }
        b.advance(by: 5_000)
        XCTAssertEqual(hits, [2_500])
        XCTAssertEqual(n, 5)
    }

    func testTimersWithoutAHorizonStillFireThroughThePlainClock() throws {
        let b = try Board(id: "pico_w", flavour: .micropython)
        var n = 0
        b.makeTimer().start(period: 1_000, mode: .periodic) { n += 1 }
        b.clock.advance(by: 10_000)
        XCTAssertEqual(n, 10)
    }
}

final class ThirdBoardTests: XCTestCase {
    /// A third board is a third file: a copy of pico_w.json under a new id loads and powers up.
    func testANewBoardIsJustANewFile() throws {
        let src = BoardDefinition.sourceTreeDirectory.appendingPathComponent("pico_w.json")
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: src)) as! [String: Any]
        obj["id"] = "pico_clone"
        var names = obj["names"] as! [String: Any]
        names["micropython"] = "Raspberry Pi Pico with RP2040"
        obj["names"] = names
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try JSONSerialization.data(withJSONObject: obj).write(to: dir.appendingPathComponent("pico_clone.json"))
        let d = try BoardDefinition.load(id: "pico_clone", in: dir)
        let board = Board(definition: d, flavour: .micropython)
        XCTAssertEqual(board.definition.bannerName(.micropython), "Raspberry Pi Pico with RP2040")
        XCTAssertEqual(board.i2c.count, 2)
    }
}
