import BoardEmulator
import PythonRuntime

/// The runtime's clock on a board: `time` and `asyncio` read the board's
/// virtual time, and `time.sleep` lets virtual time pass (firing the board's
/// timers on the way) without the host waiting — unless a pacer asks for
/// real time, in which case the host waits in slices and still notices Ctrl-C.
public final class BoardClock: RuntimeClock {
    public let runner: BoardRunner
    /// Keeps virtual time from running ahead of the wall (nil: as fast as possible).
    public var pacer: Pacer?
    /// While paced, a sleep advances in slices this long, checking `interrupted`
    /// and pacing between them. Unpaced sleeps advance in one step.
    public var sleepSliceNanoseconds: UInt64 = 10_000_000
    /// Called on the firmware thread at its safe points: each report of executed
    /// instructions and each slice of a sleep (a supervisor takes its mail here).
    public var safePoint: (() -> Void)?

    public init(runner: BoardRunner, pacer: Pacer? = nil) {
        self.runner = runner
        self.pacer = pacer
    }

    public var board: Board { runner.board }

    /// Uptime: virtual nanoseconds since the board's last reset (what
    /// `ticks_ms()` counts on the real board).
    public var monotonicNanoseconds: UInt64 { board.uptimeNanoseconds }

    /// The board's RTC, which starts at the board file's `rtcStart` and runs on
    /// virtual time (`machine.RTC().datetime(...)` moves it).
    public var epochSeconds: Double { Double(board.rtc.epochNanoseconds) / 1e9 }

    public func sleep(nanoseconds ns: UInt64, interrupted: () -> Bool) {
        let clock = board.clock
        let (sum, overflow) = clock.now.addingReportingOverflow(ns)
        let target = overflow ? UInt64.max : sum
        let paced = pacer?.mode.factor != nil
        while clock.now < target {
            safePoint?()
            if interrupted() { return }
            let left = target - clock.now
            runner.sleep(nanoseconds: paced ? min(left, sleepSliceNanoseconds) : left)
            if paced { pacer?.pace(virtualNow: clock.now) }
        }
    }
}

/// What a `RuntimeHost` on a board forwards to the board: its clock, and the
/// instructions the interpreter reports having run, which the cost model turns
/// into virtual time. A host holds one and forwards two members:
///
///     var clock: RuntimeClock { adapter.clock }
///     func instructionsExecuted(_ n: Int) { adapter.instructionsExecuted(n) }
///
/// The interpreter reports at safe points (about every 4096 instructions, and
/// when a frame returns to native code), so virtual time can lag the code by up
/// to one report's worth of instructions (about 3 ms on a Pico W) when read
/// between them.
public final class BoardHostAdapter {
    public let runner: BoardRunner
    public let clock: BoardClock
    public var pacer: Pacer? {
        get { clock.pacer }
        set { clock.pacer = newValue }
    }

    public init(runner: BoardRunner, pacer: Pacer? = nil) {
        self.runner = runner
        self.clock = BoardClock(runner: runner, pacer: pacer)
    }

    /// A runner over `board` calibrated for this runtime (`FirmwareCalibration`)
    /// unless `cost` is given.
    public convenience init(board: Board, cost: CostModel? = nil, pacer: Pacer? = nil) {
        self.init(runner: BoardRunner(board: board, cost: cost ?? FirmwareCalibration.costModel(for: board)),
                  pacer: pacer)
    }

    public var board: Board { runner.board }

    /// Charges `count` executed instructions to the board's clock (firing events
    /// due on the way) and paces.
    public func instructionsExecuted(_ count: Int) {
        guard count > 0 else { return }
        runner.execute(instructions: count)
        pacer?.pace(virtualNow: runner.board.clock.now)
        clock.safePoint?()
    }
}
