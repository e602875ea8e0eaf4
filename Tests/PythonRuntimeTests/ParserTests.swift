import BigInt
import XCTest
@testable import PythonRuntime

// MARK: - Compact ast.dump-like rendering

private func dump(_ c: Constant) -> String {
    switch c {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .ellipsis: return "Ellipsis"
    case .int(let v): return "\(v)"
    case .float(let d): return "\(d)"
    case .imaginary(let d): return "\(d)j"
    case .str(let s): return "'\(s)'"
    case .bytes(let b): return "b'\(String(decoding: b, as: UTF8.self))'"
    }
}

private func dump(_ e: Expr?) -> String {
    guard let e else { return "None" }
    return dump(e)
}

private func dump(_ es: [Expr]) -> String { "[" + es.map { dump($0) }.joined(separator: ", ") + "]" }

private func dump(_ op: BinaryOperator) -> String {
    switch op {
    case .add: return "Add"
    case .sub: return "Sub"
    case .mul: return "Mult"
    case .matmul: return "MatMult"
    case .truediv: return "Div"
    case .floordiv: return "FloorDiv"
    case .mod: return "Mod"
    case .pow: return "Pow"
    case .lshift: return "LShift"
    case .rshift: return "RShift"
    case .bitor: return "BitOr"
    case .bitxor: return "BitXor"
    case .bitand: return "BitAnd"
    }
}

private func dump(_ op: CompareOperator) -> String {
    switch op {
    case .eq: return "Eq"
    case .notEq: return "NotEq"
    case .lt: return "Lt"
    case .ltE: return "LtE"
    case .gt: return "Gt"
    case .gtE: return "GtE"
    case .is: return "Is"
    case .isNot: return "IsNot"
    case .in: return "In"
    case .notIn: return "NotIn"
    }
}

private func dump(_ gens: [Comprehension]) -> String {
    "[" + gens.map { g in
        "comprehension(\(dump(g.target)), \(dump(g.iter)), \(dump(g.ifs))\(g.isAsync ? ", async" : ""))"
    }.joined(separator: ", ") + "]"
}

private func dump(_ k: Keyword) -> String {
    k.name.map { "\($0)=\(dump(k.value))" } ?? "**\(dump(k.value))"
}

private func dump(_ a: Arguments) -> String {
    func arg(_ a: Arg) -> String { a.annotation.map { "\(a.name):\(dump($0))" } ?? a.name }
    var parts: [String] = []
    if !a.posonlyargs.isEmpty { parts.append("posonly=[" + a.posonlyargs.map(arg).joined(separator: ", ") + "]") }
    parts.append("[" + a.args.map(arg).joined(separator: ", ") + "]")
    if let v = a.vararg { parts.append("*" + arg(v)) }
    if !a.kwonlyargs.isEmpty {
        parts.append("kwonly=[" + zip(a.kwonlyargs, a.kwDefaults).map { k, d in arg(k) + (d.map { "=" + dump($0) } ?? "") }
            .joined(separator: ", ") + "]")
    }
    if let k = a.kwarg { parts.append("**" + arg(k)) }
    if !a.defaults.isEmpty { parts.append("defaults=" + dump(a.defaults)) }
    return "arguments(" + parts.joined(separator: ", ") + ")"
}

private func dump(_ e: Expr) -> String {
    switch e.kind {
    case .boolOp(let op, let values): return "BoolOp(\(op == .and ? "And" : "Or"), \(dump(values)))"
    case .namedExpr(let t, let v): return "NamedExpr(\(dump(t)), \(dump(v)))"
    case .binOp(let l, let op, let r): return "BinOp(\(dump(l)), \(dump(op)), \(dump(r)))"
    case .unaryOp(let op, let x):
        let name = op == .invert ? "Invert" : op == .not ? "Not" : op == .plus ? "UAdd" : "USub"
        return "UnaryOp(\(name), \(dump(x)))"
    case .lambda(let a, let body): return "Lambda(\(dump(a)), \(dump(body)))"
    case .ifExp(let t, let b, let o): return "IfExp(\(dump(t)), \(dump(b)), \(dump(o)))"
    case .dict(let keys, let values):
        return "Dict([" + zip(keys, values).map { k, v in k.map { "\(dump($0)): \(dump(v))" } ?? "**\(dump(v))" }
            .joined(separator: ", ") + "])"
    case .set(let elts): return "Set(\(dump(elts)))"
    case .listComp(let elt, let gens): return "ListComp(\(dump(elt)), \(dump(gens)))"
    case .setComp(let elt, let gens): return "SetComp(\(dump(elt)), \(dump(gens)))"
    case .dictComp(let k, let v, let gens): return "DictComp(\(dump(k)), \(dump(v)), \(dump(gens)))"
    case .generatorExp(let elt, let gens): return "GeneratorExp(\(dump(elt)), \(dump(gens)))"
    case .await(let x): return "Await(\(dump(x)))"
    case .yield(let x): return x.map { "Yield(\(dump($0)))" } ?? "Yield()"
    case .yieldFrom(let x): return "YieldFrom(\(dump(x)))"
    case .compare(let l, let ops, let cs):
        return "Compare(\(dump(l)), [\(ops.map { dump($0) }.joined(separator: ", "))], \(dump(cs)))"
    case .call(let f, let args, let kws):
        let all = args.map { dump($0) } + kws.map { dump($0) }
        return "Call(\(dump(f)), [\(all.joined(separator: ", "))])"
    case .formattedValue(let v, let conv, let spec):
        var s = "FormattedValue(\(dump(v))"
        if let conv { s += ", !\(conv)" }
        if let spec { s += ", \(dump(spec))" }
        return s + ")"
    case .joinedStr(let parts): return "JoinedStr(\(dump(parts)))"
    case .constant(let c): return "Constant(\(dump(c)))"
    case .attribute(let x, let name): return "Attribute(\(dump(x)), \(name))"
    case .subscript(let x, let i): return "Subscript(\(dump(x)), \(dump(i)))"
    case .starred(let x): return "Starred(\(dump(x)))"
    case .name(let n): return "Name(\(n))"
    case .list(let elts): return "List(\(dump(elts)))"
    case .tuple(let elts): return "Tuple(\(dump(elts)))"
    case .slice(let lo, let hi, let st): return "Slice(\(dump(lo)), \(dump(hi)), \(dump(st)))"
    }
}

