/// Splits an f-string body into literal text and replacement fields; each field's
/// expression is parsed by a nested `Parser` over that slice of the source.
struct FStringParser {
    private let body: [Unicode.Scalar]
    private let isRaw: Bool
    private let location: SourceLocation
    private let bodyLocation: SourceLocation
    private let parser: Parser
    private var i = 0
    private var cachedIndex = 0
    private var cachedLocation: SourceLocation

    init(literal: StringLiteral, location: SourceLocation, parser: Parser) {
        body = literal.body
        isRaw = literal.isRaw
        self.location = location
        bodyLocation = literal.bodyLocation
        cachedLocation = literal.bodyLocation
        self.parser = parser
    }

    mutating func parse() throws(SyntaxErrorInfo) -> [Expr] {
        try parseParts(specLevel: 0)
    }

    /// Source location of `body[index]`.
    private mutating func sourceLocation(_ index: Int) -> SourceLocation {
        if index < cachedIndex {
            cachedIndex = 0
            cachedLocation = bodyLocation
        }
        while cachedIndex < index {
            if body[cachedIndex] == "\n" {
                cachedLocation = SourceLocation(line: cachedLocation.line + 1, column: 0)
            } else {
                cachedLocation.column += 1
            }
            cachedIndex += 1
        }
        return cachedLocation
    }

    private mutating func error(_ message: String, at index: Int) -> SyntaxErrorInfo {
        parser.syntaxError(message, at: sourceLocation(min(index, body.count)))
    }

    private func flush(_ literal: inout String, into parts: inout [Expr]) {
        if !literal.isEmpty { appendFStringPart(&parts, Expr(.constant(.str(literal)), location)) }
        literal = ""
    }

    /// Literal text and fields up to the end of the body, or (in a format spec) up to its `}`.
    private mutating func parseParts(specLevel: Int) throws(SyntaxErrorInfo) -> [Expr] {
        var parts: [Expr] = []
        var literal = ""
        while i < body.count {
            let c = body[i]
            if c == "{" {
                if specLevel == 0 && i + 1 < body.count && body[i + 1] == "{" {
                    literal += "{"
                    i += 2
                    continue
                }
                flush(&literal, into: &parts)
                try parseField(into: &parts, specLevel: specLevel)
                continue
            }
            if c == "}" {
                if specLevel > 0 { break }
                if i + 1 < body.count && body[i + 1] == "}" {
                    literal += "}"
                    i += 2
                    continue
                }
                throw error("f-string: single '}' is not allowed", at: i)
            }
            let start = i
            while i < body.count && body[i] != "{" && body[i] != "}" {
                if body[i] == "\\" && !isRaw && i + 1 < body.count {
                    if body[i + 1] == "N", i + 2 < body.count, body[i + 2] == "{",
                       let close = body[i...].firstIndex(of: "}") {
                        i = close + 1
                    } else {
                        i += 2
                    }
                } else {
                    i += 1
                }
            }
            do {
                literal += try decodeStringBody(body[start..<i], raw: isRaw)
            } catch {
                throw parser.syntaxError(error.message, at: location)
            }
        }
        flush(&literal, into: &parts)
        return parts
    }

    private mutating func parseField(into parts: inout [Expr], specLevel: Int) throws(SyntaxErrorInfo) {
        if specLevel >= 2 { throw error("f-string: expressions nested too deeply", at: i) }
        let open = i
        i += 1
        let exprStart = i
        var stack: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        scan: while i < body.count {
            let c = body[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            switch c {
            case "\\": throw error("f-string expression part cannot include a backslash", at: i)
            case "#": throw error("f-string expression part cannot include '#'", at: i)
            case "'", "\"": quote = c
            case "(", "[", "{": stack.append(c)
            case ")", "]", "}":
                guard let top = stack.popLast() else {
                    if c == "}" { break scan }
                    throw error("f-string: unmatched '\(c)'", at: i)
                }
                let expected: Unicode.Scalar = top == "(" ? ")" : top == "[" ? "]" : "}"
                if c != expected {
                    throw error("f-string: closing parenthesis '\(c)' does not match opening parenthesis '\(top)'", at: i)
                }
            case "=", "!", "<", ">":
                if i + 1 < body.count && body[i + 1] == "=" {
                    i += 2
                    continue scan
                }
                if stack.isEmpty && (c == "=" || c == "!") { break scan }
            case ":":
                if stack.isEmpty { break scan }
            default: break
            }
            i += 1
        }
        if quote != nil { throw error("f-string: unterminated string", at: i) }
        if i >= body.count { throw error("f-string: expecting '}'", at: open) }
        if body[exprStart..<i].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw error("f-string: empty expression not allowed", at: i)
        }
        let value = try parseExpression(exprStart..<i)
        var literal = ""
        var conversion: Character?
        var formatSpec: Expr?
        var debug = false
        if body[i] == "=" {
            debug = true
            i += 1
            while i < body.count, body[i] == " " || body[i] == "\t" || body[i] == "\n" { i += 1 }
            literal = String(String.UnicodeScalarView(body[exprStart..<i]))
        }
        if i < body.count && body[i] == "!" {
            i += 1
            guard i < body.count, body[i] != "}", body[i] != ":" else {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: i)
            }
            guard body[i] == "s" || body[i] == "r" || body[i] == "a" else {
                throw error("f-string: invalid conversion character '\(body[i])': expected 's', 'r', or 'a'", at: i)
            }
            conversion = Character(body[i])
            i += 1
        }
        if i < body.count && body[i] == ":" {
            i += 1
            let specLocation = sourceLocation(i)
            formatSpec = Expr(.joinedStr(try parseParts(specLevel: specLevel + 1)), specLocation)
        }
        guard i < body.count, body[i] == "}" else { throw error("f-string: expecting '}'", at: i) }
        i += 1
        if debug && conversion == nil && formatSpec == nil { conversion = "r" }
        flush(&literal, into: &parts)
        parts.append(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec),
                          sourceLocation(open)))
    }

    private mutating func parseExpression(_ range: Range<Int>) throws(SyntaxErrorInfo) -> Expr {
        let start = sourceLocation(range.lowerBound)
        let lexer = Lexer(scalars: Array(body[range]), filename: parser.filename, start: start, embedded: true)
        let sub = Parser(lexer: lexer, depth: parser.depth + 1, root: parser.rootLexer)
        do {
            return try sub.parseFStringField()
        } catch {
            var e = error
            if !e.message.hasPrefix("f-string") { e.message = "f-string: " + e.message }
            e.lineText = parser.rootLexer.lineText(e.line)
            throw e
        }
    }
}
