import BigInt

// The bytecode compiler: AST → CodeObject, CPython 3.11 shapes.
// Compiler.swift holds the entry point, the per-code-object emission state
// (`CodeUnit`) and the assembler (jump patching, exception table, stack depth).
// The other Compiler+*.swift files hold code generation by topic.

/// Compiles a parsed module, interactive statement or expression.
/// `nativeEmitter` is what `@micropython.native`/`viper` compile for (nil: refused).
///
/// `optimizationLevel` is `micropython.opt_level()`: from 1 on, `assert`
/// statements compile to nothing (py/compile.c, compile_assert_stmt).
public func compilePython(_ parsed: ParsedSource, filename: String, mode: ParseMode, source: String,
                          nativeEmitter: NativeEmitter? = .x64, optimizationLevel: Int = 0) throws(SyntaxErrorInfo) -> CodeObject {
    let table = try buildSymbolTable(parsed, filename: filename, source: source)
    let compiler = Compiler(table: table, filename: filename, reporter: ErrorReporter(filename: filename, source: source), mode: mode)
    compiler.nativeEmitter = nativeEmitter
    compiler.optimizationLevel = optimizationLevel
    return try compiler.compileTop(parsed)
}

/// A jump target; bound to an instruction index later.
struct Label: Equatable { let id: Int }

/// A constant's identity for deduplication: kind and exact bits.
enum ConstKey: Hashable {
    case none, ellipsis
    case bool(Bool)
    case int(BigInt)
    case float(UInt64)
    case imaginary(UInt64)
    case str(String)
    case bytes([UInt8])
    case tuple([ConstKey])
    case code(ObjectIdentifier)

    init(_ c: CodeConstant) {
        switch c {
        case .none: self = .none
        case .ellipsis: self = .ellipsis
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d.bitPattern)
        case .imaginary(let d): self = .imaginary(d.bitPattern)
        case .str(let s): self = .str(s)
        case .bytes(let b): self = .bytes(b)
        case .tuple(let t): self = .tuple(t.map(ConstKey.init))
        case .code(let c): self = .code(ObjectIdentifier(c))
        }
    }
}

/// A compile-time block (CPython's fblock): what leaving it early has to undo.
enum Block {
    case whileLoop(start: Label, end: Label)
    /// The iterator is on the stack.
    case forLoop(start: Label, end: Label)
    /// The body of a try with except clauses: one handler active.
    case tryExcept
    /// The body of a try with a finally: one handler active; the finally body is inlined on exit.
    case finallyTry(body: [Stmt])
    /// The finally body on the exception path: [prev, exc] on the stack, cleanup handler active.
    case finallyEnd
    /// A with body: the exit function is on the stack, one handler active.
    case with(isAsync: Bool)
    /// An except clause body: [prev] on the stack; handlers active: 2 when named, else 1.
    case handlerCleanup(name: String?)
    /// A return value kept on the stack while a finally body is inlined.
    case popValue

    var isLoop: Bool {
        switch self {
        case .whileLoop, .forLoop: return true
        default: return false
        }
    }
}

/// Emission state for one code object.
final class CodeUnit {
    let scope: Scope
    let name: String
    let qualifiedName: String
    let firstLine: Int
    var flags: CodeFlags = []
    var argumentCount = 0
    var positionalOnlyCount = 0
    var keywordOnlyCount = 0

    var instructions: [Instruction] = []
    var lineNumbers: [Int32] = []
    /// Per instruction: the label a jump refers to, or -1.
    var jumpLabels: [Int] = []
    /// Per instruction: index into `handlers` of the innermost active handler, or -1.
    var handlerIndex: [Int] = []
    var labelPositions: [Int] = []
    var handlers: [(label: Label, depth: Int)] = []
    var handlerStack: [Int] = []

    var constants: [CodeConstant] = []
    var constantIndex: [ConstKey: Int] = [:]
    var names: [String] = []
    var nameIndex: [String: Int] = [:]
    var variableNames: [String]
    var variableIndex: [String: Int] = [:]
    let cellVariables: [String]
    let freeVariables: [String]

    var blocks: [Block] = []
    /// Values kept on the stack by enclosing constructs at statement level.
    var stackLevel = 0
    var currentLine: Int
    var withoutLineNumbers = false
    /// Set while compiling a `@micropython.viper` function (Compiler+Viper.swift).
    var viper: ViperState?
    /// What this scope's functions and classes compile with unless decorated
    /// otherwise: "bytecode", "native" or "viper".
    var emitter = "bytecode"

