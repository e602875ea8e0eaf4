import BigInt

// `@micropython.viper` functions: the compiler tracks each value's viper type
// as py/emitnative.c does (locals take the type of their first assignment,
// int constants are machine words, `ptr8(buf)[i]` loads a byte), checks
// viper's rules at compile time with its messages, and emits the viper
// opcodes where a word is involved. Ordinary Python in a viper function
// (calls, attributes, displays...) compiles as usual, each operand converted
// to an object first (`viperBox`).
//
// Functions and classes nested in a viper function are viper too, as in
// MicroPython; lambdas and comprehensions are bytecode here (MicroPython makes
// them viper as well).

/// The type-tracking state of one viper function being compiled.
final class ViperState {
    /// The type of each fast local by slot; absent: not assigned yet.
    var localTypes: [Int: ViperType] = [:]
    var returnType: ViperType = .object
    /// The last viper type error (emitnative.c keeps only the last one it
    /// finds in a statement; no statement after it is compiled).
    var error: String?
    var errorLine = 0
    /// The next `compileExpr` is the ordinary one (set by `viperObject`).
    var passThrough = false
    /// The value just compiled is a pointer cast of a constant (an immediate),
    /// which viper cannot turn into an object ("conversion to object").
    var immediatePointer = false
    /// Machine-word ints fit a small int: 31 bits on a 32-bit port, 63 on a 64-bit one.
    let smallIntBits: Int
    var hiddenCount = 0
    init(wordBits: Int) { smallIntBits = wordBits - 1 }
}

extension Compiler {
    // MARK: Entry

    /// Compiles the body of a viper function into the current unit: argument
    /// conversions, the body, and the implicit return.
    func compileViperBody(_ f: FunctionDef, _ body: ArraySlice<Stmt>, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let emitter = nativeEmitter ?? .x64
        let v = ViperState(wordBits: emitter.wordBits)
        let u = unit
        u.viper = v
        if u.scope.isGenerator {
            throw viperNotImplemented("native yield", loc)
        }
        // Annotations: an identifier naming a viper type (compile.c compile_viper_type_annotation).
        func annotationType(_ e: Expr?) throws(SyntaxErrorInfo) -> ViperType {
            guard let e else { return .object }
            guard case .name(let n) = e.kind else { throw error("annotation must be an identifier", e.location) }
            guard let t = ViperType.named(n) else {
                var info = SyntaxErrorInfo(kind: "ViperTypeError", message: "unknown type '\(n)'", filename: filename,
                                           line: e.location.line, column: e.location.column, lineText: "")
                info.function = f.name
                throw info
            }
            return t
        }
        // Named parameters take their annotation's type; *args and **kwargs stay
        // objects (compile.c types only PN_typedargslist_name parameters).
        let params = f.args.posonlyargs + f.args.args + f.args.kwonlyargs
        for p in [f.args.vararg, f.args.kwarg].compactMap({ $0 }) {
            v.localTypes[u.varIndex(p.name)] = .object
        }
        var typed: [(Int, ViperType)] = []
        for p in params {
            let t = try annotationType(p.annotation)
            let slot = u.varIndex(p.name)
            v.localTypes[slot] = t
            if t != .object { typed.append((slot, t)) }
        }
        v.returnType = try annotationType(f.returns)
        u.flags.insert(.viper)
        // Arguments arrive as objects and become words (mp_native_from_obj).
        for (slot, t) in typed {
            u.emit(.loadFast, slot)
            u.emit(.viperToNative, Int(t.rawValue))
            u.emit(.storeFast, slot)
        }
        for s in body { try compileStmt(s) }
        if u.endIsReachable {
            try viperReturnValue(nil)
            u.emit(.returnValue)
        }
        if let message = v.error {
            var info = SyntaxErrorInfo(kind: "ViperTypeError", message: message, filename: filename,
                                       line: v.errorLine, column: 0, lineText: "")
            info.function = f.name
            throw info
        }
    }

