// The instruction set: the one definition of every opcode.
//
// An instruction is one UInt32: the opcode in the low 8 bits, its argument in the
// high 24 (`Instruction`). Jump arguments are absolute instruction indices. Stack
// effects are written [before] → [after], top of stack on the right. `NULL` is
// `Value.null`, a marker never visible to Python code.
//
// Exceptions use a per-code table, not block set-up instructions (CPython 3.11's
// design): when an instruction raises, the VM finds the innermost entry of
// `CodeObject.exceptionTable` covering it, trims the value stack to the entry's
// depth, pushes the exception and jumps to the entry's handler.

public enum Opcode: UInt8, CaseIterable {
    /// Does nothing.
    case nop
    /// [a] → []
    case popTop
    /// [a] → [a, a]
    case dupTop
    /// [a, b] → [a, b, a, b]
    case dupTopTwo
    /// [a, b] → [b, a]
    case rotTwo
    /// [a, b, c] → [c, a, b]
    case rotThree
    /// [a, b, c, d] → [d, a, b, c]
    case rotFour

    /// [] → [constants[arg]]
    case loadConst
    /// [] → [local arg]; UnboundLocalError if unset.
    case loadFast
    /// [v] → []; local arg = v
    case storeFast
    /// Unsets local arg; UnboundLocalError if unset.
    case deleteFast
    /// [] → [contents of cell arg]; cells are cellvars then freevars.
    /// Empty cell: UnboundLocalError (cellvar) / NameError "free variable" (freevar).
    case loadDeref
    /// [v] → []; cell arg contents = v
    case storeDeref
    /// Empties cell arg.
    case deleteDeref
    /// [] → [cell object arg] (to build a closure tuple).
    case loadClosure
    /// Class bodies only: [] → [locals[freevars name of cell arg]] if present, else cell contents.
    case loadClassDeref
    /// [] → [value of names[arg]] looked up in frame locals dict, then globals, then builtins.
    case loadName
    /// [v] → []; frame locals dict[names[arg]] = v
    case storeName
    /// del frame locals dict[names[arg]]; NameError if absent.
    case deleteName
    /// [] → [globals or builtins names[arg]]; NameError "name 'x' isn't defined".
    case loadGlobal
    /// [v] → []; globals[names[arg]] = v
    case storeGlobal
    /// del globals[names[arg]]
    case deleteGlobal
    /// [obj] → [obj.names[arg]]
    case loadAttr
    /// [v, obj] → []; obj.names[arg] = v
    case storeAttr
    /// [obj] → []; del obj.names[arg]
    case deleteAttr
    /// [obj] → [function, obj] when names[arg] is a plain method found on the type,
    /// else [NULL, obj.names[arg]]. Followed by callMethod / callMethodKW.
    case loadMethod

    /// [container, index] → [container[index]]
    case binarySubscr
    /// [v, container, index] → []; container[index] = v
    case storeSubscr
    /// [container, index] → []; del container[index]
    case deleteSubscr
    /// [start, stop] → [slice] when arg == 2; [start, stop, step] → [slice] when arg == 3.
    case buildSlice

    /// [a, b] → [a op b]; arg is a `BinaryOperator` raw value, plus
    /// `Instruction.inplaceOffset` for the in-place form (`a op= b`, trying __iop__ first).
    case binaryOp
    /// [a] → [-a]
    case unaryNegative
    /// [a] → [+a]
    case unaryPositive
    /// [a] → [~a]
    case unaryInvert
    /// [a] → [not a] (a bool)
    case unaryNot
    /// [a, b] → [a cmp b]; arg is a `ComparisonKind` raw value (lt, le, eq, ne, gt, ge).
    case compareOp
    /// [a, b] → [a is b] (arg 0) or [a is not b] (arg 1)
    case isOp
    /// [a, b] → [a in b] (arg 0) or [a not in b] (arg 1)
    case containsOp

    /// Jump to arg.
    case jump
    /// [v] → []; jump to arg if v is falsy.
    case popJumpIfFalse
    /// [v] → []; jump to arg if v is truthy.
    case popJumpIfTrue
    /// [v] → [v] and jump to arg if v is falsy, else [v] → [].
    case jumpIfFalseOrPop
    /// [v] → [v] and jump to arg if v is truthy, else [v] → [].
    case jumpIfTrueOrPop
    /// [v] → [iter(v)]
    case getIter
    /// [it] → [it, next(it)]; when exhausted [it] → [] and jump to arg.
    case forIter
    /// [f, a1...an] → [iter(f(a1...an))], for `for x in range(...)`: when f is
    /// the built-in range and the arguments are small ints, the iterator is made
    /// without the range object (MicroPython's compiler turns the same loop
    /// into a counter).
    case callRangeIter

