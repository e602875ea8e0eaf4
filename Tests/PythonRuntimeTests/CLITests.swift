import BreadboxTestSupport
import Foundation
import XCTest

/// The `breadbox python` command as a user runs it: a subprocess of the built
/// `breadbox` executable, checked on its stdout, stderr and exit status.
final class CLITests: XCTestCase {

    /// The `breadbox` executable built beside the tests.
    static var executable: URL? { BuiltProducts.executable("breadbox") }

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
        /// Ended by a signal (a crash), not by exiting.
        var crashed: Bool
        var timedOut: Bool
    }

    /// Runs `breadbox ARGS` in `directory` with `input` on stdin.
    func breadbox(_ arguments: [String], input: String = "", in directory: URL? = nil,
                  timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        guard let exe = Self.executable else {
            throw XCTSkip("the breadbox executable was not built")
        }
        let process = Process()
        process.executableURL = exe
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()

        // Read both pipes on their own threads so a full pipe never blocks the child.
        let out = ResultBox<Data>(), err = ResultBox<Data>()
        let group = DispatchGroup()
        for (pipe, box) in [(stdout, out), (stderr, err)] {
            group.enter()
            DispatchQueue.global().async {
                box.value = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()

        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            _ = group.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        XCTAssertFalse(timedOut, "breadbox \(arguments) did not finish in \(Int(timeout)) s", file: file, line: line)
        return Output(stdout: String(decoding: out.value ?? Data(), as: UTF8.self),
                      stderr: String(decoding: err.value ?? Data(), as: UTF8.self),
                      status: process.terminationStatus,
                      crashed: process.terminationReason == .uncaughtSignal,
                      timedOut: timedOut)
    }

    /// A fresh temporary folder, removed after the test.
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("breadbox-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func lines(_ s: String) -> [String] { s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: tests

    func testCommandPrintsAndExitsZero() throws {
        let r = try breadbox(["python", "-c", "print(1+1)"])
        XCTAssertEqual(r.stdout, "2\n")
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(r.status, 0)
    }

    func testUncaughtExceptionPrintsTracebackAndExitsOne() throws {
        let r = try breadbox(["python", "-c", "print('before')\n1/0"])
        XCTAssertEqual(r.stdout, "before\n")
        let err = lines(r.stderr)
        XCTAssertEqual(err.first, "Traceback (most recent call last):", r.stderr)
        XCTAssertTrue(err.contains("  File \"<string>\", line 2, in <module>"), r.stderr)
        XCTAssertTrue(err.contains { $0.hasPrefix("ZeroDivisionError: ") }, r.stderr)
        XCTAssertEqual(r.status, 1)

        let one = try breadbox(["python", "-c", "1/0"])
        XCTAssertTrue(lines(one.stderr).contains("  File \"<string>\", line 1, in <module>"), one.stderr)
        XCTAssertEqual(one.status, 1)
    }

    func testSystemExitSetsTheStatus() throws {
        XCTAssertEqual(try breadbox(["python", "-c", "raise SystemExit(7)"]).status, 7)
        XCTAssertEqual(try breadbox(["python", "-c", "import sys\nsys.exit(3)"]).status, 3)
        let ok = try breadbox(["python", "-c", "import sys\nsys.exit()"])
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stderr, "")
        let message = try breadbox(["python", "-c", "import sys\nsys.exit('bye')"])
        XCTAssertEqual(message.status, 1)
        XCTAssertEqual(message.stderr, "bye\n")
    }

    func testSyntaxErrorInFileShowsFileLineAndCaret() throws {
        let dir = try temporaryDirectory()
        try "x = 1\nif x\n    print(x)\n".write(to: dir.appendingPathComponent("bad.py"), atomically: true, encoding: .utf8)
        let r = try breadbox(["python", "bad.py"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        let err = lines(r.stderr)
        XCTAssertTrue(err.contains { $0.contains("File \"bad.py\", line 2") }, r.stderr)
        guard let i = err.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "if x" }) else {
            return XCTFail("the offending line is not shown:\n\(r.stderr)")
        }
        XCTAssertTrue(i + 1 < err.count && err[i + 1].trimmingCharacters(in: .whitespaces) == "^",
                      "no caret under the line:\n\(r.stderr)")
        XCTAssertTrue(err.contains { $0.hasPrefix("SyntaxError: ") }, r.stderr)
    }

    func testScriptArgumentsReachSysArgv() throws {
        let dir = try temporaryDirectory()
        try "import sys\nprint(sys.argv)\n".write(to: dir.appendingPathComponent("args.py"), atomically: true, encoding: .utf8)
        let r = try breadbox(["python", "args.py", "one", "two words", "--flag", "-c"], in: dir)
        XCTAssertEqual(r.stdout, "['args.py', 'one', 'two words', '--flag', '-c']\n", r.stderr)
        XCTAssertEqual(r.status, 0)

        let c = try breadbox(["python", "-c", "import sys; print(sys.argv)", "a", "b"])
        XCTAssertEqual(c.stdout, "['-c', 'a', 'b']\n", c.stderr)
    }

    func testScriptImportsModulesBesideIt() throws {
        let dir = try temporaryDirectory()
        let sub = dir.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "def hello(): return 'hello from helper'\n".write(to: sub.appendingPathComponent("helper.py"), atomically: true, encoding: .utf8)
        try "import helper\nprint(helper.hello())\n".write(to: sub.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        let r = try breadbox(["python", "app/main.py"], in: dir)
        XCTAssertEqual(r.stdout, "hello from helper\n", r.stderr)
        XCTAssertEqual(r.status, 0)
    }

    /// As the unix port: sys.path[0] is the script's folder, absolute, so a script
    /// opens files beside it by that path (MicroPython's tests/basics/sys_path.py).
    func testSysPathStartsWithTheScriptsFolder() throws {
        let dir = try temporaryDirectory()
        let sub = dir.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "import sys\nprint(sys.path[0].startswith('/'), sys.path[0].endswith('/app'))\nprint(open(sys.path[0] + '/where.py').readline().strip())\n"
            .write(to: sub.appendingPathComponent("where.py"), atomically: true, encoding: .utf8)
        let r = try breadbox(["python", "app/where.py"], in: dir)
        XCTAssertEqual(r.stdout, "True True\nimport sys\n", r.stderr)
        let c = try breadbox(["python", "-c", "import sys; print(repr(sys.path[0]))"])
        XCTAssertEqual(c.stdout, "''\n", c.stderr)
    }

    func testMissingFile() throws {
        let dir = try temporaryDirectory()
        let r = try breadbox(["python", "nope.py"], in: dir)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("nope.py"), r.stderr)
    }

    func testREPLThroughAPipe() throws {
        let r = try breadbox(["python"], input: "x = 6\nx * 7\nfor i in range(2):\n    print(i)\n\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("42\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("0\n1\n"), r.stdout)
        XCTAssertEqual(r.stderr, "")
        // Output in order: the 42 before the loop's lines.
        if let a = r.stdout.range(of: "42\n"), let b = r.stdout.range(of: "0\n1\n") {
            XCTAssertLessThan(a.lowerBound, b.lowerBound)
        }
    }

    func testREPLReportsErrorsAndContinues() throws {
        let r = try breadbox(["python"], input: "1/0\nprint('still here')\nraise SystemExit(4)\nprint('not reached')\n")
        XCTAssertTrue(r.stderr.contains("ZeroDivisionError"), r.stderr)
        XCTAssertTrue(r.stdout.contains("still here\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("not reached"), r.stdout)
        XCTAssertEqual(r.status, 4)
    }

    /// Deeply nested data handled by native code (comparison, hashing, repr,
    /// containment) must end in RecursionError, never crash the process. Run as
    /// subprocesses, so a crash fails these checks instead of the test process.
    func testDeeplyNestedDataDoesNotCrash() throws {
        let programs: [(String, String)] = [
            ("== of nested lists", "a = []; b = []\nfor i in range(100000): a = [a]; b = [b]\nprint(a == b)"),
            ("< of nested lists", "a = []; b = []\nfor i in range(100000): a = [a]; b = [b]\nprint(a < b)"),
            ("hash of nested tuples", "x = None\nfor i in range(100000): x = (x,)\nprint(hash(x) is not None)"),
            ("`in` with nested tuples", "x = None\nfor i in range(100000): x = (x,)\nprint(x in [x[0]])"),
            ("repr of nested lists", "l = []\nfor i in range(100000): l = [l]\nprint(len(repr(l)))"),
            ("== of nested dicts", "a = {}; b = {}\nfor i in range(100000): a = {1: a}; b = {1: b}\nprint(a == b)"),
        ]
        for (name, source) in programs {
            let r = try breadbox(["python", "-c", source])
            XCTAssertFalse(r.crashed, "\(name): the process crashed (signal \(r.status))")
            XCTAssertFalse(r.timedOut, "\(name): timed out")
            if !r.crashed && !r.timedOut {
                let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
                XCTAssertTrue(last.hasPrefix("RecursionError"), "\(name): stdout \(r.stdout.debugDescription), stderr ends \(last.debugDescription)")
            }
        }
    }

    func testHeapOption() throws {
        let r = try breadbox(["python", "--heap", "2000000", "-c",
                              "try:\n    x = [0] * 10**6\nexcept MemoryError:\n    print('MemoryError')"])
        XCTAssertEqual(r.stdout, "MemoryError\n", r.stderr)
        XCTAssertEqual(r.status, 0)
    }
}
