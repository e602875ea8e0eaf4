/// Parses Python source into the AST.
/// `.module` and `.interactive` give `.statements`; `.expression` gives `.expression`.
/// `.interactive` reads one complete interactive input (which may be a compound statement).
public func parsePython(_ source: String, filename: String, mode: ParseMode) throws(SyntaxErrorInfo) -> ParsedSource {
    if source.utf8.contains(0) {
        throw SyntaxErrorInfo(message: "source code string cannot contain null bytes", filename: filename,
                              line: 1, column: 1, lineText: "")
    }
    let parser = Parser(lexer: Lexer(source, filename: filename))
    do {
        switch mode {
        case .module: return .statements(try parser.parseModule())
        case .interactive: return .statements(try parser.parseInteractive())
        case .expression: return .expression(try parser.parseEvalInput())
        }
    } catch {
        throw parser.preferredError(error)
    }
}

/// Recursive-descent parser over the token array produced by `Lexer`.
final class Parser {
    /// Limit on expression nesting, so hostile input gives a SyntaxError, not a stack overflow.
    static let maxDepth = 250
    /// Limit on the links of left-nested chains (`1+1+...`, `a.b.c...`, `f()()...`)
    /// open at once. The parser builds them in a loop, but the compiler walks
    /// (and Swift frees) the tree they make by recursion, one level per link.
    /// CPython 3.11 stops between 1,000 and 5,000 such links ("maximum recursion
    /// depth exceeded during compilation").
    static let maxChainLinks = 3000

    /// Links of left-nested chains being built (see `maxChainLinks`).
    var chainLinks = 0

    let tokens: [Token]
    let lexer: Lexer
    /// The outermost source's lexer, for error line text inside f-string fields.
    let rootLexer: Lexer
    let filename: String
    var index = 0
    var depth: Int

    init(lexer: Lexer, depth: Int = 0, root: Lexer? = nil) {
        var lexer = lexer
        tokens = lexer.tokenize()
        self.lexer = lexer
        rootLexer = root ?? lexer
        filename = lexer.filename
        self.depth = depth
    }

    // MARK: Token access

