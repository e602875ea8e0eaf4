import BigInt

// Statements: assignment, control flow, loops, imports, and the compile-time
// unwinding of break/continue/return through enclosing blocks.

extension Compiler {
    func compileBody(_ body: [Stmt]) throws(SyntaxErrorInfo) {
        for s in body { try compileStmt(s) }
    }

    func compileStmt(_ stmt: Stmt) throws(SyntaxErrorInfo) {
        unit.currentLine = stmt.location.line
        if unit.viper != nil, try viperStmt(stmt) { return }
        switch stmt.kind {
        case .functionDef(let f):
            try compileFunctionDef(f, stmt.location)
        case .classDef(let c):
            try compileClassDef(c, stmt.location)
        case .return(let value):
            try compileReturn(value, stmt.location)
        case .delete(let targets):
            for t in targets { try compileDelete(t) }
        case .assign(let targets, let value):
            if targets.count == 1, case .name(let n) = targets[0].kind, case .call(let f, let args, let kw) = value.kind,
               case .name("const") = f.kind, args.count == 1, kw.isEmpty, !unit.scope.kind.isFunctionLike {
                // micropython.const (module and class bodies): folded at compile time, for
                // the rest of the module; a private (_NAME) one is not stored at all.
                guard let c = constExpression(args[0]) else { throw error("not a constant", args[0].location) }
                if moduleConstants[n] != nil { throw error("constant redefined", targets[0].location) }
                moduleConstants[n] = c
                if n.hasPrefix("_") { break }
                unit.loadConst(c)
                nameOp(n, .store)
                break
            }
            if targets.count == 1, try compileParallelAssignment(targets[0], value) { break }
            try compileExpr(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { unit.emit(.dupTop) }
                try compileStore(t)
            }
        case .augAssign(let target, let op, let value):
            try compileAugAssign(target, op, value)
        case .annAssign(let target, _, let value, _):
            if let value {
                try compileExpr(value)
                try compileStore(target)
            }
        case .for(let target, let iter, let body, let orelse, let isAsync):
            try compileFor(target, iter, body, orelse, isAsync: isAsync)
        case .while(let test, let body, let orelse):
            try compileWhile(test, body, orelse)
        case .if(let test, let body, let orelse):
            let end = unit.newLabel()
            if orelse.isEmpty {
                try compileJumpIf(test, end, jumpWhen: false)
                try compileBody(body)
            } else {
                let elseLabel = unit.newLabel()
                try compileJumpIf(test, elseLabel, jumpWhen: false)
                try compileBody(body)
                unit.emitJump(.jump, end)
                unit.bind(elseLabel)
                try compileBody(orelse)
            }
            unit.bind(end)
        case .with(let items, let body, let isAsync):
            try compileWith(items, 0, body, isAsync: isAsync, stmt.location)
        case .raise(let exc, let cause):
            var n = 0
            if let exc {
                try compileExpr(exc)
                n = 1
                if let cause {
                    try compileExpr(cause)
                    n = 2
                }
            }
            unit.currentLine = stmt.location.line
            unit.emit(.raiseVarargs, n)
        case .try(let body, let handlers, let orelse, let finalbody):
            if finalbody.isEmpty {
                try compileTryExcept(body, handlers, orelse)
            } else {
                try compileTryFinally(body, handlers, orelse, finalbody)
            }
        case .assert(let test, let msg):
            if optimizationLevel >= 1 { break }
            let ok = unit.newLabel()
            try compileJumpIf(test, ok, jumpWhen: true)
            unit.emit(.loadAssertionError)
            if let msg {
                try compileExpr(msg)
                unit.emit(.call, 1)
            }
            unit.emit(.raiseVarargs, 1)
            unit.bind(ok)
        case .import(let names):
            for a in names { try compileImport(a) }
        case .importFrom(let module, let names, let level):
            try compileImportFrom(module, names, level, stmt.location)
        case .global, .nonlocal, .pass:
            break
        case .expr(let e):
            if mode == .interactive && units.count == 1 {
                try compileExpr(e)
                unit.emit(.printExpr)
                return
            }
            if case .constant = e.kind { return }  // no effect
            try compileExpr(e)
            unit.emit(.popTop)
        case .break:
            try compileBreak(stmt.location)
        case .continue:
            try compileContinue(stmt.location)
        }
    }

    // MARK: Assignment

    func compileStore(_ target: Expr) throws(SyntaxErrorInfo) {
        let saved = unit.currentLine
        unit.currentLine = target.location.line
        defer { unit.currentLine = saved }
        if try compileSimpleTarget(target, .store) { return }
        switch target.kind {
        case .tuple(let elts), .list(let elts):
            try compileUnpack(elts, target.location)
        case .starred:
            throw error("starred assignment target must be in a list or tuple", target.location)
        default:
            throw error("cannot assign to \(describeForError(target))", target.location)
        }
    }

