import BreadboxTestSupport
import Foundation
import HostPlatform
@testable import PythonRuntime
import XCTest

/// A console that hands out scripted bytes through `readInput`, noting how many
/// each read asked for, and keeps what the program writes in order, text and
/// raw bytes apart.
final class ByteConsoleHost: RuntimeHost, @unchecked Sendable {
    var pending: [UInt8]
    /// `maxBytes` of every `readInput` call.
    private(set) var requests: [Int] = []
    /// Everything written, in order, as bytes.
    private(set) var output: [UInt8] = []
    private(set) var textWrites = 0
    private(set) var rawWrites = 0
    private(set) var stderr = ""
    let clock: RuntimeClock = HostClock()

    init(_ input: [UInt8]) { pending = input }

    func readInput(maxBytes: Int) -> [UInt8]? {
        requests.append(maxBytes)
        guard !pending.isEmpty else { return nil }
        let n = min(maxBytes, pending.count)
        defer { pending.removeFirst(n) }
        return Array(pending[..<n])
    }
    func inputAvailable() -> Bool { !pending.isEmpty }
    func readLine() -> String? { nil }
    func writeOutput(_ text: String) {
        output += Array(text.utf8)
        textWrites += 1
    }
    func writeRawOutput(_ bytes: [UInt8]) {
        output += bytes
        rawWrites += 1
    }
    func writeError(_ text: String) { stderr += text }
}

/// `sys.stdin`, `sys.stdin.buffer` and `sys.stdout.buffer` on a byte-level
/// console, as mpremote's `mount` protocol uses them: exact binary reads,
/// `\r` as `\n` only on the text stream, one input queue, raw writes.
final class ConsoleStreamsTests: XCTestCase {
    /// Runs `source` on a runtime over `host`; returns the traceback of an uncaught exception.
    func run(_ source: String, on host: RuntimeHost, configure: (inout RuntimeConfiguration) -> Void = { _ in })
        -> (runtime: Runtime, error: String?) {
        var config = RuntimeConfiguration()
        configure(&config)
        let outcome = runOnLargeStack(timeout: 20) { () -> (Runtime, String?) in
            let rt = Runtime(host: host, configuration: config)
            let e = rt.runMain(source: source, filename: "main.py")
            return (rt, e.map { rt.tracebackText($0) })
        }
        guard let (rt, error) = outcome.result else { fatalError("the program did not finish") }
        return (rt, error)
    }

    func testBinaryReadsAskTheHostForExactlyTheBytesTheyNeed() {
        let host = ByteConsoleHost([0x18, 1, 2, 3, 4, 0x0D, 0x0A, 0xFF, 0x03, 0x80, 7])
        let (_, error) = run("""
            import sys
            b = sys.stdin.buffer
            print(b.read(1), b.read(4))
            buf = bytearray(4)
            print(b.readinto(buf, 2), buf)
            mv = memoryview(buf)
            print(b.readinto(mv[1:], 3), buf)
            print(b.read(5))
            """, on: host)
        XCTAssertNil(error)
        XCTAssertEqual(String(decoding: host.output, as: UTF8.self), """
            b'\\x18' b'\\x01\\x02\\x03\\x04'
            2 bytearray(b'\\r\\n\\x00\\x00')
            3 bytearray(b'\\r\\xff\\x03\\x80')
            b'\\x07'

            """)
        // Never more than the read needs (the next byte may belong to another reader);
        // the last read asks again after the one byte left and finds the end.
        XCTAssertEqual(host.requests, [1, 4, 2, 3, 5, 4])
    }

    func testTextReadsTurnReturnIntoNewlineAndBinaryReadsDoNot() {
        let host = ByteConsoleHost(Array("ab\rcd\r\né!\r\n".utf8))
        let (_, error) = run("""
            import sys
            print(repr(sys.stdin.readline()), repr(sys.stdin.read(2)), repr(sys.stdin.buffer.read(2)))
            print(repr(sys.stdin.read(2)), repr(sys.stdin.buffer.readline()))
            print(repr(sys.stdin.read(3)), repr(sys.stdin.buffer.read(3)))
            """, on: host)
        XCTAssertNil(error)
        XCTAssertEqual(String(decoding: host.output, as: UTF8.self),
                       "'ab\\n' 'cd' b'\\r\\n'\n'é!' b'\\r\\n'\n'' b''\n")
    }

