import BreadboxTestSupport
import Foundation
import XCTest

/// `breadbox run --serial pty|tcp:PORT|rfc2217:PORT` as tools use it: the
/// built binary runs a small project headless and pyserial (what mpremote and
/// Thonny open ports with) connects, reads and types, one connection after
/// another. Every wait is bounded.
final class SerialPortCLITests: XCTestCase, BreadboxRuns {
    var dirs: [URL] = []
    var processes: [Process] = []

    override func tearDown() { cleanUpRuns() }

    static let blinkCircuit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Firmware/examples/blink/pico_w-micropython/circuit.json")

    /// The blink example's Pico W running `main`.
    func project(main: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serial-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.blinkCircuit, to: dir.appendingPathComponent("circuit.json"))
        try main.write(to: dir.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        return dir
    }

    static let ticking = """
        import time
        n = 0
        while True:
            n += 1
            print('tick', n)
            time.sleep(0.1)
        """

    // MARK: pyserial

    static let pyserialAvailable = commandSucceeds(["python3", "-c", "import serial"])

    typealias Step = (send: String, wanted: String)

    /// What pyserial read in each step of each session on `url`.
    func pyserial(_ url: String, _ sessions: [[Step]], seconds: Double = 5,
                  file: StaticString = #filePath, line: UInt = #line) throws -> [[String]] {
        guard Self.pyserialAvailable else {
            throw XCTSkip("python3 with pyserial is needed (Scripts/install-deps installs it: pip install pyserial)")
        }
        let json = try JSONSerialization.data(withJSONObject: sessions.map { $0.map { [$0.send, $0.wanted, seconds] as [Any] } })
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", testsFolder.appendingPathComponent("pyserial_sessions.py").path, url, String(decoding: json, as: UTF8.self)]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Each pipe read to its end on a thread of its own, so neither fills.
        let stdout = LockedText(), stderr = LockedText()
        let drained = DispatchGroup()
        for (pipe, text) in [(out, stdout), (err, stderr)] {
            DispatchQueue.global().async(group: drained) {
                text.append(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            }
        }
        let limit = Double(sessions.joined().count) * seconds + 10
        if !waitUntil(seconds: limit, { !p.isRunning }) {
            p.terminate()
            XCTFail("pyserial did not finish in \(Int(limit)) s", file: file, line: line)
        }
        p.waitUntilExit()
        _ = drained.wait(timeout: .now() + 5)
        guard p.terminationStatus == 0,
              let transcripts = try? JSONSerialization.jsonObject(with: Data(stdout.value.utf8)) as? [[String]] else {
            XCTFail("pyserial on \(url) failed:\n\(stderr.value)\(stdout.value)", file: file, line: line)
            return []
        }
        return transcripts
    }

    /// The numbers of the `tick N` lines in `text`.
    func ticks(_ text: String) -> [Int] {
        text.components(separatedBy: "\r\n").compactMap { $0.hasPrefix("tick ") ? Int($0.dropFirst(5)) : nil }
    }

    // MARK: Tests

    func testToolsOnATCPPortSeeTheBoardAndTypeToItOneConnectionAfterAnother() throws {
        let p = try project(main: Self.ticking)
        let port = try LoopbackService.freePort()
        let log = p.appendingPathComponent("serial.log")
        let run = try start(["run", p.path, "--headless", "--serial", "tcp:\(port)", "--speed", "realtime",
                             "--timeout", "60s", "--serial-log-file", log.path])
        let url = try address(of: run)
        XCTAssertEqual(url, "socket://127.0.0.1:\(port)")
        let tick = #"tick \d+\r\n"#
        let t = try pyserial(url, [
            [("", tick)],
            [("", tick), ("\u{3}", ">>> $"), ("print(6*7)\r", #"42\r\n>>> $"#)],
            [("\r", ">>> $"), ("print(6*7)\r", #"42\r\n>>> $"#)],
        ])
        guard t.count == 3, t[0].count == 1, t[1].count == 3, t[2].count == 2 else { return XCTFail("\(t)") }
        let first = ticks(t[0][0]), second = ticks(t[1][0])
        XCTAssertFalse(first.isEmpty, t[0][0])
        XCTAssertGreaterThan(second.first ?? 0, first.last ?? .max, "the board kept running between the connections: \(t)")
        XCTAssertTrue(t[1][1].contains("KeyboardInterrupt"), "Ctrl-C from the tool interrupts main.py: \(t[1][1])")
        XCTAssertTrue(t[1][2].hasPrefix("print(6*7)\r\n42\r\n>>> "), "the REPL echoes and answers: \(t[1][2])")
        XCTAssertEqual(t[2], ["\r\n>>> ", "print(6*7)\r\n42\r\n>>> "], "a third connection finds the REPL")
        XCTAssertTrue(run.process.isRunning, "tools going away leave the board running")
        XCTAssertEqual(interrupt(run), 0, "Ctrl-C ends the run cleanly: \(run.stderr.value)")
        XCTAssertEqual(run.stdout.value, "", "the console is on the port, not stdout")
        let written = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertTrue(written.hasPrefix("tick 1\r\ntick 2\r\n"), "the serial log has what nobody was connected to see: \(written)")
        XCTAssertTrue(written.hasSuffix("print(6*7)\r\n42\r\n>>> "), written)
    }

    func testAPseudoTerminalIsTheBoardsConsoleForOneToolAfterAnother() throws {
        let p = try project(main: Self.ticking)
        let run = try start(["run", p.path, "--headless", "--serial", "pty", "--timeout", "60s"])
        let path = try address(of: run)
        XCTAssertTrue(path.hasPrefix("/dev/pts/"), path)
        let t = try pyserial(path, [
            [("", #"tick \d+\r\n"#), ("\u{3}", ">>> $")],
            [("print(6*7)\r", #"42\r\n>>> $"#)],
            [("\r", ">>> $")],
        ])
        guard t.count == 3, t[0].count == 2 else { return XCTFail("\(t)") }
        XCTAssertFalse(ticks(t[0][0]).isEmpty, t[0][0])
        XCTAssertTrue(t[0][1].contains("KeyboardInterrupt"), t[0][1])
        XCTAssertEqual(t[1], ["print(6*7)\r\n42\r\n>>> "], "raw: the board's CR LF and the tool's CR pass unchanged")
        XCTAssertEqual(t[2], ["\r\n>>> "])
        XCTAssertTrue(run.process.isRunning)
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)
    }

    func testPyserialsRFC2217ClientNegotiatesAndTalksToTheBoard() throws {
        let p = try project(main: Self.ticking)
        let port = try LoopbackService.freePort()
        let run = try start(["run", p.path, "--headless", "--serial", "rfc2217:\(port)", "--timeout", "60s"])
        let url = try address(of: run)
        XCTAssertEqual(url, "rfc2217://127.0.0.1:\(port)")
        // Opening waits for every option and setting to be confirmed; a refusal is an exception.
        let t = try pyserial(url, [
            [("", #"tick \d+\r\n"#), ("\u{3}", ">>> $"), ("print(6*7)\r", #"42\r\n>>> $"#)],
            // MicroPython's line editor takes ASCII only: the é comes from an escape.
            [(#"print('\xe9t\xe9')\#r"#, #"\r\n>>> $"#)],
        ])
        guard t.count == 2, t[0].count == 3 else { return XCTFail("\(t)") }
        XCTAssertFalse(ticks(t[0][0]).isEmpty, t[0][0])
        XCTAssertTrue(t[0][1].contains("KeyboardInterrupt"), t[0][1])
        XCTAssertTrue(t[0][2].hasPrefix("print(6*7)\r\n42\r\n>>> "), t[0][2])
        XCTAssertEqual(t[1], [#"print('\xe9t\xe9')"# + "\r\nété\r\n>>> "], "UTF-8 comes back from the board")
        XCTAssertTrue(run.process.isRunning)
        XCTAssertEqual(interrupt(run), 0, run.stderr.value)
    }

    func testWithASerialPortAHeadlessRunLastsUntilItsTimeout() throws {
        let p = try project(main: "print('done')\n")
        let log = p.appendingPathComponent("serial.log")
        let started = Date()
        let run = try start(["run", p.path, "--headless", "--serial", "tcp:0", "--timeout", "1500ms",
                             "--serial-log-file", log.path])
        let url = try address(of: run)
        XCTAssertTrue(url.hasPrefix("socket://127.0.0.1:"), url)
        XCTAssertTrue(waitUntil(seconds: 15) { !run.process.isRunning })
        run.process.waitUntilExit()
        XCTAssertEqual(run.process.terminationStatus, 42, "the REPL waited for a tool until the timeout: \(run.stderr.value)")
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.4, "in real time")
        let written = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertTrue(written.hasPrefix("done\r\nMicroPython v"), written)
        XCTAssertEqual(run.stdout.value, "")
    }

    func testBadSpecsAndBusyPortsAreRefusedBeforeTheRun() throws {
        let p = try project(main: "print('ran')\n")
        let bad = try start(["run", p.path, "--headless", "--serial", "usb0"])
        bad.process.waitUntilExit()
        XCTAssertEqual(bad.process.terminationStatus, 2)
        _ = waitUntil(seconds: 2) { bad.stderr.value.hasSuffix("\n") }
        XCTAssertEqual(bad.stderr.value, "breadbox run: --serial \"usb0\" is not pty, tcp:PORT or rfc2217:PORT\n")

        let (fd, port) = try LoopbackService.boundSocket(type: Int32(SOCK_STREAM.rawValue))
        defer { close(fd) }
        XCTAssertEqual(listen(fd, 1), 0)
        for scheme in ["tcp", "rfc2217"] {
            let busy = try start(["run", p.path, "--headless", "--serial", "\(scheme):\(port)", "--timeout", "1s"])
            busy.process.waitUntilExit()
            XCTAssertEqual(busy.process.terminationStatus, 2)
            _ = waitUntil(seconds: 2) { busy.stderr.value.hasSuffix("\n") }
            XCTAssertEqual(busy.stderr.value,
                           "breadbox run: --serial \(scheme):\(port): cannot listen on 127.0.0.1:\(port) (Address already in use)\n")
            XCTAssertEqual(busy.stdout.value, "", "the board never ran")
        }

        let both = try start(["run", p.path, "--headless", "--serial", "pty", "--interactive"])
        both.process.waitUntilExit()
        XCTAssertEqual(both.process.terminationStatus, 2)
    }
}
