import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import PythonRuntime
import XCTest

/// Firmware timing itself with `time.ticks_us()` sees roughly what it would see on
/// the real board: SZY's benchmark loops (docs/HARDWARE.md §4), written as in
/// shaoziyang/micropython_benchmarks `benchmark.py`, on a board-clocked runtime.
final class CalibrationTests: XCTestCase {
    /// SZY's `add_test`, timed with ticks_us; prints µs per iteration.
    static func script(iterations n: Int, operands: String) -> String {
        """
        import time

        def add_test(p):
            for i in range(p[0]):
                C = p[1] + p[2]

        p = [\(operands)]
        p.insert(0, \(n))
        t1 = time.ticks_us()
        add_test(p)
        t2 = time.ticks_us()
        print(time.ticks_diff(t2, t1) / \(n))
        """
    }
    static let intOperands = "12345678, 56781234"
    static let floatOperands = "12345678.1234, 56781234.5678"
    static let iterations = 1_000_000   // as published

    /// µs per iteration of the loop on `board` (optionally at another CPU clock).
    func microsecondsPerIteration(board id: String, operands: String, cpuHz: Int? = nil) throws -> Double {
        let s = try BoardSession(board: id)
        if let hz = cpuHz { s.board.cpuHz = hz }
        let out = s.run(Self.script(iterations: Self.iterations, operands: operands))
        return try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)), out)
    }

    func report(_ what: String, ours: Double, published: Double) {
        let off = (ours / published - 1) * 100
        print("calibration: \(what): ours \(String(format: "%.3f", ours)) µs/iteration, published \(published) (\(String(format: "%+.1f", off)) %)")
    }

    /// A short section (100 iterations, far fewer instructions than the loop's
    /// reporting interval) is timed as finely as a long one: the clock is brought
    /// up to date before `ticks_us()` reads it.
    func testShortSectionsAreTimedToo() throws {
        let s = try BoardSession(board: "pico_w")
        let out = s.run(Self.script(iterations: 100, operands: Self.intOperands))
        let ours = try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)), out)
        report("Pico W, int add, 100 iterations", ours: ours, published: 7.984)
        XCTAssertEqual(ours, 7.984, accuracy: 7.984 * 0.25)
    }

    /// The calibration is per loop: our VM's instruction count for one iteration
    /// must be the one `FirmwareCalibration` was derived from.
    func testReferenceLoopInstructionCountMatchesCalibration() throws {
        let s = try BoardSession(board: "pico_w")
        s.run("""
            def add_test(p):
                for i in range(p[0]):
                    C = p[1] + p[2]
            """)
        func count(_ n: Int) -> Int {
            let c0 = s.runtime.instructionCount
            s.run("add_test([\(n), 12345678, 56781234])")
            return s.runtime.instructionCount - c0
        }
        let perIteration = Double(count(2000) - count(1000)) / 1000
        XCTAssertEqual(perIteration, FirmwareCalibration.referenceLoopInstructions)
    }

    /// RP2040 @ 125 MHz, MicroPython 1.23: 7,984 ms per 10⁶ (SZY).
    func testPicoWIntegerLoopWithinQuarterOfPublished() throws {
        let us = try microsecondsPerIteration(board: "pico_w", operands: Self.intOperands)
        report("Pico W MicroPython int add", ours: us, published: 7.984)
        XCTAssertEqual(us, 7.984, accuracy: 7.984 * 0.25)
    }

    /// Same calibration, float operands: 13,447 ms per 10⁶ on the real board.
    /// One cost per instruction cannot see the float allocation, so this only reports.
    /// The float loop too (13,447 ms per 10⁶ on the RP2040), through the charge for
    /// MicroPython's boxed float results.
    func testPicoWFloatLoopWithinQuarterOfPublished() throws {
        let us = try microsecondsPerIteration(board: "pico_w", operands: Self.floatOperands)
        report("Pico W MicroPython float add", ours: us, published: 13.447)
        XCTAssertEqual(us, 13.447, accuracy: 13.447 * 0.25)
    }

    /// ESP32-S3, MicroPython 1.23, clock reported as 240 MHz: 3,376 ms per 10⁶ (SZY).
    /// The board boots at the ESP-IDF default 160 MHz, where the loop scales to 5.064 µs.
    func testESP32S3IntegerLoopWithinQuarterOfPublished() throws {
        let at240 = try microsecondsPerIteration(board: "esp32s3", operands: Self.intOperands, cpuHz: 240_000_000)
        report("ESP32-S3 MicroPython int add @240 MHz", ours: at240, published: 3.376)
        XCTAssertEqual(at240, 3.376, accuracy: 3.376 * 0.25)
        let at160 = try microsecondsPerIteration(board: "esp32s3", operands: Self.intOperands)
        report("ESP32-S3 MicroPython int add @160 MHz (default)", ours: at160, published: 3.376 * 240 / 160)
        XCTAssertEqual(at160, 3.376 * 1.5, accuracy: 3.376 * 1.5 * 0.25)
        let float240 = try microsecondsPerIteration(board: "esp32s3", operands: Self.floatOperands, cpuHz: 240_000_000)
        report("ESP32-S3 MicroPython float add @240 MHz", ours: float240, published: 5.273)
        XCTAssertEqual(float240, 5.273, accuracy: 5.273 * 0.25)
    }
}
