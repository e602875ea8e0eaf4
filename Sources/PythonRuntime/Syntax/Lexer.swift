import BigInt

/// Turns source text into tokens, including NEWLINE/INDENT/DEDENT.
/// Tokenizes everything up front; on an error it appends an `.error` token and
/// stops, so the parser reports the error only when it gets that far.
struct Lexer {
    static let maxIndentLevels = 100
    static let maxBracketDepth = 200

    let src: [Unicode.Scalar]
    let filename: String
    private(set) var tokens: [Token] = []
    private(set) var error: SyntaxErrorInfo?
    /// The error is only the input running out (open bracket, triple-quoted string, trailing `\`).
    private(set) var incompleteAtEOF = false
    /// The error is one CPython reports in preference to an earlier parse error.
    private(set) var errorOverridesParser = false
    /// The error is an open bracket at the end of input.
    private(set) var unclosedBracket = false

    private var pos = 0
    private var line: Int
    private var lineStart: Int
    private let firstLine: Int
    private var lineStarts: [Int] = [0]
    private var indents: [Int] = [0]
    private var brackets: [(char: Unicode.Scalar, loc: SourceLocation)] = []
    private var atLineStart = true
    /// Lexing an f-string replacement field: behave as if inside brackets.
    private let embedded: Bool