    /// Stores into or deletes a name, attribute or subscript target; false for
    /// any other kind of target, which the caller handles.
    private func compileSimpleTarget(_ target: Expr, _ ctx: NameContext) throws(SyntaxErrorInfo) -> Bool {
        let store = ctx == .store
        switch target.kind {
        case .name(let n):
            nameOp(n, ctx)
        case .attribute(let obj, let name):
            try compileExpr(obj)
            unit.emit(store ? .storeAttr : .deleteAttr, unit.name(name))
        case .subscript(let obj, let index):
            try compileExpr(obj)
            try compileSubscriptIndex(index)
            unit.emit(store ? .storeSubscr : .deleteSubscr)
        default:
            return false
        }
        return true
    }

    func compileUnpack(_ elts: [Expr], _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        var starIndex: Int? = nil
        for (i, e) in elts.enumerated() {
            if case .starred = e.kind {
                if starIndex != nil { throw error("multiple starred expressions in assignment", e.location) }
                starIndex = i
            }
        }
        if let s = starIndex {
            let after = elts.count - s - 1
            if s >= 256 || after >= 256 {
                throw error("too many expressions in star-unpacking assignment", loc)
            }
            unit.emit(.unpackEx, s | (after << 8))
        } else {
            unit.emit(.unpackSequence, elts.count)
        }
        for e in elts {
            if case .starred(let v) = e.kind {
                try compileStore(v)
            } else {
                try compileStore(e)
            }
        }
    }

    func describeForError(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant(let c):
            switch c {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .lambda: return "lambda"
        case .compare: return "comparison"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .namedExpr: return "named expression"
        case .ifExp: return "conditional expression"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        default: return "expression"
        }
    }

    func compileDelete(_ target: Expr) throws(SyntaxErrorInfo) {
        unit.currentLine = target.location.line
        if try compileSimpleTarget(target, .delete) { return }
        switch target.kind {
        case .tuple(let elts), .list(let elts):
            for e in elts { try compileDelete(e) }
        default:
            throw error("cannot delete \(describeForError(target))", target.location)
        }
    }

    func compileAugAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws(SyntaxErrorInfo) {
        let opArg = Int(op.rawValue) + Int(Instruction.inplaceOffset)
        switch target.kind {
        case .name(let n):
            nameOp(n, .load)
            try compileExpr(value)
            unit.emit(.binaryOp, opArg)
            nameOp(n, .store)
        case .attribute(let obj, let name):
            try compileExpr(obj)
            unit.emit(.dupTop)
            unit.emit(.loadAttr, unit.name(name))
            try compileExpr(value)
            unit.emit(.binaryOp, opArg)
            unit.emit(.rotTwo)
            unit.emit(.storeAttr, unit.name(name))
        case .subscript(let obj, let index):
            try compileExpr(obj)
            try compileSubscriptIndex(index)
            unit.emit(.dupTopTwo)
            unit.emit(.binarySubscr)
            try compileExpr(value)
            unit.emit(.binaryOp, opArg)
            unit.emit(.rotThree)
            unit.emit(.storeSubscr)
        default:
            throw error("'\(describeForError(target))' is an illegal expression for augmented assignment", target.location)
        }
    }

    // MARK: Loops