private func dump(_ body: [Stmt]) -> String { "[" + body.map { dump($0) }.joined(separator: ", ") + "]" }

private func dump(_ s: Stmt) -> String {
    switch s.kind {
    case .functionDef(let f):
        var out = "\(f.isAsync ? "AsyncFunctionDef" : "FunctionDef")(\(f.name), \(dump(f.args)), \(dump(f.body))"
        if !f.decorators.isEmpty { out += ", decorators=\(dump(f.decorators))" }
        if let r = f.returns { out += ", returns=\(dump(r))" }
        return out + ")"
    case .classDef(let c):
        let bases = c.bases.map { dump($0) } + c.keywords.map { dump($0) }
        var out = "ClassDef(\(c.name), [\(bases.joined(separator: ", "))], \(dump(c.body))"
        if !c.decorators.isEmpty { out += ", decorators=\(dump(c.decorators))" }
        return out + ")"
    case .return(let v): return v.map { "Return(\(dump($0)))" } ?? "Return()"
    case .delete(let ts): return "Delete(\(dump(ts)))"
    case .assign(let ts, let v): return "Assign(\(dump(ts)), \(dump(v)))"
    case .augAssign(let t, let op, let v): return "AugAssign(\(dump(t)), \(dump(op)), \(dump(v)))"
    case .annAssign(let t, let a, let v, let simple):
        return "AnnAssign(\(dump(t)), \(dump(a)), \(dump(v)), simple=\(simple ? 1 : 0))"
    case .for(let t, let it, let body, let orelse, let isAsync):
        return "\(isAsync ? "AsyncFor" : "For")(\(dump(t)), \(dump(it)), \(dump(body)), \(dump(orelse)))"
    case .while(let t, let body, let orelse): return "While(\(dump(t)), \(dump(body)), \(dump(orelse)))"
    case .if(let t, let body, let orelse): return "If(\(dump(t)), \(dump(body)), \(dump(orelse)))"
    case .with(let items, let body, let isAsync):
        let its = items.map { i in i.optionalVars.map { "\(dump(i.contextExpr)) as \(dump($0))" } ?? dump(i.contextExpr) }
        return "\(isAsync ? "AsyncWith" : "With")([\(its.joined(separator: ", "))], \(dump(body)))"
    case .raise(let e, let c): return "Raise(\(dump(e)), \(dump(c)))"
    case .try(let body, let handlers, let orelse, let fin):
        let hs = handlers.map { h in "ExceptHandler(\(dump(h.type)), \(h.name ?? "None"), \(dump(h.body)))" }
        return "Try(\(dump(body)), [\(hs.joined(separator: ", "))], \(dump(orelse)), \(dump(fin)))"
    case .assert(let t, let m): return "Assert(\(dump(t)), \(dump(m)))"
    case .import(let names): return "Import(\(dump(names)))"
    case .importFrom(let m, let names, let level): return "ImportFrom(\(m ?? "None"), \(dump(names)), \(level))"
    case .global(let ns): return "Global(\(ns.joined(separator: ", ")))"
    case .nonlocal(let ns): return "Nonlocal(\(ns.joined(separator: ", ")))"
    case .expr(let e): return "Expr(\(dump(e)))"
    case .pass: return "Pass"
    case .break: return "Break"
    case .continue: return "Continue"
    }
}

private func dump(_ names: [Alias]) -> String {
    "[" + names.map { a in a.asname.map { "\(a.name) as \($0)" } ?? a.name }.joined(separator: ", ") + "]"
}

// MARK: - Tests

