import BigInt

enum TokenKind: Equatable {
    case name
    case keyword
    /// Operators and delimiters; `Token.text` holds the spelling.
    case op
    case number
    case string
    case newline
    case indent
    case dedent
    case endMarker
    /// The lexer stopped here; the parser reports the lexer's error when it reaches it.
    case error
}

/// A string literal as written: flags from its prefix plus the text between the quotes.
struct StringLiteral {
    var isBytes = false
    var isRaw = false
    var isFormatted = false
    /// Source text between the quotes, escapes not yet processed.
    var body: [Unicode.Scalar] = []
    /// Where `body[0]` sits in the source.
    var bodyLocation = SourceLocation(line: 1, column: 0)
    /// Decoded value for non-f literals.
    var text = ""
    var bytes: [UInt8] = []
}

struct Token {
    var kind: TokenKind
    /// Identifier, keyword or operator spelling.
    var text: String = ""
    var number: Constant? = nil
    var string: StringLiteral? = nil
    var location: SourceLocation

    init(_ kind: TokenKind, _ text: String = "", _ location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.location = location
    }
}

let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
]
