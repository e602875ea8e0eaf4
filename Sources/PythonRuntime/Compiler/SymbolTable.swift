// Scope analysis: the pass before code generation. It walks the AST once,
// records every name each scope binds, uses and declares, then resolves each
// name to where it lives (CPython's symtable.c algorithm).

/// What kind of code a scope compiles to.
enum ScopeKind: Equatable {
    case module, classBody, function, lambda, comprehension

    /// Function-like scopes keep their locals in fast slots.
    var isFunctionLike: Bool { self == .function || self == .lambda || self == .comprehension }
}

/// Where a name lives, as the compiler sees it.
public enum NameScope: Equatable, Sendable {
    /// A fast local slot (functions).
    case local
    /// A local of a function captured by an inner scope (lives in a cell).
    case cell
    /// A variable of an enclosing function (cell handed in by the closure).
    case free
    /// Declared `global`.
    case globalExplicit
    /// Never assigned in this scope or any enclosing function: global or builtin.
    case globalImplicit
    /// Class and module bodies: looked up through the frame's locals dict.
    case name
}

struct SymbolFlags: OptionSet {
    let rawValue: UInt32
    static let assigned = SymbolFlags(rawValue: 1 << 0)
    static let parameter = SymbolFlags(rawValue: 1 << 1)
    static let used = SymbolFlags(rawValue: 1 << 2)
    static let global = SymbolFlags(rawValue: 1 << 3)
    static let nonlocal = SymbolFlags(rawValue: 1 << 4)
    static let annotated = SymbolFlags(rawValue: 1 << 5)
    /// A class-body binding that a method also uses as a free variable of an enclosing function.
    static let freeClass = SymbolFlags(rawValue: 1 << 6)
    static let bound: SymbolFlags = [.assigned, .parameter]
}

/// Identifies the AST node a scope comes from: where it starts and what it is.
struct ScopeKey: Hashable {
    enum Tag: Int { case function, classBody, lambda, listComp, setComp, dictComp, genExp }
    var line: Int
    var column: Int
    var tag: Tag
}

final class Scope {
    let kind: ScopeKind
    let name: String
    let line: Int
    var isAsync = false
    /// Contains yield / yield from (or is a generator expression).
    var isGenerator = false
    /// An async comprehension (contains `async for` or `await`).
    var isCoroutine = false
    var symbols: [String: SymbolFlags] = [:]
    var symbolOrder: [String] = []
    /// Parameter names in slot order.
    var parameters: [String] = []
    var children: [Scope] = []
    weak var parent: Scope?
    /// The class body must create a `__class__` cell (zero-argument super()).
    var needsClassClosure = false
    /// Filled by analysis.
    var resolved: [String: NameScope] = [:]
    var cellVariables: [String] = []
    var freeVariables: [String] = []
    /// The comprehension iteration variables (for the walrus rebinding check).
    var iterationVariables: Set<String> = []
    /// Where each `nonlocal` name was declared (for error positions).
    var nonlocalLocations: [String: SourceLocation] = [:]

    init(kind: ScopeKind, name: String, line: Int, parent: Scope?) {
        self.kind = kind
        self.name = name
        self.line = line
        self.parent = parent
    }

    func add(_ name: String, _ flags: SymbolFlags) {
        if let old = symbols[name] {
            symbols[name] = old.union(flags)
        } else {
            symbols[name] = flags
            symbolOrder.append(name)
        }
    }

    /// The raw resolution of a name (nil when the scope never mentions it).
    func resolution(of name: String) -> NameScope? { resolved[name] }

    /// The classification of a name the way the brief names it: module and
    /// class bodies report `.name` for their own names.
    func classification(of name: String) -> NameScope {
        let r = resolved[name] ?? .globalImplicit
        if !kind.isFunctionLike && (r == .local || r == .globalImplicit) { return .name }
        return r
    }

    /// Locals in slot order: parameters first, then other fast locals in order of appearance.
    var localVariableNames: [String] {
        guard kind.isFunctionLike else { return [] }
        var out = parameters
        var seen = Set(parameters)
        for n in symbolOrder where resolved[n] == .local && !seen.contains(n) {
            out.append(n)
            seen.insert(n)
        }
        return out
    }
}

