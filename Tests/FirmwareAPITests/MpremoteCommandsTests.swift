import BoardEmulator
import BreadboxTestSupport
@testable import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import XCTest

/// mpremote's `fs`, `exec` and `eval` commands (from PyPI, unmodified) against
/// a booted board: mpremote's own command code builds the Python it sends, and
/// only its raw-REPL round trip is replaced — each piece of code runs on the
/// board's runtime as the raw REPL runs it (compiled as a file in `__main__`),
/// its serial output and exception text going back to mpremote, which parses
/// them as it parses a real board's.
final class MpremoteCommandsTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func folder(_ prefix: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        dirs.append(dir)
        return dir
    }

    func write(_ files: [String: Data], into dir: URL) throws {
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// A booted board whose drive holds `files`.
    func board(_ board: String, _ flavour: FirmwareFlavour, files: [String: Data]) throws -> Supervisor {
        let project = folder("mpremote-board")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("drive/lib"), withIntermediateDirectories: true)
        try ProjectTemplate.circuitJSON(board: board, flavour: flavour)
            .write(to: project.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try write(files, into: project.appendingPathComponent("drive"))
        let sup = try Supervisor(project: project)
        XCTAssertEqual(sup.boot(), .noProgram)
        return sup
    }

    /// The test data: every byte value three times (quotes, backslashes,
    /// Ctrl-C and newlines included), over several of mpremote's 256-byte chunks.
    static let data = Data((0..<768).map { UInt8($0 % 256) })
    /// `python3 -c "import hashlib; print(hashlib.sha256(bytes(range(256)) * 3).hexdigest())"`
    static let dataSHA256 = "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363"

    /// The raw REPL's round trip, as mpremote's SerialTransport makes it
    /// (`exec_raw_no_follow` then `follow`), over the harness's stdin and stdout;
    /// each command's printed output and error come back as JSON.
    static let harness = #"""
        import io, json, os, struct, sys
        from mpremote import commands, main
        from mpremote.transport_serial import SerialTransport, fs_hook_code

        link_in, link_out = os.fdopen(0, "rb", buffering=0), os.fdopen(1, "wb", buffering=0)

        def send(kind, data):
            link_out.write(kind + struct.pack("<I", len(data)) + data)

        def receive():
            def exactly(n):
                data = b""
                while len(data) < n:
                    chunk = link_in.read(n - len(data))
                    if not chunk:
                        raise SystemExit("the board went away")
                    data += chunk
                return data
            return exactly(struct.unpack("<I", exactly(4))[0])

        class BoardLink(SerialTransport):
            def __init__(self):
                self.mounted = False
                self.device_name = "breadbox"
                self.in_raw_repl = True
            def exec_raw_no_follow(self, command):
                send(b"X", command.encode() if isinstance(command, str) else command)
                self.reply = (receive(), receive())
            def follow(self, timeout, data_consumer=None):
                out, err = self.reply
                if data_consumer:
                    data_consumer(out)
                return out, err

        class State:
            transport = BoardLink()
            def ensure_raw_repl(self, soft_reset=None):
                pass
            def did_action(self):
                pass

        def mount(state, args):
            # mount_local's steps on the board; its host side needs the serial port
            # (MpremoteMountTests runs that on the runtime).
            t = state.transport
            if not t.eval('"RemoteFS" in globals()'):
                t.exec(fs_hook_code)
            t.exec("__mount()")

        parsers = {"fs": main.argparse_filesystem, "exec": main.argparse_exec, "eval": main.argparse_eval,
                   "mount": lambda: None}
        handlers = {"fs": commands.do_filesystem, "exec": commands.do_exec, "eval": commands.do_eval, "mount": mount}
        for command in json.loads(sys.argv[1]):
            # A console with a binary buffer, as mpremote's stdout_write_bytes expects.
            sys.stdout = captured = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
            error = None
            try:
                parser = parsers[command[0]]()
                handlers[command[0]](State(), parser and parser.parse_args(command[1:]))
            except SystemExit as e:
                error = "exit %s" % e.code
            except Exception as e:
                error = "%s: %s" % (type(e).__name__, e)
            sys.stdout = sys.__stdout__
            send(b"R", json.dumps([captured.buffer.getvalue().decode(), error]).encode())
        send(b"E", b"")
        """#

    struct Result: Equatable, CustomStringConvertible {
        var output: String
        var error: String?
        var description: String { "output \(output.debugDescription), error \(error ?? "none")" }
    }

    /// Runs `code` as the raw REPL does: compiled as a file, in `__main__`;
    /// returns what it printed on the serial console and its traceback.
    func rawREPL(_ sup: Supervisor, _ code: String) -> (output: [UInt8], error: [UInt8]) {
        guard let rt = sup.runtime else { return ([], Array("no runtime".utf8)) }
        let before = sup.serialLog.utf8.count
        var error = ""
        do throws(PyError) {
            let compiled = try rt.compileSource(code, filename: "<stdin>", mode: .module)
            _ = try rt.runCode(compiled, globals: rt.mainDict, locals: nil)
        } catch let e {
            error = rt.tracebackText(e.exception)
        }
        return (Array(sup.serialLog.utf8.dropFirst(before)), Array(error.utf8))
    }

    /// Runs mpremote `commands` (each `["fs", "ls", ":"]`-style) from `hostFolder` against `sup`.
    func mpremote(_ sup: Supervisor, _ commands: [[String]], in hostFolder: URL) throws -> [Result] {
        guard case .success(let package) = Mpremote.package else {
            if case .failure(let e) = Mpremote.package { XCTFail("mpremote \(Mpremote.version) from PyPI: \(e)") }
            return []
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let json = String(decoding: try JSONSerialization.data(withJSONObject: commands), as: UTF8.self)
        process.arguments = ["python3", "-c", Self.harness, json]
        process.currentDirectoryURL = hostFolder
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": package.path]) { $1 }
        let toHarness = Pipe(), fromHarness = Pipe(), harnessErrors = Pipe()
        process.standardInput = toHarness
        process.standardOutput = fromHarness
        process.standardError = harnessErrors
        try process.run()
        defer { process.terminate() }
        let link = fromHarness.fileHandleForReading
        func block(_ bytes: [UInt8]) -> Data {
            var n = UInt32(bytes.count).littleEndian
            return Data(bytes: &n, count: 4) + Data(bytes)
        }
        var results: [Result] = []
        while true {
            let head = link.readData(ofLength: 5)
            guard head.count == 5 else {
                let stderr = String(decoding: harnessErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                XCTFail("the harness stopped early:\n\(stderr)")
                return results
            }
            let length = head.dropFirst().enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            let payload = length > 0 ? link.readData(ofLength: length) : Data()
            switch head.first {
            case UInt8(ascii: "X"):
                let (out, err) = rawREPL(sup, String(decoding: payload, as: UTF8.self))
                toHarness.fileHandleForWriting.write(block(out) + block(err))
            case UInt8(ascii: "R"):
                guard let pair = try JSONSerialization.jsonObject(with: payload) as? [Any], pair.count == 2 else {
                    XCTFail("bad result \(String(decoding: payload, as: UTF8.self))")
                    return results
                }
                results.append(Result(output: pair[0] as? String ?? "", error: pair[1] as? String))
            default:
                return results
            }
        }
    }

    func drive(_ sup: Supervisor, _ name: String) -> Data? {
        FileManager.default.contents(atPath: sup.project.appendingPathComponent("drive/" + name).path)
    }

    func hostFolder() throws -> URL {
        let host = folder("mpremote-host")
        try write(["data.bin": Self.data, "notes.txt": Data("line one\nline two\n".utf8),
                   "pkgdir/mod.py": Data("X = 1\n".utf8)], into: host)
        return host
    }

    func testFileCommandsExecAndEvalOnMicroPythonBoards() throws {
        for id in ["pico_w", "esp32s3"] {
            let sup = try board(id, .micropython, files: ["hello.txt": Data("hello board\n".utf8)])
            let host = try hostFolder()
            let r = try mpremote(sup, [
                ["fs", "ls", ":"],
                ["fs", "cp", "data.bin", ":data.bin"],
                ["fs", "cp", "data.bin", ":data.bin"],
                ["fs", "cp", "notes.txt", ":lib/"],
                ["fs", "cp", ":data.bin", "back.bin"],
                ["fs", "cat", ":lib/notes.txt"],
                ["fs", "sha256sum", ":data.bin"],
                ["fs", "mkdir", ":newdir"],
                ["fs", "cp", "-r", "pkgdir", ":"],
                ["fs", "touch", ":newdir/touched.txt"],
                ["fs", "tree", "-s", ":"],
                ["fs", "rm", ":hello.txt"],
                ["fs", "rm", "-r", ":newdir"],
                ["fs", "rmdir", ":lib"],
                ["fs", "cp", ":missing.txt", "x.txt"],
                ["exec", "import os; print(sorted(os.listdir()))"],
                ["eval", "1 + 2"],
                ["exec", "raise ValueError('boom')"],
            ], in: host)
            guard r.count == 18 else { return XCTFail("\(id): \(r.count) results: \(r)") }
            XCTAssertEqual(r[0], Result(output: "ls :\n          12 hello.txt\n           0 lib/\n"), id)
            XCTAssertEqual(r[1], Result(output: "cp data.bin :data.bin\n"), id)
            // The second copy compares the board's sha256 of the file with the host's.
            XCTAssertEqual(r[2], Result(output: "cp data.bin :data.bin\nUp to date: data.bin\n"), id)
            XCTAssertEqual(r[3], Result(output: "cp notes.txt :lib/\n"), id)
            XCTAssertEqual(r[4], Result(output: "cp :data.bin back.bin\n"), id)
            // Printed through the console, which turns \n into \r\n as the board's does.
            XCTAssertEqual(r[5], Result(output: "line one\r\nline two\r\n"), id)
            XCTAssertEqual(r[6], Result(output: "sha256sum :data.bin\n\(Self.dataSHA256)\n"), id)
            XCTAssertEqual(r[7], Result(output: "mkdir :newdir\n"), id)
            XCTAssertEqual(r[8].error, nil, id)
            XCTAssertEqual(r[9], Result(output: "touch :newdir/touched.txt\n"), id)
            XCTAssertEqual(r[10], Result(output: """
                tree :
                :/
                ├── [      768]  data.bin
                ├── [       12]  hello.txt
                ├── lib
                │   └── [       18]  notes.txt
                ├── newdir
                │   └── [        0]  touched.txt
                └── pkgdir
                    └── [        6]  mod.py

                """), id)
            XCTAssertEqual(r[11], Result(output: "rm :hello.txt\n"), id)
            XCTAssertEqual(r[12], Result(output: "rm :newdir\n"), id)
            // littlefs's LFS_ERR_NOTEMPTY is OSError(39), which MicroPython's errno
            // does not name and mpremote's table does not hold: it reports the traceback.
            XCTAssertEqual(r[13].output, "rmdir :lib\n", id)
            XCTAssertTrue(r[13].error?.hasPrefix("CommandError: Error with transport:\nTraceback") ?? false, "\(id): \(r[13])")
            XCTAssertTrue(r[13].error?.hasSuffix("OSError: 39\n") ?? false, "\(id): \(r[13])")
            XCTAssertEqual(r[14], Result(output: "cp :missing.txt x.txt\n",
                                         error: "CommandError: cp: missing.txt: No such file or directory."), id)
            XCTAssertEqual(r[15], Result(output: "['data.bin', 'lib', 'pkgdir']\r\n"), id)
            XCTAssertEqual(r[16], Result(output: "3\r\n"), id)
            XCTAssertEqual(r[17].error, "exit 1", id)
            XCTAssertTrue(r[17].output.contains("ValueError: boom"), "\(id): \(r[17])")

            XCTAssertEqual(drive(sup, "data.bin"), Self.data, id)
            XCTAssertEqual(FileManager.default.contents(atPath: host.appendingPathComponent("back.bin").path), Self.data, id)
            XCTAssertEqual(drive(sup, "lib/notes.txt"), Data("line one\nline two\n".utf8), id)
            XCTAssertEqual(drive(sup, "pkgdir/mod.py"), Data("X = 1\n".utf8), id)
            XCTAssertNil(drive(sup, "hello.txt"), id)
            XCTAssertNil(drive(sup, "newdir"), id)
        }
    }

    /// CircuitPython 9 has no os.ilistdir and no hashlib.sha256, its drive is
    /// read-only to code unless boot.py remounts it, and its OSErrors print
    /// "No such file/directory" where mpremote looks for "ENOENT": mpremote fails
    /// or falls back exactly where it does on the real board (a copy to a file
    /// that does not exist yet fails: adafruit/circuitpython#10507).
    func testCircuitPythonMeetsMpremoteWithItsOwnModules() throws {
        for id in ["pico_w", "esp32s3"] {
            let sup = try board(id, .circuitpython, files: ["hello.txt": Data("hello board\n".utf8)])
            let host = try hostFolder()
            let r = try mpremote(sup, [
                ["fs", "ls", ":"],
                ["fs", "cat", ":hello.txt"],
                ["fs", "sha256sum", ":hello.txt"],
                ["fs", "cp", ":hello.txt", "back.txt"],
                ["fs", "cp", "data.bin", ":data.bin"],
                ["fs", "mkdir", ":newdir"],
                ["eval", "len(__import__('os').listdir())"],
            ], in: host)
            guard r.count == 7 else { return XCTFail("\(id): \(r.count) results: \(r)") }
            XCTAssertEqual(r[0].output, "ls :\n", id)
            XCTAssertTrue(r[0].error?.hasPrefix("CommandError: Error with transport:\nTraceback") ?? false, "\(id): \(r[0])")
            XCTAssertTrue(r[0].error?.contains("AttributeError") ?? false, "\(id): \(r[0])")
            XCTAssertTrue(r[0].error?.contains("'ilistdir'") ?? false, "\(id): \(r[0])")
            XCTAssertEqual(r[1], Result(output: "hello board\r\n"), id)  // printed: cooked on the wire
            // No hashlib.sha256: mpremote reads the file back and hashes it itself.
            XCTAssertEqual(r[2], Result(output: "sha256sum :hello.txt\nb3f846a75abb667872e25328d2e4a95877f8e2269db4b86ea8618d54a95ce548\n"), id)
            XCTAssertEqual(r[3], Result(output: "cp :hello.txt back.txt\n"), id)
            XCTAssertEqual(r[4].output, "cp data.bin :data.bin\n", id)
            XCTAssertTrue(r[4].error?.hasPrefix("CommandError: Error with transport:\nTraceback") ?? false, "\(id): \(r[4])")
            XCTAssertTrue(r[4].error?.hasSuffix("OSError: [Errno 2] No such file/directory\n") ?? false, "\(id): \(r[4])")
            XCTAssertEqual(r[5].output, "mkdir :newdir\n", id)
            XCTAssertTrue(r[5].error?.hasSuffix("OSError: [Errno 30] Read-only filesystem\n") ?? false, "\(id): \(r[5])")
            XCTAssertEqual(r[6], Result(output: "2\r\n"), id)
            XCTAssertEqual(FileManager.default.contents(atPath: host.appendingPathComponent("back.txt").path),
                           Data("hello board\n".utf8), id)
            XCTAssertNil(drive(sup, "data.bin"), id)
        }
    }

    /// Remounted writable, the drive takes copies onto files that exist (as on
    /// the board, where a new file needs creating first: adafruit/circuitpython#10507).
    func testCircuitPythonDriveRemountedWritableTakesCopies() throws {
        let sup = try board("pico_w", .circuitpython, files: [
            "boot.py": Data("import storage\nstorage.remount('/', readonly=False)\n".utf8),
        ])
        let host = try hostFolder()
        let r = try mpremote(sup, [
            ["fs", "cp", "data.bin", ":data.bin"],
            ["exec", "open('data.bin', 'w').close()"],
            ["fs", "cp", "data.bin", ":data.bin"],
            ["fs", "cp", ":data.bin", "back.bin"],
            ["fs", "rm", ":boot.py"],
        ], in: host)
        XCTAssertEqual(r.count, 5)
        XCTAssertTrue(r.first?.error?.hasSuffix("OSError: [Errno 2] No such file/directory\n") ?? false, "\(r)")
        XCTAssertEqual(Array(r.dropFirst()), [Result(output: ""), Result(output: "cp data.bin :data.bin\n"),
                                              Result(output: "cp :data.bin back.bin\n"), Result(output: "rm :boot.py\n")])
        XCTAssertEqual(drive(sup, "data.bin"), Self.data)
        XCTAssertEqual(FileManager.default.contents(atPath: host.appendingPathComponent("back.bin").path), Self.data)
        XCTAssertNil(drive(sup, "boot.py"))
    }

    /// mpremote's `mount` hook (RemoteFS over sys.stdin.buffer and
    /// sys.stdout.buffer, os.mount, micropython.kbd_intr) loads and mounts on
    /// the MicroPython boards; on CircuitPython it stops where 9.1.4 does: its
    /// os has no mount (nor would its console have the binary buffer next).
    func testMountHookMountsOnMicroPythonAndStopsAtOSMountOnCircuitPython() throws {
        for id in ["pico_w", "esp32s3"] {
            let mp = try board(id, .micropython, files: [:])
            let r = try mpremote(mp, [
                ["mount"],
                ["exec", "print(os.getcwd())"],
                ["exec", "os.umount('/remote'); print(os.getcwd(), os.listdir('/'))"],
            ], in: try hostFolder())
            XCTAssertEqual(r.map(\.error), [nil, nil, nil], "\(id): \(r)")
            XCTAssertEqual(r.dropFirst().first?.output, "/remote\r\n", id)
            XCTAssertEqual(r.last?.output, "/ ['lib']\r\n", id)

            let cp = try board(id, .circuitpython, files: [:])
            let c = try mpremote(cp, [["mount"]], in: try hostFolder())
            XCTAssertEqual(c.count, 1, id)
            XCTAssertTrue(c.first?.error?.contains("AttributeError") ?? false, "\(id): \(c)")
            XCTAssertTrue(c.first?.error?.contains("'mount'") ?? false, "\(id): \(c)")
        }
    }
}
