// Adjacent string literals: concatenation, bytes/str mixing, f-strings.

extension Parser {
    func parseStrings() throws(SyntaxErrorInfo) -> Expr {
        let first = tok
        var literals: [(StringLiteral, SourceLocation)] = []
        while tok.kind == .string {
            let t = advance()
            literals.append((t.string!, t.location))
        }
        let bytesCount = literals.filter { $0.0.isBytes }.count
        if bytesCount > 0 {
            guard bytesCount == literals.count else {
                throw syntaxError("cannot mix bytes and nonbytes literals", at: first.location)
            }
            return Expr(.constant(.bytes(literals.flatMap { $0.0.bytes })), first.location)
        }
        if !literals.contains(where: { $0.0.isFormatted }) {
            return Expr(.constant(.str(literals.map { $0.0.text }.joined())), first.location)
        }
        var parts: [Expr] = []
        for (lit, loc) in literals {
            if lit.isFormatted {
                var fp = FStringParser(literal: lit, location: loc, parser: self)
                for part in try fp.parse() { appendFStringPart(&parts, part) }
            } else if !lit.text.isEmpty {
                appendFStringPart(&parts, Expr(.constant(.str(lit.text)), loc))
            }
        }
        return Expr(.joinedStr(parts), first.location)
    }
}

/// Appends to a joinedStr's parts, merging adjacent constant strings.
func appendFStringPart(_ parts: inout [Expr], _ part: Expr) {
    if case .constant(.str(let s)) = part.kind, let last = parts.last, case .constant(.str(let prev)) = last.kind {
        parts[parts.count - 1] = Expr(.constant(.str(prev + s)), last.location)
    } else {
        parts.append(part)
    }
}