final class SymbolTable {
    let top: Scope
    private var byKey: [ScopeKey: [Scope]]
    private var cursors: [ScopeKey: Int] = [:]

    init(top: Scope, byKey: [ScopeKey: [Scope]]) {
        self.top = top
        self.byKey = byKey
    }

    /// The scope of the node with this key. Nodes compiled twice (finally bodies
    /// are inlined on each exit path) find the same scope again.
    func scope(for key: ScopeKey) -> Scope? {
        guard let list = byKey[key], !list.isEmpty else { return nil }
        if list.count == 1 { return list[0] }
        let i = cursors[key, default: 0]
        cursors[key] = i + 1
        return list[i % list.count]
    }

    /// All scopes named `name`, depth first (for tests).
    func scopes(named name: String) -> [Scope] {
        var out: [Scope] = []
        func walk(_ s: Scope) {
            if s.name == name { out.append(s) }
            for c in s.children { walk(c) }
        }
        walk(top)
        return out
    }
}

/// Reports a syntax error at a node.
struct ErrorReporter {
    let filename: String
    let lines: [Substring]

    init(filename: String, source: String) {
        self.filename = filename
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxErrorInfo {
        var text = ""
        if loc.line >= 1 && loc.line <= lines.count {
            text = String(lines[loc.line - 1])
            if text.hasSuffix("\r") { text.removeLast() }
        }
        return SyntaxErrorInfo(message: message, filename: filename, line: loc.line, column: loc.column + 1, lineText: text)
    }
}

/// Builds and analyzes the symbol table of a parsed module or expression.
func buildSymbolTable(_ parsed: ParsedSource, filename: String, source: String) throws(SyntaxErrorInfo) -> SymbolTable {
    let builder = SymbolTableBuilder(reporter: ErrorReporter(filename: filename, source: source))
    switch parsed {
    case .statements(let body):
        for s in body { try builder.visitStmt(s) }
    case .expression(let e):
        try builder.visitExpr(e)
    }
    try builder.analyze(builder.top, bound: nil, globals: [], free: &builder.scratchFree)
    return SymbolTable(top: builder.top, byKey: builder.byKey)
}

final class SymbolTableBuilder {
    let reporter: ErrorReporter
    let top: Scope
    var current: Scope
    var byKey: [ScopeKey: [Scope]] = [:]
    var scratchFree: Set<String> = []
    private var location = SourceLocation(line: 1, column: 0)

    init(reporter: ErrorReporter) {
        self.reporter = reporter
        top = Scope(kind: .module, name: "<module>", line: 1, parent: nil)
        current = top
    }

    func error(_ message: String, _ loc: SourceLocation? = nil) -> SyntaxErrorInfo {
        reporter.error(message, loc ?? location)
    }

    private func enter(_ kind: ScopeKind, name: String, key: ScopeKey) -> Scope {
        let s = Scope(kind: kind, name: name, line: key.line, parent: current)
        current.children.append(s)
        byKey[key, default: []].append(s)
        current = s
        return s
    }

    private func leave() { current = current.parent! }

    // MARK: Statements

    func visitBody(_ body: [Stmt]) throws(SyntaxErrorInfo) {
        for s in body { try visitStmt(s) }
    }