    init(_ source: String, filename: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.utf8.count)
        var lastCR = false
        for s in source.unicodeScalars {
            if s == "\r" {
                scalars.append("\n")
                lastCR = true
                continue
            }
            if s == "\n" && lastCR {
                lastCR = false
                continue
            }
            lastCR = false
            scalars.append(s)
        }
        self.init(scalars: scalars, filename: filename, start: SourceLocation(line: 1, column: 0), embedded: false)
    }

    init(scalars: [Unicode.Scalar], filename: String, start: SourceLocation, embedded: Bool) {
        src = scalars
        self.filename = filename
        line = start.line
        firstLine = start.line
        lineStart = -start.column
        self.embedded = embedded
    }

    // MARK: Positions

    private func location(_ p: Int) -> SourceLocation {
        SourceLocation(line: line, column: p - lineStart)
    }

    private mutating func newLine() {
        line += 1
        lineStart = pos
        lineStarts.append(pos)
    }

    /// Text of source line `n` (1-based), without its newline.
    func lineText(_ n: Int) -> String {
        let idx = n - firstLine
        guard idx >= 0, idx < lineStarts.count else { return "" }
        let start = max(0, lineStarts[idx])
        var end = start
        while end < src.count && src[end] != "\n" { end += 1 }
        return String(String.UnicodeScalarView(src[start..<end]))
    }

    private mutating func fail(_ message: String, _ loc: SourceLocation, kind: String = "SyntaxError", incomplete: Bool = false) {
        error = SyntaxErrorInfo(kind: kind, message: message, filename: filename,
                                line: loc.line, column: loc.column + 1, lineText: lineText(loc.line))
        incompleteAtEOF = incomplete
        tokens.append(Token(.error, "", loc))
    }

    private mutating func failOverriding(_ message: String, _ loc: SourceLocation, incomplete: Bool = false) {
        fail(message, loc, incomplete: incomplete)
        errorOverridesParser = true
    }

    private mutating func emit(_ kind: TokenKind, _ text: String, _ loc: SourceLocation) {
        tokens.append(Token(kind, text, loc))
    }

    // MARK: Main loop

    mutating func tokenize() -> [Token] {
        tokens.reserveCapacity(src.count / 3 + 8)
        while error == nil {
            if atLineStart && brackets.isEmpty && !embedded {
                if !beginLine() { continue }
            }
            while pos < src.count, src[pos] == " " || src[pos] == "\t" || src[pos] == "\u{0C}" { pos += 1 }
            guard pos < src.count else {
                finish()
                break
            }
            let c = src[pos]
            let loc = location(pos)
            switch c {
            case "#":
                while pos < src.count && src[pos] != "\n" { pos += 1 }
            case "\n":
                if brackets.isEmpty && !embedded {
                    emit(.newline, "", loc)
                    atLineStart = true
                }
                pos += 1
                newLine()
            case "\\":
                if pos + 1 < src.count && src[pos + 1] == "\n" {
                    pos += 2
                    newLine()
                    if pos >= src.count {
                        fail("unexpected EOF while parsing", location(pos), incomplete: true)
                    }
                } else if pos + 1 >= src.count {
                    fail("unexpected EOF while parsing", loc, incomplete: true)
                } else {
                    fail("unexpected character after line continuation character", location(pos + 1))
                }
            case "\"", "'":
                lexString(start: pos, prefix: "")
            case "0"..."9":
                lexNumber()
            case ".":
                if pos + 1 < src.count, ("0"..."9").contains(src[pos + 1]) { lexNumber() } else { lexOperator() }
            default:
                if isIdentifierStart(c) { lexNameOrString() } else { lexOperator() }
            }
        }
        return tokens
    }

    /// Measures a new line's indentation and emits INDENT/DEDENT. Returns false
    /// when the line was blank or comment-only (consumed) or on error.
    private mutating func beginLine() -> Bool {
        var col = 0
        while pos < src.count {
            let c = src[pos]
            if c == " " { col += 1 } else if c == "\t" { col = (col / 8 + 1) * 8 } else if c == "\u{0C}" { col = 0 } else { break }
            pos += 1
        }
        atLineStart = false
        if pos >= src.count { return true }
        let c = src[pos]
        if c == "#" || c == "\n" {
            while pos < src.count && src[pos] != "\n" { pos += 1 }
            if pos < src.count {
                pos += 1
                newLine()
            }
            atLineStart = true
            return false
        }
        let loc = location(pos)
        if col > indents[indents.count - 1] {
            if indents.count > Lexer.maxIndentLevels {
                fail("too many levels of indentation", loc, kind: "IndentationError")
                return false
            }
            indents.append(col)
            emit(.indent, "", loc)
        } else {
            while col < indents[indents.count - 1] {
                indents.removeLast()
                emit(.dedent, "", loc)
            }
            if col != indents[indents.count - 1] {
                // CPython puts the caret just past the end of the line.
                var end = pos
                while end < src.count && src[end] != "\n" { end += 1 }
                fail("unindent does not match any outer indentation level", location(end), kind: "IndentationError")
                return false
            }
        }
        return true
    }

    private mutating func finish() {
        let loc = location(pos)
        if embedded {
            emit(.endMarker, "", loc)
            return
        }
        if let open = brackets.last {
            fail("'\(open.char)' was never closed", open.loc, incomplete: true)
            unclosedBracket = true
            return
        }
        if let last = tokens.last, last.kind != .newline {
            emit(.newline, "", loc)
        }
        for _ in 1..<indents.count { emit(.dedent, "", loc) }
        indents = [0]
        emit(.endMarker, "", loc)
    }

    // MARK: Names

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
        }
        return c.properties.isXIDStart
    }

    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
        }
        return c.properties.isXIDContinue
    }

    private mutating func lexNameOrString() {
        let start = pos
        while pos < src.count && isIdentifierContinue(src[pos]) { pos += 1 }
        let name = String(String.UnicodeScalarView(src[start..<pos]))
        if pos < src.count, src[pos] == "\"" || src[pos] == "'", pos - start <= 2 {
            switch name.lowercased() {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf":
                lexString(start: start, prefix: name)
                return
            default: break
            }
        }
        emit(pythonKeywords.contains(name) ? .keyword : .name, name, location(start))
    }

    // MARK: Numbers

    private func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "0"..."9": return Int(c.value - 48)
        case "a"..."z": return Int(c.value - 97 + 10)
        case "A"..."Z": return Int(c.value - 65 + 10)
        default: return nil
        }
    }

    /// Digits of `radix` with single underscores between them; `leadingUnderscore`
    /// allows `0x_1`.
    private mutating func scanDigits(radix: Int, leadingUnderscore: Bool, into text: inout String) {
        var first = true
        while pos < src.count {
            let c = src[pos]
            if c == "_", first ? leadingUnderscore : true, pos + 1 < src.count,
               let d = digitValue(src[pos + 1]), d < radix {
                pos += 1
                continue
            }
            guard let d = digitValue(c), d < radix else { break }
            text.unicodeScalars.append(c)
            pos += 1
            first = false
        }
    }

    /// CPython lets a number run straight into some keywords (`1if x else y`).
    private func keywordFollows() -> Bool {
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            var ok = true
            for (k, ch) in kw.unicodeScalars.enumerated() where pos + k >= src.count || src[pos + k] != ch {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    private func endsCleanly() -> Bool {
        pos >= src.count || !isIdentifierContinue(src[pos]) || keywordFollows()
    }

    private mutating func lexNumber() {
        let start = pos
        let loc = location(start)
        var token = Token(.number, "", loc)
        if src[pos] == "0", pos + 1 < src.count, "xXoObB".unicodeScalars.contains(src[pos + 1]) {
            let p = src[pos + 1].properties.lowercaseMapping
            let (radix, kind) = p == "x" ? (16, "hexadecimal") : p == "o" ? (8, "octal") : (2, "binary")
            pos += 2
            var digits = ""
            scanDigits(radix: radix, leadingUnderscore: true, into: &digits)
            if pos < src.count, radix < 10, let d = digitValue(src[pos]), d < 10 {
                failOverriding("invalid digit '\(src[pos])' in \(kind) literal", location(pos))
                return
            }
            if digits.isEmpty || !endsCleanly() {
                failOverriding("invalid \(kind) literal", location(digits.isEmpty ? start : pos))
                return
            }
            token.number = .int(BigInt(BigIntConversion.value(digits, radix: radix)!))
            tokens.append(token)
            return
        }
        var text = ""
        var isFloat = false
        scanDigits(radix: 10, leadingUnderscore: false, into: &text)
        if pos < src.count && src[pos] == "." {
            isFloat = true
            text += "."
            pos += 1
            if pos < src.count && src[pos] != "_" { scanDigits(radix: 10, leadingUnderscore: false, into: &text) }
        }
        if pos < src.count, src[pos] == "e" || src[pos] == "E" {
            var q = pos + 1
            if q < src.count, src[q] == "+" || src[q] == "-" { q += 1 }
            if q < src.count, ("0"..."9").contains(src[q]) {
                text += "e" + (q == pos + 2 ? String(src[pos + 1]) : "")
                pos = q
                isFloat = true
                scanDigits(radix: 10, leadingUnderscore: false, into: &text)
            }
        }
        if pos < src.count, src[pos] == "j" || src[pos] == "J" {
            pos += 1
            guard endsCleanly() else {
                failOverriding("invalid imaginary literal", location(start))
                return
            }
            token.number = .imaginary(Double(text) ?? .infinity)
            tokens.append(token)
            return
        }
        guard endsCleanly() else {
            failOverriding("invalid decimal literal", location(pos))
            return
        }
        if isFloat {
            token.number = .float(Double(text) ?? .infinity)
        } else {
            if text.count > 1, text.first == "0", text.contains(where: { $0 != "0" }) {
                failOverriding("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", loc)
                return
            }
            token.number = .int(BigInt(BigIntConversion.value(text, radix: 10)!))
        }
        tokens.append(token)
    }

    // MARK: Strings

    private mutating func lexString(start: Int, prefix: String) {
        let loc = location(start)
        var lit = StringLiteral()
        for ch in prefix.lowercased() {
            if ch == "b" { lit.isBytes = true }
            if ch == "r" { lit.isRaw = true }
            if ch == "f" { lit.isFormatted = true }
        }
        let q = src[pos]
        let triple = pos + 2 < src.count && src[pos + 1] == q && src[pos + 2] == q
        pos += triple ? 3 : 1
        let bodyStart = pos
        lit.bodyLocation = location(pos)
        var continued = false
        while true {
            guard pos < src.count else {
                // A final newline does not start a line of its own.
                let lastLine = pos > 0 && src[pos - 1] == "\n" ? line - 1 : line
                if triple {
                    failOverriding("unterminated triple-quoted string literal (detected at line \(lastLine))", loc, incomplete: true)
                } else {
                    failOverriding("unterminated string literal (detected at line \(lastLine))", loc, incomplete: continued)
                }
                return
            }
            let c = src[pos]
            continued = false
            if c == "\\" {
                if pos + 1 < src.count && src[pos + 1] == "\n" {
                    pos += 2
                    newLine()
                    continued = true
                } else {
                    pos += min(2, src.count - pos)
                }
                continue
            }
            if c == "\n" {
                if !triple {
                    failOverriding("unterminated string literal (detected at line \(line))", loc)
                    return
                }
                pos += 1
                newLine()
                continue
            }
            if c == q && (!triple || (pos + 2 < src.count && src[pos + 1] == q && src[pos + 2] == q)) { break }
            pos += 1
        }
        lit.body = Array(src[bodyStart..<pos])
        pos += triple ? 3 : 1
        if !lit.isFormatted {
            do {
                if lit.isBytes {
                    lit.bytes = try decodeBytesBody(lit.body[...], raw: lit.isRaw)
                } else {
                    lit.text = try decodeStringBody(lit.body[...], raw: lit.isRaw)
                }
            } catch {
                fail(error.message, loc)
                return
            }
        }
        var token = Token(.string, "", loc)
        token.string = lit
        tokens.append(token)
    }

    // MARK: Operators

    private static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let twoCharOps: Set<String> = [
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "@=", ":=",
    ]
    private static let oneCharOps: Set<Unicode.Scalar> = Set("+-*/%@&|^~<>()[]{},:.;=".unicodeScalars)

    private mutating func lexOperator() {
        let loc = location(pos)
        let c = src[pos]
        // Longest match first: `**=` before `**` before `*`.
        for (length, ops) in [(3, Lexer.threeCharOps), (2, Lexer.twoCharOps)] where pos + length <= src.count {
            let s = String(String.UnicodeScalarView(src[pos..<pos + length]))
            if ops.contains(s) {
                pos += length
                emit(.op, s, loc)
                return
            }
        }
        guard Lexer.oneCharOps.contains(c) else {
            if c.value >= 128 {
                let hex = String(c.value, radix: 16, uppercase: true)
                fail("invalid character '\(c)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))", loc)
            } else if c.value < 32 || c.value == 127 {
                let hex = String(c.value, radix: 16, uppercase: true)
                fail("invalid non-printable character U+\(String(repeating: "0", count: 4 - hex.count) + hex)", loc)
            } else {
                fail("invalid syntax", loc)
            }
            return
        }
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                fail("too many nested parentheses", loc)
                return
            }
            brackets.append((c, loc))
        case ")", "]", "}":
            guard let open = brackets.last else {
                failOverriding("unmatched '\(c)'", loc)
                return
            }
            let expected: Unicode.Scalar = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
            if c != expected {
                let suffix = open.loc.line != loc.line ? " on line \(open.loc.line)" : ""
                failOverriding("closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)'\(suffix)", loc)
                return
            }
            brackets.removeLast()
        default: break
        }
        pos += 1
        emit(.op, String(c), loc)
    }
}