    /// [a1...an] → [tuple]
    case buildTuple
    /// [a1...an] → [list]
    case buildList
    /// [a1...an] → [set]
    case buildSet
    /// [k1, v1, ... kn, vn] → [dict] with arg pairs, inserted in order.
    case buildMap
    /// [v1...vn, keysTuple] → [dict] with keysTuple[i]: vi; n = arg; keysTuple is a tuple constant.
    case buildConstKeyMap
    /// [s1...sn] → [s1 + ... + sn] (all str; f-strings).
    case buildString
    /// [list, ..., v] → [list, ...] with v appended to the list at stack depth arg
    /// counted after popping v (arg 1 = the item now on top).
    case listAppend
    /// As listAppend, for a set.
    case setAdd
    /// [dict, ..., k, v] → [dict, ...]; dict at depth arg after popping k and v; dict[k] = v.
    case mapAdd
    /// [list, ..., iterable] → [list, ...]; extends the list at depth arg.
    case listExtend
    /// [set, ..., iterable] → [set, ...]; updates the set at depth arg.
    case setUpdate
    /// [dict, ..., mapping] → [dict, ...]; dict.update(mapping) for the dict at depth arg.
    case dictUpdate
    /// As dictUpdate for building call keywords: a repeated key raises
    /// TypeError "function got multiple values for keyword argument 'k'"; a non-mapping,
    /// TypeError "argument after ** must be a mapping".
    case dictMerge
    /// [list] → [tuple]
    case listToTuple
    /// [seq] → [item(n-1), ..., item0] (item0 on top); arg = n. ValueError on a length mismatch.
    case unpackSequence
    /// [seq] → [after items..., list of middle, before items...] with item0 on top;
    /// arg = countBefore | countAfter << 8.
    case unpackEx

    /// [value, spec?] → [formatted str]. arg & 3: 0 none, 1 str(), 2 repr(), 3 ascii();
    /// arg & 4: a format spec str is on top of the value.
    case formatValue

    /// [defaults?, kwdefaults?, closure?, code] → [function]. arg bits: 1 a tuple of
    /// positional defaults, 2 a dict of keyword-only defaults, 8 a tuple of cells.
    /// (Order on the stack is the order of the bits, code last.)
    case makeFunction
    /// [callable, a1...an] → [result]; arg = n (positional only).
    case call
    /// [callable, a1...an, kwnames] → [result]; arg = n counting keyword values; the last
    /// len(kwnames) arguments are passed by the names in the tuple kwnames.
    case callKW
    /// [callable, argsTuple, kwargsDict?] → [result]; arg & 1: a dict is present.
    case callEx
    /// [function, self, a1...an] → [result] (calls function(self, a1...an)) or
    /// [NULL, callable, a1...an] → [result]; arg = n.
    case callMethod
    /// As callMethod with a kwnames tuple on top, as callKW.
    case callMethodKW
    /// [v] → return v from the frame.
    case returnValue
    /// [] → [builtins.__build_class__]
    case loadBuildClass

    /// [exc?, cause?] → raise. arg 0: re-raise the exception being handled
    /// (RuntimeError "No active exception to reraise" if none); 1: raise exc;
    /// 2: raise exc from cause. A class is instantiated with no arguments.
    case raiseVarargs
    /// [] → [AssertionError class]
    case loadAssertionError
    /// Start of a handler: [exc] → [previously handled exception or None, exc];
    /// exc becomes the exception being handled (for bare raise, __context__ and sys.exc_info).
    case pushExcInfo
    /// [prev] → []; the exception being handled becomes prev again.
    case popExcept
    /// [exc, type] → [exc, bool]; bool is isinstance(exc, type) where type is a class or
    /// a tuple of classes. TypeError if type is not an exception class.
    case checkExcMatch
    /// [exc] → re-raise exc, keeping its traceback.
    case reraise
    /// Cleanup handler for an exception raised inside a handler:
    /// [prev, exc] → the handled exception becomes prev, then exc is re-raised.
    case popExceptReraise
    /// [exit, prev, exc] → [exit, prev, exc, result of exit(type(exc), exc, traceback)].
    case withExceptStart
    /// [manager] → [bound manager.__exit__, result of manager.__enter__()].
    /// AttributeError-style TypeError if the protocol is missing.
    case beforeWith

