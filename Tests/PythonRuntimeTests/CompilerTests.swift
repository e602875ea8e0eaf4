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
}
