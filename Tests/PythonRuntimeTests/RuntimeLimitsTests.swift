import Foundation
import XCTest
@testable import PythonRuntime

/// What a user sees when the program on a board runs away: unbounded
/// recursion, endless loops, memory bombs, garbage, `sys.exit`, and the
/// instruction count the board's clock is driven by. The runtime must turn each
/// into a Python exception (or a clean stop) and stay usable; the host must
/// never crash or hang.
final class RuntimeLimitsTests: XCTestCase {

    /// Runs a sanity program in `session` and checks the runtime still works.
    func assertStillUsable(_ session: PythonSession, _ context: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let r = session.run("""
            d = {k: [k] * 2 for k in range(50)}
            print(sum(len(v) for v in d.values()), 'ok')
            """)
        XCTAssertFalse(r.timedOut, "\(context): runtime hung after the previous run", file: file, line: line)
        XCTAssertNil(r.exception, "\(context): runtime broken after the previous run:\n\(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stdout, "100 ok\n", context, file: file, line: line)
    }

    /// The last non-empty line of a text (the exception line of a traceback).
    func lastLine(_ s: String) -> String {
        s.split(separator: "\n").last.map(String.init) ?? ""
    }

    // MARK: recursion

    /// Programs that recurse forever; `start()` starts the recursion. Several go
    /// through native code (built-in functions calling back into Python).
    static let recursionShapes: [(name: String, source: String)] = [
        ("plain function", """
            def start(): return start()
            """),
        ("__repr__ via repr()", """
            class A:
                def __repr__(self): return repr(self)
            def start(): return repr(A())
            """),
        ("__eq__ via ==", """
            class A:
                def __eq__(self, other): return self == other
            def start(): return A() == A()
            """),
        ("__getattr__", """
            class A:
                def __getattr__(self, name): return self.missing
            def start(): return A().anything
            """),
        ("sorted(key=...)", """
            def key(x): return sorted([x, x], key=key)
            def start(): return key(1)
            """),
        ("generator chain (yield from)", """
            def g(n):
                yield from g(n + 1)
            def start(): return list(g(0))
            """),
        ("__str__ via str()", """
            class A:
                def __str__(self): return str(self)
            def start(): return str(A())
            """),
        ("__hash__ via dict insertion", """
            class A:
                def __hash__(self): return hash(self)
            def start(): return {A(): 1}
            """),
        ("__init__ via class call", """
            class A:
                def __init__(self): A()
            def start(): return A()
            """),
        ("map()", """
            def f(x): return list(map(f, [x]))
            def start(): return f(1)
            """),
        ("property getter", """
            class A:
                @property
                def p(self): return self.p
            def start(): return A().p
            """),
        ("eval()", """
            def start(): return eval("start()")
            """),
    ]

    func testRecursionCaughtInPython() {
        for shape in Self.recursionShapes {
            let session = PythonSession()
            let r = session.run(shape.source + """

                try:
                    start()
                except RecursionError as e:
                    print(type(e).__name__, e)
                print('after')
                """)
            XCTAssertFalse(r.timedOut, "\(shape.name): timed out")
            XCTAssertNil(r.exception, "\(shape.name): uncaught:\n\(r.stderr.suffix(500))")
            XCTAssertEqual(r.stdout, "RecursionError maximum recursion depth exceeded\nafter\n", "\(shape.name)")
            assertStillUsable(session, shape.name)
        }
    }

    func testRecursionUncaught() {
        for shape in Self.recursionShapes {
            let session = PythonSession()
            let r = session.run(shape.source + "\nstart()\n")
            XCTAssertFalse(r.timedOut, "\(shape.name): timed out")
            XCTAssertEqual(r.exceptionType, "RecursionError", "\(shape.name):\n\(r.stderr.suffix(500))")
            XCTAssertTrue(r.stderr.hasPrefix("Traceback (most recent call last):\n"), "\(shape.name): \(r.stderr.prefix(200))")
            XCTAssertEqual(lastLine(r.stderr), "RecursionError: maximum recursion depth exceeded", "\(shape.name)")
            assertStillUsable(session, shape.name)
        }
    }

    /// Recursion just under the limit works; the limit comes from the configuration.
    func testRecursionLimitIsConfigurable() {
        let source = """
            import sys
            def depth(n): return n if n == 0 else 1 + depth(n - 1)
            print(depth(150))
            try:
                depth(400)
            except RecursionError:
                print('RecursionError')
            """
        assertOutput(source, "150\nRecursionError\n", configure: { $0.recursionLimit = 200 })
    }

    // MARK: interrupts

    /// Runs `source` in `session` while another thread calls `requestInterrupt`
    /// after `delay` seconds.
    func runInterrupted(_ session: PythonSession, _ source: String, after delay: TimeInterval = 0.1) -> (PythonResult, TimeInterval) {
        let rt = session.runtime
        let start = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { rt.requestInterrupt() }
        let r = session.run(source, timeout: 10)
        return (r, Date().timeIntervalSince(start))
    }

    func testInfiniteLoopStoppedByInterrupt() {
        let session = PythonSession()
        let (r, elapsed) = runInterrupted(session, "while True: pass\n")
        XCTAssertFalse(r.timedOut, "requestInterrupt did not stop `while True: pass`")
        XCTAssertEqual(r.exceptionType, "KeyboardInterrupt", r.stderr)
        XCTAssertLessThan(elapsed, 5)
        // As MicroPython prints it: the colon stays when there is no message.
        XCTAssertEqual(lastLine(r.stderr), "KeyboardInterrupt: ")
        assertStillUsable(session)
        // A second runaway loop in the same runtime stops too.
        let (again, _) = runInterrupted(session, "i = 0\nwhile True:\n    i += 1\n")
        XCTAssertEqual(again.exceptionType, "KeyboardInterrupt", again.stderr)
        assertStillUsable(session)
    }

    func testInterruptCaughtInPython() {
        let session = PythonSession()
        let (r, _) = runInterrupted(session, """
            try:
                while True:
                    pass
            except KeyboardInterrupt:
                print('stopped')
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "stopped\n")
    }

    /// Loops whose time goes into native code or nested calls still stop.
    func testInterruptInLoopsThroughNativeCode() {
        let loops = [
            "while True: sorted(range(100), key=lambda x: -x)\n",
            "def f(): pass\nwhile True: f()\n",
            "def g():\n    while True: yield 1\nfor x in g(): pass\n",
            "while True: [i * i for i in range(100)]\n",
            // One long call into a built-in that iterates in Swift.
            "sum(range(10**12))\n",
            "any(x < 0 for x in iter(int, 1))\n",
            "sorted(range(10**12))\n",
            "max(range(10**12))\n",
        ]
        for source in loops {
            let session = PythonSession()
            let (r, _) = runInterrupted(session, source)
            XCTAssertFalse(r.timedOut, "not stopped by requestInterrupt: \(source)")
            XCTAssertEqual(r.exceptionType, "KeyboardInterrupt", "\(source)\n\(r.stderr)")
            assertStillUsable(session, source)
        }
    }

    // MARK: memory

    static let smallHeap = 2 << 20

    /// Programs that ask for far more memory than a 2 MiB heap has.
    static let memoryBombs: [(name: String, source: String)] = [
        ("list repetition", "x = [0] * 10**8"),
        ("str repetition", "x = 'x' * 10**9"),
        ("bytes repetition", "x = b'x' * 10**9"),
        ("bytearray(n)", "x = bytearray(10**9)"),
        ("bytes(n)", "x = bytes(10**9)"),
        ("list(range(n))", "x = list(range(10**8))"),
        ("list of lists growing forever", "l = []\nwhile True:\n    l.append([1, 2, 3])"),
        ("list of small ints growing forever", "l = []\nwhile True:\n    l.append(1)"),
        ("dict with str keys growing forever", "d = {}\ni = 0\nwhile True:\n    d[str(i)] = i\n    i += 1"),
        ("dict with int keys growing forever", "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1"),
        ("set growing forever", "s = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1"),
        ("str doubling", "s = 'ab'\nwhile True:\n    s += s"),
        ("huge power", "x = 2 ** (10**9)"),
        ("huge power of ten", "x = 10 ** (10**8)"),
        // Sizes whose byte count overflows an Int: a MemoryError, not a trap.
        ("bytes repeated past Int", "x = b'ab' * (2**62)"),
        ("str repeated past Int", "x = 'ab' * (2**62)"),
        ("list repeated past Int", "x = [1, 2] * (2**61)"),
        ("wide fill past Int", "x = 'a'.center(2**62, '\\u00e9')"),
        ("bytearray zfill", "x = bytearray(b'a').zfill(10**12)"),
        // Padding to a width larger than the heap.
        ("huge format() width", "x = format(1, '10000000000d')"),
        ("huge % width", "x = '%*d' % (10**10, 1)"),
        ("huge str.format width", "x = '{:>9999999999}'.format(1)"),
        ("huge f-string width", "w = 10**10\nx = f'{1:{w}}'"),
    ]

    func testMemoryBombsRaiseMemoryError() {
        for bomb in Self.memoryBombs {
            let session = PythonSession { $0.heapLimit = Self.smallHeap }
            let indented = bomb.source.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
            // Inside a function, so that what the bomb allocated dies with its frame.
            let r = session.run("""
                def bomb():
                \(indented)
                try:
                    bomb()
                    print('no error')
                except MemoryError as e:
                    print(type(e).__name__)
                """, timeout: 5)
            XCTAssertFalse(r.hung, "\(bomb.name): hung, even after requestInterrupt")
            XCTAssertFalse(r.timedOut, "\(bomb.name): no MemoryError within 5 s (heap at \(session.runtime.heap.bytesInUse) of \(Self.smallHeap) bytes)")
            XCTAssertNil(r.exception, "\(bomb.name): uncaught \(r.exceptionType ?? "")")
            XCTAssertEqual(r.stdout, "MemoryError\n", "\(bomb.name)")
            if !r.hung { assertStillUsable(session, bomb.name) }
        }
    }

    /// Extreme but legal arguments end in the exception MicroPython raises (or
    /// the right answer), never in a Swift arithmetic trap or an allocation
    /// the heap never saw.
    func testExtremeArgumentsRaiseInsteadOfTrapping() {
        assertOutput("""
            import time
            cases = [
                lambda: pow(2**63, 2**62), lambda: pow(7, -2**63, 1), lambda: pow(5, -1, 1),
                lambda: round(1, -2**63), lambda: round(7, -2**62), lambda: round(12350, -2),
                lambda: (7).to_bytes(2**62, 'little'), lambda: 'abc' * 2**62, lambda: bytearray() * 2**64,
                lambda: [] * 2**62, lambda: 'abc'.center(-2**63), lambda: 'x'.center(2**62),
                lambda: 7 / -2**63, lambda: 'a\\tb'.expandtabs(2**62), lambda: b'\\t'.expandtabs(2**40),
                lambda: bytes(2**63 - 1), lambda: time.gmtime(-2**63), lambda: b'ab'.hex(':', -2**63),
                lambda: format(1, '999999999999'), lambda: '%.2147483647f' % 1.0,
                lambda: len(format(1.5, '.1500f')), lambda: format(0.1, '.1200e')[-8:],
            ]
            for c in cases:
                try:
                    print(c())
                except Exception as e:
                    print(type(e).__name__)
            """, """
            MemoryError
            0
            0
            0
            0
            12400
            MemoryError
            MemoryError
            bytearray(b'')
            []
            abc
            MemoryError
            -7.589415207398531e-19
            MemoryError
            MemoryError
            MemoryError
            OverflowError
            6162
            MemoryError
            MemoryError
            1502
            0000e-01

            """, configure: { $0.heapLimit = 64 * 1024 * 1024 })
    }

    func testUncaughtMemoryError() {
        let session = PythonSession { $0.heapLimit = Self.smallHeap }
        let r = session.run("x = [0] * 10**8\n")
        XCTAssertEqual(r.exceptionType, "MemoryError")
        XCTAssertTrue(lastLine(r.stderr).hasPrefix("MemoryError"), r.stderr)
        assertStillUsable(session)
    }

    // MARK: garbage collection

    func testShortLivedGarbageIsCollected() {
        // About 100 MB of lists and strings, each dropped straight away, in a 4 MiB heap.
        let session = PythonSession { $0.heapLimit = 4 << 20 }
        let r = session.run("""
            total = 0
            for i in range(100000):
                x = [i] * 125
                total += len(x)
            for i in range(50000):
                s = str(i) * 200
                total += len(s) > 0
            print(total)
            """, timeout: 60)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "12550000\n")
        XCTAssertLessThanOrEqual(session.runtime.heap.bytesInUse, 4 << 20)
        assertStillUsable(session)
    }

    /// Collects garbage while no code runs and returns the heap's bytes and
    /// objects afterwards. (There is no `gc` module to do it from Python.) With
    /// nothing running, no Swift code holds values, so the whole nursery may go.
    func collectedHeap(_ session: PythonSession) -> (bytes: Int, objects: Int) {
        let rt = session.runtime
        _ = runOnLargeStack(timeout: 30) { rt.collectGarbage(nurseryFloor: 0) }
        return (rt.heap.bytesInUse, rt.heap.objectCount)
    }

    /// A REPL session: every input leaves some garbage behind that was allocated
    /// after the input's last collection. Later inputs must still be able to free
    /// it, or a long session runs out of memory.
    func testGarbageLeftByEarlierRunsIsFreed() {
        let session = PythonSession { $0.heapLimit = 4 << 20 }
        for i in 0..<20 {
            // About 700 KB of lists per input, less than what triggers a collection.
            let r = session.run("for i in range(2000):\n    a = [0] * 40\n\n", interactive: true)
            XCTAssertNil(r.exception, "input \(i): \(r.stderr)")
            if r.exception != nil { break }
        }
        assertStillUsable(session, "after 20 inputs")
    }

    /// A big allocation right after a burst of garbage: the heap is mostly
    /// garbage, so a collection makes room and the allocation succeeds.
    func testBigAllocationAfterGarbageSucceeds() {
        for n in [1000, 2000, 3000, 4000, 5000] {
            let session = PythonSession { $0.heapLimit = 2 << 20 }
            let r = session.run("""
                def churn():
                    for i in range(\(n)):
                        a = [0] * 40
                churn()
                x = [0] * 200000  # 1.6 MB of the 2 MiB heap
                print(len(x))
                """)
            XCTAssertNil(r.exception, "after \(n) garbage lists: \(lastLine(r.stderr))")
            XCTAssertEqual(r.stdout, "200000\n", "after \(n) garbage lists")
        }
    }

    func testReferenceCyclesAreFreed() {
        let cycles = [
            ("self-referencing list", """
                for i in range(100000):
                    a = []
                    a.append(a)
                del a
                """),
            ("two instances pointing at each other", """
                class Node:
                    pass
                for i in range(100000):
                    a = Node()
                    b = Node()
                    a.other = b
                    b.other = a
                del a, b
                """),
            ("dict containing itself", """
                for i in range(50000):
                    d = {}
                    d['self'] = d
                del d
                """),
            ("closure referring to itself", """
                def make():
                    def f():
                        return f
                    return f
                for i in range(20000):
                    g = make()
                del g
                """),
        ]
        for (name, source) in cycles {
            // A small heap: without cycle collection the loop would run out of memory.
            let session = PythonSession { $0.heapLimit = 4 << 20 }
            let before = collectedHeap(session)
            var peak = 0
            let heap = session.runtime.heap
            session.host.onInstructions = { _ in peak = max(peak, heap.bytesInUse) }
            let r = session.run(source, timeout: 30)
            session.host.onInstructions = nil
            XCTAssertNil(r.exception, "\(name):\n\(r.stderr)")
            XCTAssertLessThanOrEqual(peak, 4 << 20, name)
            let after = collectedHeap(session)
            XCTAssertLessThan(after.bytes - before.bytes, 64 << 10, "\(name): \(before.bytes) -> \(after.bytes) bytes")
            XCTAssertLessThan(after.objects - before.objects, 500, "\(name): \(before.objects) -> \(after.objects) objects")
        }
    }

    // MARK: SystemExit

    func testSystemExitStatus() {
        let cases: [(String, Int32)] = [
            ("import sys\nsys.exit(3)\n", 3),
            ("import sys\nsys.exit()\n", 0),
            ("raise SystemExit(7)\n", 7),
            ("raise SystemExit\n", 0),
            ("import sys\nsys.exit(None)\n", 0),
            ("import sys\nsys.exit('bye')\n", 1),
        ]
        for (source, status) in cases {
            let session = PythonSession()
            let r = session.run(source)
            guard let e = r.exception else {
                XCTFail("no SystemExit from \(source)")
                continue
            }
            XCTAssertEqual(session.runtime.exitStatus(of: e), status, source)
        }
        // Not an exit: exitStatus is nil.
        let session = PythonSession()
        let r = session.run("1 / 0\n")
        XCTAssertEqual(r.exceptionType, "ZeroDivisionError")
        XCTAssertNil(r.exception.flatMap { session.runtime.exitStatus(of: $0) })
        // SystemExit can be caught.
        assertOutput("""
            import sys
            try:
                sys.exit(3)
            except SystemExit as e:
                print('caught', e.code)
            """, "caught 3\n")
    }

    // MARK: instruction counting

    func testInstructionCountGrowsWithWork() {
        let session = PythonSession()
        let rt = session.runtime
        let start = rt.instructionCount
        let r = session.run("""
            total = 0
            for i in range(10000):
                total += i
            print(total)
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "49995000\n")
        let loop = rt.instructionCount - start
        XCTAssertGreaterThan(loop, 10_000)
        XCTAssertLessThan(loop, 200_000)

        // Ten times the work counts about ten times the instructions.
        let before = rt.instructionCount
        _ = session.run("""
            total = 0
            for i in range(100000):
                total += i
            """)
        let big = rt.instructionCount - before
        XCTAssertGreaterThan(big, loop * 8)
        XCTAssertLessThan(big, loop * 12)
    }

    func testHostIsToldAboutInstructions() {
        let session = PythonSession()
        let rt = session.runtime
        let start = rt.instructionCount
        let r = session.run("""
            n = 0
            for i in range(200000):
                n += 1
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertGreaterThan(session.host.instructionReports, 0, "instructionsExecuted was never called")
        XCTAssertGreaterThan(session.host.instructionsReported, 0)
        // The host is never told about more instructions than were run.
        XCTAssertLessThanOrEqual(session.host.instructionsReported, rt.instructionCount)
        // Most of a long run is reported (reports come every few thousand instructions).
        XCTAssertGreaterThan(session.host.instructionsReported, (rt.instructionCount - start) / 2)
    }

    /// A slow loop calling a property (or any Python code run from native code)
    /// that makes garbage: the garbage is freed even though the outer loop runs
    /// too few instructions to reach its own safe point. (A thermostat firmware
    /// reading a sensor property every few seconds ran out of a 126 KB heap.)
    func testGarbageMadeInsidePropertiesIsFreedWhileTheCallerLoops() {
        let session = PythonSession { $0.heapLimit = 256 << 10 }
        let r = session.run("""
            class Sensor:
                @property
                def value(self):
                    junk = [list(range(20)) for _ in range(50)]
                    return len(junk)
            s = Sensor()
            total = 0
            for i in range(400):
                total += s.value
            print(total)
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "20000\n")
        XCTAssertLessThanOrEqual(session.runtime.heap.bytesInUse, 256 << 10, "the heap went over its limit")
    }
}