    var tok: Token { tokens[index] }

    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }

    @discardableResult
    func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func at(_ op: String) -> Bool { tok.kind == .op && tok.text == op }

    func atKeyword(_ kw: String) -> Bool { tok.kind == .keyword && tok.text == kw }

    func accept(_ op: String) -> Bool {
        guard at(op) else { return false }
        advance()
        return true
    }

    func acceptKeyword(_ kw: String) -> Bool {
        guard atKeyword(kw) else { return false }
        advance()
        return true
    }

    @discardableResult
    func expect(_ op: String, _ message: String = "invalid syntax") throws(SyntaxErrorInfo) -> Token {
        guard at(op) else { throw syntaxError(message) }
        return advance()
    }

    func expectKeyword(_ kw: String, _ message: String = "invalid syntax") throws(SyntaxErrorInfo) {
        guard acceptKeyword(kw) else { throw syntaxError(message) }
    }

    func expectName() throws(SyntaxErrorInfo) -> String {
        guard tok.kind == .name else { throw syntaxError() }
        return advance().text
    }

    /// True where the simple statement being parsed ends.
    var atStatementEnd: Bool { tok.kind == .newline || at(";") || tok.kind == .endMarker }

    // MARK: Errors

    /// An error at `location`; the lexer's own error wins if the parser stopped on it.
    func syntaxError(_ message: String = "invalid syntax", at location: SourceLocation? = nil,
                     kind: String = "SyntaxError") -> SyntaxErrorInfo {
        if location == nil, tok.kind == .error, let e = lexer.error { return e }
        let loc = location ?? tok.location
        return SyntaxErrorInfo(kind: kind, message: message, filename: filename, line: loc.line,
                               column: loc.column + 1, lineText: rootLexer.lineText(loc.line))
    }

    /// CPython reports some tokenizer errors even when parsing failed earlier in the file.
    func preferredError(_ e: SyntaxErrorInfo) -> SyntaxErrorInfo {
        guard let lexError = lexer.error, e != lexError else { return e }
        if e.kind == "IndentationError" && e.message == "unexpected indent" { return e }
        if lexer.errorOverridesParser { return lexError }
        // A parse error inside a bracket that is never closed is reported as the bracket.
        if lexer.unclosedBracket, (e.line, e.column) > (lexError.line, lexError.column) { return lexError }
        return e
    }

    func enter() throws(SyntaxErrorInfo) {
        depth += 1
        if depth > Parser.maxDepth { throw syntaxError("too many nested expressions") }
    }

    func leave() { depth -= 1 }

    /// One more link in a left-nested chain; the caller restores `chainLinks`
    /// when its chain ends.
    func addLink() throws(SyntaxErrorInfo) {
        chainLinks += 1
        if chainLinks > Parser.maxChainLinks { throw syntaxError("too many nested expressions") }
    }

    // MARK: Entry points

    func parseModule() throws(SyntaxErrorInfo) -> [Stmt] {
        var body: [Stmt] = []
        while tok.kind != .endMarker {
            if tok.kind == .newline {
                advance()
                continue
            }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    func parseInteractive() throws(SyntaxErrorInfo) -> [Stmt] {
        while tok.kind == .newline { advance() }
        if tok.kind == .endMarker { return [] }
        let body = try parseStatement()
        while tok.kind == .newline { advance() }
        guard tok.kind == .endMarker else {
            throw syntaxError("multiple statements found while compiling a single statement")
        }
        return body
    }

    func parseEvalInput() throws(SyntaxErrorInfo) -> Expr {
        while tok.kind == .newline || tok.kind == .indent { advance() }
        let e = try parseStarExpressions()
        while tok.kind == .newline || tok.kind == .dedent { advance() }
        guard tok.kind == .endMarker else { throw syntaxError() }
        return e
    }

    /// A replacement field's expression inside an f-string.
    func parseFStringField() throws(SyntaxErrorInfo) -> Expr {
        let e = atKeyword("yield") ? try parseYield() : try parseStarExpressions()
        if case .starred = e.kind { throw syntaxError("can't use starred expression here", at: e.location) }
        if startsExpression(tok) { throw syntaxError("invalid syntax. Perhaps you forgot a comma?", at: e.location) }
        guard tok.kind == .endMarker else { throw syntaxError() }
        return e
    }
}

/// True when `source` is an incomplete interactive input that needs more lines
/// (open brackets, a trailing backslash, an unterminated triple-quoted string,
/// a compound statement header ending in ':' or a block not yet closed by a blank line).
/// Each entered line is expected to end with "\n", so a closed block ends in "\n\n".
public func isIncompletePythonInput(_ source: String) -> Bool {
    var lexer = Lexer(source, filename: "<stdin>")
    let tokens = lexer.tokenize()
    if lexer.error != nil { return lexer.incompleteAtEOF }
    let significant = tokens.filter { $0.kind != .indent && $0.kind != .dedent && $0.kind != .endMarker }
    var end = significant.count - 1
    if end >= 0 && significant[end].kind == .newline { end -= 1 }
    guard end >= 0 else { return false }
    var start = end
    while start > 0 && significant[start - 1].kind != .newline { start -= 1 }
    let last = significant[end]
    if last.kind == .op && last.text == ":" { return true }
    if significant[start].kind == .op && significant[start].text == "@" { return true }
    let first = significant[0]
    let compoundKeywords: Set<String> = ["if", "while", "for", "try", "with", "def", "class", "async"]
    let isCompound = tokens.contains { $0.kind == .indent }
        || (first.kind == .keyword && compoundKeywords.contains(first.text))
        || (first.kind == .op && first.text == "@")
    guard isCompound else { return false }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 3 else { return true }
    func isBlank(_ s: Substring) -> Bool { s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
    return !(isBlank(lines[lines.count - 1]) && isBlank(lines[lines.count - 2]))
}