    init(scope: Scope, name: String, qualifiedName: String, firstLine: Int) {
        self.scope = scope
        self.name = name
        self.qualifiedName = qualifiedName
        self.firstLine = firstLine
        self.currentLine = firstLine
        variableNames = scope.localVariableNames
        for (i, n) in variableNames.enumerated() { variableIndex[n] = i }
        cellVariables = scope.cellVariables
        freeVariables = scope.freeVariables
    }

    // MARK: Emission

    @discardableResult
    func emit(_ op: Opcode, _ arg: Int = 0) -> Int {
        instructions.append(Instruction(op, UInt32(arg)))
        lineNumbers.append(withoutLineNumbers ? 1 : Int32(currentLine))
        jumpLabels.append(-1)
        handlerIndex.append(handlerStack.last ?? -1)
        return instructions.count - 1
    }

    func emitJump(_ op: Opcode, _ label: Label) {
        let i = emit(op, 0)
        jumpLabels[i] = label.id
    }

    func newLabel() -> Label {
        labelPositions.append(-1)
        return Label(id: labelPositions.count - 1)
    }

    func bind(_ label: Label) {
        labelPositions[label.id] = instructions.count
    }

    func pushHandler(_ label: Label, depth: Int) {
        handlers.append((label, depth))
        handlerStack.append(handlers.count - 1)
    }

    func popHandler() { handlerStack.removeLast() }

    func constant(_ c: CodeConstant) -> Int {
        let key = ConstKey(c)
        if let i = constantIndex[key] { return i }
        constants.append(c)
        constantIndex[key] = constants.count - 1
        return constants.count - 1
    }

    func name(_ n: String) -> Int {
        if let i = nameIndex[n] { return i }
        names.append(n)
        nameIndex[n] = names.count - 1
        return names.count - 1
    }

    func varIndex(_ n: String) -> Int {
        if let i = variableIndex[n] { return i }
        variableNames.append(n)
        variableIndex[n] = variableNames.count - 1
        return variableNames.count - 1
    }

    /// Index for loadDeref/storeDeref/loadClosure: cells then free variables.
    func derefIndex(_ n: String) -> Int? {
        if let i = cellVariables.firstIndex(of: n) { return i }
        if let i = freeVariables.firstIndex(of: n) { return cellVariables.count + i }
        return nil
    }

    func loadConst(_ c: CodeConstant) { emit(.loadConst, constant(c)) }

    /// True when the next instruction can be reached (for the implicit return).
    var endIsReachable: Bool {
        guard let last = instructions.last else { return true }
        if labelPositions.contains(instructions.count) { return true }
        switch last.opcode {
        case .returnValue, .raiseVarargs, .reraise, .popExceptReraise, .jump: return false
        default: return true
        }
    }

    // MARK: Assembly

    func assemble(filename: String) throws(InternalCompilerError) -> CodeObject {
        // Resolve jumps.
        for i in instructions.indices where jumpLabels[i] >= 0 {
            let target = labelPositions[jumpLabels[i]]
            precondition(target >= 0, "unbound label")
            instructions[i] = Instruction(instructions[i].opcode, UInt32(target))
        }
        // Exception table: runs of instructions with the same innermost handler.
        var table: [ExceptionTableEntry] = []
        var i = 0
        while i < instructions.count {
            let h = handlerIndex[i]
            var j = i + 1
            while j < instructions.count && handlerIndex[j] == h { j += 1 }
            if h >= 0 {
                let target = labelPositions[handlers[h].label.id]
                table.append(ExceptionTableEntry(start: i, end: j, handler: target, depth: handlers[h].depth))
            }
            i = j
        }
        let depth = try computeStackSize(table)
        var cellParams: [Int] = []
        for c in cellVariables {
            cellParams.append(scope.kind.isFunctionLike ? (scope.parameters.firstIndex(of: c) ?? -1) : -1)
        }
        return CodeObject(
            name: name, qualifiedName: qualifiedName, filename: filename, firstLine: firstLine, flags: flags,
            argumentCount: argumentCount, positionalOnlyCount: positionalOnlyCount, keywordOnlyCount: keywordOnlyCount,
            instructions: instructions, lineNumbers: lineNumbers, constants: constants, names: names,
            variableNames: variableNames, cellVariables: cellVariables, freeVariables: freeVariables,
            cellParameterIndex: cellParams, exceptionTable: table, stackSize: depth)
    }