    func visitStmt(_ stmt: Stmt) throws(SyntaxErrorInfo) {
        location = stmt.location
        switch stmt.kind {
        case .functionDef(let f):
            for d in f.decorators where Compiler.emitterDirective(d) == nil { try visitExpr(d) }
            try visitDefaults(f.args)
            try addDef(f.name, .assigned, stmt.location)
            let s = enter(.function, name: f.name, key: ScopeKey(line: stmt.location.line, column: stmt.location.column, tag: .function))
            s.isAsync = f.isAsync
            try addParameters(f.args, stmt.location)
            try visitBody(f.body)
            leave()
        case .classDef(let c):
            for d in c.decorators { try visitExpr(d) }
            for b in c.bases { try visitExpr(b) }
            for k in c.keywords { try visitExpr(k.value) }
            try addDef(c.name, .assigned, stmt.location)
            _ = enter(.classBody, name: c.name, key: ScopeKey(line: stmt.location.line, column: stmt.location.column, tag: .classBody))
            try visitBody(c.body)
            leave()
        case .return(let v):
            if !(current.kind == .function || current.kind == .lambda) {
                throw error("'return' outside function", stmt.location)
            }
            if let v { try visitExpr(v) }
        case .delete(let targets):
            for t in targets { try visitTarget(t) }
        case .assign(let targets, let value):
            try visitExpr(value)
            for t in targets { try visitTarget(t) }
        case .augAssign(let target, _, let value):
            if case .name(let n) = target.kind {
                try checkDebug(n, target.location)
                current.add(n, [.used])
                try addDef(n, .assigned, target.location)
            } else {
                try visitExpr(target)
            }
            try visitExpr(value)
        case .annAssign(let target, _, let value, let simple):
            if let value { try visitExpr(value) }
            if case .name(let n) = target.kind, simple {
                if let f = current.symbols[n], f.contains(.global) || f.contains(.nonlocal), value == nil {
                    // `global x` then `x: int`: CPython rejects; keep it simple and allow.
                }
                try checkDebug(n, target.location)
                try addDef(n, [.assigned, .annotated], target.location)
            } else if value != nil {
                try visitTarget(target)
            }
        case .for(let target, let iter, let body, let orelse, let isAsync):
            if isAsync { try checkAsync("'async for' outside async function", stmt.location) }
            try visitExpr(iter)
            try visitTarget(target)
            try visitBody(body)
            try visitBody(orelse)
        case .while(let test, let body, let orelse):
            try visitExpr(test)
            try visitBody(body)
            try visitBody(orelse)
        case .if(let test, let body, let orelse):
            try visitExpr(test)
            try visitBody(body)
            try visitBody(orelse)
        case .with(let items, let body, let isAsync):
            if isAsync { try checkAsync("'async with' outside async function", stmt.location) }
            for item in items {
                try visitExpr(item.contextExpr)
                if let v = item.optionalVars { try visitTarget(v) }
            }
            try visitBody(body)
        case .raise(let exc, let cause):
            if let exc { try visitExpr(exc) }
            if let cause { try visitExpr(cause) }
        case .try(let body, let handlers, let orelse, let finalbody):
            try visitBody(body)
            for h in handlers {
                location = h.location
                if let t = h.type { try visitExpr(t) }
                if let n = h.name { try addDef(n, .assigned, h.location) }
                try visitBody(h.body)
            }
            try visitBody(orelse)
            try visitBody(finalbody)
        case .assert(let test, let msg):
            try visitExpr(test)
            if let msg { try visitExpr(msg) }
        case .import(let names):
            for a in names {
                let stored = a.asname ?? String(a.name.split(separator: ".", maxSplits: 1).first ?? Substring(a.name))
                try addDef(stored, .assigned, a.location)
            }
        case .importFrom(_, let names, _):
            for a in names {
                if a.name == "*" {
                    if current.kind != .module {
                        throw error("import * only allowed at module level", stmt.location)
                    }
                    continue
                }
                try addDef(a.asname ?? a.name, .assigned, a.location)
            }
        case .global(let names):
            for n in names {
                if let cur = current.symbols[n] {
                    if cur.contains(.parameter) { throw error("name '\(n)' is parameter and global", stmt.location) }
                    if cur.contains(.nonlocal) { throw error("name '\(n)' is nonlocal and global", stmt.location) }
                    if cur.contains(.used) { throw error("name '\(n)' is used prior to global declaration", stmt.location) }
                    if cur.contains(.annotated) { throw error("annotated name '\(n)' can't be global", stmt.location) }
                    if cur.contains(.assigned) { throw error("name '\(n)' is assigned to before global declaration", stmt.location) }
                }
                current.add(n, .global)
            }
        case .nonlocal(let names):
            if current.kind == .module {
                throw error("nonlocal declaration not allowed at module level", stmt.location)
            }
            for n in names {
                if let cur = current.symbols[n] {
                    if cur.contains(.parameter) { throw error("name '\(n)' is parameter and nonlocal", stmt.location) }
                    if cur.contains(.global) { throw error("name '\(n)' is nonlocal and global", stmt.location) }
                    if cur.contains(.used) { throw error("name '\(n)' is used prior to nonlocal declaration", stmt.location) }
                    if cur.contains(.annotated) { throw error("annotated name '\(n)' can't be nonlocal", stmt.location) }
                    if cur.contains(.assigned) { throw error("name '\(n)' is assigned to before nonlocal declaration", stmt.location) }
                }
                current.add(n, .nonlocal)
                current.nonlocalLocations[n] = stmt.location
            }
        case .expr(let e):
            try visitExpr(e)
        case .pass, .break, .continue:
            break
        }
    }

