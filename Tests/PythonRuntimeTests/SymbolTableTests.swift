import XCTest
@testable import PythonRuntime

final class CompilerSymbolTableTests: XCTestCase {
    func table(_ body: [Stmt]) throws -> SymbolTable {
        try buildSymbolTable(.statements(body), filename: "<test>", source: "")
    }

    func scope(_ t: SymbolTable, _ name: String) throws -> Scope {
        let s = t.scopes(named: name)
        XCTAssertEqual(s.count, 1, "scope \(name)")
        return try XCTUnwrap(s.first, "no scope \(name)")
    }

    func testLocalsGlobalsAndModuleNames() throws {
        let b = ASTBuilder()
        let t = try table([
            b.assign(b.name("m"), b.int(1)),
            b.def("f", ["p"], [
                b.assign(b.name("l"), b.name("g")),
                b.stmt(.global(["gx"])),
                b.assign(b.name("gx"), b.name("p")),
            ]),
        ])
        XCTAssertEqual(t.top.classification(of: "m"), .name)
        XCTAssertEqual(t.top.classification(of: "f"), .name)
        let f = try scope(t, "f")
        XCTAssertEqual(f.classification(of: "p"), .local)
        XCTAssertEqual(f.classification(of: "l"), .local)
        XCTAssertEqual(f.classification(of: "g"), .globalImplicit)
        XCTAssertEqual(f.classification(of: "gx"), .globalExplicit)
        XCTAssertEqual(f.localVariableNames, ["p", "l"])
    }

    func testCellsFreeAndNonlocal() throws {
        let b = ASTBuilder()
        let inner = b.def("inner", [], [b.stmt(.nonlocal(["x"])), b.assign(b.name("x"), b.name("y"))])
        let t = try table([b.def("outer", ["y"], [b.assign(b.name("x"), b.int(0)), inner])])
        let outer = try scope(t, "outer")
        XCTAssertEqual(outer.classification(of: "x"), .cell)
        XCTAssertEqual(outer.classification(of: "y"), .cell)
        XCTAssertEqual(outer.cellVariables, ["x", "y"])
        let i = try scope(t, "inner")
        XCTAssertEqual(i.classification(of: "x"), .free)
        XCTAssertEqual(i.classification(of: "y"), .free)
        XCTAssertEqual(i.freeVariables, ["x", "y"])
        // The parameter y becomes a cell starting as parameter 0.
        let code = try compileModule([b.def("outer", ["y"], [b.def("inner", [], [b.ret(b.name("y"))])])])
        XCTAssertEqual(nestedCode(code, "outer")?.cellParameterIndex, [0])
    }

    func testClassScopeIsSkipped() throws {
        let b = ASTBuilder()
        let method = b.def("m", ["self"], [b.ret(b.name("a"))])
        let t = try table([b.def("f", [], [b.assign(b.name("a"), b.int(1)),
                                            b.cls("C", [], [b.assign(b.name("a"), b.int(2)), b.expr(b.name("a")), method])])])
        XCTAssertEqual(try scope(t, "m").classification(of: "a"), .free)
        let c = try scope(t, "C")
        XCTAssertEqual(c.classification(of: "a"), .name)
        XCTAssertEqual(c.freeVariables, ["a"])   // passed through to the method
        XCTAssertEqual(try scope(t, "f").classification(of: "a"), .cell)
        // A method of a module-level class sees module globals, not class attributes.
        let t2 = try table([b.cls("D", [], [b.assign(b.name("z"), b.int(1)), b.def("m2", [], [b.ret(b.name("z"))])])])
        XCTAssertEqual(try scope(t2, "m2").classification(of: "z"), .globalImplicit)
    }

    func testImplicitClassCell() throws {
        let b = ASTBuilder()
        let t = try table([b.cls("C", [], [b.def("m", ["self"], [b.ret(b.call(b.name("super")))])]),
                           b.cls("D", [], [b.def("n", ["self"], [b.ret(b.name("x"))])])])
        XCTAssertTrue(try scope(t, "C").needsClassClosure)
        XCTAssertEqual(try scope(t, "C").cellVariables, ["__class__"])
        XCTAssertEqual(try scope(t, "m").freeVariables, ["__class__"])
        XCTAssertFalse(try scope(t, "D").needsClassClosure)
        XCTAssertEqual(try scope(t, "n").freeVariables, [])
    }

    func testComprehensionScopes() throws {
        let b = ASTBuilder()
        // def f(n): return [(y := i) for i in range(n) if n]
        let comp = b.listComp(b.walrus("y", b.name("i")), b.name("i"), b.call(b.name("range"), b.name("n")), ifs: [b.name("n")])
        let t = try table([b.def("f", ["n"], [b.ret(comp), b.ret(b.name("y"))]),
                           b.expr(b.listComp(b.walrus("z", b.name("j")), b.name("j"), b.name("xs")))])
        let lc = t.scopes(named: "<listcomp>")
        guard lc.count == 2 else { return XCTFail("expected 2 list comprehension scopes, got \(lc.count)") }
        XCTAssertEqual(lc[0].parameters, [".0"])
        XCTAssertEqual(lc[0].classification(of: "i"), .local)
        XCTAssertEqual(lc[0].classification(of: "n"), .free)
        XCTAssertEqual(lc[0].classification(of: "y"), .free)
        XCTAssertEqual(lc[0].classification(of: "range"), .globalImplicit)
        let f = try scope(t, "f")
        XCTAssertEqual(f.classification(of: "y"), .cell)
        XCTAssertEqual(f.classification(of: "n"), .cell)
        XCTAssertNil(f.resolution(of: "i"))
        // At module level the walrus target is global.
        XCTAssertEqual(lc[1].classification(of: "z"), .globalExplicit)
    }