    /// [v] → suspend the generator frame, yielding v; on resume → [sent value].
    case yieldValue
    /// [v] → [iter(v)], unless v is a generator or coroutine (kept as is).
    case getYieldFromIter
    /// [iter, sent] → delegates: sends `sent` to iter (next() when None and iter is not a
    /// generator). If iter yields y, the frame suspends yielding y and, on resume, this
    /// instruction runs again with the new sent value in place of `sent`. When iter
    /// finishes with value r: [iter, sent] → [r].
    case yieldFrom
    /// [v] → [awaitable iterator of v]: a coroutine itself, or v.__await__().
    case getAwaitable
    /// [v] → [v.__aiter__()]
    case getAIter
    /// [aiter] → [aiter, awaitable of aiter.__anext__()]
    case getANext
    /// Handler of an async for: [aiter, exc] → [] when exc is StopAsyncIteration, else re-raise exc.
    case endAsyncFor
    /// [manager] → [bound manager.__aexit__, awaitable of manager.__aenter__()]
    case beforeAsyncWith

    /// [level, fromlist] → [module]; names[arg] is the dotted name. Without a fromlist
    /// the top-level package is pushed; with one, the named (sub)module.
    case importName
    /// [module] → [module, module.names[arg]]; ImportError "can't import name x" if absent
    /// (a submodule is imported if needed).
    case importFrom
    /// [module] → []; copies public names into the frame's locals (module level only).
    case importStar

    /// Interactive mode: [v] → []; prints repr(v) unless v is None, and sets builtins._ = v.
    case printExpr

    // Viper (`@micropython.viper` functions only; Runtime+Viper.swift). A viper
    // word is an int holding the word's bits as a signed number; arg's type is a
    // `ViperType` raw value.
    /// [obj] → [word]: an object as viper type arg (an argument, or a cast like `int(x)`).
    case viperToNative
    /// [word] → [obj]: a viper value of type arg as an object (uint and pointers unsigned, bool True/False).
    case viperToObject
    /// [a, b] → [a op b] wrapped to the word; arg is a `BinaryOperator` raw value,
    /// plus `ViperOperand.unsigned` when a is a uint (logical right shift).
    case viperBinary
    /// [a, b] → [bool]; arg is a `ComparisonKind` raw value, plus `ViperOperand.unsigned`.
    case viperCompare
    /// [a] → [-a] (arg 0) or [~a] (arg 1), wrapped to the word.
    case viperUnary
    /// [pointer, index] → [element]; arg is the element size (1, 2 or 4 bytes).
    case viperLoad
    /// [value, pointer, index] → []; stores the value's low arg bytes at the element.
    case viperStore

    // Superinstructions: never emitted by the compiler. `Runtime.materialize`
    // writes one over the first instruction of a common pair and leaves the
    // second in place: a jump may land on it, and the pair's form reads its
    // argument there. Run, the pair counts as its two instructions for the
    // board's clock; when its fast path does not apply it runs only the first
    // instruction, and the second runs as itself.
    /// LOAD_FAST arg, then LOAD_CONST.
    case loadFastLoadConst
    /// LOAD_FAST arg, then LOAD_FAST.
    case loadFastLoadFast
    /// COMPARE_OP arg, then POP_JUMP_IF_FALSE.
    case compareOpJumpIfFalse
    /// BINARY_OP arg, then STORE_FAST.
    case binaryOpStoreFast
    /// LOAD_FAST arg, LOAD_CONST, then BINARY_OP (or its pair with STORE_FAST).
    case loadFastLoadConstBinaryOp
    /// LOAD_FAST arg, then BINARY_OP.
    case loadFastBinaryOp
    /// LOAD_CONST arg, then BINARY_OP.
    case loadConstBinaryOp
    /// JUMP arg where instruction arg is FOR_ITER: runs that FOR_ITER.
    case jumpToForIter
}

