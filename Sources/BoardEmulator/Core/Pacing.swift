import Foundation

/// Converts executed bytecode instructions into CPU cycles and virtual time.
///
/// Calibration (docs/HARDWARE.md §4, SZY): `for i in range(10**6): C = p[1] + p[2]`
/// takes 7,984 ms on a Pico (RP2040 @ 125 MHz, MicroPython v1.23), i.e.
/// 7.984 µs × 125 MHz = 998 cycles per iteration. MicroPython compiles the body
/// to 11 bytecodes (FOR_ITER, STORE i, LOAD p, LOAD_CONST 1, LOAD_SUBSCR, LOAD p,
/// LOAD_CONST 2, LOAD_SUBSCR, BINARY_OP +, STORE C, JUMP), so one instruction costs
/// 998 / 11 ≈ 90.7 cycles. The same derivation gives CircuitPython 9.1.4 on the
/// RP2040 9.577 µs × 125 MHz / 11 ≈ 108.8 cycles, and MicroPython on the ESP32-S3
/// 3.376 µs × 240 MHz (the clock SZY reports) / 11 ≈ 73.7 cycles — at the 160 MHz
/// default that loop would take 5.06 µs. When the interpreter's own instruction
/// count for the loop differs from 11, `calibrated(…)` takes its count instead,
/// so that the loop, not the instruction, matches the real board.
public struct CostModel: Equatable, Sendable {
    public var cyclesPerInstruction: Double

    public init(cyclesPerInstruction: Double) { self.cyclesPerInstruction = cyclesPerInstruction }

    /// From a reference loop: seconds per iteration × clock / instructions per iteration.
    public static func calibrated(secondsPerIteration: Double, measuredAtHz: Int, instructionsPerIteration: Double) -> CostModel {
        CostModel(cyclesPerInstruction: secondsPerIteration * Double(measuredAtHz) / instructionsPerIteration)
    }

    /// The model a board file's reference loop gives, optionally with the
    /// interpreter's own instruction count for that loop.
    public static func forBoard(_ d: BoardDefinition, flavour f: FirmwareFlavour, instructionsPerIteration: Double? = nil) -> CostModel {
        let r = d.flavour(f).referenceLoop
        return calibrated(secondsPerIteration: r.secondsPerIteration, measuredAtHz: r.measuredAtHz,
                          instructionsPerIteration: instructionsPerIteration ?? r.instructionsPerIteration)
    }

    public func cycles(instructions: Int) -> Double { Double(instructions) * cyclesPerInstruction }

    /// Nanoseconds for `instructions` at `cpuHz`.
    public func nanoseconds(instructions: Int, cpuHz: Int) -> Double {
        cycles(instructions: instructions) * 1e9 / Double(cpuHz)
    }
}

/// Charges executed instructions to a board's clock, carrying the fractional
/// nanosecond so that many small charges add up exactly.
public final class BoardRunner {
    public let board: Board
    public var cost: CostModel
    private var carry: Double = 0
    public private(set) var instructionsExecuted: UInt64 = 0

    public init(board: Board, cost: CostModel? = nil) {
        self.board = board
        self.cost = cost ?? CostModel.forBoard(board.definition, flavour: board.flavour)
    }

    /// Advances the clock by the time `count` instructions take at the current CPU clock
    /// (firing any events due on the way).
    public func execute(instructions count: Int) {
        instructionsExecuted &+= UInt64(count)
        let ns = cost.nanoseconds(instructions: count, cpuHz: board.cpuHz) + carry
        let whole = (ns + 1e-6).rounded(.down)   // the epsilon absorbs binary rounding of exact decimal costs
        carry = max(0, ns - whole)
        if whole > 0 { board.advance(by: UInt64(whole)) }
    }

    /// `time.sleep`: the board idles until the clock reaches now + ns, firing events.
    public func sleep(nanoseconds ns: UInt64) { board.advance(by: ns) }
}

