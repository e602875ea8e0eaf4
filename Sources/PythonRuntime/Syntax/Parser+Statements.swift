extension Parser {
    // MARK: Statement dispatch

    /// One statement line: a compound statement, or `;`-separated simple statements.
    func parseStatement() throws(SyntaxErrorInfo) -> [Stmt] {
        let t = tok
        switch t.kind {
        case .indent:
            // CPython points at the last indentation character.
            throw syntaxError("unexpected indent", at: SourceLocation(line: t.location.line, column: t.location.column - 1),
                              kind: "IndentationError")
        case .keyword:
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor(isAsync: false, start: t.location)]
            case "try": return [try parseTry()]
            case "with": return [try parseWith(isAsync: false, start: t.location)]
            case "def": return [try parseFunctionDef(decorators: [], isAsync: false, start: t.location)]
            case "class": return [try parseClassDef(decorators: [])]
            case "async": return [try parseAsync(decorators: [])]
            default: break
            }
        case .op where t.text == "@":
            return [try parseDecorated()]
        default:
            break
        }
        return try parseSimpleStatements()
    }

    func parseSimpleStatements() throws(SyntaxErrorInfo) -> [Stmt] {
        var stmts = [try parseSmallStatement()]
        while accept(";") {
            if tok.kind == .newline { break }
            stmts.append(try parseSmallStatement())
        }
        guard tok.kind == .newline else { throw syntaxError() }
        advance()
        return stmts
    }

    /// `: NEWLINE INDENT stmts DEDENT` or `: simple_stmts`. `what` names the header for errors.
    func parseBlock(_ what: String, _ headerLine: Int) throws(SyntaxErrorInfo) -> [Stmt] {
        try expect(":", "expected ':'")
        guard tok.kind == .newline else { return try parseSimpleStatements() }
        advance()
        guard tok.kind == .indent else {
            if tok.kind == .error { throw syntaxError() }
            throw syntaxError("expected an indented block after \(what) on line \(headerLine)", at: tok.location,
                              kind: "IndentationError")
        }
        advance()
        var body: [Stmt] = []
        while tok.kind != .dedent && tok.kind != .endMarker {
            body.append(contentsOf: try parseStatement())
        }
        advance()
        return body
    }

    // MARK: Compound statements

    func parseIf() throws(SyntaxErrorInfo) -> Stmt {
        // elif chains are collected iteratively so a long chain cannot exhaust the
        // parser's stack; each clause nests in the tree, so it is a chain link.
        var clauses: [(test: Expr, body: [Stmt], location: SourceLocation)] = []
        var orelse: [Stmt] = []
        let links = chainLinks
        defer { chainLinks = links }
        repeat {
            try addLink()
            let t = advance()
            let test = try parseNamedExpression()
            let body = try parseBlock("'\(t.text)' statement", t.location.line)
            clauses.append((test, body, t.location))
        } while atKeyword("elif")
        if atKeyword("else") {
            let e = advance()
            orelse = try parseBlock("'else' statement", e.location.line)
        }
        for clause in clauses.reversed() {
            orelse = [Stmt(.if(test: clause.test, body: clause.body, orelse: orelse), clause.location)]
        }
        return orelse[0]
    }

    func parseWhile() throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        let test = try parseNamedExpression()
        let body = try parseBlock("'while' statement", t.location.line)
        let orelse = try parseElse()
        return Stmt(.while(test: test, body: body, orelse: orelse), t.location)
    }

    private func parseElse() throws(SyntaxErrorInfo) -> [Stmt] {
        guard atKeyword("else") else { return [] }
        let e = advance()
        return try parseBlock("'else' statement", e.location.line)
    }

    func parseFor(isAsync: Bool, start: SourceLocation) throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        let target = try parseTargetList()
        try checkTarget(target, deleting: false)
        try expectKeyword("in")
        let iter = try parseStarExpressions()
        let body = try parseBlock("'for' statement", t.location.line)
        let orelse = try parseElse()
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync), start)
    }

    func parseTry() throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        let body = try parseBlock("'try' statement", t.location.line)
        var handlers: [ExceptHandler] = []
        while atKeyword("except") {
            let ex = advance()
            if at("*") { throw syntaxError("'except*' is not supported") }
            if let last = handlers.last, last.type == nil {
                throw syntaxError("default 'except:' must be last", at: last.location)
            }
            var type: Expr?
            var name: String?
            if !at(":") {
                let e = try parseExpression()
                if at(",") { throw syntaxError("multiple exception types must be parenthesized", at: e.location) }
                type = e
                if acceptKeyword("as") { name = try expectName() }
            }
            let hbody = try parseBlock("'except' statement", ex.location.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, location: ex.location))
        }
        var orelse: [Stmt] = []
        if !handlers.isEmpty { orelse = try parseElse() }
        var finalbody: [Stmt] = []
        if atKeyword("finally") {
            let f = advance()
            finalbody = try parseBlock("'finally' statement", f.location.line)
        } else if handlers.isEmpty {
            throw syntaxError("expected 'except' or 'finally' block")
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody), t.location)
    }

    func parseWith(isAsync: Bool, start: SourceLocation) throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        var items: [WithItem]
        if at("(") {
            // `with (a as b, c):` first; on failure, back up and read `(a, b)` as an expression.
            let save = index, saveDepth = depth
            if let parsed = try? parseParenthesizedWithItems() {
                items = parsed
            } else {
                index = save
                depth = saveDepth
                items = try parseWithItems()
            }
        } else {
            items = try parseWithItems()
        }
        let body = try parseBlock("'with' statement", t.location.line)
        return Stmt(.with(items: items, body: body, isAsync: isAsync), start)
    }

    private func parseParenthesizedWithItems() throws(SyntaxErrorInfo) -> [WithItem] {
        try expect("(")
        var items = [try parseWithItem()]
        while accept(",") {
            if at(")") { break }
            items.append(try parseWithItem())
        }
        try expect(")")
        guard at(":") else { throw syntaxError() }
        return items
    }

    private func parseWithItems() throws(SyntaxErrorInfo) -> [WithItem] {
        var items = [try parseWithItem()]
        while accept(",") { items.append(try parseWithItem()) }
        return items
    }

    private func parseWithItem() throws(SyntaxErrorInfo) -> WithItem {
        let e = try parseExpression()
        var target: Expr?
        if acceptKeyword("as") {
            let v = try parseStarTarget()
            try checkTarget(v, deleting: false)
            target = v
        }
        return WithItem(contextExpr: e, optionalVars: target)
    }

    func parseDecorated() throws(SyntaxErrorInfo) -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try parseNamedExpression())
            guard tok.kind == .newline else { throw syntaxError() }
            advance()
        }
        if atKeyword("def") { return try parseFunctionDef(decorators: decorators, isAsync: false, start: tok.location) }
        if atKeyword("class") { return try parseClassDef(decorators: decorators) }
        if atKeyword("async") && peek().kind == .keyword && peek().text == "def" {
            return try parseAsync(decorators: decorators)
        }
        throw syntaxError()
    }

    func parseAsync(decorators: [Expr]) throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        if atKeyword("def") { return try parseFunctionDef(decorators: decorators, isAsync: true, start: t.location) }
        if atKeyword("for") { return try parseFor(isAsync: true, start: t.location) }
        if atKeyword("with") { return try parseWith(isAsync: true, start: t.location) }
        throw syntaxError()
    }

    func parseFunctionDef(decorators: [Expr], isAsync: Bool, start: SourceLocation) throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        let name = try expectName()
        try expect("(", "expected '('")
        let args = try parseParameters(lambda: false)
        try expect(")")
        var returns: Expr?
        if accept("->") { returns = try parseExpression() }
        let body = try parseBlock("function definition", t.location.line)
        let def = FunctionDef(name: name, args: args, body: body, decorators: decorators, returns: returns, isAsync: isAsync)
        return Stmt(.functionDef(def), start)
    }

    func parseClassDef(decorators: [Expr]) throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        let name = try expectName()
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if accept("(") {
            (bases, keywords) = try parseCallArguments()
            try expect(")")
        }
        let body = try parseBlock("class definition", t.location.line)
        return Stmt(.classDef(ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)),
                    t.location)
    }

    /// Parameters of a `def` (up to the `)`) or a `lambda` (up to the `:`).
    func parseParameters(lambda: Bool) throws(SyntaxErrorInfo) -> Arguments {
        var a = Arguments()
        let closer = lambda ? ":" : ")"
        var seenDefault = false, seenSlash = false, seenStar = false, seenKwarg = false
        var bareStar: Token?
        var names: [(String, SourceLocation)] = []
        while !at(closer) {
            if seenKwarg { throw syntaxError("arguments cannot follow var-keyword argument") }
            if at("/") {
                if seenSlash { throw syntaxError("/ may appear only once") }
                if seenStar { throw syntaxError("/ must be ahead of *") }
                if a.args.isEmpty {
                    throw syntaxError(peek().text == closer ? "invalid syntax" : "at least one argument must precede /")
                }
                advance()
                a.posonlyargs = a.args
                a.args = []
                seenSlash = true
            } else if at("*") {
                let star = advance()
                if seenStar { throw syntaxError("* argument may appear only once", at: star.location) }
                seenStar = true
                if at(",") || at(closer) {
                    bareStar = star
                } else {
                    let p = try parseParameter(lambda: lambda)
                    names.append((p.name, p.location))
                    a.vararg = p
                    if at("=") { throw syntaxError("var-positional argument cannot have default value") }
                }
            } else if accept("**") {
                let p = try parseParameter(lambda: lambda)
                names.append((p.name, p.location))
                a.kwarg = p
                seenKwarg = true
                if at("=") { throw syntaxError("var-keyword argument cannot have default value") }
            } else {
                let p = try parseParameter(lambda: lambda)
                names.append((p.name, p.location))
                var value: Expr?
                if accept("=") { value = try parseExpression() }
                if seenStar {
                    a.kwonlyargs.append(p)
                    a.kwDefaults.append(value)
                } else {
                    if let value {
                        a.defaults.append(value)
                        seenDefault = true
                    } else if seenDefault {
                        throw syntaxError("non-default argument follows default argument", at: p.location)
                    }
                    a.args.append(p)
                }
            }
            if !accept(",") { break }
        }
        // A bare * with no named parameter after it is accepted, as MicroPython's
        // grammar does (py/grammar.py; tests/micropython/viper_args.py): it only
        // refuses extra positional arguments.
        _ = bareStar
        var seen = Set<String>()
        for (n, loc) in names where !seen.insert(n).inserted {
            throw syntaxError("duplicate argument '\(n)' in function definition", at: loc)
        }
        return a
    }

    private func parseParameter(lambda: Bool) throws(SyntaxErrorInfo) -> Arg {
        let loc = tok.location
        let name = try expectName()
        var annotation: Expr?
        if !lambda && accept(":") { annotation = try parseExpression() }
        return Arg(name: name, annotation: annotation, location: loc)
    }

    // MARK: Simple statements

    func parseSmallStatement() throws(SyntaxErrorInfo) -> Stmt {
        let t = tok
        if t.kind == .keyword {
            switch t.text {
            case "pass":
                advance()
                return Stmt(.pass, t.location)
            case "break":
                advance()
                return Stmt(.break, t.location)
            case "continue":
                advance()
                return Stmt(.continue, t.location)
            case "return":
                advance()
                return Stmt(.return(atStatementEnd ? nil : try parseStarExpressions()), t.location)
            case "raise":
                advance()
                if atStatementEnd { return Stmt(.raise(exc: nil, cause: nil), t.location) }
                let exc = try parseExpression()
                let cause = acceptKeyword("from") ? try parseExpression() : nil
                return Stmt(.raise(exc: exc, cause: cause), t.location)
            case "global", "nonlocal":
                advance()
                var names = [try expectName()]
                while accept(",") { names.append(try expectName()) }
                return Stmt(t.text == "global" ? .global(names) : .nonlocal(names), t.location)
            case "del":
                advance()
                var targets: [Expr] = []
                repeat {
                    if atStatementEnd && !targets.isEmpty { break }
                    if at("*") { throw syntaxError("cannot delete starred") }
                    let e = try parseBitOr()
                    try checkTarget(e, deleting: true)
                    targets.append(e)
                } while accept(",")
                return Stmt(.delete(targets), t.location)
            case "assert":
                advance()
                let test = try parseExpression()
                let msg = accept(",") ? try parseExpression() : nil
                return Stmt(.assert(test: test, msg: msg), t.location)
            case "import":
                return try parseImport()
            case "from":
                return try parseFromImport()
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    private static let augmentedOps: [String: BinaryOperator] = [
        "+=": .add, "-=": .sub, "*=": .mul, "@=": .matmul, "/=": .truediv, "//=": .floordiv, "%=": .mod,
        "**=": .pow, "<<=": .lshift, ">>=": .rshift, "|=": .bitor, "^=": .bitxor, "&=": .bitand,
    ]

    /// Expression statements and every form of assignment.
    private func parseExpressionStatement() throws(SyntaxErrorInfo) -> Stmt {
        let start = tok
        let first = try parseStarExpressionsOrYield()
        if at(":") {
            if !startsExpression(peek()) {
                if case .name = first.kind {} else if case .attribute = first.kind {} else if case .subscript = first.kind {} else {
                    throw syntaxError()
                }
                advance()
                throw syntaxError()
            }
            switch first.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw syntaxError("only single target (not tuple) can be annotated", at: first.location)
            case .list: throw syntaxError("only single target (not list) can be annotated", at: first.location)
            default: throw syntaxError("illegal target for annotation", at: first.location)
            }
            advance()
            let annotation = try parseExpression()
            let value = accept("=") ? try parseStarExpressionsOrYield() : nil
            var simple = false
            if case .name = first.kind, !(start.kind == .op && start.text == "(") { simple = true }
            return Stmt(.annAssign(target: first, annotation: annotation, value: value, simple: simple), start.location)
        }
        if tok.kind == .op, let op = Parser.augmentedOps[tok.text] {
            switch first.kind {
            case .name, .attribute, .subscript: break
            default:
                throw syntaxError("'\(expressionName(first))' is an illegal expression for augmented assignment",
                                  at: first.location)
            }
            advance()
            let value = try parseStarExpressionsOrYield()
            return Stmt(.augAssign(target: first, op: op, value: value), start.location)
        }
        if at("=") {
            var targets = [first]
            while accept("=") { targets.append(try parseStarExpressionsOrYield()) }
            let value = targets.removeLast()
            for (n, target) in targets.enumerated() {
                try checkTarget(target, deleting: false, suggestEquality: targets.count == 1)
            }
            return Stmt(.assign(targets: targets, value: value), start.location)
        }
        if case .name(let n) = first.kind, n == "print" || n == "exec", startsExpression(tok), !at("*"), !at("-"), !at("+") {
            throw syntaxError("Missing parentheses in call to '\(n)'. Did you mean \(n)(...)?", at: first.location)
        }
        return Stmt(.expr(first), start.location)
    }

    private func parseDottedName() throws(SyntaxErrorInfo) -> String {
        var name = try expectName()
        while accept(".") { name += "." + (try expectName()) }
        return name
    }

    private func parseImport() throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        var names: [Alias] = []
        repeat {
            let loc = tok.location
            let name = try parseDottedName()
            let asname = acceptKeyword("as") ? try expectName() : nil
            names.append(Alias(name: name, asname: asname, location: loc))
        } while accept(",")
        return Stmt(.import(names), t.location)
    }

    private func parseFromImport() throws(SyntaxErrorInfo) -> Stmt {
        let t = advance()
        var level = 0
        while at(".") || at("...") { level += advance().text.count }
        var module: String?
        if !atKeyword("import") { module = try parseDottedName() }
        try expectKeyword("import")
        var names: [Alias] = []
        if at("*") {
            names.append(Alias(name: "*", asname: nil, location: advance().location))
            return Stmt(.importFrom(module: module, names: names, level: level), t.location)
        }
        let parenthesized = accept("(")
        repeat {
            if parenthesized && at(")") && !names.isEmpty { break }
            if !parenthesized && atStatementEnd && !names.isEmpty {
                throw syntaxError("trailing comma not allowed without surrounding parentheses")
            }
            let loc = tok.location
            let name = try expectName()
            let asname = acceptKeyword("as") ? try expectName() : nil
            names.append(Alias(name: name, asname: asname, location: loc))
        } while accept(",")
        if parenthesized { try expect(")") }
        return Stmt(.importFrom(module: module, names: names, level: level), t.location)
    }
}