    private func checkDebug(_ name: String, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        if name == "__debug__" { throw error("cannot assign to __debug__", loc) }
    }

    private func addDef(_ name: String, _ flags: SymbolFlags, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        try checkDebug(name, loc)
        current.add(name, flags)
    }

    /// The nearest scope that is not a comprehension.
    private var enclosingNonComprehension: Scope {
        var s = current
        while s.kind == .comprehension, let p = s.parent { s = p }
        return s
    }

    private func checkAsync(_ message: String, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let s = enclosingNonComprehension
        if !(s.kind == .function && s.isAsync) { throw error(message, loc) }
        if current.kind == .comprehension { markAsyncComprehension(loc) }
    }

    private func markAsyncComprehension(_ loc: SourceLocation) {
        var s: Scope? = current
        while let c = s, c.kind == .comprehension {
            c.isCoroutine = true
            s = c.parent
        }
    }

    private func visitDefaults(_ args: Arguments) throws(SyntaxErrorInfo) {
        for d in args.defaults { try visitExpr(d) }
        for d in args.kwDefaults { if let d { try visitExpr(d) } }
    }

    private func addParameters(_ args: Arguments, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        var all = args.posonlyargs + args.args + args.kwonlyargs
        if let v = args.vararg { all.append(v) }
        if let k = args.kwarg { all.append(k) }
        for a in all {
            if current.parameters.contains(a.name) {
                throw error("duplicate argument '\(a.name)' in function definition", a.location)
            }
            try checkDebug(a.name, a.location)
            current.parameters.append(a.name)
            current.add(a.name, .parameter)
        }
    }

    // MARK: Targets

    func visitTarget(_ e: Expr) throws(SyntaxErrorInfo) {
        location = e.location
        switch e.kind {
        case .name(let n):
            try addDef(n, .assigned, e.location)
        case .tuple(let elts), .list(let elts):
            for x in elts { try visitTarget(x) }
        case .starred(let v):
            try visitTarget(v)
        case .attribute(let obj, _):
            try visitExpr(obj)
        case .subscript(let obj, let index):
            try visitExpr(obj)
            try visitExpr(index)
        default:
            // The compiler reports the precise error.
            try visitExpr(e)
        }
    }

    // MARK: Expressions