    func testGeneratorAndCoroutineFlags() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.def("g", [], [b.expr(b.yield_(nil))]),
            b.def("c", [], [b.expr(b.await_(b.name("x")))], isAsync: true),
        ])
        XCTAssertTrue(nestedCode(m, "g")!.flags.contains(.generator))
        XCTAssertTrue(nestedCode(m, "g")!.flags.contains(.optimized))
        XCTAssertTrue(nestedCode(m, "c")!.flags.contains(.coroutine))
        XCTAssertFalse(m.flags.contains(.optimized))
    }

    func testQualifiedNames() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.def("outer", [], [b.def("inner", [], [b.pass]), b.cls("K", [], [b.def("meth", [], [b.expr(b.lambda([], b.int(1)))])])]),
        ])
        XCTAssertNotNil(nestedCode(m, "outer.<locals>.inner"))
        XCTAssertNotNil(nestedCode(m, "outer.<locals>.K"))
        XCTAssertNotNil(nestedCode(m, "outer.<locals>.K.meth"))
        XCTAssertNotNil(nestedCode(m, "outer.<locals>.K.meth.<locals>.<lambda>"))
    }

    // MARK: Errors

    func testErrors() throws {
        let b = ASTBuilder()
        expectSyntaxError([b.ret(nil)], "'return' outside function")
        expectSyntaxError([b.expr(b.yield_(nil))], "'yield' outside function")
        expectSyntaxError([b.cls("C", [], [b.expr(b.yield_(nil))])], "'yield' outside function")
        expectSyntaxError([b.expr(b.await_(b.name("x")))], "'await' outside function")
        expectSyntaxError([b.def("f", [], [b.expr(b.await_(b.name("x")))])], "'await' outside async function")
        expectSyntaxError([b.def("f", [], [b.expr(b.yield_(nil))], isAsync: true)], "'yield' inside async function")
        expectSyntaxError([b.brk], "'break' outside loop")
        expectSyntaxError([b.cont], "'continue' not properly in loop")
        expectSyntaxError([b.while_(b.name("x"), [b.def("f", [], [b.brk])])], "'break' outside loop")
        expectSyntaxError([b.stmt(.nonlocal(["x"]))], "nonlocal declaration not allowed at module level")
        expectSyntaxError([b.def("f", [], [b.stmt(.nonlocal(["x"]))])], "no binding for nonlocal 'x' found")
        expectSyntaxError([b.def("f", [], [b.expr(b.name("x")), b.stmt(.global(["x"]))])], "name 'x' is used prior to global declaration")
        expectSyntaxError([b.def("f", [], [b.assign(b.name("x"), b.int(1)), b.stmt(.global(["x"]))])], "name 'x' is assigned to before global declaration")
        expectSyntaxError([b.def("f", ["a", "a"], [b.pass])], "duplicate argument 'a' in function definition")
        expectSyntaxError([b.def("f", [], [b.stmt(.importFrom(module: "m", names: [Alias(name: "*", asname: nil, location: b.loc())], level: 0))])],
                          "import * only allowed at module level")
        expectSyntaxError([b.assign(b.name("__debug__"), b.int(1))], "cannot assign to __debug__")
        expectSyntaxError([b.expr(b.listComp(b.yield_(nil), b.name("i"), b.name("x")))], "'yield' inside list comprehension")
        expectSyntaxError([b.cls("C", [], [b.expr(b.listComp(b.walrus("y", b.int(1)), b.name("i"), b.name("x")))])],
                          "assignment expression within a comprehension cannot be used in a class body")
        expectSyntaxError([b.try_([b.pass], [b.except(nil, nil, [b.pass]), b.except(b.name("E"), nil, [b.pass])])], "default 'except:' must be last")
        expectSyntaxError([b.assign(b.tuple(b.starred(b.name("a")), b.starred(b.name("b"))), b.name("c"))], "multiple starred expressions in assignment")
    }

    func testErrorPosition() throws {
        let src = "x = 1\nreturn x\n"
        let ret = Stmt(.return(Expr(.name("x"), SourceLocation(line: 2, column: 7))), SourceLocation(line: 2, column: 0))
        do {
            _ = try compilePython(.statements([ret]), filename: "t.py", mode: .module, source: src)
            XCTFail("expected error")
        } catch {
            XCTAssertEqual(error, SyntaxErrorInfo(message: "'return' outside function", filename: "t.py", line: 2, column: 1, lineText: "return x"))
        }
    }
}
