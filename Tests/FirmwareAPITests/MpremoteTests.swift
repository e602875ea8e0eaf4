import BoardEmulator
import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// The real `mpremote` (PyPI) managing a board through `breadbox run
/// --serial`: every call opens the port anew, enters the raw REPL (raw-paste
/// mode when it can) and leaves, as with a board on USB.
final class MpremoteTests: XCTestCase, BreadboxRuns {
    var dirs: [URL] = []
    var processes: [Process] = []
    override func tearDown() { cleanUpRuns() }

    static let mpremoteAvailable = commandSucceeds(["mpremote", "version"])

    func project(board: String = "pico_w", flavour: FirmwareFlavour = .micropython, files: [String: String]) throws -> URL {
        let dir = try makeTemporaryProject(board: board, flavour: flavour, files: files, prefix: "mpremote")
        dirs.append(dir)
        return dir
    }

    /// `breadbox run PROJECT --headless --serial SPEC`; the port's address.
    func board(_ project: URL, serial: String) throws -> (RunningBreadbox, String) {
        guard Self.mpremoteAvailable else {
            throw XCTSkip("mpremote is needed (Scripts/install-deps installs it: pip install mpremote)")
        }
        let run = try start(["run", project.path, "--headless", "--serial", serial, "--timeout", "600s"])
        return (run, try address(of: run))
    }

    struct Result { let status: Int32; let out: String; let err: String }

