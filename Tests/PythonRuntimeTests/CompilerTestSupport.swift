import XCTest
import BigInt
@testable import PythonRuntime

// A tiny AST builder for compiler tests (the parser lands separately).
// Every node gets a fresh column so scope keys never collide; `line` sets the
// line of the statements built after it.
final class ASTBuilder {
    var line = 1
    var column = 0
    func loc() -> SourceLocation { column += 1; return SourceLocation(line: line, column: column) }

    func name(_ s: String) -> Expr { Expr(.name(s), loc()) }
    func int(_ i: Int) -> Expr { Expr(.constant(.int(BigInt(i))), loc()) }
    func str(_ s: String) -> Expr { Expr(.constant(.str(s)), loc()) }
    func const(_ c: Constant) -> Expr { Expr(.constant(c), loc()) }
    var none: Expr { const(.none) }
    func bin(_ l: Expr, _ op: BinaryOperator, _ r: Expr) -> Expr { Expr(.binOp(l, op, r), loc()) }
    func cmp(_ l: Expr, _ pairs: (CompareOperator, Expr)...) -> Expr {
        Expr(.compare(left: l, ops: pairs.map(\.0), comparators: pairs.map(\.1)), loc())
    }
    func call(_ f: Expr, _ args: Expr..., kw: [(String?, Expr)] = []) -> Expr {
        Expr(.call(function: f, args: args, keywords: kw.map { Keyword(name: $0.0, value: $0.1, location: loc()) }), loc())
    }
    func attr(_ e: Expr, _ n: String) -> Expr { Expr(.attribute(e, name: n), loc()) }
    func sub(_ e: Expr, _ i: Expr) -> Expr { Expr(.subscript(e, index: i), loc()) }
    func tuple(_ xs: Expr...) -> Expr { Expr(.tuple(xs), loc()) }
    func list(_ xs: Expr...) -> Expr { Expr(.list(xs), loc()) }
    func starred(_ e: Expr) -> Expr { Expr(.starred(e), loc()) }
    func lambda(_ params: [String], _ body: Expr) -> Expr { Expr(.lambda(args(params), body: body), loc()) }
    func listComp(_ elt: Expr, _ target: Expr, _ iter: Expr, ifs: [Expr] = []) -> Expr {
        Expr(.listComp(element: elt, generators: [Comprehension(target: target, iter: iter, ifs: ifs, isAsync: false)]), loc())
    }
    func genExp(_ elt: Expr, _ target: Expr, _ iter: Expr) -> Expr {
        Expr(.generatorExp(element: elt, generators: [Comprehension(target: target, iter: iter, ifs: [], isAsync: false)]), loc())
    }
    func walrus(_ n: String, _ v: Expr) -> Expr { Expr(.namedExpr(target: name(n), value: v), loc()) }
    func yield_(_ v: Expr?) -> Expr { Expr(.yield(v), loc()) }
    func await_(_ v: Expr) -> Expr { Expr(.await(v), loc()) }

    func args(_ params: [String]) -> Arguments {
        var a = Arguments()
        a.args = params.map { Arg(name: $0, location: loc()) }
        return a
    }

    func stmt(_ k: StmtKind) -> Stmt { Stmt(k, SourceLocation(line: line, column: { column += 1; return column }())) }
    func expr(_ e: Expr) -> Stmt { stmt(.expr(e)) }
    func assign(_ t: Expr, _ v: Expr) -> Stmt { stmt(.assign(targets: [t], value: v)) }
    func ret(_ e: Expr?) -> Stmt { stmt(.return(e)) }
    func def(_ n: String, _ params: [String], _ body: [Stmt], decorators: [Expr] = [], isAsync: Bool = false) -> Stmt {
        stmt(.functionDef(FunctionDef(name: n, args: args(params), body: body, decorators: decorators, returns: nil, isAsync: isAsync)))
    }
    func cls(_ n: String, _ bases: [Expr], _ body: [Stmt]) -> Stmt {
        stmt(.classDef(ClassDef(name: n, bases: bases, keywords: [], body: body, decorators: [])))
    }
    func if_(_ t: Expr, _ b: [Stmt], else e: [Stmt] = []) -> Stmt { stmt(.if(test: t, body: b, orelse: e)) }
    func while_(_ t: Expr, _ b: [Stmt]) -> Stmt { stmt(.while(test: t, body: b, orelse: [])) }
    func for_(_ t: Expr, _ i: Expr, _ b: [Stmt], else e: [Stmt] = [], isAsync: Bool = false) -> Stmt {
        stmt(.for(target: t, iter: i, body: b, orelse: e, isAsync: isAsync))
    }
    func try_(_ b: [Stmt], _ handlers: [ExceptHandler], else e: [Stmt] = [], finally f: [Stmt] = []) -> Stmt {
        stmt(.try(body: b, handlers: handlers, orelse: e, finalbody: f))
    }
    func except(_ type: Expr?, _ n: String?, _ body: [Stmt]) -> ExceptHandler {
        ExceptHandler(type: type, name: n, body: body, location: loc())
    }
    func with(_ ctx: Expr, _ target: Expr?, _ body: [Stmt], isAsync: Bool = false) -> Stmt {
        stmt(.with(items: [WithItem(contextExpr: ctx, optionalVars: target)], body: body, isAsync: isAsync))
    }
    var pass: Stmt { stmt(.pass) }
    var brk: Stmt { stmt(.break) }
    var cont: Stmt { stmt(.continue) }
}

func compileModule(_ body: [Stmt], mode: ParseMode = .module) throws -> CodeObject {
    try compilePython(.statements(body), filename: "<test>", mode: mode, source: "")
}

/// Collapses runs of spaces and trims each line, dropping blank lines.
func normalizeListing(_ s: String) -> String {
    s.split(separator: "\n").map { line in
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }.filter { !$0.isEmpty }.joined(separator: "\n")
}

func assertListing(_ code: CodeObject, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let got = normalizeListing(code.disassembly())
    let want = normalizeListing(expected)
    if got != want {
        XCTFail("disassembly differs.\n--- got:\n\(got)\n--- want:\n\(want)", file: file, line: line)
    }
}

/// The nested code object with this qualified name.
func nestedCode(_ code: CodeObject, _ qualname: String) -> CodeObject? {
    for c in code.constants {
        if case .code(let inner) = c {
            if inner.qualifiedName == qualname { return inner }
            if let found = nestedCode(inner, qualname) { return found }
        }
    }
    return nil
}

func opNames(_ code: CodeObject) -> [String] { code.instructions.map { $0.opcode.name } }

func expectSyntaxError(_ body: [Stmt], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try compilePython(.statements(body), filename: "<test>", mode: .module, source: "")
        XCTFail("expected SyntaxError: \(message)", file: file, line: line)
    } catch {
        XCTAssertEqual(error.message, message, file: file, line: line)
    }
}