    func viperNotImplemented(_ message: String, _ loc: SourceLocation) -> SyntaxErrorInfo {
        var info = SyntaxErrorInfo(kind: "NotImplementedError", message: message, filename: filename,
                                   line: loc.line, column: loc.column, lineText: "")
        info.function = unit.name
        return info
    }

    /// Records a viper type error; compilation goes on, and the last one is reported.
    func viperError(_ message: String) {
        guard let v = unit.viper else { return }
        v.error = message
        v.errorLine = unit.currentLine
    }

    // MARK: Values

    /// Compiles `e` the ordinary way (its operands converted to objects).
    func viperObject(_ e: Expr) throws(SyntaxErrorInfo) -> ViperType {
        unit.viper?.passThrough = true
        try compileExpr(e)
        return .object
    }

    /// Called by `compileExpr` in a viper function: compiles `e` with types and
    /// leaves an object. True when it did so; false for the ordinary path.
    func viperCompileExpr(_ e: Expr) throws(SyntaxErrorInfo) -> Bool {
        guard let v = unit.viper else { return false }
        if v.passThrough {
            v.passThrough = false
            return false
        }
        let t = try viperExpr(e)
        try viperBox(t, e.location)
        return true
    }

    /// [word of type t] → [object].
    func viperBox(_ t: ViperType, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        guard let v = unit.viper else { return }
        switch t {
        case .object, .int, .none, .unbound:
            // An int word is the int; a None from a constant is None (from a local, 0).
            break
        case .cast:
            throw viperNotImplemented("conversion to object", loc)
        case .bool, .uint:
            unit.emit(.viperToObject, Int(t.rawValue))
        case .ptr, .ptr8, .ptr16, .ptr32:
            if v.immediatePointer { throw viperNotImplemented("conversion to object", loc) }
            unit.emit(.viperToObject, Int(t.rawValue))
        }
        v.immediatePointer = false
    }

    /// The int constant `e` is, if it is one a viper word holds (a small int).
    func viperSmallInt(_ e: Expr) -> BigInt? {
        guard let c = constantValue(e), case .int(let i) = c, let v = unit.viper else { return nil }
        let limit = BigInt(1) << v.smallIntBits
        return i >= -limit && i < limit ? i : nil
    }

    /// Whether `name` in this function is a global naming a viper cast (`int(x)`, `ptr8(buf)`).
    func viperCast(_ name: String) -> ViperType? {
        guard let t = ViperType.named(name), t != .object else { return nil }
        switch unit.scope.resolution(of: name) {
        case .local?, .cell?, .free?: return nil
        default: return t
        }
    }

    /// The fast-local slot of `name`, if it is one.
    func viperSlot(_ name: String) -> Int? {
        guard case .local? = unit.scope.resolution(of: name) else { return nil }
        return unit.varIndex(name)
    }

