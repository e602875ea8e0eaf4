import XCTest
import BigInt
@testable import PythonRuntime

final class CompilerTests: XCTestCase {
    func fn(_ code: CodeObject, _ name: String) -> CodeObject {
        guard let c = nestedCode(code, name) else { XCTFail("no code \(name)"); return code }
        return c
    }

    func testAddFunction() throws {
        let b = ASTBuilder()
        let m = try compileModule([b.def("f", ["a", "b"], [b.ret(b.bin(b.name("a"), .add, b.name("b")))])])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=1
        L1 0 LOAD_CONST 0 (<code f>)
        1 MAKE_FUNCTION 0
        2 STORE_NAME 0 (f)
        3 LOAD_CONST 1 (None)
        4 RETURN_VALUE
        code f args=2 posonly=0 kwonly=0 flags=optimized stack=2
        varnames: a, b
        L1 0 LOAD_FAST 0 (a)
        1 LOAD_FAST 1 (b)
        2 BINARY_OP 0 (+)
        3 RETURN_VALUE
        """)
    }

    func testIfElse() throws {
        let b = ASTBuilder()
        let body = [b.if_(b.name("x"), [b.assign(b.name("y"), b.int(1))], else: [b.assign(b.name("y"), b.int(2))])]
        let m = try compileModule([b.def("f", ["x"], body)])
        assertListing(fn(m, "f"), """
        code f args=1 posonly=0 kwonly=0 flags=optimized stack=1
        varnames: x, y
        L1 0 LOAD_FAST 0 (x)
        1 POP_JUMP_IF_FALSE 5 (to 5)
        2 LOAD_CONST 0 (1)
        3 STORE_FAST 1 (y)
        4 JUMP 7 (to 7)
        >> 5 LOAD_CONST 1 (2)
        6 STORE_FAST 1 (y)
        >> 7 LOAD_CONST 2 (None)
        8 RETURN_VALUE
        """)
    }

    func testForLoopWithBreakAndElse() throws {
        let b = ASTBuilder()
        let body = [b.for_(b.name("i"), b.name("xs"), [b.if_(b.name("i"), [b.brk]), b.expr(b.call(b.name("g"), b.name("i")))],
                           else: [b.ret(b.int(0))])]
        let m = try compileModule([b.def("f", ["xs"], body)])
        assertListing(fn(m, "f"), """
        code f args=1 posonly=0 kwonly=0 flags=optimized stack=3
        varnames: xs, i
        L1 0 LOAD_FAST 0 (xs)
        1 GET_ITER
        >> 2 FOR_ITER 13 (to 13)
        3 STORE_FAST 1 (i)
        4 LOAD_FAST 1 (i)
        5 POP_JUMP_IF_FALSE 8 (to 8)
        6 POP_TOP
        7 JUMP 15 (to 15)
        >> 8 LOAD_GLOBAL 0 (g)
        9 LOAD_FAST 1 (i)
        10 CALL 1
        11 POP_TOP
        12 JUMP 2 (to 2)
        >> 13 LOAD_CONST 0 (0)
        14 RETURN_VALUE
        >> 15 LOAD_CONST 1 (None)
        16 RETURN_VALUE
        """)
    }

    func testForOverRangeCallSkipsTheRangeObject() throws {
        let b = ASTBuilder()
        let body = [b.for_(b.name("i"), b.call(b.name("range"), b.int(1), b.name("n")), [b.expr(b.call(b.name("g"), b.name("i")))]),
                    b.for_(b.name("i"), b.call(b.name("range"), b.name("n"), b.name("n"), b.int(2), b.int(3)), [b.pass])]
        let m = try compileModule([b.def("f", ["n"], body)])
        assertListing(fn(m, "f"), """
        code f args=1 posonly=0 kwonly=0 flags=optimized stack=5
        varnames: n, i
        L1 0 LOAD_GLOBAL 0 (range)
        1 LOAD_CONST 0 (1)
        2 LOAD_FAST 0 (n)
        3 CALL_RANGE_ITER 2
        >> 4 FOR_ITER 11 (to 11)
        5 STORE_FAST 1 (i)
        6 LOAD_GLOBAL 1 (g)
        7 LOAD_FAST 1 (i)
        8 CALL 1
        9 POP_TOP
        10 JUMP 4 (to 4)
        >> 11 LOAD_GLOBAL 0 (range)
        12 LOAD_FAST 0 (n)
        13 LOAD_FAST 0 (n)
        14 LOAD_CONST 1 (2)
        15 LOAD_CONST 2 (3)
        16 CALL 4
        17 GET_ITER
        >> 18 FOR_ITER 21 (to 21)
        19 STORE_FAST 1 (i)
        20 JUMP 18 (to 18)
        >> 21 LOAD_CONST 3 (None)
        22 RETURN_VALUE
        """)
    }

    func testWhileContinue() throws {
        let b = ASTBuilder()
        let body = [b.while_(b.cmp(b.name("n"), (.gt, b.int(0))), [b.stmt(.augAssign(target: b.name("n"), op: .sub, value: b.int(1))), b.cont])]
        let m = try compileModule([b.def("f", ["n"], body)])
        assertListing(fn(m, "f"), """
        code f args=1 posonly=0 kwonly=0 flags=optimized stack=2
        varnames: n
        L1 >> 0 LOAD_FAST 0 (n)
        1 LOAD_CONST 0 (0)
        2 COMPARE_OP 4 (>)
        3 POP_JUMP_IF_FALSE 10 (to 10)
        4 LOAD_FAST 0 (n)
        5 LOAD_CONST 1 (1)
        6 BINARY_OP 17 (-=)
        7 STORE_FAST 0 (n)
        8 JUMP 0 (to 0)
        9 JUMP 0 (to 0)
        >> 10 LOAD_CONST 2 (None)
        11 RETURN_VALUE
        """)
    }

    func testClosure() throws {
        let b = ASTBuilder()
        let inner = b.def("inner", [], [b.ret(b.name("x"))])
        let m = try compileModule([b.def("outer", ["x"], [inner, b.ret(b.name("inner"))])])
        assertListing(fn(m, "outer"), """
        code outer args=1 posonly=0 kwonly=0 flags=optimized stack=2
        varnames: x, inner
        cellvars: x (params: 0)
        L1 0 LOAD_CLOSURE 0 (x)
        1 BUILD_TUPLE 1
        2 LOAD_CONST 0 (<code inner>)
        3 MAKE_FUNCTION 8 (closure)
        4 STORE_FAST 1 (inner)
        5 LOAD_FAST 1 (inner)
        6 RETURN_VALUE
        code outer.<locals>.inner args=0 posonly=0 kwonly=0 flags=optimized stack=1
        freevars: x
        L1 0 LOAD_DEREF 0 (x)
        1 RETURN_VALUE
        """)
    }

    func testTryExcept() throws {
        let b = ASTBuilder()
        let t = b.try_([b.expr(b.call(b.name("g")))],
                       [b.except(b.name("ValueError"), "e", [b.expr(b.call(b.name("h"), b.name("e")))]),
                        b.except(nil, nil, [b.pass])])
        let m = try compileModule([b.def("f", [], [t])])
        assertListing(fn(m, "f"), """
        code f args=0 posonly=0 kwonly=0 flags=optimized stack=3
        varnames: e
        L1 0 LOAD_GLOBAL 0 (g)
        1 CALL 0
        2 POP_TOP
        3 JUMP 27 (to 27)
        >> 4 PUSH_EXC_INFO
        5 LOAD_GLOBAL 1 (ValueError)
        6 CHECK_EXC_MATCH
        7 POP_JUMP_IF_FALSE 22 (to 22)
        8 STORE_FAST 0 (e)
        9 LOAD_GLOBAL 2 (h)
        10 LOAD_FAST 0 (e)
        11 CALL 1
        12 POP_TOP
        13 POP_EXCEPT
        14 LOAD_CONST 0 (None)
        15 STORE_FAST 0 (e)
        16 DELETE_FAST 0 (e)
        17 JUMP 27 (to 27)
        >> 18 LOAD_CONST 0 (None)
        19 STORE_FAST 0 (e)
        20 DELETE_FAST 0 (e)
        21 RERAISE
        >> 22 POP_TOP
        23 POP_EXCEPT
        24 JUMP 27 (to 27)
        25 RERAISE
        >> 26 POP_EXCEPT_RERAISE
        >> 27 LOAD_CONST 0 (None)
        28 RETURN_VALUE
        exception table:
        0 to 3 -> 4 [0]
        4 to 9 -> 26 [1]
        9 to 13 -> 18 [1]
        18 to 23 -> 26 [1]
        25 to 26 -> 26 [1]
        """)
    }

    func testTryFinallyReturn() throws {
        let b = ASTBuilder()
        let t = b.try_([b.ret(b.call(b.name("g")))], [], finally: [b.expr(b.call(b.name("h")))])
        let m = try compileModule([b.def("f", [], [t])])
        assertListing(fn(m, "f"), """
        code f args=0 posonly=0 kwonly=0 flags=optimized stack=3
        L1 0 LOAD_GLOBAL 0 (g)
        1 CALL 0
        2 LOAD_GLOBAL 1 (h)
        3 CALL 0
        4 POP_TOP
        5 RETURN_VALUE
        6 LOAD_GLOBAL 1 (h)
        7 CALL 0
        8 POP_TOP
        9 JUMP 16 (to 16)
        >> 10 PUSH_EXC_INFO
        11 LOAD_GLOBAL 1 (h)
        12 CALL 0
        13 POP_TOP
        14 RERAISE
        >> 15 POP_EXCEPT_RERAISE
        >> 16 LOAD_CONST 0 (None)
        17 RETURN_VALUE
        exception table:
        0 to 2 -> 10 [0]
        10 to 15 -> 15 [1]
        """)
    }

    func testWith() throws {
        let b = ASTBuilder()
        let w = b.with(b.call(b.name("open")), b.name("fh"), [b.expr(b.call(b.name("g"), b.name("fh")))])
        let m = try compileModule([b.def("f", [], [w])])
        assertListing(fn(m, "f"), """
        code f args=0 posonly=0 kwonly=0 flags=optimized stack=4
        varnames: fh
        L1 0 LOAD_GLOBAL 0 (open)
        1 CALL 0
        2 BEFORE_WITH
        3 STORE_FAST 0 (fh)
        4 LOAD_GLOBAL 1 (g)
        5 LOAD_FAST 0 (fh)
        6 CALL 1
        7 POP_TOP
        8 LOAD_CONST 0 (None)
        9 LOAD_CONST 0 (None)
        10 LOAD_CONST 0 (None)
        11 CALL 3
        12 POP_TOP
        13 JUMP 22 (to 22)
        >> 14 PUSH_EXC_INFO
        15 WITH_EXCEPT_START
        16 POP_JUMP_IF_TRUE 19 (to 19)
        17 RERAISE
        >> 18 POP_EXCEPT_RERAISE
        >> 19 POP_TOP
        20 POP_EXCEPT
        21 POP_TOP
        >> 22 LOAD_CONST 0 (None)
        23 RETURN_VALUE
        exception table:
        3 to 8 -> 14 [1]
        14 to 18 -> 18 [2]
        """)
    }

    func testClassWithSuper() throws {
        let b = ASTBuilder()
        let method = b.def("m", ["self"], [b.ret(b.call(b.attr(b.call(b.name("super")), "m")))])
        let m = try compileModule([b.cls("A", [b.name("B")], [b.expr(b.str("doc")), b.assign(b.name("x"), b.int(1)), method])])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=4
        L1 0 LOAD_BUILD_CLASS
        1 LOAD_CONST 0 (<code A>)
        2 MAKE_FUNCTION 0
        3 LOAD_CONST 1 ('A')
        4 LOAD_NAME 0 (B)
        5 CALL 3
        6 STORE_NAME 1 (A)
        7 LOAD_CONST 2 (None)
        8 RETURN_VALUE
        code A args=0 posonly=0 kwonly=0 flags=classBody stack=2
        cellvars: __class__
        L1 0 LOAD_NAME 0 (__name__)
        1 STORE_NAME 1 (__module__)
        2 LOAD_CONST 0 ('A')
        3 STORE_NAME 2 (__qualname__)
        4 LOAD_CONST 1 ('doc')
        5 STORE_NAME 3 (__doc__)
        6 LOAD_CONST 2 (1)
        7 STORE_NAME 4 (x)
        8 LOAD_CLOSURE 0 (__class__)
        9 BUILD_TUPLE 1
        10 LOAD_CONST 3 (<code m>)
        11 MAKE_FUNCTION 8 (closure)
        12 STORE_NAME 5 (m)
        13 LOAD_CLOSURE 0 (__class__)
        14 STORE_NAME 6 (__classcell__)
        15 LOAD_CONST 4 (None)
        16 RETURN_VALUE
        code A.m args=1 posonly=0 kwonly=0 flags=optimized stack=2
        varnames: self
        freevars: __class__
        L1 0 LOAD_GLOBAL 0 (super)
        1 CALL 0
        2 LOAD_METHOD 1 (m)
        3 CALL_METHOD 0
        4 RETURN_VALUE
        """)
    }

    func testListComprehensionAndGenexpr() throws {
        let b = ASTBuilder()
        let lc = b.listComp(b.bin(b.name("i"), .mul, b.name("n")), b.name("i"), b.name("xs"), ifs: [b.name("i")])
        let ge = b.genExp(b.name("z"), b.name("z"), b.name("xs"))
        let m = try compileModule([b.def("f", ["n", "xs"], [b.ret(b.tuple(lc, ge))])])
        assertListing(fn(m, "f"), """
        code f args=2 posonly=0 kwonly=0 flags=optimized stack=3
        varnames: n, xs
        cellvars: n (params: 0)
        L1 0 LOAD_CLOSURE 0 (n)
        1 BUILD_TUPLE 1
        2 LOAD_CONST 0 (<code <listcomp>>)
        3 MAKE_FUNCTION 8 (closure)
        4 LOAD_FAST 1 (xs)
        5 GET_ITER
        6 CALL 1
        7 LOAD_CONST 1 (<code <genexpr>>)
        8 MAKE_FUNCTION 0
        9 LOAD_FAST 1 (xs)
        10 GET_ITER
        11 CALL 1
        12 BUILD_TUPLE 2
        13 RETURN_VALUE
        code f.<locals>.<listcomp> args=1 posonly=0 kwonly=0 flags=optimized stack=4
        varnames: .0, i
        freevars: n
        L1 0 BUILD_LIST 0
        1 LOAD_FAST 0 (.0)
        >> 2 FOR_ITER 11 (to 11)
        3 STORE_FAST 1 (i)
        4 LOAD_FAST 1 (i)
        5 POP_JUMP_IF_FALSE 10 (to 10)
        6 LOAD_FAST 1 (i)
        7 LOAD_DEREF 0 (n)
        8 BINARY_OP 2 (*)
        9 LIST_APPEND 2
        >> 10 JUMP 2 (to 2)
        >> 11 RETURN_VALUE
        code f.<locals>.<genexpr> args=1 posonly=0 kwonly=0 flags=optimized,generator stack=2
        varnames: .0, z
        L1 0 LOAD_FAST 0 (.0)
        >> 1 FOR_ITER 7 (to 7)
        2 STORE_FAST 1 (z)
        3 LOAD_FAST 1 (z)
        4 YIELD_VALUE
        5 POP_TOP
        6 JUMP 1 (to 1)
        >> 7 LOAD_CONST 0 (None)
        8 RETURN_VALUE
        """)
    }

    func testCalls() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.expr(b.call(b.name("f"), b.int(1), kw: [("k", b.int(2))])),
            b.expr(b.call(b.attr(b.name("o"), "m"), b.int(1))),
            b.expr(b.call(b.name("f"), b.starred(b.name("a")), b.int(3), kw: [("k", b.int(1)), (nil, b.name("kw"))])),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=4
        L1 0 LOAD_NAME 0 (f)
        1 LOAD_CONST 0 (1)
        2 LOAD_CONST 1 (2)
        3 LOAD_CONST 2 (('k',))
        4 CALL_KW 2
        5 POP_TOP
        6 LOAD_NAME 1 (o)
        7 LOAD_METHOD 2 (m)
        8 LOAD_CONST 0 (1)
        9 CALL_METHOD 1
        10 POP_TOP
        11 LOAD_NAME 0 (f)
        12 BUILD_LIST 0
        13 LOAD_NAME 3 (a)
        14 LIST_EXTEND 1
        15 LOAD_CONST 3 (3)
        16 LIST_APPEND 1
        17 LIST_TO_TUPLE
        18 LOAD_CONST 4 ('k')
        19 LOAD_CONST 0 (1)
        20 BUILD_MAP 1
        21 LOAD_NAME 4 (kw)
        22 DICT_MERGE 1
        23 CALL_EX 1
        24 POP_TOP
        25 LOAD_CONST 5 (None)
        26 RETURN_VALUE
        """)
    }

    func testAssignmentForms() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.stmt(.assign(targets: [b.name("a"), b.attr(b.name("o"), "x")], value: b.tuple(b.int(1), b.int(2), b.int(3)))),
            b.assign(b.tuple(b.name("p"), b.starred(b.name("q")), b.name("r")), b.name("s")),
            b.stmt(.augAssign(target: b.sub(b.name("d"), b.name("k")), op: .add, value: b.int(1))),
            b.stmt(.augAssign(target: b.attr(b.name("o"), "y"), op: .mul, value: b.int(2))),
            b.assign(b.sub(b.name("d"), b.const(.none)), b.sub(b.name("t"), Expr(.slice(lower: b.int(1), upper: nil, step: b.int(2)), b.loc()))),
            b.stmt(.delete([b.name("a"), b.attr(b.name("o"), "x"), b.sub(b.name("d"), b.name("k"))])),
            b.expr(b.walrus("w", b.int(5))),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=4
        L1 0 LOAD_CONST 0 ((1, 2, 3))
        1 DUP_TOP
        2 STORE_NAME 0 (a)
        3 LOAD_NAME 1 (o)
        4 STORE_ATTR 2 (x)
        5 LOAD_NAME 3 (s)
        6 UNPACK_EX 257 (1, 1)
        7 STORE_NAME 4 (p)
        8 STORE_NAME 5 (q)
        9 STORE_NAME 6 (r)
        10 LOAD_NAME 7 (d)
        11 LOAD_NAME 8 (k)
        12 DUP_TOP_TWO
        13 BINARY_SUBSCR
        14 LOAD_CONST 1 (1)
        15 BINARY_OP 16 (+=)
        16 ROT_THREE
        17 STORE_SUBSCR
        18 LOAD_NAME 1 (o)
        19 DUP_TOP
        20 LOAD_ATTR 9 (y)
        21 LOAD_CONST 2 (2)
        22 BINARY_OP 18 (*=)
        23 ROT_TWO
        24 STORE_ATTR 9 (y)
        25 LOAD_NAME 10 (t)
        26 LOAD_CONST 1 (1)
        27 LOAD_CONST 3 (None)
        28 LOAD_CONST 2 (2)
        29 BUILD_SLICE 3
        30 BINARY_SUBSCR
        31 LOAD_NAME 7 (d)
        32 LOAD_CONST 3 (None)
        33 STORE_SUBSCR
        34 DELETE_NAME 0 (a)
        35 LOAD_NAME 1 (o)
        36 DELETE_ATTR 2 (x)
        37 LOAD_NAME 7 (d)
        38 LOAD_NAME 8 (k)
        39 DELETE_SUBSCR
        40 LOAD_CONST 4 (5)
        41 DUP_TOP
        42 STORE_NAME 11 (w)
        43 POP_TOP
        44 LOAD_CONST 3 (None)
        45 RETURN_VALUE
        """)
    }

    func testImports() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.stmt(.import([Alias(name: "a.b.c", asname: nil, location: b.loc()), Alias(name: "x.y", asname: "z", location: b.loc())])),
            b.stmt(.importFrom(module: "m", names: [Alias(name: "p", asname: "q", location: b.loc()), Alias(name: "r", asname: nil, location: b.loc())], level: 0)),
            b.stmt(.importFrom(module: nil, names: [Alias(name: "s", asname: nil, location: b.loc())], level: 1)),
            b.stmt(.importFrom(module: "os", names: [Alias(name: "*", asname: nil, location: b.loc())], level: 0)),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=2
        L1 0 LOAD_CONST 0 (0)
        1 LOAD_CONST 1 (None)
        2 IMPORT_NAME 0 (a.b.c)
        3 STORE_NAME 1 (a)
        4 LOAD_CONST 0 (0)
        5 LOAD_CONST 1 (None)
        6 IMPORT_NAME 2 (x.y)
        7 IMPORT_FROM 3 (y)
        8 STORE_NAME 4 (z)
        9 POP_TOP
        10 LOAD_CONST 0 (0)
        11 LOAD_CONST 2 (('p', 'r'))
        12 IMPORT_NAME 5 (m)
        13 IMPORT_FROM 6 (p)
        14 STORE_NAME 7 (q)
        15 IMPORT_FROM 8 (r)
        16 STORE_NAME 8 (r)
        17 POP_TOP
        18 LOAD_CONST 3 (1)
        19 LOAD_CONST 4 (('s',))
        20 IMPORT_NAME 9 ()
        21 IMPORT_FROM 10 (s)
        22 STORE_NAME 10 (s)
        23 POP_TOP
        24 LOAD_CONST 0 (0)
        25 LOAD_CONST 5 (('*',))
        26 IMPORT_NAME 11 (os)
        27 IMPORT_STAR
        28 LOAD_CONST 1 (None)
        29 RETURN_VALUE
        """)
    }

    func testFStringChainedCompareBoolOp() throws {
        let b = ASTBuilder()
        let spec = Expr(.joinedStr([b.str(">"), Expr(.formattedValue(value: b.name("w"), conversion: nil, formatSpec: nil), b.loc())]), b.loc())
        let fstr = Expr(.joinedStr([b.str("a"), Expr(.formattedValue(value: b.name("x"), conversion: "r", formatSpec: spec), b.loc())]), b.loc())
        let m = try compileModule([
            b.assign(b.name("s"), fstr),
            b.assign(b.name("c"), b.cmp(b.name("a"), (.lt, b.name("b")), (.ltE, b.name("c")))),
            b.assign(b.name("t"), Expr(.boolOp(.or, [b.name("a"), Expr(.boolOp(.and, [b.name("b"), b.name("c")]), b.loc())]), b.loc())),
            b.if_(Expr(.boolOp(.and, [b.name("a"), Expr(.unaryOp(.not, b.name("b")), b.loc())]), b.loc()), [b.pass]),
            b.assign(b.name("u"), b.cmp(b.name("a"), (.isNot, b.const(.none)))),
            b.assign(b.name("v"), b.cmp(b.name("a"), (.notIn, b.name("b")))),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=4
        L1 0 LOAD_CONST 0 ('a')
        1 LOAD_NAME 0 (x)
        2 LOAD_CONST 1 ('>')
        3 LOAD_NAME 1 (w)
        4 FORMAT_VALUE 0
        5 BUILD_STRING 2
        6 FORMAT_VALUE 6 (repr, with spec)
        7 BUILD_STRING 2
        8 STORE_NAME 2 (s)
        9 LOAD_NAME 3 (a)
        10 LOAD_NAME 4 (b)
        11 DUP_TOP
        12 ROT_THREE
        13 COMPARE_OP 0 (<)
        14 JUMP_IF_FALSE_OR_POP 18 (to 18)
        15 LOAD_NAME 5 (c)
        16 COMPARE_OP 1 (<=)
        17 JUMP 20 (to 20)
        >> 18 ROT_TWO
        19 POP_TOP
        >> 20 STORE_NAME 5 (c)
        21 LOAD_NAME 3 (a)
        22 JUMP_IF_TRUE_OR_POP 26 (to 26)
        23 LOAD_NAME 4 (b)
        24 JUMP_IF_FALSE_OR_POP 26 (to 26)
        25 LOAD_NAME 5 (c)
        >> 26 STORE_NAME 6 (t)
        27 LOAD_NAME 3 (a)
        28 POP_JUMP_IF_FALSE 31 (to 31)
        29 LOAD_NAME 4 (b)
        30 POP_JUMP_IF_TRUE 31 (to 31)
        >> 31 LOAD_NAME 3 (a)
        32 LOAD_CONST 2 (None)
        33 IS_OP 1 (is not)
        34 STORE_NAME 7 (u)
        35 LOAD_NAME 3 (a)
        36 LOAD_NAME 4 (b)
        37 CONTAINS_OP 1 (not in)
        38 STORE_NAME 8 (v)
        39 LOAD_CONST 2 (None)
        40 RETURN_VALUE
        """)
    }

    func testDisplaysWithStars() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.expr(b.list(b.starred(b.name("a")), b.name("b"))),
            b.expr(b.tuple(b.name("a"), b.starred(b.name("b")))),
            b.expr(Expr(.dict(keys: [b.str("x"), nil, b.str("k")], values: [b.int(1), b.name("m"), b.name("v")]), b.loc())),
            b.expr(Expr(.set([b.int(1), b.name("a")]), b.loc())),
            b.expr(b.tuple(b.int(1), b.tuple(b.str("a"), b.const(.float(0.0))), b.const(.bool(false)), b.int(0), b.const(.float(-0.0)))),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=3
        L1 0 BUILD_LIST 0
        1 LOAD_NAME 0 (a)
        2 LIST_EXTEND 1
        3 LOAD_NAME 1 (b)
        4 LIST_APPEND 1
        5 POP_TOP
        6 LOAD_NAME 0 (a)
        7 BUILD_LIST 1
        8 LOAD_NAME 1 (b)
        9 LIST_EXTEND 1
        10 LIST_TO_TUPLE
        11 POP_TOP
        12 LOAD_CONST 0 ('x')
        13 LOAD_CONST 1 (1)
        14 BUILD_MAP 1
        15 LOAD_NAME 2 (m)
        16 DICT_UPDATE 1
        17 LOAD_CONST 2 ('k')
        18 LOAD_NAME 3 (v)
        19 MAP_ADD 1
        20 POP_TOP
        21 LOAD_CONST 1 (1)
        22 LOAD_NAME 0 (a)
        23 BUILD_SET 2
        24 POP_TOP
        25 LOAD_CONST 3 ((1, ('a', 0.0), False, 0, -0.0))
        26 POP_TOP
        27 LOAD_CONST 4 (None)
        28 RETURN_VALUE
        """)
    }

    func testDefaultsDecoratorsLambda() throws {
        let b = ASTBuilder()
        var args = b.args(["a", "b"])
        args.defaults = [b.int(1)]
        args.kwonlyargs = [Arg(name: "k", location: b.loc())]
        args.kwDefaults = [b.int(2)]
        args.vararg = Arg(name: "rest", location: b.loc())
        let f = b.stmt(.functionDef(FunctionDef(name: "f", args: args, body: [b.ret(b.lambda(["x"], b.bin(b.name("x"), .add, b.name("a"))))],
                                                decorators: [b.name("d1"), b.call(b.name("d2"), b.int(3))], returns: nil, isAsync: false)))
        let m = try compileModule([f])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=5
        L1 0 LOAD_NAME 0 (d1)
        1 LOAD_NAME 1 (d2)
        2 LOAD_CONST 0 (3)
        3 CALL 1
        4 LOAD_CONST 1 ((1,))
        5 LOAD_CONST 2 ('k')
        6 LOAD_CONST 3 (2)
        7 BUILD_MAP 1
        8 LOAD_CONST 4 (<code f>)
        9 MAKE_FUNCTION 3 (defaults, kwdefaults)
        10 CALL 1
        11 CALL 1
        12 STORE_NAME 2 (f)
        13 LOAD_CONST 5 (None)
        14 RETURN_VALUE
        code f args=2 posonly=0 kwonly=1 flags=optimized,varargs stack=2
        varnames: a, b, k, rest
        cellvars: a (params: 0)
        L1 0 LOAD_CLOSURE 0 (a)
        1 BUILD_TUPLE 1
        2 LOAD_CONST 0 (<code <lambda>>)
        3 MAKE_FUNCTION 8 (closure)
        4 RETURN_VALUE
        code f.<locals>.<lambda> args=1 posonly=0 kwonly=0 flags=optimized stack=2
        varnames: x
        freevars: a
        L1 0 LOAD_FAST 0 (x)
        1 LOAD_DEREF 0 (a)
        2 BINARY_OP 0 (+)
        3 RETURN_VALUE
        """)
    }

    func testGeneratorAndAsync() throws {
        let b = ASTBuilder()
        let gen = b.def("g", ["xs"], [b.expr(b.yield_(b.int(1))), b.expr(Expr(.yieldFrom(b.name("xs")), b.loc()))])
        let co = b.def("c", ["xs"], [
            b.with(b.name("lock"), nil, [b.expr(b.await_(b.name("xs")))], isAsync: true),
            b.for_(b.name("x"), b.name("xs"), [b.pass], isAsync: true),
        ], isAsync: true)
        let m = try compileModule([gen, co])
        assertListing(fn(m, "g"), """
        code g args=1 posonly=0 kwonly=0 flags=optimized,generator stack=2
        varnames: xs
        L1 0 LOAD_CONST 0 (1)
        1 YIELD_VALUE
        2 POP_TOP
        3 LOAD_FAST 0 (xs)
        4 GET_YIELD_FROM_ITER
        5 LOAD_CONST 1 (None)
        6 YIELD_FROM
        7 POP_TOP
        8 LOAD_CONST 1 (None)
        9 RETURN_VALUE
        """)
        assertListing(fn(m, "c"), """
        code c args=1 posonly=0 kwonly=0 flags=optimized,coroutine stack=5
        varnames: xs, x
        L1 0 LOAD_GLOBAL 0 (lock)
        1 BEFORE_ASYNC_WITH
        2 GET_AWAITABLE
        3 LOAD_CONST 0 (None)
        4 YIELD_FROM
        5 POP_TOP
        6 LOAD_FAST 0 (xs)
        7 GET_AWAITABLE
        8 LOAD_CONST 0 (None)
        9 YIELD_FROM
        10 POP_TOP
        11 LOAD_CONST 0 (None)
        12 LOAD_CONST 0 (None)
        13 LOAD_CONST 0 (None)
        14 CALL 3
        15 GET_AWAITABLE
        16 LOAD_CONST 0 (None)
        17 YIELD_FROM
        18 POP_TOP
        19 JUMP 31 (to 31)
        >> 20 PUSH_EXC_INFO
        21 WITH_EXCEPT_START
        22 GET_AWAITABLE
        23 LOAD_CONST 0 (None)
        24 YIELD_FROM
        25 POP_JUMP_IF_TRUE 28 (to 28)
        26 RERAISE
        >> 27 POP_EXCEPT_RERAISE
        >> 28 POP_TOP
        29 POP_EXCEPT
        30 POP_TOP
        >> 31 LOAD_FAST 0 (xs)
        32 GET_AITER
        >> 33 GET_ANEXT
        34 GET_AWAITABLE
        35 LOAD_CONST 0 (None)
        36 YIELD_FROM
        37 STORE_FAST 1 (x)
        38 JUMP 33 (to 33)
        >> 39 END_ASYNC_FOR
        40 LOAD_CONST 0 (None)
        41 RETURN_VALUE
        exception table:
        5 to 11 -> 20 [1]
        20 to 27 -> 27 [2]
        33 to 37 -> 39 [1]
        """)
    }

    func testRaiseAssert() throws {
        let b = ASTBuilder()
        let m = try compileModule([
            b.stmt(.raise(exc: b.call(b.name("E")), cause: b.name("c"))),
            b.stmt(.assert(test: b.name("x"), msg: b.str("no"))),
            b.stmt(.raise(exc: nil, cause: nil)),
        ])
        assertListing(m, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=2
        L1 0 LOAD_NAME 0 (E)
        1 CALL 0
        2 LOAD_NAME 1 (c)
        3 RAISE_VARARGS 2
        4 LOAD_NAME 2 (x)
        5 POP_JUMP_IF_TRUE 10 (to 10)
        6 LOAD_ASSERTION_ERROR
        7 LOAD_CONST 0 ('no')
        8 CALL 1
        9 RAISE_VARARGS 1
        >> 10 RAISE_VARARGS 0
        """)
    }

    func testModes() throws {
        let b = ASTBuilder()
        let inter = try compileModule([b.expr(b.bin(b.int(1), .add, b.int(2))), b.assign(b.name("x"), b.int(3))], mode: .interactive)
        assertListing(inter, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=2
        L1 0 LOAD_CONST 0 (1)
        1 LOAD_CONST 1 (2)
        2 BINARY_OP 0 (+)
        3 PRINT_EXPR
        4 LOAD_CONST 2 (3)
        5 STORE_NAME 0 (x)
        6 LOAD_CONST 3 (None)
        7 RETURN_VALUE
        """)
        let ev = try compilePython(.expression(b.call(b.name("f"), b.name("x"))), filename: "<eval>", mode: .expression, source: "")
        assertListing(ev, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=2
        L1 0 LOAD_NAME 0 (f)
        1 LOAD_NAME 1 (x)
        2 CALL 1
        3 RETURN_VALUE
        """)
        let docMod = try compileModule([b.expr(b.str("module doc")), b.assign(b.name("x"), b.int(1))])
        assertListing(docMod, """
        code <module> args=0 posonly=0 kwonly=0 flags=- stack=1
        L1 0 LOAD_CONST 0 ('module doc')
        1 STORE_NAME 0 (__doc__)
        2 LOAD_CONST 1 (1)
        3 STORE_NAME 1 (x)
        4 LOAD_CONST 2 (None)
        5 RETURN_VALUE
        """)
    }

    func testReturnThroughWithAndHandler() throws {
        let b = ASTBuilder()
        let inner = b.try_([b.ret(b.name("x"))], [b.except(nil, "e", [b.ret(b.name("e"))])])
        let loop = b.for_(b.name("i"), b.name("xs"), [b.with(b.name("cm"), nil, [inner])])
        let m = try compileModule([b.def("f", ["xs", "x"], [loop])])
        assertListing(fn(m, "f"), """
        code f args=2 posonly=0 kwonly=0 flags=optimized stack=6
        varnames: xs, x, i, e
        L1 0 LOAD_FAST 0 (xs)
        1 GET_ITER
        >> 2 FOR_ITER 61 (to 61)
        3 STORE_FAST 2 (i)
        4 LOAD_GLOBAL 0 (cm)
        5 BEFORE_WITH
        6 POP_TOP
        7 LOAD_FAST 1 (x)
        8 ROT_TWO
        9 LOAD_CONST 0 (None)
        10 LOAD_CONST 0 (None)
        11 LOAD_CONST 0 (None)
        12 CALL 3
        13 POP_TOP
        14 ROT_TWO
        15 POP_TOP
        16 RETURN_VALUE
        17 JUMP 46 (to 46)
        >> 18 PUSH_EXC_INFO
        19 STORE_FAST 3 (e)
        20 LOAD_FAST 3 (e)
        21 ROT_TWO
        22 POP_EXCEPT
        23 LOAD_CONST 0 (None)
        24 STORE_FAST 3 (e)
        25 DELETE_FAST 3 (e)
        26 ROT_TWO
        27 LOAD_CONST 0 (None)
        28 LOAD_CONST 0 (None)
        29 LOAD_CONST 0 (None)
        30 CALL 3
        31 POP_TOP
        32 ROT_TWO
        33 POP_TOP
        34 RETURN_VALUE
        35 POP_EXCEPT
        36 LOAD_CONST 0 (None)
        37 STORE_FAST 3 (e)
        38 DELETE_FAST 3 (e)
        39 JUMP 46 (to 46)
        >> 40 LOAD_CONST 0 (None)
        41 STORE_FAST 3 (e)
        42 DELETE_FAST 3 (e)
        43 RERAISE
        44 RERAISE
        >> 45 POP_EXCEPT_RERAISE
        >> 46 LOAD_CONST 0 (None)
        47 LOAD_CONST 0 (None)
        48 LOAD_CONST 0 (None)
        49 CALL 3
        50 POP_TOP
        51 JUMP 60 (to 60)
        >> 52 PUSH_EXC_INFO
        53 WITH_EXCEPT_START
        54 POP_JUMP_IF_TRUE 57 (to 57)
        55 RERAISE
        >> 56 POP_EXCEPT_RERAISE
        >> 57 POP_TOP
        58 POP_EXCEPT
        59 POP_TOP
        >> 60 JUMP 2 (to 2)
        >> 61 LOAD_CONST 0 (None)
        62 RETURN_VALUE
        exception table:
        6 to 7 -> 52 [2]
        7 to 8 -> 18 [2]
        17 to 18 -> 52 [2]
        18 to 20 -> 45 [3]
        20 to 21 -> 40 [3]
        21 to 26 -> 52 [2]
        35 to 40 -> 52 [2]
        40 to 45 -> 45 [3]
        45 to 46 -> 52 [2]
        52 to 56 -> 56 [3]
        """)
    }
}

/// `@micropython.viper`: typed arguments become words on entry, int arithmetic
/// and pointer loads use the viper instructions, `for … in range` is a counted
/// loop (hidden counter and end), and a uint result becomes an object on return.
final class ViperCompilerTests: XCTestCase {
    func compile(_ source: String) throws -> CodeObject {
        let parsed = try parsePython(source, filename: "<test>", mode: .module)
        let m = try compilePython(parsed, filename: "<test>", mode: .module, source: source)
        guard let f = nestedCode(m, "f") else { XCTFail("no code f"); return m }
        return f
    }

    func testViperFunctionCompilesToViperInstructions() throws {
        let f = try compile("""
            @micropython.viper
            def f(buf: ptr8, n: int) -> uint:
                s = 0
                for i in range(n):
                    s += buf[i] << 1
                return uint(s)
            """)
        assertListing(f, """
        code f args=2 posonly=0 kwonly=0 flags=optimized,viper stack=3
        varnames: buf, n, s, i, .viper_range1, .viper_end1
        L2 0 LOAD_FAST 0 (buf)
        1 VIPER_TO_NATIVE 5 (ptr8)
        2 STORE_FAST 0 (buf)
        3 LOAD_FAST 1 (n)
        4 VIPER_TO_NATIVE 2 (int)
        5 STORE_FAST 1 (n)
        L3 6 LOAD_CONST 0 (0)
        7 STORE_FAST 2 (s)
        L4 8 LOAD_FAST 1 (n)
        9 STORE_FAST 5 (.viper_end1)
        10 LOAD_CONST 0 (0)
        11 STORE_FAST 4 (.viper_range1)
        12 JUMP 27 (to 27)
        >> 13 LOAD_FAST 4 (.viper_range1)
        14 STORE_FAST 3 (i)
        L5 15 LOAD_FAST 2 (s)
        16 LOAD_FAST 0 (buf)
        17 LOAD_FAST 3 (i)
        18 VIPER_LOAD 1 (8-bit)
        19 LOAD_CONST 1 (1)
        20 VIPER_BINARY 8 (<<)
        21 VIPER_BINARY 0 (+)
        22 STORE_FAST 2 (s)
        L4 23 LOAD_FAST 4 (.viper_range1)
        24 LOAD_CONST 1 (1)
        25 VIPER_BINARY 0 (+)
        26 STORE_FAST 4 (.viper_range1)
        >> 27 LOAD_FAST 4 (.viper_range1)
        28 LOAD_FAST 5 (.viper_end1)
        29 VIPER_COMPARE 0 (<)
        30 POP_JUMP_IF_TRUE 13 (to 13)
        L6 31 LOAD_FAST 2 (s)
        32 VIPER_TO_OBJECT 3 (uint)
        33 RETURN_VALUE
        """)
    }

    func testViperTypeErrorIsReportedWhenTheFunctionIsCompiled() throws {
        let source = "@micropython.viper\ndef f(x: int):\n    y = x\n    y = []\n"
        let parsed = try parsePython(source, filename: "<test>", mode: .module)
        XCTAssertThrowsError(try compilePython(parsed, filename: "<test>", mode: .module, source: source)) { e in
            let info = e as? SyntaxErrorInfo
            XCTAssertEqual(info?.kind, "ViperTypeError")
            XCTAssertEqual(info?.message, "local 'y' has type 'int' but source is 'object'")
        }
    }

    func testWithoutNativeEmittersTheDecoratorsAreInvalid() throws {
        let source = "@micropython.native\ndef f(): pass\n"
        let parsed = try parsePython(source, filename: "<test>", mode: .module)
        XCTAssertThrowsError(try compilePython(parsed, filename: "<test>", mode: .module, source: source, nativeEmitter: nil)) { e in
            XCTAssertEqual((e as? SyntaxErrorInfo)?.message, "invalid micropython decorator")
        }
    }
}
