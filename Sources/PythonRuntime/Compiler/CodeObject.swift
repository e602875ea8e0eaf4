import BigInt

/// A compile-time constant, as the compiler emits it. The VM turns each into a
/// `Value` once, when the code is first run (`CodeObject.constantValues`).
public indirect enum CodeConstant {
    case none
    case bool(Bool)
    case ellipsis
    case int(BigInt)
    case float(Double)
    case imaginary(Double)
    case str(String)
    case bytes([UInt8])
    case tuple([CodeConstant])
    case code(CodeObject)
}

/// One entry of a code object's exception table: an exception raised by an
/// instruction in `start..<end` makes the VM trim the value stack to `depth`
/// values, push the exception and continue at `handler`. Entries are listed
/// innermost first where ranges nest, so the first covering entry wins.
public struct ExceptionTableEntry: Equatable {
    public var start: Int
    public var end: Int
    public var handler: Int
    public var depth: Int
}

/// Properties of a code object, as CPython's `co_flags`.
public struct CodeFlags: OptionSet {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Locals live in fast slots (a function); without it, names go through a dict
    /// (module and class bodies).
    public static let optimized = CodeFlags(rawValue: 1 << 0)
    /// Has a `*args` parameter (the slot after the named parameters).
    public static let varargs = CodeFlags(rawValue: 1 << 2)
    /// Has a `**kwargs` parameter (the slot after `*args`, or after the named ones).
    public static let varkeywords = CodeFlags(rawValue: 1 << 3)
    /// Calling the function makes a generator.
    public static let generator = CodeFlags(rawValue: 1 << 5)
    /// Calling the function makes a coroutine (`async def`).
    public static let coroutine = CodeFlags(rawValue: 1 << 7)
    /// A class body.
    public static let classBody = CodeFlags(rawValue: 1 << 10)
    /// `constants[0]` is the function's docstring.
    public static let hasDocstring = CodeFlags(rawValue: 1 << 11)
    /// Compiled from a `@micropython.native` function: bytecode, charged at native speed.
    public static let native = CodeFlags(rawValue: 1 << 20)
    /// Compiled from a `@micropython.viper` function: viper instructions, charged at viper speed.
    public static let viper = CodeFlags(rawValue: 1 << 21)
}

/// A compiled function, class body or module: bytecode plus what it refers to.
public final class CodeObject {
    public var name: String
    public var qualifiedName: String
    public var filename: String
    public var firstLine: Int
    public var flags: CodeFlags

    /// Parameters are the first slots of `variableNames`, in order: positional
    /// (posonly first), keyword-only, then `*args`, then `**kwargs`.
    public var argumentCount: Int
    public var positionalOnlyCount: Int
    public var keywordOnlyCount: Int

    public var instructions: [Instruction]
    /// Source line of each instruction, same length as `instructions`.
    public var lineNumbers: [Int32]
    public var constants: [CodeConstant]
    /// Names used by name, global, attribute and import instructions.
    public var names: [String]
    /// Fast locals, parameters first.
    public var variableNames: [String]
    /// Locals captured by inner functions (each lives in a cell).
    public var cellVariables: [String]
    /// Variables of enclosing functions this code uses (cells handed in by the closure).
    public var freeVariables: [String]
    /// For each cell variable, the index of the parameter it starts as, or -1.
    /// The VM copies those parameters into their cells on entry.
    public var cellParameterIndex: [Int]
    public var exceptionTable: [ExceptionTableEntry]
    /// The deepest the value stack gets in this code.
    public var stackSize: Int

    /// Filled by the VM on first run: `constants` as values, `names` as interned strings.
    var constantValues: ContiguousArray<Value> = []
    var nameValues: ContiguousArray<Value> = []
    /// `variableNames` interned, so that keyword arguments (interned names)
    /// find their parameter by identity.
    var variableNameStrs: ContiguousArray<PyStr> = []
    var isMaterialized = false
    /// Slots before the value stack (locals, cells, free variables) and the
    /// first cell's slot, counted once at materialization so that calls read
    /// two Ints instead of three arrays (each read of an array property
    /// retains its buffer).
    var fixedSlotCount = 0
    var cellBase = 0
    /// `costDivisor`, read once at materialization for the frame registers.
    var cachedCostDivisor = 1
    /// `instructions` copied to memory that stays put, for the interpreter loop.
    var instructionBuffer: UnsafeMutablePointer<Instruction>?
    var constantBuffer: UnsafeMutablePointer<Value>?
    var nameBuffer: UnsafeMutablePointer<Value>?
    /// `variableNameStrs` as values, for argument binding to read without
    /// retaining the array.
    var variableNameBuffer: UnsafeMutablePointer<Value>?
    /// Per-instruction inline caches (globals and instance attributes), allocated on first run.
    var inlineCache: UnsafeMutablePointer<InlineCacheEntry>?

    public init(name: String, qualifiedName: String, filename: String, firstLine: Int, flags: CodeFlags,
                argumentCount: Int, positionalOnlyCount: Int, keywordOnlyCount: Int,
                instructions: [Instruction], lineNumbers: [Int32], constants: [CodeConstant],
                names: [String], variableNames: [String], cellVariables: [String],
                freeVariables: [String], cellParameterIndex: [Int],
                exceptionTable: [ExceptionTableEntry], stackSize: Int) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.filename = filename
        self.firstLine = firstLine
        self.flags = flags
        self.argumentCount = argumentCount
        self.positionalOnlyCount = positionalOnlyCount
        self.keywordOnlyCount = keywordOnlyCount
        self.instructions = instructions
        self.lineNumbers = lineNumbers
        self.constants = constants
        self.names = names
        self.variableNames = variableNames
        self.cellVariables = cellVariables
        self.freeVariables = freeVariables
        self.cellParameterIndex = cellParameterIndex
        self.exceptionTable = exceptionTable
        self.stackSize = stackSize
    }

    deinit {
        instructionBuffer?.deallocate()
        constantBuffer?.deallocate()
        nameBuffer?.deallocate()
        variableNameBuffer?.deallocate()
        inlineCache?.deallocate()
    }

    /// Number of parameter slots, counting `*args` and `**kwargs`.
    /// How many times faster than bytecode the board runs this code
    /// (`NativeEmitter.nativeSpeedup`/`viperSpeedup`); the interpreter divides
    /// the instructions a frame of it runs by this.
    public var costDivisor: Int {
        flags.contains(.viper) ? NativeEmitter.viperSpeedup * NativeEmitter.viperRangeLoopExpansion : flags.contains(.native) ? NativeEmitter.nativeSpeedup : 1
    }

    public var parameterSlotCount: Int {
        argumentCount + keywordOnlyCount
            + (flags.contains(.varargs) ? 1 : 0) + (flags.contains(.varkeywords) ? 1 : 0)
    }

    /// The source line of the instruction at `index`.
    public func line(at index: Int) -> Int {
        guard !lineNumbers.isEmpty else { return firstLine }
        return Int(lineNumbers[max(0, min(index, lineNumbers.count - 1))])
    }
}