    /// Compiles `e`, leaving a value of the returned viper type.
    func viperExpr(_ e: Expr) throws(SyntaxErrorInfo) -> ViperType {
        let u = unit
        guard let v = u.viper else { try compileExpr(e); return .object }
        v.immediatePointer = false
        let savedLine = u.currentLine
        u.currentLine = e.location.line
        defer { u.currentLine = savedLine }
        if let c = constantValue(e) {
            switch c {
            case .none: u.loadConst(.none); return .none
            case .bool(let b): u.loadConst(.bool(b)); return .bool
            case .int(let i) where viperSmallInt(e) != nil: u.loadConst(.int(i)); return .int
            default: u.loadConst(c); return .object
            }
        }
        switch e.kind {
        case .name(let n):
            if let slot = viperSlot(n) {
                let t = v.localTypes[slot] ?? .unbound
                if t == .unbound { viperError("local '\(n)' used before type known") }
                u.emit(.loadFast, slot)
                return t == .unbound ? .object : t
            }
            if viperCast(n) != nil { throw viperNotImplemented("conversion to object", e.location) }
            return try viperObject(e)
        case .binOp(let l, let op, let r):
            let lt = try viperExpr(l)
            let rt = try viperExpr(r)
            return viperBinaryOp(op, lt, rt, inplace: false)
        case .unaryOp(let op, let x):
            let t = try viperExpr(x)
            if t.isInteger {
                switch op {
                case .plus: break
                case .minus: u.emit(.viperUnary, 0)
                case .invert: u.emit(.viperUnary, 1)
                case .not: viperError("'not' not implemented")
                }
                return t
            }
            if t == .object {
                switch op {
                case .invert: u.emit(.unaryInvert)
                case .not: u.emit(.unaryNot)
                case .plus: u.emit(.unaryPositive)
                case .minus: u.emit(.unaryNegative)
                }
                return .object
            }
            viperError("can't do unary op of '\(t.name)'")
            return t
        case .compare(let left, let ops, let comparators):
            return try viperCompare(left, ops, comparators)
        case .subscript(let base, let index):
            if case .slice = index.kind { return try viperObject(e) }
            let bt = try viperExpr(base)
            if bt == .object {
                let it = try viperExpr(index)
                try viperBox(it, index.location)
                u.emit(.binarySubscr)
                return .object
            }
            if viperSmallInt(index) != nil {
                _ = try viperExpr(index)
            } else {
                let it = try viperExpr(index)
                if !it.isInteger { viperError("can't load with '\(it.name)' index") }
            }
            switch bt {
            case .ptr8, .ptr16, .ptr32: u.emit(.viperLoad, bt.elementSize)
            default:
                viperError("can't load from '\(bt.name)'")
                u.emit(.popTop)
            }
            return .int
        case .call(let function, let args, let keywords):
            if case .name(let n) = function.kind, let target = viperCast(n), args.count == 1, keywords.isEmpty {
                let arg = args[0]
                if case .starred = arg.kind { return try viperObject(e) }
                if case .name(let m) = arg.kind, viperCast(m) != nil {
                    throw viperNotImplemented("casting", arg.location)
                }
                let isConstant = viperSmallInt(arg) != nil
                let at = try viperExpr(arg)
                switch at {
                case .object:
                    u.emit(.viperToNative, Int(target.rawValue))
                case .none:
                    u.emit(.popTop)
                    u.loadConst(.int(0))
                case .bool where target != .bool:
                    // A bool word is nonzero when True; as a number it is that word.
                    u.emit(.viperToNative, Int(ViperType.int.rawValue))
                default:
                    break  // a word re-read as another type: no code
                }
                v.immediatePointer = isConstant && target.isPointer
                return target
            }
            return try viperObject(e)
        case .boolOp(let op, let values):
            // and/or pick one operand: of the operands' type when they share
            // one, else each becomes an object (compiled again if need be).
            let snapshot = viperSnapshot()
            for boxed in [false, true] {
                let end = u.newLabel()
                var types: [ViperType] = []
                for (i, x) in values.enumerated() {
                    let t = try viperExpr(x)
                    types.append(t)
                    if boxed { try viperBox(t, x.location) }
                    if t.isPointer || t == .none { viperError("can't implicitly convert '\(t.name)' to 'bool'") }
                    if i < values.count - 1 { u.emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, end) }
                }
                u.bind(end)
                if boxed { return .object }
                if types.allSatisfy({ $0 == types[0] }) { return types[0] }
                viperRollback(snapshot)
            }
            return .object
        case .ifExp(let test, let body, let orelse):
            let snapshot = viperSnapshot()
            for boxed in [false, true] {
                let elseLabel = u.newLabel(), end = u.newLabel()
                try compileJumpIf(test, elseLabel, jumpWhen: false)
                let bt = try viperExpr(body)
                if boxed { try viperBox(bt, body.location) }
                u.emitJump(.jump, end)
                u.bind(elseLabel)
                let ot = try viperExpr(orelse)
                if boxed { try viperBox(ot, orelse.location) }
                u.bind(end)
                if boxed { return .object }
                if bt == ot { return bt }
                viperRollback(snapshot)
            }
            return .object
        case .namedExpr(let target, let value):
            let t = try viperExpr(value)
            u.emit(.dupTop)
            try viperStore(target, t)
            return t
        case .yield, .yieldFrom, .await:
            throw viperNotImplemented("native yield", e.location)
        default:
            return try viperObject(e)
        }
    }

    /// What compiling an expression changes, to undo it and compile it again
    /// another way (when the types of its branches turn out to differ).
    struct ViperSnapshot {
        let instructionCount: Int
        let localTypes: [Int: ViperType]
        let error: String?
        let errorLine: Int
    }

    func viperSnapshot() -> ViperSnapshot {
        let v = unit.viper
        return ViperSnapshot(instructionCount: unit.instructions.count, localTypes: v?.localTypes ?? [:],
                             error: v?.error, errorLine: v?.errorLine ?? 0)
    }

    /// Drops the instructions emitted since `s` (labels bound among them are
    /// never used again) and the types they gave locals.
    func viperRollback(_ s: ViperSnapshot) {
        let u = unit
        u.instructions.removeSubrange(s.instructionCount...)
        u.lineNumbers.removeSubrange(s.instructionCount...)
        u.jumpLabels.removeSubrange(s.instructionCount...)
        u.handlerIndex.removeSubrange(s.instructionCount...)
        u.viper?.localTypes = s.localTypes
        u.viper?.error = s.error
        u.viper?.errorLine = s.errorLine
    }

    /// The method name viper's "binary op %q not implemented" shows (mp_binary_op_method_name).
    private func viperMethodName(_ op: BinaryOperator) -> String {
        switch op {
        case .truediv: return "__truediv__"
        case .pow: return "__pow__"
        case .matmul: return "__matmul__"
        default: return ""
        }
    }

    /// [a, b] → [a op b] for operands of viper types lt and rt.
    func viperBinaryOp(_ op: BinaryOperator, _ lt: ViperType, _ rt: ViperType, inplace: Bool) -> ViperType {
        let u = unit
        if lt.isInteger && rt.isInteger {
            let unsigned = lt == .uint ? ViperOperand.unsigned : 0
            switch op {
            case .floordiv, .mod:
                if lt != .int { viperError("div/mod not implemented for uint") }
                u.emit(.viperBinary, op.rawValue)
                return .int
            case .add, .sub, .mul, .bitand, .bitor, .bitxor, .lshift, .rshift:
                u.emit(.viperBinary, op.rawValue | unsigned)
                return lt
            default:
                viperError("binary op \(viperMethodName(op)) not implemented")
                u.emit(.popTop)
                return lt
            }
        }
        if lt == .object && rt == .object {
            u.emit(.binaryOp, op.rawValue + (inplace ? Int(Instruction.inplaceOffset) : 0))
            return .object
        }
        viperError("can't do binary op between '\(lt.name)' and '\(rt.name)'")
        u.emit(.popTop)
        return lt
    }

    /// [a, b] → [a cmp b].
    private func viperCompareOp(_ op: CompareOperator, _ lt: ViperType, _ rt: ViperType) -> ViperType {
        let u = unit
        if lt.isInteger && rt.isInteger {
            let kind: ComparisonKind
            switch op {
            case .eq: kind = .eq
            case .notEq: kind = .ne
            case .lt: kind = .lt
            case .ltE: kind = .le
            case .gt: kind = .gt
            case .gtE: kind = .ge
            default:
                viperError("binary op  not implemented")
                u.emit(.popTop)
                return .bool
            }
            if lt != rt { viperError("comparison of int and uint") }
            u.emit(.viperCompare, Int(kind.rawValue) | (lt == .uint ? ViperOperand.unsigned : 0))
            return .bool
        }
        if lt == .object && rt == .object {
            emitCompare(op)
            return .object
        }
        viperError("can't do binary op between '\(lt.name)' and '\(rt.name)'")
        u.emit(.popTop)
        return .object
    }

    /// A comparison or chain of them (`0 < x < y`), as `compileCompare` with types.
    private func viperCompare(_ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr]) throws(SyntaxErrorInfo) -> ViperType {
        let u = unit
        var lt = try viperExpr(left)
        if ops.count == 1 {
            let rt = try viperExpr(comparators[0])
            return viperCompareOp(ops[0], lt, rt)
        }
        let cleanup = u.newLabel(), end = u.newLabel()
        var result = ViperType.bool
        for i in 0..<(ops.count - 1) {
            let rt = try viperExpr(comparators[i])
            u.emit(.dupTop)
            u.emit(.rotThree)
            if viperCompareOp(ops[i], lt, rt) == .object { result = .object }
            u.emitJump(.jumpIfFalseOrPop, cleanup)
            lt = rt
        }
        let rt = try viperExpr(comparators[ops.count - 1])
        if viperCompareOp(ops[ops.count - 1], lt, rt) == .object { result = .object }
        u.emitJump(.jump, end)
        u.bind(cleanup)
        u.emit(.rotTwo)
        u.emit(.popTop)
        u.bind(end)
        return result
    }

    /// A condition in a viper function: true when compiled here (a leaf the
    /// jump tests directly); false for `not`, `and`/`or` and `x if c else y`,
    /// which `compileJumpIf` takes apart first.
    func viperJumpIf(_ e: Expr, _ label: Label, jumpWhen: Bool) throws(SyntaxErrorInfo) -> Bool {
        guard unit.viper != nil else { return false }
        switch e.kind {
        case .unaryOp(.not, _), .boolOp, .ifExp: return false
        default: break
        }
        let t = try viperExpr(e)
        if !(t == .object || t == .bool || t.isInteger || t == .unbound) {
            viperError("can't implicitly convert '\(t.name)' to 'bool'")
        }
        unit.emitJump(jumpWhen ? .popJumpIfTrue : .popJumpIfFalse, label)
        return true
    }

    // MARK: Stores

    /// [value of type t] → []: stores into a target.
    func viperStore(_ target: Expr, _ t: ViperType) throws(SyntaxErrorInfo) {
        let u = unit
        switch target.kind {
        case .name(let n):
            if let slot = viperSlot(n) {
                viperCheckStore(n, slot, t)
                if t == .none {
                    // A None kept in a local is the word 0 (it reads back as 0).
                    u.emit(.popTop)
                    u.loadConst(.int(0))
                }
                u.emit(.storeFast, slot)
                return
            }
            try viperBox(t, target.location)
            nameOp(n, .store)
        case .subscript(let base, let index) where !isSlice(index):
            let snapshot = viperSnapshot()
            let bt = try viperExpr(base)
            if bt == .object {
                // An object container: the value must be an object beneath it,
                // so the container is compiled again after converting the value.
                viperRollback(snapshot)
                try viperBox(t, target.location)
                _ = try viperExpr(base)
                let it = try viperExpr(index)
                try viperBox(it, index.location)
                u.emit(.storeSubscr)
                return
            }
            if viperSmallInt(index) != nil {
                _ = try viperExpr(index)
            } else {
                let it = try viperExpr(index)
                if !it.isInteger { viperError("can't store with '\(it.name)' index") }
            }
            try viperStoreElement(bt, t, target.location)
        default:
            try viperBox(t, target.location)
            try compileStore(target)
        }
    }

    /// [value, pointer, index] → [] for a pointer of type bt and a value of type t.
    private func viperStoreElement(_ bt: ViperType, _ t: ViperType, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        if !(t == .bool || t.isInteger) { viperError("can't store '\(t.name)'") }
        switch bt {
        case .ptr8, .ptr16, .ptr32:
            unit.emit(.viperStore, bt.elementSize)
        default:
            viperError("can't store to '\(bt.name)'")
            unit.emit(.popTop); unit.emit(.popTop); unit.emit(.popTop)
        }
    }

    private func isSlice(_ e: Expr) -> Bool {
        if case .slice = e.kind { return true }
        return false
    }

    /// A local's type check on assignment (emit_native_store_fast).
    func viperCheckStore(_ name: String, _ slot: Int, _ t: ViperType) {
        guard let v = unit.viper else { return }
        guard let known = v.localTypes[slot] else {
            v.localTypes[slot] = t
            return
        }
        if known != t {
            viperError("local '\(name)' has type '\(known.name)' but source is '\(t.name)'")
        }
    }

    // MARK: Statements

    /// Statements whose values have viper types; true when compiled here.
    func viperStmt(_ stmt: Stmt) throws(SyntaxErrorInfo) -> Bool {
        guard let v = unit.viper else { return false }
        // After a type error MicroPython compiles no further statement of the
        // block (compile.c compile_generic_all_nodes), so the error reported is
        // the last one of the first statement that had one.
        if v.error != nil { return true }
        let u = unit
        switch stmt.kind {
        case .assign(let targets, let value):
            let t = try viperExpr(value)
            for (i, target) in targets.enumerated() {
                if i < targets.count - 1 { u.emit(.dupTop) }
                try viperStore(target, t)
            }
            return true
        case .annAssign(let target, _, let value, _):
            // The annotation of a local is not its viper type (compile.c ignores it).
            if let value {
                let t = try viperExpr(value)
                try viperStore(target, t)
            }
            return true
        case .augAssign(let target, let op, let value):
            try viperAugAssign(target, op, value)
            return true
        case .raise(let exc, let cause):
            guard let exc, cause == nil else { throw viperNotImplemented("native raise", stmt.location) }
            let t = try viperExpr(exc)
            if t != .object { viperError("must raise an object") }
            u.currentLine = stmt.location.line
            u.emit(.raiseVarargs, 1)
            return true
        case .for(let target, let iter, let body, let orelse, false):
            return try viperForRange(target, iter, body, orelse)
        default:
            return false
        }
    }

    private func viperAugAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws(SyntaxErrorInfo) {
        let u = unit
        switch target.kind {
        case .name(let n):
            let lt = try viperExpr(target)
            let vt = try viperExpr(value)
            let rt = viperBinaryOp(op, lt, vt, inplace: true)
            if let slot = viperSlot(n) {
                viperCheckStore(n, slot, rt)
                u.emit(.storeFast, slot)
            } else {
                try viperBox(rt, target.location)
                nameOp(n, .store)
            }
        case .subscript(let base, let index) where !isSlice(index):
            let bt = try viperExpr(base)
            let it = try viperExpr(index)
            if bt == .object { try viperBox(it, index.location) }
            u.emit(.dupTopTwo)
            var lt = ViperType.object
            if bt == .object {
                u.emit(.binarySubscr)
            } else {
                if !it.isInteger { viperError("can't load with '\(it.name)' index") }
                switch bt {
                case .ptr8, .ptr16, .ptr32: u.emit(.viperLoad, bt.elementSize)
                default: viperError("can't load from '\(bt.name)'"); u.emit(.popTop)
                }
                lt = .int
            }
            let vt = try viperExpr(value)
            let rt = viperBinaryOp(op, lt, vt, inplace: true)
            if bt == .object {
                try viperBox(rt, target.location)
                u.emit(.rotThree)
                u.emit(.storeSubscr)
            } else {
                u.emit(.rotThree)
                try viperStoreElement(bt, rt, target.location)
            }
        default:
            // An attribute: its value is an object.
            guard case .attribute(let obj, let name) = target.kind else {
                throw error("'\(describeForError(target))' is an illegal expression for augmented assignment", target.location)
            }
            try compileExpr(obj)
            u.emit(.dupTop)
            u.emit(.loadAttr, u.name(name))
            let vt = try viperExpr(value)
            let rt = viperBinaryOp(op, .object, vt, inplace: true)
            try viperBox(rt, target.location)
            u.emit(.rotTwo)
            u.emit(.storeAttr, u.name(name))
        }
    }

    /// `for x in range(...)` as MicroPython compiles it (compile.c
    /// compile_for_stmt_optimised_range): a counter compared with the end on
    /// each pass, so in viper the counter is a machine word. The counter and
    /// the end live in hidden locals. False when the loop is not of that shape.
    private func viperForRange(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws(SyntaxErrorInfo) -> Bool {
        guard let v = unit.viper, case .name(let name) = target.kind,
              case .call(let f, let args, let keywords) = iter.kind, case .name("range") = f.kind,
              keywords.isEmpty, (1...3).contains(args.count),
              !args.contains(where: { if case .starred = $0.kind { return true }; return false }) else { return false }
        var step = BigInt(1)
        if args.count == 3 {
            guard let s = viperSmallInt(args[2]), s != 0 else { return false }
            step = s
        }
        let u = unit
        v.hiddenCount += 1
        let counter = u.varIndex(".viper_range\(v.hiddenCount)")
        let endSlot = u.varIndex(".viper_end\(v.hiddenCount)")
        let startExpr = args.count == 1 ? nil : args[0]
        let endExpr = args.count == 1 ? args[0] : args[1]
        let constantEnd = viperSmallInt(endExpr) != nil
        var et = ViperType.int
        if !constantEnd {
            et = try viperExpr(endExpr)
            u.emit(.storeFast, endSlot)
        }
        var ct = ViperType.int
        if let startExpr { ct = try viperExpr(startExpr) } else { u.loadConst(.int(0)) }
        u.emit(.storeFast, counter)
        let top = u.newLabel(), cont = u.newLabel(), entry = u.newLabel(), end = u.newLabel()
        u.emitJump(.jump, entry)
        u.bind(top)
        u.emit(.loadFast, counter)
        try viperStore(target, ct)
        u.blocks.append(.whileLoop(start: cont, end: end))
        try compileBody(body)
        u.blocks.removeLast()
        u.bind(cont)
        u.currentLine = target.location.line
        u.emit(.loadFast, counter)
        u.loadConst(.int(step))
        let nt = viperBinaryOp(.add, ct, .int, inplace: true)
        if nt != ct { viperError("local '\(name)' has type '\(ct.name)' but source is '\(nt.name)'") }
        u.emit(.storeFast, counter)
        u.bind(entry)
        u.emit(.loadFast, counter)
        if constantEnd { _ = try viperExpr(endExpr) } else { u.emit(.loadFast, endSlot) }
        let cmp = viperCompareOp(step > 0 ? .lt : .gt, ct, et)
        _ = cmp
        u.emitJump(.popJumpIfTrue, top)
        try compileBody(orelse)
        u.bind(end)
        return true
    }

    /// The value a viper function returns, converted to an object of its return type.
    func viperReturnValue(_ value: Expr?) throws(SyntaxErrorInfo) {
        guard let v = unit.viper else { return }
        let u = unit
        let t: ViperType
        if let value { t = try viperExpr(value) } else { u.loadConst(.none); t = .none }
        if t == .none {
            // None as a word is 0 (emit_native_return_value).
            if v.returnType != .object {
                u.emit(.popTop)
                u.loadConst(.int(0))
                if v.returnType != .int { u.emit(.viperToObject, Int(v.returnType.rawValue)) }
            }
            return
        }
        if t != v.returnType {
            viperError("return expected '\(v.returnType.name)' but got '\(t.name)'")
        }
        if v.returnType != .object && v.returnType != .int {
            u.emit(.viperToObject, Int(v.returnType.rawValue))
        }
    }
}
