import BoardEmulator
import PythonRuntime

/// The cost model for this runtime's bytecode on a board.
///
/// The board files calibrate on SZY's integer loop (docs/HARDWARE.md §4;
/// shaoziyang/micropython_benchmarks `benchmark.py`, `add_test`):
///
///     def add_test(p):
///         for i in range(p[0]):
///             C = p[1] + p[2]
///
/// which takes 7,984 ms for 10⁶ iterations on a Pico (RP2040 @ 125 MHz,
/// MicroPython 1.23): 998 cycles per iteration. What must match the real board
/// is the loop, not one bytecode, so the cycles per instruction are the loop's
/// cycles divided by *our* VM's instruction count for one iteration.
///
/// Counted with `Runtime.instructionCount` before/after `add_test` for N and 2N
/// iterations (the difference removes the call and loop set-up): our compiler
/// emits FOR_ITER, STORE_FAST i, LOAD_FAST p, LOAD_CONST 1, BINARY_SUBSCR,
/// LOAD_FAST p, LOAD_CONST 2, BINARY_SUBSCR, BINARY_ADD, STORE_FAST C, JUMP —
/// 11 instructions, the same as MicroPython's bytecode. So one instruction costs
/// 998 / 11 ≈ 90.7 cycles on the RP2040 (MicroPython), 9.577 µs × 125 MHz / 11
/// ≈ 108.8 under CircuitPython, and 3.376 µs × 240 MHz / 11 ≈ 73.7 on the
/// ESP32-S3 (MicroPython). `CalibrationTests` re-counts the loop, so a compiler
/// change that alters the count fails there and must update this number.
///
/// SZY's float loop runs the same 11 instructions, but each `+` allocates a
/// boxed float on the real board: 13,447 ms on the RP2040 where the integer loop
/// takes 7,984. Our floats are unboxed, so the board file gives each flavour's
/// `referenceLoop.floatResultInstructions`, the allocation's cost in
/// instructions, and the VM adds it for every float result
/// (`CalibrationTests.test…FloatLoop…`).
public enum FirmwareCalibration {
    /// Our VM's instructions per iteration of the reference loop.
    public static let referenceLoopInstructions: Double = 11

    /// The cost model for `board` under its firmware flavour, calibrated so the
    /// reference loop takes the published time.
    public static func costModel(for board: Board) -> CostModel {
        CostModel.forBoard(board.definition, flavour: board.flavour, instructionsPerIteration: referenceLoopInstructions)
    }

    /// The runtime settings the cost model gives a board's runtime.
    public static func configure(_ config: inout RuntimeConfiguration, for board: Board) {
        config.floatResultInstructions = board.flavourFacts.referenceLoop.floatResultInstructions
        config.nativeEmitter = nativeEmitter(for: board)
    }

    /// What `@micropython.native`/`viper` compile for on the board's firmware.
    /// MicroPython: ports/rp2/mpconfigport.h enables MICROPY_EMIT_THUMB (and the
    /// inline Thumb assembler), ports/esp32/mpconfigport.h MICROPY_EMIT_XTENSAWIN
    /// on the ESP32-S3. CircuitPython 9.1.4 builds its raspberrypi and espressif
    /// ports with CIRCUITPY_ENABLE_MPY_NATIVE = 0 (py/circuitpy_mpconfig.mk), so
    /// there the decorators are "invalid micropython decorator".
    public static func nativeEmitter(for board: Board) -> NativeEmitter? {
        guard board.flavour == .micropython else { return nil }
        switch board.definition.port {
        case .rp2: return NativeEmitter(.armv6m)
        case .esp32: return NativeEmitter(.xtensawin)
        }
    }
}