    /// `for` and `async for`. The loop leaves through `exhausted` when the
    /// iterator is done (FOR_ITER's jump, or StopAsyncIteration caught around
    /// the awaited __anext__), runs `else` and ends; `break` skips the `else`.
    func compileFor(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt], isAsync: Bool) throws(SyntaxErrorInfo) {
        let u = unit
        let start = u.newLabel(), exhausted = u.newLabel(), end = u.newLabel()
        if isAsync {
            try compileExpr(iter)
            u.emit(.getAIter)
        } else {
            try compileIterator(iter)
        }
        u.bind(start)
        if isAsync {
            u.pushHandler(exhausted, depth: u.stackLevel + 1)
            u.emit(.getANext)
            emitAwait()
            u.popHandler()
        } else {
            u.emitJump(.forIter, exhausted)
        }
        u.stackLevel += 1
        u.blocks.append(.forLoop(start: start, end: end))
        try compileStore(target)
        try compileBody(body)
        u.emitJump(.jump, start)
        u.blocks.removeLast()
        u.stackLevel -= 1
        u.bind(exhausted)
        if isAsync { u.emit(.endAsyncFor) }
        try compileBody(orelse)
        u.bind(end)
    }

    /// [] → [iter(e)]. A call of the name `range` with one to three plain
    /// arguments becomes CALL_RANGE_ITER, which skips the range object when the
    /// name is the built-in (it checks at run time, so a `range` of the
    /// program's own still works).
    func compileIterator(_ e: Expr) throws(SyntaxErrorInfo) {
        let u = unit
        if case .call(let function, let args, let keywords) = e.kind, case .name("range") = function.kind,
           keywords.isEmpty, (1...3).contains(args.count), !args.contains(where: isStarred) {
            try compileExpr(function)
            for a in args { try compileExpr(a) }
            u.currentLine = e.location.line
            u.emit(.callRangeIter, args.count)
            return
        }
        try compileExpr(e)
        u.emit(.getIter)
    }

    /// [awaitable] → [result]
    func emitAwait() {
        unit.emit(.getAwaitable)
        unit.loadConst(.none)
        unit.emit(.yieldFrom)
    }

    func compileWhile(_ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws(SyntaxErrorInfo) {
        let u = unit
        let start = u.newLabel(), orelseLabel = u.newLabel(), end = u.newLabel()
        u.bind(start)
        if !isConstantTrue(test) {
            try compileJumpIf(test, orelseLabel, jumpWhen: false)
        }
        u.blocks.append(.whileLoop(start: start, end: end))
        try compileBody(body)
        u.emitJump(.jump, start)
        u.blocks.removeLast()
        u.bind(orelseLabel)
        try compileBody(orelse)
        u.bind(end)
    }

    func isConstantTrue(_ e: Expr) -> Bool {
        guard case .constant(let c) = e.kind else { return false }
        switch c {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .str(let s): return !s.isEmpty
        case .ellipsis: return true
        default: return false
        }
    }

    // MARK: break / continue / return

    func compileBreak(_ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        let savedBlocks = u.blocks, savedHandlers = u.handlerStack, savedLevel = u.stackLevel
        guard let loop = try unwindBlocks(toLoop: true, preserveTop: false) else {
            throw error("'break' outside loop", loc)
        }
        // unwindBlocks stopped at the loop; the loop's own unwind pops the iterator.
        u.blocks = Array(u.blocks.prefix(loop.index))
        u.handlerStack = loop.handlers
        u.stackLevel = loop.level
        try unwindBlock(loop.block, preserveTop: false)
        u.currentLine = loc.line
        switch loop.block {
        case .forLoop(_, let end), .whileLoop(_, let end): u.emitJump(.jump, end)
        default: break
        }
        u.blocks = savedBlocks
        u.handlerStack = savedHandlers
        u.stackLevel = savedLevel
    }

    func compileContinue(_ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        let savedBlocks = u.blocks, savedHandlers = u.handlerStack, savedLevel = u.stackLevel
        guard let loop = try unwindBlocks(toLoop: true, preserveTop: false) else {
            throw error("'continue' not properly in loop", loc)
        }
        u.handlerStack = loop.handlers
        u.currentLine = loc.line
        switch loop.block {
        case .forLoop(let start, _), .whileLoop(let start, _): u.emitJump(.jump, start)
        default: break
        }
        u.blocks = savedBlocks
        u.handlerStack = savedHandlers
        u.stackLevel = savedLevel
    }

    func compileReturn(_ value: Expr?, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        if u.scope.kind == .function && u.scope.isAsync && u.scope.isGenerator, value != nil {
            throw error("'return' with value in async generator", loc)
        }
        var isConst = true
        if let value {
            if case .constant = value.kind { isConst = true } else { isConst = false }
        }
        if u.viper != nil {
            // A viper function converts what it returns to its return type.
            try viperReturnValue(value)
            isConst = false
        } else if !isConst, let value {
            try compileExpr(value)
        }
        let savedBlocks = u.blocks, savedHandlers = u.handlerStack, savedLevel = u.stackLevel
        _ = try unwindBlocks(toLoop: false, preserveTop: !isConst)
        u.currentLine = loc.line
        if isConst {
            if let value { try compileExpr(value) } else { u.loadConst(.none) }
        }
        u.emit(.returnValue)
        u.blocks = savedBlocks
        u.handlerStack = savedHandlers
        u.stackLevel = savedLevel
    }

    struct LoopFound {
        var block: Block
        var index: Int
        var handlers: [Int]
        var level: Int
    }

    /// Emits the exit code of blocks from the innermost outwards, stopping at a
    /// loop when `toLoop`. Leaves `blocks`, `handlerStack` and `stackLevel` trimmed;
    /// the caller restores them.
    func unwindBlocks(toLoop: Bool, preserveTop: Bool) throws(SyntaxErrorInfo) -> LoopFound? {
        let u = unit
        while let top = u.blocks.last {
            if toLoop && top.isLoop {
                return LoopFound(block: top, index: u.blocks.count - 1, handlers: u.handlerStack, level: u.stackLevel)
            }
            u.blocks.removeLast()
            try unwindBlock(top, preserveTop: preserveTop)
        }
        return nil
    }

    /// The code that leaves one block early (the block is already popped from `blocks`).
    func unwindBlock(_ block: Block, preserveTop: Bool) throws(SyntaxErrorInfo) {
        let u = unit
        switch block {
        case .whileLoop:
            break
        case .forLoop:
            if preserveTop { u.emit(.rotTwo) }
            u.emit(.popTop)
            u.stackLevel -= 1
        case .tryExcept:
            u.popHandler()
        case .finallyTry(let body):
            u.popHandler()
            if preserveTop {
                u.blocks.append(.popValue)
                u.stackLevel += 1
                try compileBody(body)
                u.stackLevel -= 1
                u.blocks.removeLast()
            } else {
                try compileBody(body)
            }
        case .finallyEnd:
            u.popHandler()
            if preserveTop { u.emit(.rotTwo) }
            u.emit(.popTop)
            if preserveTop { u.emit(.rotTwo) }
            u.emit(.popExcept)
            u.stackLevel -= 2
        case .with(let isAsync):
            u.popHandler()
            if preserveTop { u.emit(.rotTwo) }
            emitExitCallWithNones(isAsync: isAsync)
            u.stackLevel -= 1
        case .handlerCleanup(let name):
            u.popHandler()
            if name != nil { u.popHandler() }
            if preserveTop { u.emit(.rotTwo) }
            u.emit(.popExcept)
            if let name {
                u.loadConst(.none)
                nameOp(name, .store)
                nameOp(name, .delete)
            }
            u.stackLevel -= 1
        case .popValue:
            if preserveTop { u.emit(.rotTwo) }
            u.emit(.popTop)
            u.stackLevel -= 1
        }
    }

    /// [exit] → []: exit(None, None, None), awaited for async with.
    func emitExitCallWithNones(isAsync: Bool) {
        unit.loadConst(.none)
        unit.loadConst(.none)
        unit.loadConst(.none)
        unit.emit(.call, 3)
        if isAsync { emitAwait() }
        unit.emit(.popTop)
    }

    // MARK: Imports

    func compileImport(_ a: Alias) throws(SyntaxErrorInfo) {
        let u = unit
        u.currentLine = a.location.line
        u.loadConst(.int(0))
        u.loadConst(.none)
        u.emit(.importName, u.name(a.name))
        let parts = a.name.split(separator: ".").map(String.init)
        if let asname = a.asname {
            if parts.count > 1 {
                for (i, attr) in parts.dropFirst().enumerated() {
                    u.emit(.importFrom, u.name(attr))
                    if i < parts.count - 2 {
                        u.emit(.rotTwo)
                        u.emit(.popTop)
                    }
                }
                nameOp(asname, .store)
                u.emit(.popTop)
            } else {
                nameOp(asname, .store)
            }
        } else {
            nameOp(parts.first ?? a.name, .store)
        }
    }

    func compileImportFrom(_ module: String?, _ names: [Alias], _ level: Int, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        if module == "__future__" && level == 0 {
            // Future features are all on (or ignored): nothing to run.
            return
        }
        u.loadConst(.int(BigInt(level)))
        u.loadConst(.tuple(names.map { .str($0.name) }))
        u.emit(.importName, u.name(module ?? ""))
        if names.count == 1 && names[0].name == "*" {
            u.emit(.importStar)
            return
        }
        for a in names {
            u.currentLine = a.location.line
            if a.name == "*" { throw error("import * only allowed at module level", a.location) }
            u.emit(.importFrom, u.name(a.name))
            nameOp(a.asname ?? a.name, .store)
        }
        u.emit(.popTop)
    }
}

extension Compiler {
    /// `a, b = x, y` (and three names) without building a tuple: evaluate the
    /// values left to right, rotate them into store order, store. As CPython does.
    func compileParallelAssignment(_ target: Expr, _ value: Expr) throws(SyntaxErrorInfo) -> Bool {
        let targets: [Expr]
        switch target.kind {
        case .tuple(let t), .list(let t): targets = t
        default: return false
        }
        guard case .tuple(let values) = value.kind, values.count == targets.count,
              targets.count == 2 || targets.count == 3 else { return false }
        for e in targets + values {
            if case .starred = e.kind { return false }
        }
        for v in values { try compileExpr(v) }
        if targets.count == 2 {
            unit.emit(.rotTwo)
        } else {
            unit.emit(.rotThree)
            unit.emit(.rotTwo)
        }
        for t in targets { try compileStore(t) }
        return true
    }
}