    func visitExpr(_ e: Expr) throws(SyntaxErrorInfo) {
        let saved = location
        location = e.location
        defer { location = saved }
        switch e.kind {
        case .boolOp(_, let values):
            for v in values { try visitExpr(v) }
        case .namedExpr(let target, let value):
            try visitExpr(value)
            guard case .name(let n) = target.kind else { try visitTarget(target); return }
            try checkDebug(n, target.location)
            if current.kind == .comprehension {
                try extendNamedExprScope(n, target.location)
            } else {
                current.add(n, .assigned)
            }
        case .binOp(let l, _, let r):
            try visitExpr(l)
            try visitExpr(r)
        case .unaryOp(_, let v):
            try visitExpr(v)
        case .lambda(let args, let body):
            try visitDefaults(args)
            _ = enter(.lambda, name: "<lambda>", key: ScopeKey(line: e.location.line, column: e.location.column, tag: .lambda))
            try addParameters(args, e.location)
            try visitExpr(body)
            leave()
        case .ifExp(let test, let body, let orelse):
            try visitExpr(test)
            try visitExpr(body)
            try visitExpr(orelse)
        case .dict(let keys, let values):
            for (k, v) in zip(keys, values) {
                if let k { try visitExpr(k) }
                try visitExpr(v)
            }
        case .set(let elts), .list(let elts), .tuple(let elts):
            for x in elts { try visitExpr(x) }
        case .listComp(let elt, let gens):
            try visitComprehension(e, "<listcomp>", .listComp, gens, [elt])
        case .setComp(let elt, let gens):
            try visitComprehension(e, "<setcomp>", .setComp, gens, [elt])
        case .dictComp(let k, let v, let gens):
            try visitComprehension(e, "<dictcomp>", .dictComp, gens, [k, v])
        case .generatorExp(let elt, let gens):
            try visitComprehension(e, "<genexpr>", .genExp, gens, [elt])
        case .await(let v):
            let s = enclosingNonComprehension
            if s.kind == .module || s.kind == .classBody {
                if current.kind == .comprehension {
                    throw error("asynchronous comprehension outside of an asynchronous function", e.location)
                }
                throw error("'await' outside function", e.location)
            }
            if !(s.kind == .function && s.isAsync) {
                throw error("'await' outside async function", e.location)
            }
            if current.kind == .comprehension { markAsyncComprehension(e.location) }
            try visitExpr(v)
        case .yield(let v):
            try noteYield(e.location)
            if let v { try visitExpr(v) }
        case .yieldFrom(let v):
            try noteYield(e.location)
            try visitExpr(v)
        case .compare(let left, _, let comparators):
            try visitExpr(left)
            for c in comparators { try visitExpr(c) }
        case .call(let function, let args, let keywords):
            try visitExpr(function)
            for a in args { try visitExpr(a) }
            for k in keywords { try visitExpr(k.value) }
        case .formattedValue(let value, _, let spec):
            try visitExpr(value)
            if let spec { try visitExpr(spec) }
        case .joinedStr(let parts):
            for p in parts { try visitExpr(p) }
        case .constant:
            break
        case .attribute(let obj, _):
            try visitExpr(obj)
        case .subscript(let obj, let index):
            try visitExpr(obj)
            try visitExpr(index)
        case .starred(let v):
            try visitExpr(v)
        case .name(let n):
            current.add(n, .used)
            if n == "super" && current.kind.isFunctionLike {
                current.add("__class__", .used)
            }
        case .slice(let lo, let hi, let step):
            if let lo { try visitExpr(lo) }
            if let hi { try visitExpr(hi) }
            if let step { try visitExpr(step) }
        }
    }

    private func noteYield(_ loc: SourceLocation) throws(SyntaxErrorInfo) {
        switch current.kind {
        case .module, .classBody:
            throw error("'yield' outside function", loc)
        case .comprehension:
            let what: String
            switch current.name {
            case "<listcomp>": what = "list comprehension"
            case "<setcomp>": what = "set comprehension"
            case "<dictcomp>": what = "dict comprehension"
            default: what = "generator expression"
            }
            throw error("'yield' inside \(what)", loc)
        case .function, .lambda:
            if current.isAsync { throw error("'yield' inside async function", loc) }
            current.isGenerator = true
        }
    }

    private func extendNamedExprScope(_ name: String, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        var s: Scope? = current
        while let c = s {
            if c.kind == .comprehension {
                // Only the innermost comprehension's own variables are refused:
                // MicroPython lets an inner one rebind an outer one's
                // (tests/basics/assign_expr_syntaxerror.py).
                if c === current && c.iterationVariables.contains(name) {
                    throw error("assignment expression cannot rebind comprehension iteration variable '\(name)'", loc)
                }
                s = c.parent
                continue
            }
            switch c.kind {
            case .function, .lambda:
                if let f = c.symbols[name], f.contains(.global) {
                    current.add(name, .global)
                } else {
                    current.add(name, .nonlocal)
                }
                c.add(name, .assigned)
            case .module:
                current.add(name, .global)
                c.add(name, .global)
            case .classBody:
                throw error("assignment expression within a comprehension cannot be used in a class body", loc)
            case .comprehension:
                break
            }
            return
        }
    }

