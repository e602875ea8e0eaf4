extension Parser {
    // MARK: Expression lists

    /// Whether `t` can begin an expression (used to tell a trailing comma from another element).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .number, .string: return true
        case .keyword: return ["None", "True", "False", "lambda", "not", "await", "yield"].contains(t.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(t.text)
        default: return false
        }
    }

    func parseStarExpressionsOrYield() throws(SyntaxErrorInfo) -> Expr {
        atKeyword("yield") ? try parseYield() : try parseStarExpressions()
    }

    /// `a, *b, c` (a tuple when there is a comma) or a single expression.
    func parseStarExpressions() throws(SyntaxErrorInfo) -> Expr {
        let first = try parseStarExpression()
        guard at(",") else { return first }
        var elts = [first]
        while accept(",") {
            guard startsExpression(tok) else { break }
            elts.append(try parseStarExpression())
        }
        return Expr(.tuple(elts), first.location)
    }

    private func parseStarExpression() throws(SyntaxErrorInfo) -> Expr {
        if at("*") {
            let t = advance()
            return Expr(.starred(try parseBitOr()), t.location)
        }
        return try parseExpression()
    }

    /// An element of a display or call: `*x` or a named expression.
    private func parseStarNamedExpression() throws(SyntaxErrorInfo) -> Expr {
        if at("*") {
            let t = advance()
            return Expr(.starred(try parseBitOr()), t.location)
        }
        return try parseNamedExpression()
    }

    /// Assignment targets of `for` and comprehensions: `a, (b, *c)`; stops before `in`.
    func parseTargetList() throws(SyntaxErrorInfo) -> Expr {
        let first = try parseStarTarget()
        guard at(",") else { return first }
        var elts = [first]
        while accept(",") {
            guard startsExpression(tok) else { break }
            elts.append(try parseStarTarget())
        }
        return Expr(.tuple(elts), first.location)
    }

    func parseStarTarget() throws(SyntaxErrorInfo) -> Expr {
        if at("*") {
            let t = advance()
            return Expr(.starred(try parseBitOr()), t.location)
        }
        return try parseBitOr()
    }

    // MARK: Precedence levels

    /// `NAME := expression` or an expression.
    func parseNamedExpression() throws(SyntaxErrorInfo) -> Expr {
        if tok.kind == .name, peek().kind == .op, peek().text == ":=" {
            let n = advance()
            advance()
            let value = try parseExpression()
            return Expr(.namedExpr(target: Expr(.name(n.text), n.location), value: value), n.location)
        }
        let e = try parseExpression()
        if at(":=") {
            throw syntaxError("cannot use assignment expressions with \(expressionName(e))", at: e.location)
        }
        return e
    }

    /// `expression`: lambda, conditional expression, or a disjunction.
    func parseExpression() throws(SyntaxErrorInfo) -> Expr {
        try enter()
        defer { leave() }
        if atKeyword("lambda") { return try parseLambda() }
        let body = try parseDisjunction()
        guard acceptKeyword("if") else { return body }
        let test = try parseDisjunction()
        guard acceptKeyword("else") else { throw syntaxError("expected 'else' after 'if' expression", at: body.location) }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), body.location)
    }

    private func parseLambda() throws(SyntaxErrorInfo) -> Expr {
        let t = advance()
        let args = try parseParameters(lambda: true)
        try expect(":")
        let body = try parseExpression()
        return Expr(.lambda(args, body: body), t.location)
    }

    func parseDisjunction() throws(SyntaxErrorInfo) -> Expr {
        let first = try parseConjunction()
        guard atKeyword("or") else { return first }
        var values = [first]
        while acceptKeyword("or") { values.append(try parseConjunction()) }
        return Expr(.boolOp(.or, values), first.location)
    }

    private func parseConjunction() throws(SyntaxErrorInfo) -> Expr {
        let first = try parseInversion()
        guard atKeyword("and") else { return first }
        var values = [first]
        while acceptKeyword("and") { values.append(try parseInversion()) }
        return Expr(.boolOp(.and, values), first.location)
    }

    private func parseInversion() throws(SyntaxErrorInfo) -> Expr {
        guard atKeyword("not") else { return try parseComparison() }
        let t = advance()
        try enter()
        defer { leave() }
        return Expr(.unaryOp(.not, try parseInversion()), t.location)
    }

    private func comparisonOperator() -> CompareOperator? {
        let t = tok
        if t.kind == .op {
            switch t.text {
            case "==": return .eq
            case "!=": return .notEq
            case "<": return .lt
            case "<=": return .ltE
            case ">": return .gt
            case ">=": return .gtE
            default: return nil
            }
        }
        guard t.kind == .keyword else { return nil }
        switch t.text {
        case "in": return .in
        case "is": return peek().kind == .keyword && peek().text == "not" ? .isNot : .is
        case "not": return peek().kind == .keyword && peek().text == "in" ? .notIn : nil
        default: return nil
        }
    }

    private func parseComparison() throws(SyntaxErrorInfo) -> Expr {
        let left = try parseBitOr()
        var ops: [CompareOperator] = []
        var comparators: [Expr] = []
        while let op = comparisonOperator() {
            advance()
            if op == .isNot || op == .notIn { advance() }
            ops.append(op)
            comparators.append(try parseBitOr())
        }
        if ops.isEmpty { return left }
        return Expr(.compare(left: left, ops: ops, comparators: comparators), left.location)
    }

    private func binaryOperator(_ t: Token) -> (BinaryOperator, Int)? {
        guard t.kind == .op else { return nil }
        switch t.text {
        case "|": return (.bitor, 1)
        case "^": return (.bitxor, 2)
        case "&": return (.bitand, 3)
        case "<<": return (.lshift, 4)
        case ">>": return (.rshift, 4)
        case "+": return (.add, 5)
        case "-": return (.sub, 5)
        case "*": return (.mul, 6)
        case "@": return (.matmul, 6)
        case "/": return (.truediv, 6)
        case "//": return (.floordiv, 6)
        case "%": return (.mod, 6)
        default: return nil
        }
    }

    /// `bitwise_or` and everything below it down to `term`, by precedence climbing.
    func parseBitOr() throws(SyntaxErrorInfo) -> Expr {
        try parseBinary(1)
    }

    private func parseBinary(_ minPrecedence: Int) throws(SyntaxErrorInfo) -> Expr {
        var left = try parseFactor()
        let links = chainLinks
        defer { chainLinks = links }
        while let (op, precedence) = binaryOperator(tok), precedence >= minPrecedence {
            advance()
            try addLink()
            let right = try parseBinary(precedence + 1)
            left = Expr(.binOp(left, op, right), left.location)
        }
        return left
    }

    private func parseFactor() throws(SyntaxErrorInfo) -> Expr {
        let op: UnaryOperator
        if at("-") { op = .minus } else if at("+") { op = .plus } else if at("~") { op = .invert } else {
            return try parsePower()
        }
        let t = advance()
        try enter()
        defer { leave() }
        return Expr(.unaryOp(op, try parseFactor()), t.location)
    }

    private func parsePower() throws(SyntaxErrorInfo) -> Expr {
        let base: Expr
        if atKeyword("await") {
            let t = advance()
            try enter()
            defer { leave() }
            base = Expr(.await(try parsePrimary()), t.location)
        } else {
            base = try parsePrimary()
        }
        guard accept("**") else { return base }
        try enter()
        defer { leave() }
        return Expr(.binOp(base, .pow, try parseFactor()), base.location)
    }

    // MARK: Primaries

    private func parsePrimary() throws(SyntaxErrorInfo) -> Expr {
        var e = try parseAtom()
        let links = chainLinks
        defer { chainLinks = links }
        while true {
            if at(".") || at("(") || at("[") { try addLink() }
            if accept(".") {
                e = Expr(.attribute(e, name: try expectName()), e.location)
            } else if accept("(") {
                let (args, keywords) = try parseCallArguments()
                try expect(")")
                e = Expr(.call(function: e, args: args, keywords: keywords), e.location)
            } else if accept("[") {
                let index = try parseSlices()
                try expect("]")
                e = Expr(.subscript(e, index: index), e.location)
            } else {
                return e
            }
        }
    }

    /// Call (or class-bases) arguments up to, not including, the `)`.
    func parseCallArguments() throws(SyntaxErrorInfo) -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var seenKeyword = false, seenDoubleStar = false
        while !at(")") {
            let t = tok
            if accept("*") {
                if seenDoubleStar {
                    throw syntaxError("iterable argument unpacking follows keyword argument unpacking", at: t.location)
                }
                args.append(Expr(.starred(try parseExpression()), t.location))
            } else if accept("**") {
                keywords.append(Keyword(name: nil, value: try parseExpression(), location: t.location))
                seenDoubleStar = true
            } else if t.kind == .name, peek().kind == .op, peek().text == "=" {
                advance()
                advance()
                keywords.append(Keyword(name: t.text, value: try parseExpression(), location: t.location))
                seenKeyword = true
            } else {
                let e = try parseNamedExpression()
                if isComprehensionStart {
                    let generators = try parseComprehensionClauses()
                    if !args.isEmpty || !keywords.isEmpty || !at(")") {
                        throw syntaxError("Generator expression must be parenthesized", at: e.location)
                    }
                    args.append(Expr(.generatorExp(element: e, generators: generators), e.location))
                    break
                }
                if at("=") {
                    if case .constant(let c) = e.kind, let n = constantKeywordName(c) {
                        throw syntaxError("cannot assign to \(n)", at: e.location)
                    }
                    throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: e.location)
                }
                if seenDoubleStar {
                    throw syntaxError("positional argument follows keyword argument unpacking", at: e.location)
                }
                if seenKeyword { throw syntaxError("positional argument follows keyword argument", at: e.location) }
                args.append(e)
            }
            if !accept(",") {
                if startsExpression(tok) { throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: t.location) }
                break
            }
        }
        return (args, keywords)
    }

    /// A subscript: one slice/expression, or a tuple of them.
    private func parseSlices() throws(SyntaxErrorInfo) -> Expr {
        let first = try parseSlice()
        guard at(",") else { return first }
        var elts = [first]
        while accept(",") {
            if at("]") { break }
            elts.append(try parseSlice())
        }
        return Expr(.tuple(elts), first.location)
    }

    private func parseSlice() throws(SyntaxErrorInfo) -> Expr {
        let start = tok.location
        if at("*") { return try parseStarNamedExpression() }
        var lower: Expr?
        if !at(":") {
            let e = try parseNamedExpression()
            guard at(":") else { return e }
            lower = e
        }
        try expect(":")
        let upper = at(":") || at(",") || at("]") ? nil : try parseExpression()
        var step: Expr?
        if accept(":"), !at(",") && !at("]") { step = try parseExpression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), start)
    }

    // MARK: Atoms

    private func parseAtom() throws(SyntaxErrorInfo) -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(t.text), t.location)
        case .number:
            advance()
            return Expr(.constant(t.number!), t.location)
        case .string:
            return try parseStrings()
        case .keyword:
            switch t.text {
            case "None":
                advance()
                return Expr(.constant(.none), t.location)
            case "True", "False":
                advance()
                return Expr(.constant(.bool(t.text == "True")), t.location)
            default:
                throw syntaxError()
            }
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...":
                advance()
                return Expr(.constant(.ellipsis), t.location)
            default:
                throw syntaxError()
            }
        default:
            throw syntaxError()
        }
    }

    func parseYield() throws(SyntaxErrorInfo) -> Expr {
        let t = advance()
        if acceptKeyword("from") { return Expr(.yieldFrom(try parseExpression()), t.location) }
        return Expr(.yield(startsExpression(tok) ? try parseStarExpressions() : nil), t.location)
    }

    var isComprehensionStart: Bool {
        atKeyword("for") || (atKeyword("async") && peek().kind == .keyword && peek().text == "for")
    }

    func parseComprehensionClauses() throws(SyntaxErrorInfo) -> [Comprehension] {
        var generators: [Comprehension] = []
        while isComprehensionStart {
            let isAsync = acceptKeyword("async")
            advance()
            let target = try parseTargetList()
            try checkTarget(target, deleting: false)
            try expectKeyword("in")
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while acceptKeyword("if") { ifs.append(try parseDisjunction()) }
            generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return generators
    }

    private func rejectStarredInComprehension(_ e: Expr) throws(SyntaxErrorInfo) {
        if case .starred = e.kind {
            throw syntaxError("iterable unpacking cannot be used in comprehension", at: e.location)
        }
    }

    /// Remaining `, elt` items up to `closer`; diagnoses a missing comma.
    private func parseElements(_ first: Expr, closer: String) throws(SyntaxErrorInfo) -> [Expr] {
        var elts = [first]
        while accept(",") {
            if at(closer) { break }
            elts.append(try parseStarNamedExpression())
        }
        if !at(closer) && startsExpression(tok) {
            throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: elts[elts.count - 1].location)
        }
        try expect(closer)
        return elts
    }

    private func parseParenthesized() throws(SyntaxErrorInfo) -> Expr {
        let open = advance()
        if accept(")") { return Expr(.tuple([]), open.location) }
        if atKeyword("yield") {
            let y = try parseYield()
            try expect(")")
            return y
        }
        let first = try parseStarNamedExpression()
        if isComprehensionStart {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect(")")
            return Expr(.generatorExp(element: first, generators: generators), open.location)
        }
        if accept(")") {
            if case .starred = first.kind { throw syntaxError("cannot use starred expression here", at: first.location) }
            return first
        }
        if !at(",") && startsExpression(tok) {
            throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: first.location)
        }
        return Expr(.tuple(try parseElements(first, closer: ")")), open.location)
    }

    private func parseListDisplay() throws(SyntaxErrorInfo) -> Expr {
        let open = advance()
        if accept("]") { return Expr(.list([]), open.location) }
        let first = try parseStarNamedExpression()
        if isComprehensionStart {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect("]")
            return Expr(.listComp(element: first, generators: generators), open.location)
        }
        return Expr(.list(try parseElements(first, closer: "]")), open.location)
    }

    private func parseBraceDisplay() throws(SyntaxErrorInfo) -> Expr {
        let open = advance()
        if accept("}") { return Expr(.dict(keys: [], values: []), open.location) }
        if accept("**") {
            let value = try parseBitOr()
            if isComprehensionStart {
                throw syntaxError("dict unpacking cannot be used in dict comprehension", at: value.location)
            }
            return try parseDictRest(keys: [nil], values: [value], open: open)
        }
        let first = try parseStarNamedExpression()
        if accept(":") {
            let value = try parseExpression()
            if isComprehensionStart {
                let generators = try parseComprehensionClauses()
                try expect("}")
                return Expr(.dictComp(key: first, value: value, generators: generators), open.location)
            }
            if !at(",") && !at("}") && startsExpression(tok) {
                throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: value.location)
            }
            return try parseDictRest(keys: [first], values: [value], open: open)
        }
        if isComprehensionStart {
            try rejectStarredInComprehension(first)
            let generators = try parseComprehensionClauses()
            try expect("}")
            return Expr(.setComp(element: first, generators: generators), open.location)
        }
        return Expr(.set(try parseElements(first, closer: "}")), open.location)
    }

    private func parseDictRest(keys: [Expr?], values: [Expr], open: Token) throws(SyntaxErrorInfo) -> Expr {
        var keys = keys, values = values
        while accept(",") {
            if at("}") { break }
            if accept("**") {
                keys.append(nil)
                values.append(try parseBitOr())
            } else {
                keys.append(try parseExpression())
                try expect(":", "':' expected after dictionary key")
                values.append(try parseExpression())
            }
        }
        if !at("}") && startsExpression(tok) {
            throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: values[values.count - 1].location)
        }
        try expect("}")
        return Expr(.dict(keys: keys, values: values), open.location)
    }
}
