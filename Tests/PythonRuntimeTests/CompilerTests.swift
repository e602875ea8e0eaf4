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
        4 CALL_K_W 2
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
}