final class ParserTests: XCTestCase {
    private func module(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> [Stmt] {
        do {
            guard case .statements(let body) = try parsePython(source, filename: "<test>", mode: .module) else {
                XCTFail("expected statements", file: file, line: line)
                return []
            }
            return body
        } catch {
            XCTFail("unexpected \(error.kind): \(error.message) at \(error.line):\(error.column)", file: file, line: line)
            return []
        }
    }

    /// Dump of a module's statements, one per line.
    private func parse(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        module(source, file: file, line: line).map { dump($0) }.joined(separator: "\n")
    }

    private func expr(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            guard case .expression(let e) = try parsePython(source, filename: "<test>", mode: .expression) else {
                return "not an expression"
            }
            return dump(e)
        } catch {
            XCTFail("unexpected \(error.kind): \(error.message) at \(error.line):\(error.column)", file: file, line: line)
            return ""
        }
    }

    private func error(_ source: String, mode: ParseMode = .module) -> SyntaxErrorInfo? {
        do {
            _ = try parsePython(source, filename: "<test>", mode: mode)
            return nil
        } catch {
            return error
        }
    }

    private func assertError(_ source: String, _ message: String, line: Int? = nil, column: Int? = nil,
                             kind: String = "SyntaxError", file: StaticString = #filePath, at: UInt = #line) {
        guard let e = error(source) else {
            XCTFail("no error for \(source.debugDescription)", file: file, line: at)
            return
        }
        XCTAssertEqual(e.message, message, file: file, line: at)
        XCTAssertEqual(e.kind, kind, file: file, line: at)
        if let line { XCTAssertEqual(e.line, line, "line", file: file, line: at) }
        if let column { XCTAssertEqual(e.column, column, "column", file: file, line: at) }
        XCTAssertEqual(e.filename, "<test>", file: file, line: at)
    }

    // MARK: Expressions

    func testPrecedence() {
        XCTAssertEqual(expr("1 + 2 * 3"), "BinOp(Constant(1), Add, BinOp(Constant(2), Mult, Constant(3)))")
        XCTAssertEqual(expr("1 - 2 - 3"), "BinOp(BinOp(Constant(1), Sub, Constant(2)), Sub, Constant(3))")
        XCTAssertEqual(expr("-2**2"), "UnaryOp(USub, BinOp(Constant(2), Pow, Constant(2)))")
        XCTAssertEqual(expr("2**3**2"), "BinOp(Constant(2), Pow, BinOp(Constant(3), Pow, Constant(2)))")
        XCTAssertEqual(expr("2**-1"), "BinOp(Constant(2), Pow, UnaryOp(USub, Constant(1)))")
        XCTAssertEqual(expr("a | b ^ c & d << e + f @ g // h % i / j"),
                       "BinOp(Name(a), BitOr, BinOp(Name(b), BitXor, BinOp(Name(c), BitAnd, BinOp(Name(d), LShift, "
                       + "BinOp(Name(e), Add, BinOp(BinOp(BinOp(BinOp(Name(f), MatMult, Name(g)), FloorDiv, Name(h)), "
                       + "Mod, Name(i)), Div, Name(j)))))))")
        XCTAssertEqual(expr("~x >> 1"), "BinOp(UnaryOp(Invert, Name(x)), RShift, Constant(1))")
        XCTAssertEqual(expr("not a and b or c"),
                       "BoolOp(Or, [BoolOp(And, [UnaryOp(Not, Name(a)), Name(b)]), Name(c)])")
        XCTAssertEqual(expr("a or b or c"), "BoolOp(Or, [Name(a), Name(b), Name(c)])")
        XCTAssertEqual(expr("a < b <= c != d"), "Compare(Name(a), [Lt, LtE, NotEq], [Name(b), Name(c), Name(d)])")
        XCTAssertEqual(expr("a not in b is not c in d is e"),
                       "Compare(Name(a), [NotIn, IsNot, In, Is], [Name(b), Name(c), Name(d), Name(e)])")
        XCTAssertEqual(expr("x if c else y if d else z"),
                       "IfExp(Name(c), Name(x), IfExp(Name(d), Name(y), Name(z)))")
        XCTAssertEqual(expr("lambda: 0"), "Lambda(arguments([]), Constant(0))")
        XCTAssertEqual(expr("lambda x, *a, y=1, **k: x"),
                       "Lambda(arguments([x], *a, kwonly=[y=Constant(1)], **k), Name(x))")
        XCTAssertEqual(expr("await x ** 2"), "BinOp(Await(Name(x)), Pow, Constant(2))")
        XCTAssertEqual(expr("-x.y"), "UnaryOp(USub, Attribute(Name(x), y))")
    }

