import BreadboxTestSupport
import Foundation
import XCTest

/// CircuitPython's web workflow end to end: `breadbox run --forward
/// HOSTPORT:80` on a Pico W whose settings.toml joins the Wi-Fi and sets
/// the API password, reached by curl and a WebSocket client on the loopback.
final class WebWorkflowTests: XCTestCase {
    private var dirs: [URL] = []
    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
    }

    static let settings = """
        CIRCUITPY_WIFI_SSID="Wokwi-GUEST"
        CIRCUITPY_WIFI_PASSWORD=""
        CIRCUITPY_WEB_API_PASSWORD="passw0rd"

        """
    static let loop = "import time\nwhile True:\n    time.sleep(0.5)\n"

    func project(code: String, settings: String = WebWorkflowTests.settings) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("webwf-\(UUID().uuidString)")
        dirs.append(dir)
        let drive = dir.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try #"{"board": "pico_w", "flavor": "circuitpython", "parts": []}"#
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try code.write(to: drive.appendingPathComponent("code.py"), atomically: true, encoding: .utf8)
        try settings.write(to: drive.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The project running in real time for at most 30 s of virtual time,
    /// its port 80 forwarded to a free port of the loopback; returns once
    /// code.py has printed `ready`.
    func start(_ project: URL, ready: String, interactive: Bool = false) throws -> (BreadboxRun, Int) {
        let port = try LoopbackService.freePort()
        let run = try BreadboxRun([project.path, "--headless", "--speed", "realtime", "--timeout", "30s",
                                   "--forward", "\(port):80"] + (interactive ? ["--interactive"] : []))
        XCTAssertTrue(run.wait(for: ready, seconds: 20), run.text)
        return (run, port)
    }

    /// curl with its headers (`-i`), bounded in time.
    func curl(_ args: [String]) -> String {
        let r = runTool(["curl", "-s", "-i", "--max-time", "10"] + args, seconds: 20)
        XCTAssertEqual(r.status, 0, "curl \(args.joined(separator: " ")): \(r.output)")
        return r.output
    }

    /// The status line of a curl -i answer (after any 100 Continue).
    func status(_ output: String) -> String {
        let lines = output.components(separatedBy: "\r\n").filter { $0.hasPrefix("HTTP/1.1 ") && !$0.hasPrefix("HTTP/1.1 100") }
        return lines.last ?? "(no status in \(output))"
    }

    func body(_ output: String) -> String {
        output.components(separatedBy: "\r\n\r\n").last ?? ""
    }

    func testCurlReadsTheBoardsFactsAndAWrongPasswordGets401() throws {
        let p = try self.project(code: "print('ready')\n" + Self.loop)
        let (run, port) = try start(p, ready: "ready")
        defer { run.stop() }
        let base = "http://127.0.0.1:\(port)"

        let version = curl([base + "/cp/version.json"])
        XCTAssertTrue(version.hasPrefix("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
                                        + "Access-Control-Allow-Credentials: true\r\nVary: Origin, Accept, Upgrade\r\n"
                                        + "Access-Control-Allow-Origin: *\r\n\r\n"), version)
        XCTAssertEqual(body(version), "{\"web_api_version\": 4, \"version\": \"9.1.4\", \"build_date\": \"2024-09-17\", "
                       + "\"board_name\": \"Raspberry Pi Pico W\", \"mcu_name\": \"rp2040\", \"board_id\": \"raspberry_pi_pico_w\", "
                       + "\"creator_id\": 9114, \"creation_id\": 33056, \"hostname\": \"cpy-98b542\", \"port\": 80, "
                       + "\"UID\": \"0292059C1C4104C4\", \"ip\": \"10.13.37.2\"}")
        XCTAssertEqual(body(curl([base + "/cp/devices.json"])), "{\"total\": 0, \"devices\": []}")
        // Two small files, a cluster each, of the 925 of the Pico W's CIRCUITPY.
        XCTAssertEqual(body(curl([base + "/cp/diskinfo.json"])),
                       "[{\"root\": \"/\", \"free\": 923, \"total\": 925, \"block_size\": 512, \"writable\": true}]")

        let wrong = curl(["-u", ":wrong", base + "/fs/"])
        XCTAssertEqual(status(wrong), "HTTP/1.1 401 Unauthorized")
        XCTAssertTrue(wrong.contains("\r\nWWW-Authenticate: Basic realm=\"CircuitPython\"\r\n"), wrong)
        XCTAssertEqual(status(curl([base + "/fs/code.py"])), "HTTP/1.1 401 Unauthorized", "no password at all")
        XCTAssertEqual(status(curl(["-u", ":passw0rd", base + "/fs/code.py"])), "HTTP/1.1 200 OK")

        let preflight = curl(["-X", "OPTIONS", base + "/fs/"])
        XCTAssertEqual(status(preflight), "HTTP/1.1 204 No Content")
        XCTAssertTrue(preflight.contains("\r\nAccess-Control-Allow-Methods:GET, OPTIONS, PUT, DELETE, MOVE\r\n"), preflight)
        XCTAssertEqual(status(curl(["-H", "Origin: http://evil.example", base + "/cp/version.json"])), "HTTP/1.1 403 Forbidden")
        XCTAssertEqual(status(curl(["-X", "DELETE", base + "/cp/version.json"])), "HTTP/1.1 405 Method Not Allowed")
        XCTAssertEqual(status(curl([base + "/nothing.html"])), "HTTP/1.1 404 Not Found")
        // The welcome page, gzipped as the firmware stores it.
        let welcome = curl(["--compressed", base + "/"])
        XCTAssertTrue(welcome.contains("Content-Encoding: gzip\r\n"), welcome)
        XCTAssertTrue(welcome.contains("Welcome to CircuitPython's Web API."), welcome)
        XCTAssertTrue(curl(["--compressed", "-u", ":passw0rd", base + "/fs/"]).contains("directory.js"))
    }

    func testAPutOfCodePyReloadsTheBoardIntoIt() throws {
        let p = try self.project(code: "print('first program')\n" + Self.loop)
        let (run, port) = try start(p, ready: "first program")
        defer { run.stop() }
        let upload = p.appendingPathComponent("upload.py")
        // It loops too: a headless run ends when the program does.
        let second = "print('second program')\n" + Self.loop
        try second.write(to: upload, atomically: true, encoding: .utf8)
        let put = curl(["-u", ":passw0rd", "-T", upload.path, "http://127.0.0.1:\(port)/fs/code.py"])
        XCTAssertEqual(status(put), "HTTP/1.1 204 No Content", "code.py was there: replaced")
        XCTAssertTrue(run.wait(for: "second program", seconds: 10), run.text)
        XCTAssertEqual(try String(contentsOf: p.appendingPathComponent("drive/code.py"), encoding: .utf8), second)
        XCTAssertTrue(run.text.contains("Code stopped by auto-reload. Reloading soon.\r\n\u{1b}[2K\u{1b}[0Gsoft reboot\r\n"), run.text)
        // The drive watcher sees the same write on the folder; it must not reload the board a second time.
        Thread.sleep(forTimeInterval: 2)
        XCTAssertEqual(run.count("soft reboot"), 1, run.text)
        XCTAssertEqual(run.count("second program"), 1, run.text)

        let wrong = curl(["-u", ":nope", "-T", upload.path, "http://127.0.0.1:\(port)/fs/other.py"])
        XCTAssertEqual(status(wrong), "HTTP/1.1 401 Unauthorized")
        XCTAssertFalse(FileManager.default.fileExists(atPath: p.appendingPathComponent("drive/other.py").path))
    }

    func testTheJSONListingAndFolderPutMoveAndDelete() throws {
        let p = try self.project(code: "print('ready')\n" + Self.loop)
        let (run, port) = try start(p, ready: "ready")
        defer { run.stop() }
        let fs = "http://127.0.0.1:\(port)/fs"
        let drive = p.appendingPathComponent("drive")
        let auth = ["-u", ":passw0rd"]
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: drive.appendingPathComponent(path).path) }

        XCTAssertEqual(status(curl(auth + ["-X", "PUT", fs + "/lib/sub/"])), "HTTP/1.1 201 Created", "folders and their parents")
        XCTAssertTrue(exists("lib/sub"))
        XCTAssertEqual(status(curl(auth + ["-X", "PUT", fs + "/lib/sub/"])), "HTTP/1.1 204 No Content", "already there")
        let hello = p.appendingPathComponent("hello.txt")
        try "hello\n".write(to: hello, atomically: true, encoding: .utf8)
        XCTAssertEqual(status(curl(auth + ["-H", "X-Timestamp: 1700000001123", "-T", hello.path, fs + "/lib/sub/hello.txt"])),
                       "HTTP/1.1 201 Created")
        XCTAssertEqual(status(curl(auth + ["-T", hello.path, fs + "/missing/hello.txt"])), "HTTP/1.1 404 Not Found")
        XCTAssertEqual(status(curl(auth + ["-T", hello.path, fs + "/with%20space.txt"])), "HTTP/1.1 201 Created")
        XCTAssertTrue(exists("with space.txt"))

        let listing = curl(auth + ["-H", "Accept: application/json", fs + "/lib/sub/"])
        XCTAssertEqual(status(listing), "HTTP/1.1 200 OK")
        // FAT's two-second times: 1700000001.123 s is kept as 1700000000.
        XCTAssertEqual(body(listing), "{\"free\": 919, \"total\": 925, \"block_size\": 512, \"writable\": true, \"files\": ["
                       + "{\"name\": \"hello.txt\",\"directory\": false, \"modified_ns\": 1700000000000000000, \"file_size\": 6 }]}")
        XCTAssertEqual(status(curl(auth + [fs + "/lib/sub/"])), "HTTP/1.1 404 Not Found", "only the root has a page")
        let file = curl(auth + [fs + "/lib/sub/hello.txt"])
        XCTAssertTrue(file.contains("\r\nContent-Length: 6\r\nContent-Type:text/plain;charset=UTF-8\r\n"), file)
        XCTAssertEqual(body(file), "hello\n")

        XCTAssertEqual(status(curl(auth + ["-X", "MOVE", "-H", "X-Destination: /fs/lib/moved.txt", fs + "/lib/sub/hello.txt"])),
                       "HTTP/1.1 201 Created")
        XCTAssertTrue(exists("lib/moved.txt"))
        XCTAssertFalse(exists("lib/sub/hello.txt"))
        XCTAssertEqual(status(curl(auth + ["-X", "MOVE", "-H", "X-Destination: /fs/lib/moved.txt", fs + "/code.py"])),
                       "HTTP/1.1 412 Precondition Failed", "a move does not overwrite")
        XCTAssertEqual(status(curl(auth + ["-X", "MOVE", "-H", "X-Destination: /fs/x.txt", fs + "/nothing.txt"])),
                       "HTTP/1.1 404 Not Found")

        XCTAssertEqual(status(curl(auth + ["-X", "DELETE", fs + "/lib/"])), "HTTP/1.1 204 No Content", "a folder and all in it")
        XCTAssertFalse(exists("lib"))
        XCTAssertEqual(status(curl(auth + ["-X", "DELETE", fs + "/lib/"])), "HTTP/1.1 404 Not Found")
        XCTAssertEqual(status(curl(auth + [fs + "/lib/moved.txt"])), "HTTP/1.1 404 Not Found")
        let root = body(curl(auth + ["-H", "Accept: application/json", fs + "/"]))
        XCTAssertTrue(root.contains("{\"name\": \"code.py\",\"directory\": false, \"modified_ns\": "), root)
        XCTAssertFalse(root.contains("\"lib\""), root)
        XCTAssertTrue(run.text.contains("soft reboot"), "each change reloads the board: \(run.text)")
    }

    func testTheSerialConsoleOverAWebSocketInterruptsAndRunsAREPLLine() throws {
        let p = try self.project(code: "print('looping')\n" + Self.loop)
        let (run, port) = try start(p, ready: "looping", interactive: false)
        defer { run.stop() }
        let client = testsFolder.appendingPathComponent("websocket_console.py").path
        let r = runTool(["python3", client, "--port", "\(port)", "--path", "/cp/serial/", "--password", "passw0rd",
                         "--timeout", "10", "--send", "\\x03", "--expect", "Press any key to enter the REPL",
                         "--send", "\\r", "--expect", ">>> ", "--send", "print(6*7)\\r", "--expect", "print(6*7)\r\n42\r\n>>> "],
                        seconds: 60)
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("KeyboardInterrupt"), r.output)
        XCTAssertTrue(r.output.contains("Adafruit CircuitPython 9.1.4 on 2024-09-17; Raspberry Pi Pico W with rp2040\r\n>>> "), r.output)
        // The serial port saw the same session.
        XCTAssertTrue(run.wait(for: "print(6*7)\r\n42\r\n", seconds: 5), run.text)

        let refused = runTool(["python3", client, "--port", "\(port)", "--path", "/cp/serial/", "--password", "wrong",
                               "--timeout", "10"], seconds: 30)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("HTTP/1.1 401 Unauthorized"), refused.output)
    }
}