    /// Simulates the stack over the control-flow graph; every path must agree on the depth.
    private func computeStackSize(_ table: [ExceptionTableEntry]) throws(InternalCompilerError) -> Int {
        let n = instructions.count
        var depthAt = [Int](repeating: -1, count: n + 1)
        var work: [Int] = []
        var maxDepth = 0
        func reach(_ i: Int, _ d: Int) throws(InternalCompilerError) {
            guard i < n else { return }
            if d < 0 { throw InternalCompilerError(message: "stack underflow at \(i) in \(qualifiedName)") }
            if depthAt[i] == -1 {
                depthAt[i] = d
                work.append(i)
            } else if depthAt[i] != d {
                throw InternalCompilerError(message: "stack depth mismatch at \(i) in \(qualifiedName): \(depthAt[i]) vs \(d)")
            }
            maxDepth = max(maxDepth, d)
        }
        if n > 0 { try reach(0, 0) }
        // The entries are disjoint runs, so each instruction has at most one: look
        // it up instead of scanning the table per instruction (quadratic for a
        // `with` of thousands of items).
        var entryAt = [Int](repeating: -1, count: n)
        for (k, e) in table.enumerated() {
            for i in e.start..<min(e.end, n) where entryAt[i] < 0 { entryAt[i] = k }
        }
        var seededHandlers = Set<Int>()
        while true {
            while let i = work.popLast() {
                let ins = instructions[i]
                let d = depthAt[i]
                let op = ins.opcode
                let arg = Int(ins.argument)
                let after = d + stackEffect(op, arg, jump: false)
                maxDepth = max(maxDepth, after)
                if op.isJump {
                    let jd = d + stackEffect(op, arg, jump: true)
                    maxDepth = max(maxDepth, jd)
                    try reach(arg, jd)
                }
                switch op {
                case .jump, .returnValue, .raiseVarargs, .reraise, .popExceptReraise:
                    break
                default:
                    try reach(i + 1, after)
                }
                // Seed handlers of entries covering reached instructions.
                let k = entryAt[i]
                if k >= 0, seededHandlers.insert(k).inserted {
                    try reach(table[k].handler, table[k].depth + 1)
                }
            }
            break
        }
        return maxDepth
    }
}

struct InternalCompilerError: Error { var message: String }


enum NameContext { case load, store, delete }

final class Compiler {
    let table: SymbolTable
    let filename: String
    let reporter: ErrorReporter
    let mode: ParseMode
    var units: [CodeUnit] = []
    var unit: CodeUnit { units[units.count - 1] }
    /// `NAME = const(value)` at module level: NAME's uses after it are the value,
    /// as MicroPython's parser folds them (`micropython.const`).
    var moduleConstants: [String: CodeConstant] = [:]
    /// What `@micropython.native`/`viper` compile for; nil when the firmware lacks them.
    var nativeEmitter: NativeEmitter? = .x64
    var optimizationLevel = 0

    init(table: SymbolTable, filename: String, reporter: ErrorReporter, mode: ParseMode) {
        self.table = table
        self.filename = filename
        self.reporter = reporter
        self.mode = mode
    }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxErrorInfo {
        reporter.error(message, loc)
    }

    func error(_ message: String) -> SyntaxErrorInfo {
        reporter.error(message, SourceLocation(line: unit.currentLine, column: 0))
    }

    // MARK: Units

    func enterUnit(_ scope: Scope, name: String, line: Int) {
        let qualname: String
        if let parent = units.last, parent.scope.kind != .module {
            var forceGlobal = false
            if scope.kind == .function || scope.kind == .classBody {
                forceGlobal = parent.scope.resolution(of: name) == .globalExplicit
            }
            if forceGlobal {
                qualname = name
            } else if parent.scope.kind == .function || parent.scope.kind == .lambda {
                qualname = parent.qualifiedName + ".<locals>." + name
            } else {
                qualname = parent.qualifiedName + "." + name
            }
        } else {
            qualname = name
        }
        let u = CodeUnit(scope: scope, name: name, qualifiedName: qualname, firstLine: line)
        // opt_level 3 keeps no line numbers: every line reads as 1 (py/compile.c).
        u.withoutLineNumbers = optimizationLevel >= 3
        if scope.kind.isFunctionLike { u.flags.insert(.optimized) }
        if scope.kind == .classBody { u.flags.insert(.classBody) }
        if scope.isGenerator { u.flags.insert(.generator) }
        if (scope.kind == .function && scope.isAsync) || (scope.kind == .comprehension && scope.isCoroutine) {
            u.flags.insert(.coroutine)
        }
        units.append(u)
    }