    func testAtoms() {
        XCTAssertEqual(expr("None, True, False, ..."),
                       "Tuple([Constant(None), Constant(True), Constant(False), Constant(Ellipsis)])")
        XCTAssertEqual(expr("()"), "Tuple([])")
        XCTAssertEqual(expr("(1,)"), "Tuple([Constant(1)])")
        XCTAssertEqual(expr("(1)"), "Constant(1)")
        XCTAssertEqual(expr("[1, *a, 2,]"), "List([Constant(1), Starred(Name(a)), Constant(2)])")
        XCTAssertEqual(expr("{}"), "Dict([])")
        XCTAssertEqual(expr("{1: 2, **d, 3: 4}"), "Dict([Constant(1): Constant(2), **Name(d), Constant(3): Constant(4)])")
        XCTAssertEqual(expr("{1, *s}"), "Set([Constant(1), Starred(Name(s))])")
        XCTAssertEqual(expr("1.5 + 2j"), "BinOp(Constant(1.5), Add, Constant(2.0j))")
        XCTAssertEqual(expr("'a' 'b'"), "Constant('ab')")
        XCTAssertEqual(expr("b'a' b'b'"), "Constant(b'ab')")
        XCTAssertEqual(expr("*a, b"), "Tuple([Starred(Name(a)), Name(b)])")
    }

    func testComprehensions() {
        XCTAssertEqual(expr("[x for x in y if x if z for w in x]"),
                       "ListComp(Name(x), [comprehension(Name(x), Name(y), [Name(x), Name(z)]), "
                       + "comprehension(Name(w), Name(x), [])])")
        XCTAssertEqual(expr("{k: v for k, v in d}"),
                       "DictComp(Name(k), Name(v), [comprehension(Tuple([Name(k), Name(v)]), Name(d), [])])")
        XCTAssertEqual(expr("{x for x in s}"), "SetComp(Name(x), [comprehension(Name(x), Name(s), [])])")
        XCTAssertEqual(expr("(x for x in s)"), "GeneratorExp(Name(x), [comprehension(Name(x), Name(s), [])])")
        XCTAssertEqual(expr("[x async for x in s]"), "ListComp(Name(x), [comprehension(Name(x), Name(s), [], async)])")
        XCTAssertEqual(expr("[x for x in a or b if not x]"),
                       "ListComp(Name(x), [comprehension(Name(x), BoolOp(Or, [Name(a), Name(b)]), [UnaryOp(Not, Name(x))])])")
        XCTAssertEqual(expr("f(x for x in y)"), "Call(Name(f), [GeneratorExp(Name(x), [comprehension(Name(x), Name(y), [])])])")
    }

    func testPrimaries() {
        XCTAssertEqual(expr("f(1, *a, k=2, **kw)"),
                       "Call(Name(f), [Constant(1), Starred(Name(a)), k=Constant(2), **Name(kw)])")
        XCTAssertEqual(expr("f(a=1, *b)"), "Call(Name(f), [Starred(Name(b)), a=Constant(1)])")
        XCTAssertEqual(expr("a.b[c](d)"), "Call(Subscript(Attribute(Name(a), b), Name(c)), [Name(d)])")
        XCTAssertEqual(expr("a[1:2]"), "Subscript(Name(a), Slice(Constant(1), Constant(2), None))")
        XCTAssertEqual(expr("a[::2]"), "Subscript(Name(a), Slice(None, None, Constant(2)))")
        XCTAssertEqual(expr("a[:]"), "Subscript(Name(a), Slice(None, None, None))")
        XCTAssertEqual(expr("a[1:2, ::3]"),
                       "Subscript(Name(a), Tuple([Slice(Constant(1), Constant(2), None), Slice(None, None, Constant(3))]))")
        XCTAssertEqual(expr("a[1, 2]"), "Subscript(Name(a), Tuple([Constant(1), Constant(2)]))")
        XCTAssertEqual(expr("a[x:=1]"), "Subscript(Name(a), NamedExpr(Name(x), Constant(1)))")
        XCTAssertEqual(expr("(y := f(x))"), "NamedExpr(Name(y), Call(Name(f), [Name(x)]))")
        XCTAssertEqual(expr("f(a)(b)[c].d"), "Attribute(Subscript(Call(Call(Name(f), [Name(a)]), [Name(b)]), Name(c)), d)")
    }

