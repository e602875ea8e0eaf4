/// The machine-code emitters a firmware's compiler was built with, for
/// `@micropython.native` and `@micropython.viper` (MicroPython's
/// `MICROPY_EMIT_NATIVE` and the `N_X64`/`N_THUMB`/`N_XTENSAWIN` back ends of
/// py/emitnative.c). We do not generate machine code: native functions run as
/// bytecode and viper functions as bytecode with viper's own instructions
/// (`Opcode.viperBinary`...), and both are charged less in the cost model.
/// What the architecture decides is what a viper program can see: the machine
/// word's width (viper `int`/`uint` wrap at it) and how shifts by the word's
/// width or more behave.
public struct NativeEmitter: Equatable, Sendable {
    public enum Architecture: String, Sendable {
        /// The unix port on x86-64 (`breadbox python`): 64-bit words.
        case x64
        /// RP2040's Cortex-M0+ (ports/rp2: `MICROPY_EMIT_THUMB`): 32-bit words.
        case armv6m
        /// ESP32-S3's LX7 with the windowed ABI (ports/esp32: `MICROPY_EMIT_XTENSAWIN`).
        case xtensawin
    }

    public var architecture: Architecture
    public init(_ architecture: Architecture) { self.architecture = architecture }

    public static let x64 = NativeEmitter(.x64)

    /// Bits in a machine word: what viper `int` and `uint` wrap at.
    public var wordBits: Int { architecture == .x64 ? 64 : 32 }

    /// How many times faster than bytecode a `@micropython.native` function
    /// runs: the MicroPython FAQ ("an ahead-of-time compiler ... which may
    /// increase performance 2 times on average", github.com/micropython/micropython/wiki/FAQ),
    /// and the unix port measures 1.7-2.7x on an integer loop (SZY's add_test).
    /// The board's cost model divides a native frame's instructions by it.
    public static let nativeSpeedup = 2

    /// How many times faster than bytecode a `@micropython.viper` function runs:
    /// "about 16 times faster on a ESP32-S3" for an integer array loop
    /// (github.com/micropython/micropython/wiki/Improving-performance-with-Viper-code).
    /// The unix port, with x86-64's registers, measures 60-120x on integer
    /// loops: an upper bound a microcontroller does not reach.
    public static let viperSpeedup = 16

    /// Our viper `for i in range(n)` loop runs twice the instructions of the
    /// bytecode one (the counter and the end live in locals, 14 instructions an
    /// iteration of SZY's add loop against FOR_ITER's 7), while on the board
    /// MicroPython compiles both to the same counted loop. Viper frames are
    /// charged `viperSpeedup × viperRangeLoopExpansion` times less, so the loop
    /// is `viperSpeedup` times faster (NativeCodeTests checks both counts).
    public static let viperRangeLoopExpansion = 2
}

/// A viper value's machine type (py/emitnative.c `vtype_kind_t`); the raw
/// values are MicroPython's `MP_NATIVE_TYPE_*`, which the viper opcodes carry
/// as their argument.
public enum ViperType: UInt32, Sendable {
    case object = 0, bool = 1, int = 2, uint = 3, ptr = 4, ptr8 = 5, ptr16 = 6, ptr32 = 7
    /// `None` as a viper value (VTYPE_PTR_NONE): 0 as a number.
    case none = 0x54
    /// A local not assigned yet (VTYPE_UNBOUND).
    case unbound = 0x60
    /// `int`, `uint`, `bool`, `ptr*` named in call position: a cast (VTYPE_BUILTIN_CAST).
    case cast = 0x70

    /// The name viper's messages use (`vtype_to_qstr`).
    var name: String {
        switch self {
        case .object: return "object"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .ptr: return "ptr"
        case .ptr8: return "ptr8"
        case .ptr16: return "ptr16"
        case .ptr32: return "ptr32"
        default: return "None"
        }
    }

    /// The type an annotation or cast names (`mp_native_type_from_qstr`).
    static func named(_ name: String) -> ViperType? {
        switch name {
        case "object": return .object
        case "bool": return .bool
        case "int": return .int
        case "uint": return .uint
        case "ptr": return .ptr
        case "ptr8": return .ptr8
        case "ptr16": return .ptr16
        case "ptr32": return .ptr32
        default: return nil
        }
    }

    var isInteger: Bool { self == .int || self == .uint }
    var isPointer: Bool { self == .ptr || self == .ptr8 || self == .ptr16 || self == .ptr32 }
    /// Bytes per element a pointer type loads and stores.
    var elementSize: Int { self == .ptr8 ? 1 : self == .ptr16 ? 2 : 4 }
}