    func leaveUnit() throws(SyntaxErrorInfo) -> CodeObject {
        let u = units.removeLast()
        do {
            return try u.assemble(filename: filename)
        } catch {
            throw reporter.error("internal compiler error: \(error.message)", SourceLocation(line: u.firstLine, column: 0))
        }
    }

    func scope(_ loc: SourceLocation, _ tag: ScopeKey.Tag) throws(SyntaxErrorInfo) -> Scope {
        guard let s = table.scope(for: ScopeKey(line: loc.line, column: loc.column, tag: tag)) else {
            throw error("internal compiler error: no scope for node", loc)
        }
        return s
    }

    // MARK: Top level

    func compileTop(_ parsed: ParsedSource) throws(SyntaxErrorInfo) -> CodeObject {
        enterUnit(table.top, name: "<module>", line: 1)
        switch parsed {
        case .expression(let e):
            unit.currentLine = e.location.line
            try compileExpr(e)
            unit.emit(.returnValue)
        case .statements(let body):
            if let first = body.first { unit.currentLine = first.location.line }
            var rest = body[...]
            if mode == .module, let doc = docstring(body) {
                unit.currentLine = body[0].location.line
                unit.loadConst(.str(doc))
                storeName("__doc__")
                rest = body.dropFirst()
            }
            for s in rest { try compileStmt(s) }
            if unit.endIsReachable {
                unit.loadConst(.none)
                unit.emit(.returnValue)
            }
        }
        return try leaveUnit()
    }

    func docstring(_ body: [Stmt]) -> String? {
        guard let first = body.first, case .expr(let e) = first.kind,
              case .constant(.str(let s)) = e.kind else { return nil }
        return s
    }

    // MARK: Names

    /// Emits the load/store/delete of a name according to its scope.
    func nameOp(_ name: String, _ ctx: NameContext) {
        let u = unit
        let scope = u.scope
        let resolution = scope.resolution(of: name)
        let functionLike = scope.kind.isFunctionLike
        switch resolution {
        case .free?, .cell?:
            if let idx = u.derefIndex(name) {
                switch ctx {
                case .load: u.emit(scope.kind == .classBody ? .loadClassDeref : .loadDeref, idx)
                case .store: u.emit(.storeDeref, idx)
                case .delete: u.emit(.deleteDeref, idx)
                }
                return
            }
        case .local?:
            if functionLike {
                let idx = u.varIndex(name)
                // In viper, a local stored by ordinary code holds an object; `del` stores None.
                if u.viper != nil, ctx != .load { viperCheckStore(name, idx, ctx == .store ? .object : .none) }
                switch ctx {
                case .load: u.emit(.loadFast, idx)
                case .store: u.emit(.storeFast, idx)
                case .delete: u.emit(.deleteFast, idx)
                }
                return
            }
        case .globalImplicit?:
            if functionLike { emitGlobal(name, ctx); return }
        case .globalExplicit?:
            emitGlobal(name, ctx)
            return
        case .name?, nil:
            break
        }
        if functionLike && resolution == nil {
            // A name the symbol table never saw (should not happen): treat as global.
            emitGlobal(name, ctx)
            return
        }
        let idx = u.name(name)
        switch ctx {
        case .load: u.emit(.loadName, idx)
        case .store: u.emit(.storeName, idx)
        case .delete: u.emit(.deleteName, idx)
        }
    }

    private func emitGlobal(_ name: String, _ ctx: NameContext) {
        let idx = unit.name(name)
        switch ctx {
        case .load: unit.emit(.loadGlobal, idx)
        case .store: unit.emit(.storeGlobal, idx)
        case .delete: unit.emit(.deleteGlobal, idx)
        }
    }

    /// Store to a name through the locals dict (class/module bookkeeping names).
    func storeName(_ name: String) { unit.emit(.storeName, unit.name(name)) }
}
