// Functions, lambdas and classes: nested code objects and makeFunction.

extension Compiler {
    /// `@micropython.native` and its kin are directives to MicroPython's compiler,
    /// never evaluated (no import needed), recognised by name as compile.c's
    /// compile_built_in_decorator does. `native` compiles to bytecode charged at
    /// native speed; `viper` compiles with viper's types (Compiler+Viper.swift).
    /// A firmware without the native emitters (CircuitPython 9) refuses both with
    /// MicroPython's "invalid micropython decorator", as it refuses any other
    /// `micropython.NAME` decorator. The inline assemblers (`asm_thumb`,
    /// `asm_xtensa`) are refused the same way on every board, although the rp2
    /// and esp32 firmwares accept them: we do not run machine code.
    static func emitterDirective(_ d: Expr) -> String? {
        guard case .attribute(var base, let name) = d.kind else { return nil }
        var path = [name]
        while case .attribute(let inner, let n) = base.kind {
            path.insert(n, at: 0)
            base = inner
        }
        guard case .name("micropython") = base.kind else { return nil }
        return path.joined(separator: ".")
    }

    /// The emitter a function or class compiles with and its other decorators:
    /// its own directive, else the enclosing scope's (compile.c's emit_options
    /// are inherited, so the methods of a `@micropython.native` class are native).
    func emitterAndDecorators(_ decorators: [Expr]) throws(SyntaxErrorInfo) -> (String, [Expr]) {
        var kept: [Expr] = []
        var emitter = unit.emitter
        for d in decorators {
            guard let e = Compiler.emitterDirective(d) else { kept.append(d); continue }
            let available = e == "bytecode" || ((e == "native" || e == "viper") && nativeEmitter != nil)
            if !available { throw error("invalid micropython decorator", d.location) }
            emitter = e
        }
        return (emitter, kept)
    }

    func compileFunctionDef(_ f: FunctionDef, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        var f = f
        let (emitter, kept) = try emitterAndDecorators(f.decorators)
        f.decorators = kept
        for d in f.decorators { try compileExpr(d) }
        u.currentLine = loc.line
        let scope = try self.scope(loc, .function)
        let flags = try compileDefaults(f.args)
        enterUnit(scope, name: f.name, line: loc.line)
        setArgumentCounts(f.args)
        var body = f.body[...]
        if let doc = docstring(f.body) {
            // CPython keeps a function's docstring as its first constant.
            _ = unit.constant(.str(doc))
            unit.flags.insert(.hasDocstring)
            body = body.dropFirst()
        }
        unit.emitter = emitter
        if emitter == "viper" {
            try compileViperBody(f, body, loc)
        } else {
            if emitter == "native" { unit.flags.insert(.native) }
            for s in body { try compileStmt(s) }
            if unit.endIsReachable {
                unit.loadConst(.none)
                unit.emit(.returnValue)
            }
        }
        let code = try leaveUnit()
        u.currentLine = loc.line
        makeFunction(code, flags: flags)
        for _ in f.decorators { u.emit(.call, 1) }
        nameOp(f.name, .store)
    }

    func compileLambda(_ args: Arguments, _ body: Expr, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let scope = try self.scope(loc, .lambda)
        let flags = try compileDefaults(args)
        enterUnit(scope, name: "<lambda>", line: loc.line)
        setArgumentCounts(args)
        unit.currentLine = body.location.line
        try compileExpr(body)
        unit.emit(.returnValue)
        let code = try leaveUnit()
        makeFunction(code, flags: flags)
    }

    func setArgumentCounts(_ args: Arguments) {
        let u = unit
        u.positionalOnlyCount = args.posonlyargs.count
        u.argumentCount = args.posonlyargs.count + args.args.count
        u.keywordOnlyCount = args.kwonlyargs.count
        if args.vararg != nil { u.flags.insert(.varargs) }
        if args.kwarg != nil { u.flags.insert(.varkeywords) }
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the makeFunction flags.
    func compileDefaults(_ args: Arguments) throws(SyntaxErrorInfo) -> Int {
        var flags = 0
        if !args.defaults.isEmpty {
            let tuple = Expr(.tuple(args.defaults), args.defaults[0].location)
            try compileExpr(tuple)
            flags |= 1
        }
        var n = 0
        for (a, d) in zip(args.kwonlyargs, args.kwDefaults) {
            guard let d else { continue }
            unit.loadConst(.str(a.name))
            try compileExpr(d)
            n += 1
        }
        if n > 0 {
            unit.emit(.buildMap, n)
            flags |= 2
        }
        return flags
    }

    /// [defaults?, kwdefaults?] → [function], adding the closure tuple when the code has free variables.
    func makeFunction(_ code: CodeObject, flags: Int) {
        let u = unit
        var flags = flags
        if !code.freeVariables.isEmpty {
            for name in code.freeVariables {
                u.emit(.loadClosure, u.derefIndex(name) ?? 0)
            }
            u.emit(.buildTuple, code.freeVariables.count)
            flags |= 8
        }
        u.loadConst(.code(code))
        u.emit(.makeFunction, flags)
    }

    func compileClassDef(_ c: ClassDef, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        var c = c
        let (emitter, kept) = try emitterAndDecorators(c.decorators)
        c.decorators = kept
        for d in c.decorators { try compileExpr(d) }
        u.currentLine = loc.line
        let scope = try self.scope(loc, .classBody)

        enterUnit(scope, name: c.name, line: loc.line)
        let body = unit
        body.emitter = emitter
        body.emit(.loadName, body.name("__name__"))
        storeName("__module__")
        body.loadConst(.str(body.qualifiedName))
        storeName("__qualname__")
        var stmts = c.body[...]
        if let doc = docstring(c.body) {
            body.currentLine = c.body[0].location.line
            body.loadConst(.str(doc))
            storeName("__doc__")
            stmts = stmts.dropFirst()
        }
        for s in stmts { try compileStmt(s) }
        if scope.needsClassClosure, let idx = body.derefIndex("__class__") {
            body.emit(.loadClosure, idx)
            storeName("__classcell__")
        }
        body.loadConst(.none)
        body.emit(.returnValue)
        let code = try leaveUnit()

        u.currentLine = loc.line
        u.emit(.loadBuildClass)
        makeFunction(code, flags: 0)
        u.loadConst(.str(c.name))
        try checkKeywords(c.keywords)
        try compileCallArguments(c.bases, c.keywords, pushed: 2, loc)
        for _ in c.decorators { u.emit(.call, 1) }
        nameOp(c.name, .store)
    }
}