    func testStdinTextBufferAndInputShareOneQueue() {
        let s = PythonSession(stdin: ["hello", "world", "third"])
        let r = s.run("""
            import sys
            print(sys.stdin.buffer.read(3))
            print(repr(input()))
            print(repr(sys.stdin.read(2)), sys.stdin.buffer.readline())
            print(repr(sys.stdin.readline()))
            """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "b'hel'\n'lo'\n'wo' b'rld\\n'\n'third\\n'\n")
    }

    func testPollSeesTheConsoleBufferReadyWhenInputWaits() {
        let host = ByteConsoleHost([])
        let (rt, error) = run("""
            import sys, select
            p = select.poll()
            p.register(sys.stdin.buffer, select.POLLIN)
            print(p.poll(0))
            """, on: host)
        XCTAssertNil(error)
        host.pending = [0x18, 0x18]
        let ready = runOnLargeStack(timeout: 20) { () -> String? in
            rt.runMain(source: """
                print([(o is sys.stdin.buffer, ev) for o, ev in p.ipoll(1000)])
                sys.stdin.buffer.read(1)
                print([ev for o, ev in p.poll(0)])
                sys.stdin.buffer.read(1)
                print(p.poll(0))
                """, filename: "main.py").map { rt.tracebackText($0) }
        }
        guard let outcome = ready.result else { return XCTFail("the program did not finish") }
        XCTAssertNil(outcome)
        XCTAssertEqual(String(decoding: host.output, as: UTF8.self), "[]\n[(True, 1)]\n[1]\n[]\n")
    }

    func testStdoutBufferWritesRawBytesAndStdoutWritesText() {
        let host = ByteConsoleHost([])
        let (_, error) = run("""
            import sys
            b4 = bytearray(b'\\x18\\x06\\xff\\x00')
            print(sys.stdout.buffer.write(b4, 2), end='')
            sys.stdout.buffer.write(b'\\xff\\x00\\n')
            sys.stdout.write('text\\n')
            """, on: host)
        XCTAssertNil(error)
        XCTAssertEqual(host.output, [0x18, 0x06] + Array("2".utf8) + [0xFF, 0x00, 0x0A] + Array("text\n".utf8))
        XCTAssertEqual(host.rawWrites, 2)
    }

    func testKbdIntrSetsTheCharacterTheHostInterruptsOn() {
        let host = ByteConsoleHost([])
        let (rt, error) = run("import micropython\nmicropython.kbd_intr(-1)\n", on: host)
        XCTAssertNil(error)
        XCTAssertEqual(rt.keyboardInterruptCharacter, -1)
        _ = runOnLargeStack(timeout: 20) { rt.runMain(source: "micropython.kbd_intr(3)\n", filename: "main.py") }
        XCTAssertEqual(rt.keyboardInterruptCharacter, 3)
    }

    func testAFirmwareWithoutStdioBuffersHasNoBufferAttribute() {
        let host = ByteConsoleHost([])
        let (_, error) = run("""
            import sys
            for s in (sys.stdin, sys.stdout, sys.stderr):
                try:
                    s.buffer
                except AttributeError:
                    print('no buffer')
            """, on: host) { $0.stdioBuffers = false }
        XCTAssertNil(error)
        XCTAssertEqual(String(decoding: host.output, as: UTF8.self), "no buffer\nno buffer\nno buffer\n")
    }

    /// mpremote evaluates what `repr` prints with `ast.literal_eval` on the host
    /// (`fs cp :file`): every byte value, both quotes and backslashes must come
    /// out as CPython writes them, a literal that reads back to the same bytes.
    func testBytesReprIsTheLiteralCPythonWrites() throws {
        let values = #"(bytes(range(256)), b"'", b'"', b"'\"", b"\\", b"\r\n\t\x7f")"#
        let r = PythonSession().run("for b in \(values):\n    print(repr(b))\n")
        XCTAssertNil(r.exception, r.stderr)
        let check = PyPI.run(["python3", "-c", #"""
            import ast, sys
            lines = sys.argv[1].splitlines()
            values = \#(values)
            print(len(lines), all(ast.literal_eval(l) == v and l == repr(v) for l, v in zip(lines, values)))
            """#, r.stdout])
        XCTAssertEqual(check.output, "6 True\n", r.stdout)
    }
}