/// How virtual time relates to the wall clock.
public enum PacingMode: Equatable, Sendable {
    /// Never wait.
    case asFastAsPossible
    /// Virtual time never runs ahead of the wall clock.
    case realTime
    /// Virtual time runs at `factor` × wall time (2 = twice as fast); never ahead of that.
    case speedFactor(Double)

    public var factor: Double? {
        switch self {
        case .asFastAsPossible: return nil
        case .realTime: return 1
        case .speedFactor(let f): return f > 0 ? f : nil
        }
    }
}

/// The pure part of pacing: how long the host must wait so that virtual time
/// is not ahead of the (scaled) wall clock.
public enum PacingMath {
    /// Host nanoseconds to sleep, given virtual and wall time elapsed since the pacing origin.
    public static func sleepNeeded(virtualElapsed: UInt64, wallElapsed: UInt64, mode: PacingMode) -> UInt64 {
        guard let f = mode.factor else { return 0 }
        let wallDue = Double(virtualElapsed) / f
        let w = Double(wallElapsed)
        return wallDue > w ? UInt64((wallDue - w).rounded(.up)) : 0
    }
}

/// The host's clock, injectable for tests.
public protocol WallClock: AnyObject {
    /// Monotonic nanoseconds.
    func nowNanoseconds() -> UInt64
    func sleep(nanoseconds: UInt64)
}

public final class SystemWallClock: WallClock {
    public init() {}
    public func nowNanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    public func sleep(nanoseconds ns: UInt64) {
        var req = timespec(tv_sec: Int(ns / 1_000_000_000), tv_nsec: Int(ns % 1_000_000_000))
        var rem = timespec()
        while nanosleep(&req, &rem) != 0 { req = rem }
    }
}

/// Sleeps the host thread when the board is ahead of the wall clock.
public final class Pacer {
    public let wall: WallClock
    public private(set) var mode: PacingMode
    private var originWall: UInt64
    private var originVirtual: UInt64
    /// Sleeps shorter than this are skipped (they would cost more than they save).
    public var minimumSleepNanoseconds: UInt64 = 1_000_000
    /// When the host falls this far behind, pacing restarts from now rather than racing to catch up.
    public var maximumLagNanoseconds: UInt64 = 250_000_000
    public private(set) var totalSlept: UInt64 = 0

    public init(mode: PacingMode, wall: WallClock = SystemWallClock(), virtualNow: UInt64 = 0) {
        self.mode = mode; self.wall = wall
        originWall = wall.nowNanoseconds(); originVirtual = virtualNow
    }

    /// Changes mode; pacing restarts from the current instant.
    public func setMode(_ m: PacingMode, virtualNow: UInt64) {
        mode = m; rebase(virtualNow: virtualNow)
    }

    public func rebase(virtualNow: UInt64) { originWall = wall.nowNanoseconds(); originVirtual = virtualNow }

    /// How long the wall must wait for `virtualNow` to be due (0 when it is,
    /// or when not paced), without sleeping: an idle board waits that long
    /// for input instead.
    public func delayNeeded(virtualNow: UInt64) -> UInt64 {
        guard mode.factor != nil else { return 0 }
        let wallElapsed = wall.nowNanoseconds() &- originWall
        return PacingMath.sleepNeeded(virtualElapsed: virtualNow &- originVirtual, wallElapsed: wallElapsed, mode: mode)
    }

    /// Call after the board advanced; sleeps if virtual time is ahead. Returns the sleep done.
    @discardableResult
    public func pace(virtualNow: UInt64) -> UInt64 {
        guard let f = mode.factor else { return 0 }
        let wallElapsed = wall.nowNanoseconds() &- originWall
        let virtualElapsed = virtualNow &- originVirtual
        let need = PacingMath.sleepNeeded(virtualElapsed: virtualElapsed, wallElapsed: wallElapsed, mode: mode)
        if need == 0 {
            let behind = Double(wallElapsed) - Double(virtualElapsed) / f
            if behind > Double(maximumLagNanoseconds) { rebase(virtualNow: virtualNow) }
            return 0
        }
        guard need >= minimumSleepNanoseconds else { return 0 }
        wall.sleep(nanoseconds: need)
        totalSlept &+= need
        return need
    }
}
