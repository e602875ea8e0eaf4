import BigInt
import XCTest
@testable import PythonRuntime

final class LexerTests: XCTestCase {
    /// Compact token rendering: names and ops by text, numbers by value.
    private func lex(_ source: String) -> String {
        var lexer = Lexer(source, filename: "<test>")
        return lexer.tokenize().map { t -> String in
            switch t.kind {
            case .name, .keyword, .op: return t.text
            case .number:
                switch t.number! {
                case .int(let v): return "\(v)"
                case .float(let d): return "f\(d)"
                case .imaginary(let d): return "\(d)j"
                default: return "?"
                }
            case .string:
                let s = t.string!
                if s.isFormatted { return "F" + String(String.UnicodeScalarView(s.body)).debugDescription }
                if s.isBytes { return "b\(s.bytes)" }
                return s.text.debugDescription
            case .newline: return "NL"
            case .indent: return "IN"
            case .dedent: return "DE"
            case .endMarker: return "END"
            case .error: return "ERR(\(lexer.error!.message))"
            }
        }.joined(separator: " ")
    }

    private func lexError(_ source: String) -> SyntaxErrorInfo? {
        var lexer = Lexer(source, filename: "<test>")
        _ = lexer.tokenize()
        return lexer.error
    }

    func testIndentation() {
        XCTAssertEqual(lex("if x:\n    y\n    z\nw\n"), "if x : NL IN y NL z NL DE w NL END")
        XCTAssertEqual(lex("if x:\n  if y:\n    z\n"), "if x : NL IN if y : NL IN z NL DE DE END")
        // Blank and comment-only lines do not affect indentation.
        XCTAssertEqual(lex("if x:\n\n  # c\n    # d\n  y\n"), "if x : NL IN y NL DE END")
        // A tab moves to the next multiple of 8.
        XCTAssertEqual(lex("if x:\n\ty\n        z\n"), "if x : NL IN y NL z NL DE END")
        XCTAssertEqual(lex("x"), "x NL END")
    }

    func testInconsistentDedent() {
        let e = lexError("if x:\n        a\n    b\n")
        XCTAssertEqual(e?.kind, "IndentationError")
        XCTAssertEqual(e?.message, "unindent does not match any outer indentation level")
        XCTAssertEqual(e?.line, 3)
    }

    func testLineJoining() {
        XCTAssertEqual(lex("x = 1 + \\\n  2\n"), "x = 1 + 2 NL END")
        XCTAssertEqual(lex("f(1,\n   2)\n"), "f ( 1 , 2 ) NL END")
        XCTAssertEqual(lexError("x = 1 \\ 2")?.message, "unexpected character after line continuation character")
    }

    func testNumbers() {
        XCTAssertEqual(lex("1_000 0x_ff 0o17 0b101 0 00"), "1000 255 15 5 0 0 NL END")
        XCTAssertEqual(lex("1.5 1. .5 1e-3 1E+2 1_0.2_5"), "f1.5 f1.0 f0.5 f0.001 f100.0 f10.25 NL END")
        XCTAssertEqual(lex("2j 1.5J 1e2j"), "2.0j 1.5j 100.0j NL END")
        XCTAssertEqual(lex("123456789012345678901234567890"), "123456789012345678901234567890 NL END")
        XCTAssertEqual(lex("1if x else 2"), "1 if x else 2 NL END")
        XCTAssertEqual(lexError("1abc")?.message, "invalid decimal literal")
        XCTAssertEqual(lexError("1__0")?.message, "invalid decimal literal")
        XCTAssertEqual(lexError("1_")?.message, "invalid decimal literal")
        XCTAssertEqual(lexError("0x")?.message, "invalid hexadecimal literal")
        XCTAssertEqual(lexError("0b102")?.message, "invalid digit '2' in binary literal")
        XCTAssertEqual(lexError("012")?.message,
                       "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
    }

    func testStrings() {
        XCTAssertEqual(lex(#"'a' "b" '''c''' """d""""#), #""a" "b" "c" "d" NL END"#)
        XCTAssertEqual(lex(#"'\n\t\\\'\"\a\b\f\v\r\0\101\x41\u00e9\U0001F600'"#),
                       "\"\\n\\t\\\\\\'\\\"\\u{07}\\u{08}\\u{0C}\\u{0B}\\r\\0AAé😀\" NL END")
        XCTAssertEqual(lex(#"r'\n' R"\d" u'x' U"y""#), #""\\n" "\\d" "x" "y" NL END"#)
        XCTAssertEqual(lex(#"b'ab\x00' rb'\n' Br'\x'"#), "b[97, 98, 0] b[92, 110] b[92, 120] NL END")
        XCTAssertEqual(lex(#"f'{x}' rf"{y}" FR'z'"#), #"F"{x}" F"{y}" F"z" NL END"#)
        XCTAssertEqual(lex("'a\\\nb'"), "\"ab\" NL END")
        XCTAssertEqual(lex("'''a\nb'''"), "\"a\\nb\" NL END")
        XCTAssertEqual(lex(#"'\N{LATIN SMALL LETTER A}\N{bullet}'"#), "\"a•\" NL END")
        XCTAssertEqual(lex("'\\q'"), "\"\\\\q\" NL END")
        XCTAssertEqual(lexError("b'é'")?.message, "bytes can only contain ASCII literal characters")
        XCTAssertEqual(lexError(#"'\x4'"#)?.message,
                       "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape")
    }

    func testUnterminatedStrings() {
        let e = lexError("x = 'abc\ny = 2")
        XCTAssertEqual(e?.message, "unterminated string literal (detected at line 1)")
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 5)
        XCTAssertEqual(e?.lineText, "x = 'abc")
        let t = lexError("x = '''abc\n\ny")
        XCTAssertEqual(t?.message, "unterminated triple-quoted string literal (detected at line 3)")
        XCTAssertEqual(t?.line, 1)
    }

    func testBrackets() {
        XCTAssertEqual(lexError("foo(1,\n2")?.message, "'(' was never closed")
        XCTAssertEqual(lexError("x)")?.message, "unmatched ')'")
        XCTAssertEqual(lexError("(]")?.message, "closing parenthesis ']' does not match opening parenthesis '('")
        XCTAssertEqual(lexError("(\n]")?.message, "closing parenthesis ']' does not match opening parenthesis '(' on line 1")
    }

    func testOperatorsAndIdentifiers() {
        XCTAssertEqual(lex("a **= b // c -> d := e ... != <<= f.g"),
                       "a **= b // c -> d := e ... != <<= f . g NL END")
        XCTAssertEqual(lex("café = π"), "café = π NL END")
        XCTAssertEqual(lexError("x = €")?.message, "invalid character '€' (U+20AC)")
        XCTAssertEqual(lexError("x = $")?.message, "invalid syntax")
    }

    func testLocations() {
        var lexer = Lexer("x = 1\n  \nif y:\n    z(\n  w)\n", filename: "<test>")
        let toks = lexer.tokenize()
        let z = toks.first { $0.text == "z" }!
        XCTAssertEqual(z.location, SourceLocation(line: 4, column: 4))
        let w = toks.first { $0.text == "w" }!
        XCTAssertEqual(w.location, SourceLocation(line: 5, column: 2))
        XCTAssertEqual(lexer.lineText(3), "if y:")
    }

    func testCRLF() {
        XCTAssertEqual(lex("if x:\r\n  y\r\n"), "if x : NL IN y NL DE END")
    }
}