    func testFStrings() {
        XCTAssertEqual(expr("f'a{x}b'"), "JoinedStr([Constant('a'), FormattedValue(Name(x)), Constant('b')])")
        XCTAssertEqual(expr("f'{x!r:>{w}}'"),
                       "JoinedStr([FormattedValue(Name(x), !r, JoinedStr([Constant('>'), FormattedValue(Name(w))]))])")
        XCTAssertEqual(expr("f'{{x}}'"), "JoinedStr([Constant('{x}')])")
        XCTAssertEqual(expr("f'{x=}'"), "JoinedStr([Constant('x='), FormattedValue(Name(x), !r)])")
        XCTAssertEqual(expr("f'{x = !s}'"), "JoinedStr([Constant('x = '), FormattedValue(Name(x), !s)])")
        XCTAssertEqual(expr("f'{x=:>5}'"), "JoinedStr([Constant('x='), FormattedValue(Name(x), JoinedStr([Constant('>5')]))])")
        XCTAssertEqual(expr("f\"{d['k']}\""), "JoinedStr([FormattedValue(Subscript(Name(d), Constant('k')))])")
        XCTAssertEqual(expr("'a' f'{x}' 'b'"), "JoinedStr([Constant('a'), FormattedValue(Name(x)), Constant('b')])")
        XCTAssertEqual(expr("f''"), "JoinedStr([])")
        XCTAssertEqual(expr("f'\\n{x!a}'"), "JoinedStr([Constant('\n'), FormattedValue(Name(x), !a)])")
        XCTAssertEqual(expr("f'{a == b}{a != b}{x:{y}.{z}}'"),
                       "JoinedStr([FormattedValue(Compare(Name(a), [Eq], [Name(b)])), FormattedValue(Compare(Name(a), "
                       + "[NotEq], [Name(b)])), FormattedValue(Name(x), JoinedStr([FormattedValue(Name(y)), "
                       + "Constant('.'), FormattedValue(Name(z))]))])")
        XCTAssertEqual(expr("f'''{f\"{x}\"}'''"),
                       "JoinedStr([FormattedValue(JoinedStr([FormattedValue(Name(x))]))])")
        XCTAssertEqual(expr("f'{x:{{}}}'"), "JoinedStr([FormattedValue(Name(x), JoinedStr([FormattedValue(Dict([]))]))])")
        XCTAssertEqual(expr("rf'\\{x}'"), "JoinedStr([Constant('\\'), FormattedValue(Name(x))])")
        // The field expression keeps its real position in the source.
        if case .statements(let body) = try! parsePython("s = f'ab{ x }'", filename: "<t>", mode: .module),
           body.count == 1, case .assign(_, let value) = body[0].kind, case .joinedStr(let parts) = value.kind,
           parts.count == 2, case .formattedValue(let v, _, _) = parts[1].kind {
            XCTAssertEqual(v.location, SourceLocation(line: 1, column: 10))
        } else {
            XCTFail("shape")
        }
    }

    func testFStringErrors() {
        assertError("f'{}'", "f-string: empty expression not allowed")
        assertError("f'}'", "f-string: single '}' is not allowed")
        assertError("f'{x'", "f-string: expecting '}'")
        assertError("f'{x!z}'", "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'")
        assertError("f'{a b}'", "f-string: invalid syntax. Perhaps you forgot a comma?")
        assertError("f'{a +}'", "f-string: invalid syntax")
        assertError("f'{\\n}'", "f-string expression part cannot include a backslash")
    }

    // MARK: Statements

    func testAssignments() {
        XCTAssertEqual(parse("a = b = 1"), "Assign([Name(a), Name(b)], Constant(1))")
        XCTAssertEqual(parse("a, *b = c"), "Assign([Tuple([Name(a), Starred(Name(b))])], Name(c))")
        XCTAssertEqual(parse("[a, (b, c)] = x"), "Assign([List([Name(a), Tuple([Name(b), Name(c)])])], Name(x))")
        XCTAssertEqual(parse("x.y[0] = 1, 2"), "Assign([Subscript(Attribute(Name(x), y), Constant(0))], Tuple([Constant(1), Constant(2)]))")
        XCTAssertEqual(parse("x += 1\ny //= 2\nz **= 3"),
                       "AugAssign(Name(x), Add, Constant(1))\nAugAssign(Name(y), FloorDiv, Constant(2))\nAugAssign(Name(z), Pow, Constant(3))")
        XCTAssertEqual(parse("x: int = 5\n(y): str\nz.a: int"),
                       "AnnAssign(Name(x), Name(int), Constant(5), simple=1)\nAnnAssign(Name(y), Name(str), None, simple=0)\n"
                       + "AnnAssign(Attribute(Name(z), a), Name(int), None, simple=0)")
        XCTAssertEqual(parse("x = yield"), "Assign([Name(x)], Yield())")
        XCTAssertEqual(parse("x = *a, b"), "Assign([Name(x)], Tuple([Starred(Name(a)), Name(b)]))")
        XCTAssertEqual(parse("a = 1; b = 2;"), "Assign([Name(a)], Constant(1))\nAssign([Name(b)], Constant(2))")
        XCTAssertEqual(parse("del a, b[0], (c, d)"), "Delete([Name(a), Subscript(Name(b), Constant(0)), Tuple([Name(c), Name(d)])])")
    }

    func testSimpleStatements() {
        XCTAssertEqual(parse("pass\nbreak\ncontinue"), "Pass\nBreak\nContinue")
        XCTAssertEqual(parse("return"), "Return()")
        XCTAssertEqual(parse("return *a, b"), "Return(Tuple([Starred(Name(a)), Name(b)]))")
        XCTAssertEqual(parse("raise\nraise E\nraise E from c"),
                       "Raise(None, None)\nRaise(Name(E), None)\nRaise(Name(E), Name(c))")
        XCTAssertEqual(parse("global a, b\nnonlocal c"), "Global(a, b)\nNonlocal(c)")
        XCTAssertEqual(parse("assert x, 'msg'"), "Assert(Name(x), Constant('msg'))")
        XCTAssertEqual(parse("yield x\nyield from y\nawait z"),
                       "Expr(Yield(Name(x)))\nExpr(YieldFrom(Name(y)))\nExpr(Await(Name(z)))")
        XCTAssertEqual(parse("yield 1, 2"), "Expr(Yield(Tuple([Constant(1), Constant(2)])))")
        XCTAssertEqual(parse("if (n := 10) > 5: pass"),
                       "If(Compare(NamedExpr(Name(n), Constant(10)), [Gt], [Constant(5)]), [Pass], [])")
    }

