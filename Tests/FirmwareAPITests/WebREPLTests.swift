import BreadboxTestSupport
@testable import BoardSupervisor
import Foundation
import XCTest

/// MicroPython's WebREPL on a Pico W: `webrepl.start()` from boot.py, reached
/// through `--forward HOSTPORT:8266` by MicroPython's own webrepl_cli.py and
/// by a WebSocket console.
final class WebREPLTests: XCTestCase {
    private var dirs: [URL] = []
    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
    }

    static let boot = """
        import network, time
        w = network.WLAN(network.STA_IF)
        w.active(True)
        w.connect('Wokwi-GUEST', '')
        while not w.isconnected():
            time.sleep_ms(50)
        import webrepl
        webrepl.start()

        """

    func project(files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("webrepl-\(UUID().uuidString)")
        dirs.append(dir)
        let drive = dir.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try #"{"board": "pico_w", "flavor": "micropython", "parts": []}"#
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(to: drive.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func start(_ project: URL, ready: String, interactive: Bool = false) throws -> (BreadboxRun, Int) {
        let port = try LoopbackService.freePort()
        let run = try BreadboxRun([project.path, "--headless", "--speed", "realtime", "--timeout", "30s",
                                   "--forward", "\(port):8266"] + (interactive ? ["--interactive"] : []))
        XCTAssertTrue(run.wait(for: ready, seconds: 20), run.text)
        return (run, port)
    }

    /// MicroPython's webrepl_cli.py (github.com/micropython/webrepl at a fixed
    /// commit, checked against its SHA-256), downloaded once into the build
    /// folder; when it cannot be fetched (offline), the protocol client in
    /// Tests/webrepl_client.py, and the test says so.
    static let cli: String = {
        let commit = "1e09d9a1d90fe52aba11d1e659afbc95a50cf088"
        let sha256 = "0f479fc40cc8ef06a663c8d9e3590558690460441f7623d57fb45a3a0c36e445"
        let dir = PyPI.cache.appendingPathComponent("webrepl-\(commit.prefix(7))")
        let file = dir.appendingPathComponent("webrepl_cli.py")
        let check = ["python3", "-c", "import hashlib,sys; d=open(sys.argv[1],'rb').read(); "
                     + "sys.exit(hashlib.sha256(d).hexdigest() != sys.argv[2])", file.path, sha256]
        if runTool(check).status != 0 {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let url = "https://raw.githubusercontent.com/micropython/webrepl/\(commit)/webrepl_cli.py"
            let fetched = runTool(["curl", "-sSf", "--max-time", "20", "-o", file.path, url], seconds: 30)
            if fetched.status != 0 || runTool(check).status != 0 {
                try? FileManager.default.removeItem(at: file)
                print("WebREPLTests: webrepl_cli.py could not be fetched from \(url) (\(fetched.output.trimmingCharacters(in: .whitespacesAndNewlines))); "
                      + "using Tests/webrepl_client.py, written from modwebrepl.c's protocol")
                return testsFolder.appendingPathComponent("webrepl_client.py").path
            }
        }
        return file.path
    }()

    func testWebreplCLIPutsAndGetsFilesAndAWrongPasswordIsRefused() throws {
        let main = "import time\nprint('main running')\nwhile True:\n    time.sleep(0.5)\n"
        let p = try project(files: ["boot.py": Self.boot, "webrepl_cfg.py": "PASS = 'secret'\n", "main.py": main])
        let (run, port) = try start(p, ready: "main running")
        defer { run.stop() }
        XCTAssertTrue(run.text.contains("WebREPL server started on http://10.13.37.2:8266/\r\nStarted webrepl in normal mode\r\n"),
                      run.text)
        let remote = "127.0.0.1:\(port)"
        let local = p.appendingPathComponent("hello.txt")
        let content = String(repeating: "hello from the host\n", count: 40)  // 800 bytes: several get chunks
        try content.write(to: local, atomically: true, encoding: .utf8)

        let put = runTool(["python3", Self.cli, "-p", "secret", local.path, remote + ":/data/hello.txt"], seconds: 30)
        XCTAssertNotEqual(put.status, 0, "no /data folder: open() fails on the board: \(put.output)")
        XCTAssertTrue(run.wait(for: "dupterm: Exception in read() method, deactivating: OSError: [Errno 2] ENOENT", seconds: 5),
                      run.text)

        let put2 = runTool(["python3", Self.cli, "-p", "secret", local.path, remote + ":/hello.txt"], seconds: 30)
        XCTAssertEqual(put2.status, 0, put2.output)
        XCTAssertTrue(put2.output.contains("Remote WebREPL version: (1, 24, 0)"), put2.output)
        XCTAssertEqual(try String(contentsOf: p.appendingPathComponent("drive/hello.txt"), encoding: .utf8), content)

        let back = p.appendingPathComponent("back.py")
        let get = runTool(["python3", Self.cli, "-p", "secret", remote + ":/main.py", back.path], seconds: 30)
        XCTAssertEqual(get.status, 0, get.output)
        XCTAssertEqual(try String(contentsOf: back, encoding: .utf8), main)
        let back2 = p.appendingPathComponent("back.txt")
        XCTAssertEqual(runTool(["python3", Self.cli, "-p", "secret", remote + ":hello.txt", back2.path], seconds: 30).status, 0)
        XCTAssertEqual(try String(contentsOf: back2, encoding: .utf8), content)

        let wrong = runTool(["python3", Self.cli, "-p", "wrong", remote + ":/main.py", p.appendingPathComponent("no.py").path],
                            seconds: 30)
        XCTAssertNotEqual(wrong.status, 0, wrong.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: p.appendingPathComponent("no.py").path))
        // A put is the board's own write: MicroPython does not reboot for it.
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertEqual(run.count("main running"), 1, run.text)
        XCTAssertEqual(run.count("\r\nWebREPL connection from: ('10.13.37.1', "), 5, run.text)
        XCTAssertEqual(run.count("dupterm: EOF received, deactivating\r\n"), 4, run.text)
    }

    func testTheREPLOverWebREPLAfterThePassword() throws {
        let main = "import time\nprint('main running')\nwhile True:\n    time.sleep(0.5)\n"
        let p = try project(files: ["boot.py": Self.boot, "webrepl_cfg.py": "PASS = 'secret'\n", "main.py": main])
        let (run, port) = try start(p, ready: "main running", interactive: true)
        defer { run.stop() }
        let client = testsFolder.appendingPathComponent("websocket_console.py").path

        let denied = runTool(["python3", client, "--port", "\(port)", "--timeout", "10", "--expect", "Password: ",
                              "--send", "guess\\r", "--expect", "\r\nAccess denied\r\n", "--expect-close"], seconds: 40)
        XCTAssertEqual(denied.status, 0, denied.output)
        XCTAssertEqual(denied.output, "Password: \r\nAccess denied\r\n", "nothing of the REPL before the password")

        let r = runTool(["python3", client, "--port", "\(port)", "--timeout", "10", "--expect", "Password: ",
                         "--send", "secret\\r", "--expect", "\r\nWebREPL connected\r\n>>> ",
                         "--send", "\\x03", "--expect", "Type \"help()\" for more information.\r\n>>> ",
                         "--send", "print(6*7)\\r", "--expect", "print(6*7)\r\n42\r\n>>> ",
                         "--send", "import webrepl; webrepl.stop()\\r", "--expect-close"], seconds: 60)
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("KeyboardInterrupt"), r.output)
        XCTAssertTrue(run.text.contains(">>> print(6*7)\r\n42\r\n"), "the serial console saw it too: \(run.text)")
        // Stopped: nothing listens on the board's 8266 any more.
        let after = runTool(["python3", client, "--port", "\(port)", "--timeout", "3"], seconds: 20)
        XCTAssertNotEqual(after.status, 0, after.output)
    }

    /// webrepl.py's texts and checks, in process on the simulated Wi-Fi.
    func testStartStopAndItsMessages() throws {
        let p = try project(files: ["main.py": Self.boot.replacingOccurrences(of: "webrepl.start()", with: """
            webrepl.stop()
            webrepl.start(password='pw')
            ap = network.WLAN(network.AP_IF)
            ap.active(True)
            webrepl.start(8000, 'pw')
            for pw in ('0123456789', None):
                try:
                    webrepl.start(password=pw)
                except Exception as e:
                    print(type(e).__name__, e)
            webrepl.stop()
            webrepl.stop()
            print([n for n in ('start', 'stop', 'start_foreground', 'setup_conn', 'accept_conn') if hasattr(webrepl, n)])
            """)])
        let sup = try NetworkProjects.runHeadless(p)
        let out = sup.printedText
        XCTAssertTrue(out.contains("WebREPL server started on http://10.13.37.2:8266/\n"
                                   + "Started webrepl in manual override mode\n"
                                   // The access point first, as upstream loops over (AP_IF, STA_IF).
                                   + "WebREPL server started on http://192.168.4.1:8000/\n"
                                   + "WebREPL server started on http://10.13.37.2:8000/\n"
                                   + "Started webrepl in manual override mode\n"
                                   + "ValueError \n"
                                   + "WebREPL is not configured, run 'import webrepl_setup'\n"
                                   + "TypeError can't convert 'NoneType' object to str implicitly\n"
                                   + "['start', 'stop', 'start_foreground']\n"), out)
        XCTAssertNil(sup.services.webREPL, "stopped")
        XCTAssertTrue(sup.network.log.recent.contains { $0.text == "listening on port 8266" })
    }
}