    /// One mpremote call (at most 30 s).
    func mpremote(_ url: String, _ args: [String], cwd: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let url = url.hasPrefix("/dev/") ? "port:" + url : url
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["mpremote", "connect", url] + args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let stdout = LockedText(), stderr = LockedText()
        let drained = DispatchGroup()
        for (pipe, text) in [(out, stdout), (err, stderr)] {
            DispatchQueue.global().async(group: drained) {
                text.append(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            }
        }
        try p.run()
        if !waitUntil(seconds: 30, { !p.isRunning }) {
            p.terminate()
            XCTFail("mpremote \(args) did not finish in 30 s", file: file, line: line)
        }
        p.waitUntilExit()
        _ = drained.wait(timeout: .now() + 5)
        return Result(status: p.terminationStatus, out: stdout.value, err: stderr.value)
    }

    func hostFolder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("host-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func testEveryCommandOnAMicroPythonPicoWOverTCP() throws {
        let p = try project(files: ["main.py": "import time\nwhile True:\n    time.sleep(0.1)\n"])
        let (run, url) = try board(p, serial: "tcp:\(try LoopbackService.freePort())")
        let host = try hostFolder(["script.py": "import sys\nprint('script on', sys.platform)\n",
                                   "data.bin": String(repeating: "0123456789abcdef", count: 200),
                                   "helper.py": "def hello():\n    return 'from the host folder'\n"])
        var r = try mpremote(url, ["exec", "print('hi', 6*7)"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "hi 42\r\n", "the board's own line ends, as over USB")
        r = try mpremote(url, ["eval", "[1, 'two', b'\\x00\\xff']"])
        XCTAssertEqual(r.out, "[1, 'two', b'\\x00\\xff']\r\n", r.err)
        r = try mpremote(url, ["run", host.appendingPathComponent("script.py").path])
        XCTAssertEqual(r.out, "script on rp2\r\n", r.err)
        r = try mpremote(url, ["exec", "raise ValueError('boom')"])
        XCTAssertEqual(r.status, 1, "an exception gives mpremote's non-zero exit")
        XCTAssertTrue(r.out.contains("ValueError: boom"), r.out + r.err)

        // Files both ways; what fs cp puts on the board is in drive/.
        r = try mpremote(url, ["fs", "cp", host.appendingPathComponent("data.bin").path, ":data.bin"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try String(contentsOf: p.appendingPathComponent("drive/data.bin"), encoding: .utf8),
                       String(repeating: "0123456789abcdef", count: 200))
        r = try mpremote(url, ["fs", "mkdir", ":sub"])
        XCTAssertEqual(r.status, 0, r.err)
        r = try mpremote(url, ["fs", "cp", host.appendingPathComponent("script.py").path, ":sub/s.py"])
        XCTAssertEqual(r.status, 0, r.err)
        r = try mpremote(url, ["fs", "ls"])
        XCTAssertTrue(r.out.contains("        3200 data.bin"), r.out)
        XCTAssertTrue(r.out.contains("           0 sub/"), r.out)
        r = try mpremote(url, ["fs", "tree"])
        XCTAssertTrue(r.out.contains("└── sub\n    └── s.py"), r.out)
        r = try mpremote(url, ["fs", "cat", ":sub/s.py"])
        XCTAssertTrue(r.out.hasSuffix("import sys\r\nprint('script on', sys.platform)\r\n"), r.out)
        r = try mpremote(url, ["fs", "sha256sum", ":data.bin"])
        // sha256 of "0123456789abcdef" * 200, as the host's sha256sum gives it.
        XCTAssertTrue(r.out.contains("e71ccbf41ea692a8a34b2ba7af825bc36be26391ab67e4ffc736956a700ec39e"), r.out)
        let back = host.appendingPathComponent("back.bin")
        r = try mpremote(url, ["fs", "cp", ":data.bin", back.path])
        XCTAssertEqual(try String(contentsOf: back, encoding: .utf8), String(repeating: "0123456789abcdef", count: 200), r.err)
        r = try mpremote(url, ["fs", "rm", ":sub/s.py"])
        XCTAssertEqual(r.status, 0, r.err)
        r = try mpremote(url, ["fs", "rmdir", ":sub"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: p.appendingPathComponent("drive/sub").path))

        // mount: the board imports from the host's folder.
        r = try mpremote(url, ["mount", host.path, "exec", "import helper; print(helper.hello())"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("from the host folder"), r.out + r.err)

        r = try mpremote(url, ["soft-reset"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(run.process.isRunning, "mpremote leaving leaves the board running")
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)
    }

    func testMicroPythonESP32S3OverAPseudoTerminal() throws {
        let p = try project(board: "esp32s3", files: ["main.py": "print('esp main')\n"])
        let (run, path) = try board(p, serial: "pty")
        XCTAssertTrue(path.hasPrefix("/dev/pts/"), path)
        var r = try mpremote(path, ["exec", "import sys; print(sys.platform)"])
        XCTAssertEqual(r.out, "esp32\r\n", r.err)
        let host = try hostFolder(["a.py": "print('a')\n"])
        r = try mpremote(path, ["fs", "cp", host.appendingPathComponent("a.py").path, ":a.py", "+", "fs", "ls"])
        XCTAssertTrue(r.out.contains("a.py"), r.out + r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: p.appendingPathComponent("drive/a.py").path))
        r = try mpremote(path, ["exec", "import a"])
        XCTAssertEqual(r.out, "a\r\n", r.err)
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)
    }

    func testCircuitPythonBoardsAndTheirReadOnlyDrive() throws {
        // As on the board: code cannot write the drive while USB holds it, unless boot.py remounts it.
        let p = try project(flavour: .circuitpython, files: ["code.py": "print('cp code')\n"])
        let (run, url) = try board(p, serial: "tcp:\(try LoopbackService.freePort())")
        var r = try mpremote(url, ["exec", "import sys; print(sys.implementation.name)"])
        XCTAssertEqual(r.out, "circuitpython\r\n", r.err)
        r = try mpremote(url, ["eval", "1+2"])
        XCTAssertEqual(r.out, "3\r\n", r.err)
        // CircuitPython's os has no ilistdir: mpremote's ls fails there as on the board; listdir answers.
        r = try mpremote(url, ["fs", "ls"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("'ilistdir'"), r.err)
        r = try mpremote(url, ["exec", "import os; print(os.listdir())"])
        XCTAssertEqual(r.out, "['code.py']\r\n", r.err)
        let host = try hostFolder(["n.py": "x = 1\n"])
        // CircuitPython prints ENOENT as "No such file/directory", which mpremote does not
        // recognise: a copy to a new file fails as on the board (adafruit/circuitpython#10507).
        r = try mpremote(url, ["fs", "cp", host.appendingPathComponent("n.py").path, ":n.py"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("OSError: [Errno 2] No such file/directory"), r.err)
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)

        let writable = try project(board: "esp32s3", flavour: .circuitpython,
                                   files: ["boot.py": "import storage\nstorage.remount('/', readonly=False)\n", "code.py": "pass\n"])
        let (run2, url2) = try board(writable, serial: "rfc2217:\(try LoopbackService.freePort())")
        r = try mpremote(url2, ["exec", "open('n.py', 'w').close()"])
        XCTAssertEqual(r.status, 0, r.err)
        r = try mpremote(url2, ["fs", "cp", host.appendingPathComponent("n.py").path, ":n.py"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: writable.appendingPathComponent("drive/n.py").path))
        r = try mpremote(url2, ["exec", "import n; print(n.x)"])
        XCTAssertEqual(r.out, "1\r\n", r.err)
        XCTAssertEqual(interrupt(run2), 0, run2.stderr.value)
    }

    func testMpremoteReplTypesIntoTheFriendlyREPL() throws {
        // mpremote's repl waits on the port's file descriptor: a pty has one (socket:// has not).
        let p = try project(files: [:])
        let (run, path) = try board(p, serial: "pty")
        let url = "port:" + path
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proc.arguments = ["python3", testsFolder.appendingPathComponent("mpremote_repl.py").path, url, "\\r", ">>> ", "print(6*7)\\r", "42\r\n>>> "]
        let out = Pipe()
        proc.standardOutput = out
        try proc.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        XCTAssertEqual(proc.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("print(6*7)\r\n42\r\n>>> "), text)
        XCTAssertTrue(run.process.isRunning)
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)
    }
}