    func testImports() {
        XCTAssertEqual(parse("import a.b.c as d, e"), "Import([a.b.c as d, e])")
        XCTAssertEqual(parse("from . import x"), "ImportFrom(None, [x], 1)")
        XCTAssertEqual(parse("from ..pkg.mod import (a, b as c,)"), "ImportFrom(pkg.mod, [a, b as c], 2)")
        XCTAssertEqual(parse("from ...x import *"), "ImportFrom(x, [*], 3)")
        XCTAssertEqual(parse("from .... import y"), "ImportFrom(None, [y], 4)")
        assertError("from x import a,", "trailing comma not allowed without surrounding parentheses")
    }

    func testCompoundStatements() {
        XCTAssertEqual(parse("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"),
                       "If(Name(a), [Expr(Name(x))], [If(Name(b), [Expr(Name(y))], [Expr(Name(z))])])")
        XCTAssertEqual(parse("while x: x -= 1\nelse: pass"),
                       "While(Name(x), [AugAssign(Name(x), Sub, Constant(1))], [Pass])")
        XCTAssertEqual(parse("for i, j in x:\n  break\nelse:\n  pass"),
                       "For(Tuple([Name(i), Name(j)]), Name(x), [Break], [Pass])")
        XCTAssertEqual(parse("for x in 1, 2: pass"), "For(Name(x), Tuple([Constant(1), Constant(2)]), [Pass], [])")
        XCTAssertEqual(parse("try:\n pass\nexcept (A, B) as e:\n pass\nexcept C:\n pass\nexcept:\n pass\nelse:\n pass\nfinally:\n pass"),
                       "Try([Pass], [ExceptHandler(Tuple([Name(A), Name(B)]), e, [Pass]), ExceptHandler(Name(C), None, [Pass]), "
                       + "ExceptHandler(None, None, [Pass])], [Pass], [Pass])")
        XCTAssertEqual(parse("try: pass\nfinally: pass"), "Try([Pass], [], [], [Pass])")
        XCTAssertEqual(parse("with a as b, c: pass"), "With([Name(a) as Name(b), Name(c)], [Pass])")
        XCTAssertEqual(parse("with (a as b, c as d,): pass"), "With([Name(a) as Name(b), Name(c) as Name(d)], [Pass])")
        XCTAssertEqual(parse("with (a, b) as c: pass"), "With([Tuple([Name(a), Name(b)]) as Name(c)], [Pass])")
        XCTAssertEqual(parse("with (a): pass"), "With([Name(a)], [Pass])")
        XCTAssertEqual(parse("with open(f) as (a, b): pass"),
                       "With([Call(Name(open), [Name(f)]) as Tuple([Name(a), Name(b)])], [Pass])")
        XCTAssertEqual(parse("class A(B, metaclass=M):\n    x = 1\n"),
                       "ClassDef(A, [Name(B), metaclass=Name(M)], [Assign([Name(x)], Constant(1))])")
        XCTAssertEqual(parse("class A: pass"), "ClassDef(A, [], [Pass])")
        XCTAssertEqual(parse("@d\n@e.f(1)\nclass A: pass"),
                       "ClassDef(A, [], [Pass], decorators=[Name(d), Call(Attribute(Name(e), f), [Constant(1)])])")
    }

    func testFunctions() {
        XCTAssertEqual(parse("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: return a"),
                       "FunctionDef(f, arguments(posonly=[a, b], [c], *args, kwonly=[d, e=Constant(3)], **kw, "
                       + "defaults=[Constant(1), Constant(2)]), [Return(Name(a))], returns=Name(int))")
        XCTAssertEqual(parse("def f(*, a): pass"), "FunctionDef(f, arguments([], kwonly=[a]), [Pass])")
        XCTAssertEqual(parse("def f(x: int, *a: str, **k: 'v'): pass"),
                       "FunctionDef(f, arguments([x:Name(int)], *a:Name(str), **k:Constant('v')), [Pass])")
        XCTAssertEqual(parse("@dec\nasync def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n"),
                       "AsyncFunctionDef(f, arguments([]), [Expr(Await(Name(x))), AsyncFor(Name(a), Name(b), [Pass], []), "
                       + "AsyncWith([Name(c) as Name(d)], [Pass])], decorators=[Name(dec)])")
        XCTAssertEqual(parse("def f(a,): pass"), "FunctionDef(f, arguments([a]), [Pass])")
        XCTAssertEqual(parse("@(lambda f: f)\ndef g(): pass"),
                       "FunctionDef(g, arguments([]), [Pass], decorators=[Lambda(arguments([f]), Name(f))])")
    }

