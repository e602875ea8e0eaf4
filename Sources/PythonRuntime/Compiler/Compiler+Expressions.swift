import BigInt
import Foundation

// Expressions: constants (with tuple folding), operators, displays, calls,
// conditional jumps, f-strings, await/yield.

extension Compiler {
    func compileExpr(_ e: Expr) throws(SyntaxErrorInfo) {
        let u = unit
        let savedLine = u.currentLine
        u.currentLine = e.location.line
        defer { u.currentLine = savedLine }
        if u.viper != nil, try viperCompileExpr(e) { return }
        if let c = constantValue(e) {
            u.loadConst(c)
            return
        }
        switch e.kind {
        case .constant(let c):
            u.loadConst(codeConstant(c))
        case .name(let n):
            nameOp(n, .load)
        case .attribute(let obj, let name):
            try compileExpr(obj)
            u.currentLine = e.location.line
            u.emit(.loadAttr, u.name(name))
        case .subscript(let obj, let index):
            try compileExpr(obj)
            try compileSubscriptIndex(index)
            u.emit(.binarySubscr)
        case .slice:
            try compileSubscriptIndex(e)
        case .binOp(let l, let op, let r):
            try compileExpr(l)
            try compileExpr(r)
            u.emit(.binaryOp, Int(op.rawValue))
        case .unaryOp(let op, let v):
            try compileExpr(v)
            switch op {
            case .invert: u.emit(.unaryInvert)
            case .not: u.emit(.unaryNot)
            case .plus: u.emit(.unaryPositive)
            case .minus: u.emit(.unaryNegative)
            }
        case .boolOp(let op, let values):
            let end = u.newLabel()
            for (i, v) in values.enumerated() {
                try compileExpr(v)
                if i < values.count - 1 {
                    u.emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, end)
                }
            }
            u.bind(end)
        case .compare(let left, let ops, let comparators):
            try compileCompare(left, ops, comparators)
        case .ifExp(let test, let body, let orelse):
            let elseLabel = u.newLabel(), end = u.newLabel()
            try compileJumpIf(test, elseLabel, jumpWhen: false)
            try compileExpr(body)
            u.emitJump(.jump, end)
            u.bind(elseLabel)
            try compileExpr(orelse)
            u.bind(end)
        case .namedExpr(let target, let value):
            try compileExpr(value)
            u.emit(.dupTop)
            try compileStore(target)
        case .call(let function, let args, let keywords):
            try compileCall(function, args, keywords, e.location)
        case .tuple(let elts):
            try compileSequence(elts, build: .buildTuple, add: .listAppend, extend: .listExtend, tuple: true)
        case .list(let elts):
            try compileSequence(elts, build: .buildList, add: .listAppend, extend: .listExtend, tuple: false)
        case .set(let elts):
            try compileSequence(elts, build: .buildSet, add: .setAdd, extend: .setUpdate, tuple: false)
        case .dict(let keys, let values):
            try compileDict(keys, values)
        case .lambda(let args, let body):
            try compileLambda(args, body, e.location)
        case .listComp(let elt, let gens):
            try compileComprehension(e.location, .listComp, gens, [elt])
        case .setComp(let elt, let gens):
            try compileComprehension(e.location, .setComp, gens, [elt])
        case .dictComp(let k, let v, let gens):
            try compileComprehension(e.location, .dictComp, gens, [k, v])
        case .generatorExp(let elt, let gens):
            try compileComprehension(e.location, .genExp, gens, [elt])
        case .await(let v):
            try compileExpr(v)
            emitAwait()
        case .yield(let v):
            if let v { try compileExpr(v) } else { u.loadConst(.none) }
            u.emit(.yieldValue)
        case .yieldFrom(let v):
            try compileExpr(v)
            u.emit(.getYieldFromIter)
            u.loadConst(.none)
            u.emit(.yieldFrom)
        case .joinedStr(let parts):
            try compileJoinedStr(parts)
        case .formattedValue(let value, let conversion, let spec):
            try compileFormattedValue(value, conversion, spec)
        case .starred:
            throw error("can't use starred expression here", e.location)
        }
    }

    // MARK: Constants

    func codeConstant(_ c: Constant) -> CodeConstant {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .ellipsis
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .imaginary(let d): return .imaginary(d)
        case .str(let s): return .str(s)
        case .bytes(let b): return .bytes(b)
        }
    }

    /// The value of a constant expression: literals, tuples of constants, and
    /// unary minus/plus on numbers.
    func constantValue(_ e: Expr) -> CodeConstant? {
        switch e.kind {
        case .constant(let c):
            return codeConstant(c)
        case .tuple(let elts):
            var out: [CodeConstant] = []
            for x in elts {
                guard let c = constantValue(x) else { return nil }
                out.append(c)
            }
            return .tuple(out)
        case .name(let n):
            // A module constant, unless this scope has a variable of that name.
            guard let c = moduleConstants[n] else { return nil }
            guard unit.scope.kind.isFunctionLike else { return c }
            switch unit.scope.resolution(of: n) {
            case .local?, .cell?, .free?: return nil
            default: return c
            }
        case .unaryOp(let op, let v):
            guard case .constant(let c) = v.kind else { return nil }
            switch (op, c) {
            case (.minus, .int(let i)): return .int(-i)
            case (.minus, .float(let d)): return .float(-d)
            case (.plus, .int(let i)): return .int(i)
            case (.plus, .float(let d)): return .float(d)
            case (.plus, .imaginary(let d)): return .imaginary(d)
            case (.invert, .int(let i)): return .int(~i)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Python's floor division and modulo (the quotient rounds down).
    static func floorDivide(_ a: BigInt, _ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if r != 0 && (r < 0) != (b < 0) {
            q -= 1
            r += b
        }
        return (q, r)
    }

    /// The value of `const(...)`'s argument: a constant, or integer arithmetic on
    /// constants and earlier consts (`const(1 << 4)`, `const(_BASE + 2)`), as
    /// MicroPython's parser folds it; nil when it is not one.
    /// A folded constant as a float, if it is an int or a float.
    static func constFloat(_ c: CodeConstant?) -> Double? {
        switch c {
        case .int(let i)?: return Double(i)
        case .float(let f)?: return f
        default: return nil
        }
    }

    func constExpression(_ e: Expr) -> CodeConstant? {
        switch e.kind {
        case .binOp(let l, let op, let r):
            let lc = constExpression(l), rc = constExpression(r)
            guard case .int(let a)? = lc, case .int(let b)? = rc else {
                // Floats fold too (MicroPython 1.24's const_float test): either side a
                // float, or ints whose / or negative power is one.
                guard let x = Compiler.constFloat(lc), let y = Compiler.constFloat(rc) else { return nil }
                let r: Double
                switch op {
                case .add: r = x + y
                case .sub: r = x - y
                case .mul: r = x * y
                case .truediv where y != 0: r = x / y
                case .pow where x > 0 || y == y.rounded(): r = Foundation.pow(x, y)
                default: return nil
                }
                return r.isFinite ? .float(r) : nil
            }
            switch op {
            case .truediv where b != 0: return .float(Double(a) / Double(b))
            case .pow where b < 0 && a != 0: return .float(Foundation.pow(Double(a), Double(b)))
            case .add: return .int(a + b)
            case .sub: return .int(a - b)
            case .mul: return .int(a * b)
            case .bitor: return .int(a | b)
            case .bitand: return .int(a & b)
            case .bitxor: return .int(a ^ b)
            case .lshift where b >= 0 && b < 4096: return .int(a << Int(b))
            case .rshift where b >= 0 && b < 4096:
                // Python's shift floors: -17 >> 2 is -5.
                return .int(Compiler.floorDivide(a, BigInt(1) << Int(b)).quotient)
            case .floordiv where b != 0: return .int(Compiler.floorDivide(a, b).quotient)
            case .mod where b != 0: return .int(Compiler.floorDivide(a, b).remainder)
            case .pow where b >= 0 && b < 1024: return .int(a.power(Int(b)))
            default: return nil
            }
        case .unaryOp(let op, let v):
            if case .float(let f)? = constExpression(v) {
                if op == .minus { return .float(-f) }
                if op == .plus { return .float(f) }
            }
            guard case .int(let i)? = constExpression(v) else { return constantValue(e) }
            switch op {
            case .minus: return .int(-i)
            case .plus: return .int(i)
            case .invert: return .int(~i)
            default: return nil
            }
        case .attribute(let base, let attr):
            // MICROPY_COMP_MODULE_CONST (on in the boards' builds): math's constants
            // fold inside const() (py/compile.c, mp_constants_table).
            guard case .name("math") = base.kind else { return nil }
            switch attr {
            case "pi": return .float(.pi)
            case "e": return .float(M_E)
            case "tau": return .float(2 * .pi)
            case "inf": return .float(.infinity)
            case "nan": return .float(.nan)
            default: return nil
            }
        default:
            return constantValue(e)
        }
    }

    // MARK: Subscripts

    /// Pushes a subscript index; slices become buildSlice.
    func compileSubscriptIndex(_ index: Expr) throws(SyntaxErrorInfo) {
        switch index.kind {
        case .slice(let lo, let hi, let step):
            if let lo { try compileExpr(lo) } else { unit.loadConst(.none) }
            if let hi { try compileExpr(hi) } else { unit.loadConst(.none) }
            if let step {
                try compileExpr(step)
                unit.emit(.buildSlice, 3)
            } else {
                unit.emit(.buildSlice, 2)
            }
        case .tuple(let elts) where elts.contains(where: { if case .slice = $0.kind { return true }; return false }):
            for x in elts { try compileSubscriptIndex(x) }
            unit.emit(.buildTuple, elts.count)
        default:
            try compileExpr(index)
        }
    }

    // MARK: Comparisons and conditional jumps

    func emitCompare(_ op: CompareOperator) {
        switch op {
        case .eq: unit.emit(.compareOp, Int(ComparisonKind.eq.rawValue))
        case .notEq: unit.emit(.compareOp, Int(ComparisonKind.ne.rawValue))
        case .lt: unit.emit(.compareOp, Int(ComparisonKind.lt.rawValue))
        case .ltE: unit.emit(.compareOp, Int(ComparisonKind.le.rawValue))
        case .gt: unit.emit(.compareOp, Int(ComparisonKind.gt.rawValue))
        case .gtE: unit.emit(.compareOp, Int(ComparisonKind.ge.rawValue))
        case .is: unit.emit(.isOp, 0)
        case .isNot: unit.emit(.isOp, 1)
        case .in: unit.emit(.containsOp, 0)
        case .notIn: unit.emit(.containsOp, 1)
        }
    }

    func compileCompare(_ left: Expr, _ ops: [CompareOperator], _ comparators: [Expr]) throws(SyntaxErrorInfo) {
        let u = unit
        try compileExpr(left)
        if ops.count == 1 {
            try compileExpr(comparators[0])
            emitCompare(ops[0])
            return
        }
        let cleanup = u.newLabel(), end = u.newLabel()
        try compileComparisonChain(ops, comparators, exitWhenFalse: .jumpIfFalseOrPop, to: cleanup)
        u.emitJump(.jump, end)
        u.bind(cleanup)
        u.emit(.rotTwo)
        u.emit(.popTop)
        u.bind(end)
    }

    /// `a < b < c` after `a` is on the stack: every link but the last compares and
    /// leaves for `cleanup` through `exitWhenFalse` when false (the right operand
    /// stays beneath, for the next link or the cleanup to pop); the last link's
    /// result is left on the stack.
    private func compileComparisonChain(_ ops: [CompareOperator], _ comparators: [Expr],
                                        exitWhenFalse: Opcode, to cleanup: Label) throws(SyntaxErrorInfo) {
        for i in 0..<(ops.count - 1) {
            try compileExpr(comparators[i])
            unit.emit(.dupTop)
            unit.emit(.rotThree)
            emitCompare(ops[i])
            unit.emitJump(exitWhenFalse, cleanup)
        }
        try compileExpr(comparators[ops.count - 1])
        emitCompare(ops[ops.count - 1])
    }

    /// Evaluates `e` as a condition and jumps to `label` when its truth equals `jumpWhen`.
    func compileJumpIf(_ e: Expr, _ label: Label, jumpWhen: Bool) throws(SyntaxErrorInfo) {
        let u = unit
        let savedLine = u.currentLine
        u.currentLine = e.location.line
        defer { u.currentLine = savedLine }
        if u.viper != nil, try viperJumpIf(e, label, jumpWhen: jumpWhen) { return }
        switch e.kind {
        case .unaryOp(.not, let v):
            try compileJumpIf(v, label, jumpWhen: !jumpWhen)
            return
        case .boolOp(let op, let values):
            // and + jump-when-true / or + jump-when-false: short-circuit past the jump.
            let isAnd = op == .and
            if isAnd == jumpWhen {
                let skip = u.newLabel()
                for v in values.dropLast() {
                    try compileJumpIf(v, skip, jumpWhen: !jumpWhen)
                }
                try compileJumpIf(values[values.count - 1], label, jumpWhen: jumpWhen)
                u.bind(skip)
            } else {
                for v in values {
                    try compileJumpIf(v, label, jumpWhen: jumpWhen)
                }
            }
            return
        case .ifExp(let test, let body, let orelse):
            let end = u.newLabel(), elseLabel = u.newLabel()
            try compileJumpIf(test, elseLabel, jumpWhen: false)
            try compileJumpIf(body, label, jumpWhen: jumpWhen)
            u.emitJump(.jump, end)
            u.bind(elseLabel)
            try compileJumpIf(orelse, label, jumpWhen: jumpWhen)
            u.bind(end)
            return
        case .compare(let left, let ops, let comparators) where ops.count > 1:
            let cleanup = u.newLabel(), end = u.newLabel()
            try compileExpr(left)
            try compileComparisonChain(ops, comparators, exitWhenFalse: .popJumpIfFalse, to: cleanup)
            u.emitJump(jumpWhen ? .popJumpIfTrue : .popJumpIfFalse, label)
            u.emitJump(.jump, end)
            u.bind(cleanup)
            u.emit(.popTop)
            if !jumpWhen { u.emitJump(.jump, label) }
            u.bind(end)
            return
        default:
            break
        }
        try compileExpr(e)
        u.emitJump(jumpWhen ? .popJumpIfTrue : .popJumpIfFalse, label)
    }

    // MARK: Displays

    func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    /// Tuples, lists and sets, with `*x` unpacking (CPython's starunpack_helper).
    /// `pushed` values already on the stack become the first items.
    func compileSequence(_ elts: [Expr], build: Opcode, add: Opcode, extend: Opcode, tuple: Bool, pushed: Int = 0) throws(SyntaxErrorInfo) {
        let u = unit
        if !elts.contains(where: isStarred) {
            for x in elts { try compileExpr(x) }
            u.emit(tuple ? .buildTuple : build, elts.count + pushed)
            return
        }
        let buildOp: Opcode = tuple ? .buildList : build
        var built = false
        for (i, x) in elts.enumerated() {
            if case .starred(let v) = x.kind {
                if !built {
                    u.emit(buildOp, i + pushed)
                    built = true
                }
                try compileExpr(v)
                u.emit(extend, 1)
            } else {
                try compileExpr(x)
                if built { u.emit(add, 1) }
            }
        }
        if tuple { u.emit(.listToTuple) }
    }

    func compileDict(_ keys: [Expr?], _ values: [Expr]) throws(SyntaxErrorInfo) {
        let u = unit
        var haveDict = false
        var pending = 0
        for (k, v) in zip(keys, values) {
            if let k {
                try compileExpr(k)
                try compileExpr(v)
                if haveDict {
                    u.emit(.mapAdd, 1)
                } else {
                    pending += 1
                }
            } else {
                if !haveDict {
                    u.emit(.buildMap, pending)
                    pending = 0
                    haveDict = true
                }
                try compileExpr(v)
                u.emit(.dictUpdate, 1)
            }
        }
        if !haveDict { u.emit(.buildMap, pending) }
    }

    // MARK: Calls

    func compileCall(_ function: Expr, _ args: [Expr], _ keywords: [Keyword], _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        try checkKeywords(keywords)
        let hasStar = args.contains(where: isStarred) || keywords.contains(where: { $0.name == nil })
        if case .attribute(let obj, let name) = function.kind, !hasStar {
            try compileExpr(obj)
            u.currentLine = function.location.line
            u.emit(.loadMethod, u.name(name))
            for a in args { try compileExpr(a) }
            for k in keywords { try compileExpr(k.value) }
            u.currentLine = loc.line
            if keywords.isEmpty {
                u.emit(.callMethod, args.count)
            } else {
                u.loadConst(.tuple(keywords.map { .str($0.name!) }))
                u.emit(.callMethodKW, args.count + keywords.count)
            }
            return
        }
        try compileExpr(function)
        try compileCallArguments(args, keywords, pushed: 0, loc)
    }

    func checkKeywords(_ keywords: [Keyword]) throws(SyntaxErrorInfo) {
        var seen = Set<String>()
        for k in keywords {
            guard let n = k.name else { continue }
            if !seen.insert(n).inserted {
                throw error("keyword argument repeated: \(n)", k.location)
            }
        }
    }

    /// [callable, pushed...] → [result]
    func compileCallArguments(_ args: [Expr], _ keywords: [Keyword], pushed: Int, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        let hasStar = args.contains(where: isStarred) || keywords.contains(where: { $0.name == nil })
        if !hasStar {
            for a in args { try compileExpr(a) }
            for k in keywords { try compileExpr(k.value) }
            u.currentLine = loc.line
            if keywords.isEmpty {
                u.emit(.call, args.count + pushed)
            } else {
                u.loadConst(.tuple(keywords.map { .str($0.name!) }))
                u.emit(.callKW, args.count + keywords.count + pushed)
            }
            return
        }
        // Positional arguments as one tuple.
        if args.contains(where: isStarred) {
            try compileSequence(args, build: .buildList, add: .listAppend, extend: .listExtend, tuple: true, pushed: pushed)
        } else {
            for a in args { try compileExpr(a) }
            u.emit(.buildTuple, args.count + pushed)
        }
        // Keyword arguments as one dict.
        if !keywords.isEmpty {
            var haveDict = false
            var pending = 0
            for k in keywords {
                if let name = k.name {
                    u.loadConst(.str(name))
                    try compileExpr(k.value)
                    if haveDict { u.emit(.mapAdd, 1) } else { pending += 1 }
                } else {
                    if !haveDict {
                        u.emit(.buildMap, pending)
                        pending = 0
                        haveDict = true
                    }
                    try compileExpr(k.value)
                    u.emit(.dictMerge, 1)
                }
            }
            if !haveDict { u.emit(.buildMap, pending) }
        }
        u.currentLine = loc.line
        u.emit(.callEx, keywords.isEmpty ? 0 : 1)
    }

    // MARK: f-strings

    func compileJoinedStr(_ parts: [Expr]) throws(SyntaxErrorInfo) {
        if parts.isEmpty {
            unit.loadConst(.str(""))
            return
        }
        for p in parts { try compileExpr(p) }
        if parts.count > 1 { unit.emit(.buildString, parts.count) }
    }

    func compileFormattedValue(_ value: Expr, _ conversion: Character?, _ spec: Expr?) throws(SyntaxErrorInfo) {
        try compileExpr(value)
        var arg = 0
        switch conversion {
        case "s": arg = 1
        case "r": arg = 2
        case "a": arg = 3
        default: arg = 0
        }
        if let spec {
            if case .joinedStr(let parts) = spec.kind {
                try compileJoinedStr(parts)
            } else {
                try compileExpr(spec)
            }
            arg |= 4
        }
        unit.emit(.formatValue, arg)
    }
}