    private func visitComprehension(_ e: Expr, _ name: String, _ tag: ScopeKey.Tag, _ gens: [Comprehension], _ elements: [Expr]) throws(SyntaxErrorInfo) {
        guard let first = gens.first else { return }
        // The outermost iterable is evaluated in the enclosing scope.
        try visitExpr(first.iter)
        let s = enter(.comprehension, name: name, key: ScopeKey(line: e.location.line, column: e.location.column, tag: tag))
        if tag == .genExp { s.isGenerator = true }
        s.parameters = [".0"]
        s.add(".0", .parameter)
        for (i, g) in gens.enumerated() {
            if g.isAsync {
                let enc = enclosingNonComprehension
                if !(enc.kind == .function && enc.isAsync) {
                    throw error("asynchronous comprehension outside of an asynchronous function", g.iter.location)
                }
                markAsyncComprehension(g.iter.location)
            }
            if i > 0 { try visitExpr(g.iter) }
            collectNames(g.target, into: &s.iterationVariables)
            try visitTarget(g.target)
            for c in g.ifs { try visitExpr(c) }
        }
        for el in elements { try visitExpr(el) }
        if tag == .genExp && s.isCoroutine {
            throw error("asynchronous generator expressions are not supported", e.location)
        }
        leave()
    }

    private func collectNames(_ e: Expr, into set: inout Set<String>) {
        switch e.kind {
        case .name(let n): set.insert(n)
        case .tuple(let xs), .list(let xs): for x in xs { collectNames(x, into: &set) }
        case .starred(let v): collectNames(v, into: &set)
        default: break
        }
    }

    // MARK: Analysis (CPython's analyze_block)

    func analyze(_ scope: Scope, bound: Set<String>?, globals: Set<String>, free: inout Set<String>) throws(SyntaxErrorInfo) {
        var bound = bound
        var globals = globals
        var local = Set<String>()
        var newBound = Set<String>()
        var newGlobals = Set<String>()
        var newFree = Set<String>()

        if scope.kind == .classBody {
            newGlobals = globals
            if let bound { newBound = bound }
        }

        for name in scope.symbolOrder {
            let flags = scope.symbols[name]!
            if flags.contains(.global) {
                scope.resolved[name] = .globalExplicit
                globals.insert(name)
                bound?.remove(name)
            } else if flags.contains(.nonlocal) {
                guard let b = bound, b.contains(name) else {
                    throw error("no binding for nonlocal '\(name)' found", scope.nonlocalLocations[name] ?? SourceLocation(line: scope.line, column: 0))
                }
                scope.resolved[name] = .free
                free.insert(name)
            } else if !flags.isDisjoint(with: .bound) {
                scope.resolved[name] = .local
                local.insert(name)
                globals.remove(name)
            } else if let b = bound, b.contains(name) {
                scope.resolved[name] = .free
                free.insert(name)
            } else {
                scope.resolved[name] = .globalImplicit
            }
        }

        if scope.kind != .classBody {
            if scope.kind.isFunctionLike { newBound.formUnion(local) }
            if let bound { newBound.formUnion(bound) }
            newGlobals.formUnion(globals)
        } else {
            newBound.insert("__class__")
        }

        var allFree = Set<String>()
        for child in scope.children {
            var childFree = newFree
            try analyze(child, bound: newBound, globals: newGlobals, free: &childFree)
            allFree.formUnion(childFree)
        }
        newFree.formUnion(allFree)

        if scope.kind.isFunctionLike {
            for name in scope.symbolOrder where scope.resolved[name] == .local && newFree.contains(name) {
                scope.resolved[name] = .cell
                newFree.remove(name)
            }
        } else if scope.kind == .classBody {
            if newFree.remove("__class__") != nil { scope.needsClassClosure = true }
        }

        // Free variables of children not yet resolved here.
        for name in newFree.sorted() {
            if let flags = scope.symbols[name] {
                if scope.kind == .classBody && !flags.isDisjoint(with: [.assigned, .parameter, .global]) {
                    scope.symbols[name] = flags.union(.freeClass)
                }
                continue
            }
            if let b = bound, !b.contains(name) { continue }
            if bound == nil { continue }
            scope.add(name, [])
            scope.resolved[name] = .free
        }
        free.formUnion(newFree)

        var cells = scope.symbolOrder.filter { scope.resolved[$0] == .cell }.sorted()
        if scope.needsClassClosure { cells.append("__class__"); cells.sort() }
        scope.cellVariables = cells
        scope.freeVariables = scope.symbolOrder.filter {
            scope.resolved[$0] == .free || scope.symbols[$0]!.contains(.freeClass)
        }.sorted()
    }
}