    func testLocations() {
        let body = module("x = 1\nif y:\n    z = f(a)\n")
        guard body.count == 2 else { return XCTFail("expected 2 statements, got \(body.count)") }
        XCTAssertEqual(body[1].location, SourceLocation(line: 2, column: 0))
        guard case .if(_, let inner, _) = body[1].kind, inner.count == 1, case .assign(_, let value) = inner[0].kind,
              case .call(_, let args, _) = value.kind, args.count == 1 else { return XCTFail("shape") }
        XCTAssertEqual(inner[0].location, SourceLocation(line: 3, column: 4))
        XCTAssertEqual(value.location, SourceLocation(line: 3, column: 8))
        XCTAssertEqual(args[0].location, SourceLocation(line: 3, column: 10))
    }

    func testModes() throws {
        guard case .statements(let s) = try parsePython("if x:\n    y\n\n", filename: "<stdin>", mode: .interactive) else {
            return XCTFail("mode")
        }
        XCTAssertEqual(dump(s), "[If(Name(x), [Expr(Name(y))], [])]")
        XCTAssertEqual(error("x = 1\ny = 2\n", mode: .interactive)?.message,
                       "multiple statements found while compiling a single statement")
        XCTAssertEqual(expr("  1 +\\\n 2\n"), "BinOp(Constant(1), Add, Constant(2))")
        XCTAssertEqual(error("x = 1", mode: .expression)?.message, "invalid syntax")
        guard case .statements(let empty) = try parsePython("\n# c\n", filename: "<t>", mode: .module) else {
            return XCTFail("mode")
        }
        XCTAssertTrue(empty.isEmpty)
    }

    // MARK: Errors

    func testErrorMessages() {
        assertError("x = (1,\n", "'(' was never closed", line: 1, column: 5)
        assertError("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", line: 1, column: 1)
        assertError("(a, 1) = x", "cannot assign to literal", line: 1, column: 5)
        assertError("for 1 in x: pass", "cannot assign to literal")
        assertError("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?")
        assertError("None = 1", "cannot assign to None")
        assertError("f() += 1", "'function call' is an illegal expression for augmented assignment")
        assertError("del f()", "cannot delete function call")
        assertError("x = = 1", "invalid syntax", line: 1, column: 5)
        assertError("if x\n  pass", "expected ':'", line: 1, column: 5)
        assertError("s = 'abc", "unterminated string literal (detected at line 1)", line: 1, column: 5)
        assertError("s = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", line: 1, column: 5)
        assertError("x = 1abc", "invalid decimal literal")
        assertError("f(a=1, b)", "positional argument follows keyword argument", line: 1, column: 8)
        assertError("f(**a, b)", "positional argument follows keyword argument unpacking")
        assertError("f(x for x in y, 1)", "Generator expression must be parenthesized")
        assertError("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?")
        assertError("def f(a=1, b): pass", "non-default argument follows default argument", line: 1, column: 12)
        assertError("def f(a, a): pass", "duplicate argument 'a' in function definition")
        assertError("b'a' 'b'", "cannot mix bytes and nonbytes literals")
        assertError("if x:\npass", "expected an indented block after 'if' statement on line 1", line: 2, column: 1,
                    kind: "IndentationError")
        assertError("def f():\n\nx = 1", "expected an indented block after function definition on line 1",
                    kind: "IndentationError")
        assertError("x = 1\n  y = 2", "unexpected indent", line: 2, column: 2, kind: "IndentationError")
        assertError("if x:\n    a\n  b\n", "unindent does not match any outer indentation level", line: 3,
                    kind: "IndentationError")
        assertError("try:\n  pass\nx = 1", "expected 'except' or 'finally' block", line: 3)
        assertError("print 'hi'", "Missing parentheses in call to 'print'. Did you mean print(...)?")
        assertError("x := 1", "invalid syntax")
        assertError("(a b)", "invalid syntax. Perhaps you forgot a comma?")
        assertError("x = [1, 2", "'[' was never closed")
        assertError("x = 1 +", "invalid syntax")
        assertError("(*a)", "cannot use starred expression here")
        assertError("except: pass", "invalid syntax")
        // Like CPython, some tokenizer errors win over an earlier parse error.
        assertError("x = = 1\ny = 'abc", "unterminated string literal (detected at line 2)", line: 2, column: 5)
        assertError("x = = 1\ny = (", "invalid syntax", line: 1, column: 5)
        assertError("print(1 2\ny = 3", "'(' was never closed", line: 1, column: 6)
        assertError("a + b:\n", "invalid syntax", line: 1, column: 6)
        assertError("a + b: int", "illegal target for annotation", line: 1, column: 1)
        assertError("x = yield = 1", "assignment to yield expression not possible")
        assertError("x = 1 = 2", "cannot assign to literal")
        assertError("x = {1: 2 3: 4}", "invalid syntax. Perhaps you forgot a comma?", column: 9)
        if let e = error("a = 1\nb = (2 +\n     3 3)") {
            XCTAssertEqual(e.message, "invalid syntax. Perhaps you forgot a comma?")
            XCTAssertEqual(e.lineText, "b = (2 +")
            XCTAssertEqual(e.line, 2)
        } else {
            XCTFail("no error")
        }
    }