/// Stack effect of an instruction; for jumps, `jump` selects the branch taken.
func stackEffect(_ op: Opcode, _ arg: Int, jump: Bool) -> Int {
    switch op {
    case .nop, .rotTwo, .rotThree, .rotFour: return 0
    case .popTop: return -1
    case .dupTop: return 1
    case .dupTopTwo: return 2
    case .loadConst, .loadFast, .loadDeref, .loadClosure, .loadClassDeref, .loadName, .loadGlobal: return 1
    case .storeFast, .storeDeref, .storeName, .storeGlobal: return -1
    case .deleteFast, .deleteDeref, .deleteName, .deleteGlobal: return 0
    case .loadAttr: return 0
    case .storeAttr: return -2
    case .deleteAttr: return -1
    case .loadMethod: return 1
    case .binarySubscr: return -1
    case .storeSubscr: return -3
    case .deleteSubscr: return -2
    case .buildSlice: return 1 - arg
    case .binaryOp: return -1
    case .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot: return 0
    case .compareOp, .isOp, .containsOp: return -1
    case .jump: return 0
    case .popJumpIfFalse, .popJumpIfTrue: return -1
    case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return jump ? 0 : -1
    case .getIter: return 0
    case .callRangeIter: return -arg
    case .forIter: return jump ? -1 : 1
    case .buildTuple, .buildList, .buildSet, .buildString: return 1 - arg
    case .buildMap: return 1 - 2 * arg
    case .buildConstKeyMap: return -arg
    case .listAppend, .setAdd: return -1
    case .mapAdd: return -2
    case .listExtend, .setUpdate, .dictUpdate, .dictMerge: return -1
    case .listToTuple: return 0
    case .unpackSequence: return arg - 1
    case .unpackEx: return (arg & 0xFF) + (arg >> 8)
    case .formatValue: return (arg & 4) != 0 ? -1 : 0
    case .makeFunction:
        return -((arg & 1 != 0 ? 1 : 0) + (arg & 2 != 0 ? 1 : 0) + (arg & 8 != 0 ? 1 : 0))
    case .call: return -arg
    case .callKW: return -arg - 1
    case .callEx: return -1 - (arg & 1)
    case .callMethod: return -arg - 1
    case .callMethodKW: return -arg - 2
    case .returnValue: return -1
    case .loadBuildClass: return 1
    case .raiseVarargs: return -arg
    case .loadAssertionError: return 1
    case .pushExcInfo: return 1
    case .popExcept: return -1
    case .checkExcMatch: return 0
    case .reraise: return -1
    case .popExceptReraise: return -2
    case .withExceptStart: return 1
    case .beforeWith: return 1
    case .yieldValue: return 0
    case .getYieldFromIter: return 0
    case .yieldFrom: return -1
    case .getAwaitable: return 0
    case .getAIter: return 0
    case .getANext: return 1
    case .endAsyncFor: return -2
    case .beforeAsyncWith: return 1
    case .importName: return -1
    case .importFrom: return 1
    case .importStar: return -1
    case .printExpr: return -1
    case .viperToNative, .viperToObject, .viperUnary: return 0
    case .viperBinary, .viperCompare, .viperLoad: return -1
    case .viperStore: return -3
    case .loadFastLoadConst, .loadFastLoadFast: return 2
    case .compareOpJumpIfFalse, .binaryOpStoreFast: return -2
    case .loadFastLoadConstBinaryOp: return 1
    case .loadFastBinaryOp, .loadConstBinaryOp: return 0
    case .jumpToForIter: return 1
    }
}

/// Comparison kinds for `Opcode.compareOp`.
public enum ComparisonKind: UInt32, CaseIterable {
    case lt, le, eq, ne, gt, ge
    public var symbol: String { ["<", "<=", "==", "!=", ">", ">="][Int(rawValue)] }
}

/// One encoded instruction: opcode in the low 8 bits, argument in the high 24.
public struct Instruction: Equatable {
    public var raw: UInt32
    public static let maxArgument: UInt32 = (1 << 24) - 1
    /// Added to a `BinaryOperator` raw value for the in-place form of `binaryOp`.
    public static let inplaceOffset: UInt32 = 16

    @inline(__always) public init(raw: UInt32) { self.raw = raw }
    @inline(__always) public init(_ op: Opcode, _ arg: UInt32 = 0) {
        precondition(arg <= Instruction.maxArgument, "instruction argument too large")
        raw = UInt32(op.rawValue) | (arg << 8)
    }
    @inline(__always) public var opcode: Opcode { Opcode(rawValue: UInt8(truncatingIfNeeded: raw))! }
    @inline(__always) public var argument: UInt32 { raw >> 8 }
}

extension Opcode {
    /// True when the argument is an absolute jump target (for the disassembler and
    /// for the compiler's jump patching).
    public var isJump: Bool {
        switch self {
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter:
            return true
        default:
            return false
        }
    }

    /// The snake-case name the disassembler prints (e.g. `LOAD_FAST`).
    public var name: String {
        // camelCase to SNAKE_CASE, keeping runs of capitals together (callKW -> CALL_KW).
        var out = ""
        var previousWasLower = false
        for ch in "\(self)" {
            if ch.isUppercase && previousWasLower { out += "_" }
            out += ch.uppercased()
            previousWasLower = ch.isLowercase
        }
        return out
    }
}