    func testDeepNesting() {
        let parens = String(repeating: "(", count: 10000) + "1" + String(repeating: ")", count: 10000)
        XCTAssertEqual(error(parens)?.message, "too many nested parentheses")
        let minus = "x = " + String(repeating: "-", count: 100_000) + "1"
        XCTAssertEqual(error(minus)?.message, "too many nested expressions")
        let nots = String(repeating: "not ", count: 50_000) + "x"
        XCTAssertEqual(error(nots)?.message, "too many nested expressions")
        let lambdas = String(repeating: "lambda: ", count: 10_000) + "0"
        XCTAssertEqual(error(lambdas)?.message, "too many nested expressions")
        let pows = Array(repeating: "2", count: 10_000).joined(separator: "**")
        XCTAssertEqual(error(pows)?.message, "too many nested expressions")
        var deepBlocks = ""
        for i in 0..<150 { deepBlocks += String(repeating: " ", count: i) + "if x:\n" }
        deepBlocks += String(repeating: " ", count: 150) + "pass\n"
        XCTAssertEqual(error(deepBlocks)?.message, "too many levels of indentation")
        // Moderate nesting is fine.
        let ok = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        XCTAssertNil(error(ok))
        let elifs = "if a: pass\n" + String(repeating: "elif b: pass\n", count: 2_000)
        XCTAssertNil(error(elifs))
        // Each elif nests in the tree the compiler walks by recursion: a longer
        // chain is refused (CPython 3.11: RecursionError during compilation at
        // 3,000; the unix port: "bytecode overflow").
        let tooManyElifs = "if a: pass\n" + String(repeating: "elif b: pass\n", count: 20_000)
        XCTAssertEqual(error(tooManyElifs)?.message, "too many nested expressions")
        let sum = Array(repeating: "1", count: 100_000).joined(separator: "+")
        XCTAssertEqual(error(sum)?.message, "too many nested expressions")
    }

    /// A 5,000-line file parses completely (speed is the benchmarks' business).
    func testLargeInputParses() {
        var source = ""
        for i in 0..<1000 {
            source += "def f\(i)(a, b=\(i), *args, **kw):\n    x = [a + b * 2 for a in range(10) if a % 2]\n"
            source += "    return {'k': f'{x!r:>10}', 'v': (a, b, *args)}\n\n"
            source += "class C\(i)(Base):\n    y: int = 0x\(i)\n"
        }
        XCTAssertEqual(module(source).count, 2000)
    }

    // MARK: Interactive input

    func testIncompleteInput() {
        XCTAssertTrue(isIncompletePythonInput("if x:"))
        XCTAssertTrue(isIncompletePythonInput("if x:\n"))
        XCTAssertTrue(isIncompletePythonInput("if x:\n    y"))
        XCTAssertTrue(isIncompletePythonInput("if x:\n    y\n"))
        XCTAssertFalse(isIncompletePythonInput("if x:\n    y\n" + "\n"))
        XCTAssertTrue(isIncompletePythonInput("(1,"))
        XCTAssertTrue(isIncompletePythonInput("foo(1,\n  2,\n"))
        XCTAssertFalse(isIncompletePythonInput("x = 1"))
        XCTAssertFalse(isIncompletePythonInput("x = 1\n"))
        XCTAssertTrue(isIncompletePythonInput("\"\"\"abc"))
        XCTAssertTrue(isIncompletePythonInput("x = 1 + \\"))
        XCTAssertTrue(isIncompletePythonInput("x = 1 + \\\n"))
        XCTAssertTrue(isIncompletePythonInput("@dec\n"))
        XCTAssertTrue(isIncompletePythonInput("class A: pass\n"))
        XCTAssertFalse(isIncompletePythonInput("class A: pass\n\n"))
        XCTAssertFalse(isIncompletePythonInput("x = 'abc"))
        XCTAssertFalse(isIncompletePythonInput(""))
        XCTAssertFalse(isIncompletePythonInput("x = )"))
    }

    // MARK: Real files

    /// Every Python file the repository holds parses: the conformance corpus
    /// (programs and their helper modules) and the firmware (frozen modules,
    /// examples and the libraries copied into their drives).
    func testEveryPythonFileInTheRepositoryParses() throws {
        var count = 0
        for folder in ["Tests/Conformance", "Firmware"] {
            let root = packageRoot.appendingPathComponent(folder)
            let e = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil),
                                  "\(root.path) is missing")
            for case let url as URL in e where url.pathExtension == "py" {
                count += 1
                let name = url.path.replacingOccurrences(of: packageRoot.path + "/", with: "")
                let source = try String(contentsOf: url, encoding: .utf8)
                do {
                    _ = try parsePython(source, filename: name, mode: .module)
                } catch {
                    XCTFail("\(name):\(error.line):\(error.column): \(error.message)\n\(error.lineText)")
                }
            }
        }
        XCTAssertGreaterThan(count, 300, "the repository's Python files were not found under \(packageRoot.path)")
    }
}
