import BoardEmulator
import BreadboxTestSupport
@testable import BoardSupervisor
@testable import FirmwareAPI
import Foundation
import PythonRuntime
import XCTest

final class SupervisorTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// A project folder: `circuit` (or the template's LED circuit) and drive files.
    func makeProject(board: String = "pico_w", flavour: FirmwareFlavour = .micropython,
                     circuit: String? = nil, files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sup-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive/lib"), withIntermediateDirectories: true)
        let c = try circuit ?? ProjectTemplate.circuitJSON(board: board, flavour: flavour)
        try c.write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent("drive/" + name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func write(_ project: URL, _ name: String, _ text: String) throws {
        try text.write(to: project.appendingPathComponent("drive/" + name), atomically: true, encoding: .utf8)
    }

    static let blinkForever = """
        import time
        from machine import Pin
        led = Pin(15, Pin.OUT, value=0)
        while True:
            led.value(not led.value())
            time.sleep(0.5)
        """

    func testMicroPythonRunsMainThenShowsTheBanner() throws {
        let p = try makeProject(files: ["boot.py": "print('booting')\n", "main.py": "print('hello')\nprint(1 + 2)\n"])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertEqual(sup.serialLog, "booting\r\nhello\r\n3\r\n"
            + "MicroPython v1.24.0 on 2024-10-29; Raspberry Pi Pico W with RP2040\r\n"
            + "Type \"help()\" for more information.\r\n")
    }

    func testRuntimeIsConfiguredFromTheBoard() throws {
        let p = try makeProject(files: ["main.py": "import os, sys\nprint(os.uname().machine)\nprint(sys.platform)\n"])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertTrue(sup.serialLog.hasPrefix("Raspberry Pi Pico W with RP2040\r\nrp2\r\n"), sup.serialLog)
        XCTAssertEqual(sup.runtime?.configuration.heapLimit, sup.board.flavourFacts.heapBytes)
    }

    func testEndlessBlinkTimesOutWithTheTogglesRecorded() throws {
        let p = try makeProject(files: ["main.py": Self.blinkForever])
        let sup = try Supervisor(project: p)
        let trace = TraceRecorder(board: sup.board)
        sup.onTimeout = { trace.stop() }
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 2_000_000_000), .timeout)
        XCTAssertEqual(HeadlessResult.timeout.exitCode(), 42)
        let vcd = trace.vcd()
        XCTAssertTrue(vcd.contains("GP15"), vcd)
        let changes = trace.events.count
        XCTAssertEqual(changes, 5, vcd)  // output low at 0, then on at 0, off 0.5 s, on 1 s, off 1.5 s
        XCTAssertEqual(vcd.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.count, 4, vcd)
    }

    func testCircuitPythonExceptionPrintsTheTracebackAndExits1() throws {
        let p = try makeProject(flavour: .circuitpython, files: ["code.py": "print('start')\nraise ValueError('boom')\n"])
        let sup = try Supervisor(project: p)
        let result = sup.runHeadless()
        XCTAssertEqual(result, .exception)
        XCTAssertEqual(result.exitCode(), 1)
        let c = SupervisorTexts.lineClear
        // As on the wire: CircuitPython cooks every line end into \r\n.
        XCTAssertEqual(sup.serialLog, "\(c)code.py output:\r\nstart\r\n"
            + "Traceback (most recent call last):\r\n  File \"code.py\", line 2, in <module>\r\nValueError: boom\r\n"
            + "\r\n\(c)Code done running.\r\n"
            + "\r\n\(c)Auto-reload is on. Simply save files over USB to run them or enter REPL to disable.\r\n"
            + "\r\n\(c)Press any key to enter the REPL. Use CTRL-D to reload.\r\n")
    }

    func testCircuitPythonTriesCodeTxtFirstThenMainPy() throws {
        let p = try makeProject(flavour: .circuitpython, files: ["main.py": "print('from main')\n"])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertTrue(sup.printedText.contains("main.py output:\nfrom main\n"), sup.printedText)
        try write(p, "code.txt", "print('from txt')\n")
        let sup2 = try Supervisor(project: p)
        XCTAssertEqual(sup2.runHeadless(), .finished)
        XCTAssertTrue(sup2.printedText.contains("code.txt output:\nfrom txt\n"), sup2.printedText)
    }

    func testExpectAndFailText() throws {
        let src = """
            import time
            n = 0
            while True:
                n += 1
                print('tick', n)
                if n == 3:
                    print('READY')
                if n == 5:
                    print('PANIC')
                time.sleep(1)
            """
        let p = try makeProject(files: ["main.py": src])
        var sup = try Supervisor(project: p)
        sup.expectText = "READY"
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 60_000_000_000), .expectedText)
        XCTAssertFalse(sup.serialLog.contains("tick 4"))
        sup = try Supervisor(project: p)
        sup.failText = "PANIC"
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 60_000_000_000), .failText)
        XCTAssertEqual(HeadlessResult.failText.exitCode(), 1)
        sup = try Supervisor(project: p)
        sup.expectText = "NEVER"
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 3_000_000_000), .timeout)
        XCTAssertEqual(HeadlessResult.timeout.exitCode(timeoutExitCode: 7), 7)
        // A program that finishes without the expected text waits for the timeout.
        let q = try makeProject(files: ["main.py": "print('done')\n"])
        sup = try Supervisor(project: q)
        sup.expectText = "NEVER"
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 3_000_000_000), .timeout)
    }

    func testSetEnvironmentReachesTheBME280() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Firmware/examples/thermostat/micropython")
        let circuit = try String(contentsOf: example.appendingPathComponent("circuit.json"), encoding: .utf8)
        let main = """
            from machine import I2C, Pin
            from bme280 import BME280
            t, p, h = BME280(I2C(0, scl=Pin(5), sda=Pin(4)), address=0x77).read()
            print('T=%.1f' % t)
            """
        let p = try makeProject(circuit: circuit, files: ["main.py": main])
        var sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertTrue(sup.serialLog.hasPrefix("T=24.0\r\n"), sup.serialLog)
        sup = try Supervisor(project: p)
        try sup.apply(set: "environment.temperature=31.5")
        XCTAssertThrowsError(try sup.apply(set: "environment.temperature=hot"))
        XCTAssertThrowsError(try sup.apply(set: "nosuchpart.color=green"))
        XCTAssertThrowsError(try sup.apply(set: "temperature"))
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertTrue(sup.serialLog.hasPrefix("T=31.5\r\n"), sup.serialLog)
    }

    func testSyntaxErrorIsReportedAndALaterSaveRuns() throws {
        let p = try makeProject(flavour: .circuitpython, files: ["code.py": "print('a')\nx = = 1\n"])
        let sup = try Supervisor(project: p)
        let watcher = DriveWatcher(root: p.appendingPathComponent("drive"), settleInterval: 0.5)
        sup.watch(watcher)
        watcher.poll(now: 0)
        XCTAssertEqual(sup.boot(), .exception)
        // As the firmware prints it: the file and line, no source line or caret.
        XCTAssertTrue(sup.printedText.contains("  File \"code.py\", line 2\nSyntaxError: invalid syntax\n"), sup.printedText)
        XCTAssertFalse(sup.printedText.contains("\na\n"))
        try write(p, "code.py", "print('fixed')\n")
        XCTAssertNil(watcher.poll(now: 1))
        XCTAssertFalse(sup.reloadPending)
        XCTAssertNotNil(watcher.poll(now: 1.6))
        XCTAssertTrue(sup.reloadPending)
        let before = sup.printedText.count
        XCTAssertEqual(sup.reload(), .finished)
        let after = String(sup.printedText.dropFirst(before))
        XCTAssertTrue(after.hasPrefix(SupervisorTexts.lineClear + "soft reboot\n"), after)
        XCTAssertTrue(after.contains("code.py output:\nfixed\n"), after)
        XCTAssertEqual(sup.board.resetCause, .soft)
    }

    func testTheBoardsOwnWritesDoNotReloadIt() throws {
        let p = try makeProject(files: ["main.py": "with open('/data/log.txt', 'w') as f:\n    f.write('x')\n"])
        try FileManager.default.createDirectory(at: p.appendingPathComponent("drive/data"), withIntermediateDirectories: true)
        let sup = try Supervisor(project: p)
        let watcher = DriveWatcher(root: p.appendingPathComponent("drive"), settleInterval: 0.5)
        sup.watch(watcher)
        watcher.poll(now: 0)
        XCTAssertEqual(sup.boot(), .finished)
        XCTAssertNil(watcher.poll(now: 1))
        XCTAssertEqual(watcher.poll(now: 2), ["data/log.txt"])
        XCTAssertFalse(sup.reloadPending)
        try write(p, "main.py", "print('saved')\n")
        watcher.poll(now: 3)
        XCTAssertNotNil(watcher.poll(now: 4))
        XCTAssertTrue(sup.reloadPending)
    }

    func testAutoReloadStopsARunningProgram() throws {
        let p = try makeProject(flavour: .circuitpython, files: ["code.py": "import time\nwhile True:\n    time.sleep(0.1)\n"])
        let sup = try Supervisor(project: p)
        _ = sup.board.clock.schedule(after: 1_000_000_000) { sup.requestReload() }
        XCTAssertEqual(sup.boot(), .stopped)
        XCTAssertTrue(sup.printedText.hasSuffix("\n" + SupervisorTexts.lineClear + "Code stopped by auto-reload. Reloading soon.\n"),
                      sup.printedText)
        try write(p, "code.py", "print('new')\n")
        XCTAssertEqual(sup.reload(), .finished)
        XCTAssertTrue(sup.printedText.contains("soft reboot\n" + SupervisorTexts.lineClear + "code.py output:\nnew\n"), sup.printedText)
    }

    func testMachineSoftResetRunsAgain() throws {
        let main = """
            import machine
            try:
                with open('count.txt') as f:
                    n = int(f.read())
            except OSError:
                n = 0
            with open('count.txt', 'w') as f:
                f.write(str(n + 1))
            print('run', n, machine.reset_cause() == machine.SOFT_RESET)
            if n < 1:
                machine.soft_reset()
            """
        let p = try makeProject(files: ["main.py": main])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        XCTAssertTrue(sup.serialLog.hasPrefix("run 0 False\r\n\r\nMPY: soft reboot\r\nrun 1 True\r\nMicroPython"), sup.serialLog)
        XCTAssertEqual(sup.bootCount, 2)
    }

    func testSleepOneSecondMeasuresOneSecond() throws {
        let main = """
            import time
            a = time.ticks_ms()
            time.sleep(1)
            b = time.ticks_ms()
            print(time.ticks_diff(b, a))
            """
        let p = try makeProject(files: ["main.py": main])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(), .finished)
        let first = sup.serialLog.components(separatedBy: "\r\n")[0]
        let ms = try XCTUnwrap(Int(first), sup.serialLog)
        XCTAssertEqual(Double(ms), 1000, accuracy: 2)
    }

    func testTwoRunsAreByteIdentical() throws {
        let src = """
            import time
            from machine import Pin
            led = Pin(15, Pin.OUT)
            for i in range(6):
                led.toggle()
                print(i, time.ticks_us())
                time.sleep_ms(37)
            while True:
                time.sleep(0.25)
                led.toggle()
            """
        let p = try makeProject(files: ["main.py": src])
        func once() throws -> (String, String) {
            let sup = try Supervisor(project: p)
            let trace = TraceRecorder(board: sup.board)
            sup.onTimeout = { trace.stop() }
            XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 1_500_000_000), .timeout)
            return (sup.serialLog, trace.vcd())
        }
        let a = try once(), b = try once()
        XCTAssertEqual(a.0, b.0)
        XCTAssertEqual(a.1, b.1)
        XCTAssertTrue(a.0.contains("5 "), a.0)
    }

    func testInvalidProjectsAreRefused() throws {
        XCTAssertThrowsError(try Supervisor(project: URL(fileURLWithPath: "/nonexistent/project")))
        let p = try makeProject(circuit: "{\"board\": \"nope\", \"flavor\": \"micropython\", \"parts\": []}", files: [:])
        XCTAssertThrowsError(try Supervisor(project: p))
    }

    // MARK: CLI

    var breadboxBinary: URL? { BuiltProducts.executable("breadbox") }

    func runCLI(_ args: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let bin = breadboxBinary else { throw XCTSkip("breadbox binary not built") }
        let proc = Process()
        proc.executableURL = bin
        proc.arguments = args
        let out = Pipe(), err = Pipe()
        proc.standardOutput = out
        proc.standardError = err
        try proc.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        proc.waitUntilExit()
        return (proc.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testCLIRunTimesOutWithVCDAndIsDeterministic() throws {
        let p = try makeProject(files: ["main.py": "print('blink')\n" + Self.blinkForever])
        let vcd1 = p.appendingPathComponent("a.vcd").path, vcd2 = p.appendingPathComponent("b.vcd").path
        let r1 = try runCLI(["run", p.path, "--headless", "--timeout", "2s", "--vcd-file", vcd1])
        let r2 = try runCLI(["run", p.path, "--headless", "--timeout", "2000", "--vcd-file", vcd2])
        XCTAssertEqual(r1.status, 42, r1.stderr)
        XCTAssertEqual(r1.stdout, "blink\r\n")
        XCTAssertEqual(r1.stdout, r2.stdout)
        let v1 = try String(contentsOfFile: vcd1, encoding: .utf8), v2 = try String(contentsOfFile: vcd2, encoding: .utf8)
        XCTAssertEqual(v1, v2)
        XCTAssertTrue(v1.contains("#1500"), v1)
    }

    func testCLIExitCodes() throws {
        let p = try makeProject(files: ["main.py": "import sys\nprint('x')\nraise OSError(5)\n"])
        let r = try runCLI(["run", p.path, "--headless"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("OSError: [Errno 5] EIO\r\n"), r.stdout)
        let bad = try runCLI(["run", p.path, "--headless", "--set", "nothing.color=green"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        let badTimeout = try runCLI(["run", p.path, "--headless", "--timeout", "soon"])
        XCTAssertEqual(badTimeout.status, 2)
        // An exit status is one byte: 999 would have reached the shell as 231.
        let badCode = try runCLI(["run", p.path, "--headless", "--timeout", "1s", "--timeout-exit-code", "999"])
        XCTAssertEqual(badCode.status, 2)
        XCTAssertEqual(badCode.stderr, "breadbox run: --timeout-exit-code 999 is not an exit status (0 to 255)\n")
        let negative = try runCLI(["run", p.path, "--headless", "--timeout", "-1"])
        XCTAssertEqual(negative.status, 2)
        XCTAssertEqual(negative.stderr, "breadbox run: --timeout \"-1\" is not a duration (30s, 1500ms, 2h)\n")
        // Output files that cannot be written are refused before the board runs (nothing printed).
        for flag in ["--serial-log-file", "--vcd-file", "--screenshot-file"] {
            let r = try runCLI(["run", p.path, "--headless", flag, "/nonexistent-dir/out"])
            XCTAssertEqual(r.status, 2, flag)
            XCTAssertEqual(r.stdout, "", flag)
            XCTAssertEqual(r.stderr, "breadbox run: \(flag) /nonexistent-dir/out: No such file or directory\n", flag)
        }
        let q = try makeProject(files: ["main.py": "print('ok')\n"])
        let ok = try runCLI(["run", q.path, "--headless", "--set", "led.color=green", "--serial-log-file", q.appendingPathComponent("log").path])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try String(contentsOf: q.appendingPathComponent("log"), encoding: .utf8), ok.stdout)
    }

    /// Reads a process's stdout on a background thread, keeping all of it.
    final class OutputCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        init(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] h in
                let d = h.availableData
                self?.lock.withLock { self?.data.append(d) }
            }
        }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
        func wait(for needle: String, seconds: Double) -> Bool {
            waitUntil(seconds: seconds) { text.contains(needle) }
        }
    }

    func testCLIHeadlessWaitForTextSkipsToTheTimeout() throws {
        let p = try makeProject(files: ["main.py": "print('done')\n"])
        let start = Date()
        let r = try runCLI(["run", p.path, "--headless", "--expect-text", "never", "--timeout", "60s"])
        XCTAssertEqual(r.status, 42, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testCLIRunReloadsWhenMainIsSaved() throws {
        guard let bin = breadboxBinary else { throw XCTSkip("breadbox binary not built") }
        let loop = "import time\nwhile True:\n    time.sleep(0.1)\n"
        let p = try makeProject(files: ["main.py": "print('first')\n" + loop])
        let proc = Process()
        proc.executableURL = bin
        proc.arguments = ["run", p.path, "--headless", "--timeout", "6s", "--speed", "realtime"]
        let out = Pipe()
        proc.standardOutput = out
        proc.standardError = Pipe()
        let collector = OutputCollector(out)
        try proc.run()
        XCTAssertTrue(collector.wait(for: "first\r\n", seconds: 5), collector.text)
        try write(p, "main.py", "print('second')\n" + loop)
        XCTAssertTrue(collector.wait(for: "second\r\n", seconds: 5), collector.text)
        proc.waitUntilExit()
        XCTAssertEqual(proc.terminationStatus, 42)
        XCTAssertTrue(collector.text.contains("MPY: soft reboot\r\nsecond\r\n"), collector.text)
    }

    /// Runs `breadbox run PROJECT --interactive` with `input` written to stdin
    /// (then closed) once `after` has appeared on stdout.
    func runInteractive(_ project: URL, after: String, input: [String], extra: [String] = []) throws -> (Int32, String) {
        guard let bin = breadboxBinary else { throw XCTSkip("breadbox binary not built") }
        let proc = Process()
        proc.executableURL = bin
        proc.arguments = ["run", project.path, "--interactive", "--timeout", "20s"] + extra
        // The serial console on the terminal, not a window, even on a desktop.
        proc.environment = windowlessEnvironment()
        let out = Pipe(), inp = Pipe()
        proc.standardOutput = out
        proc.standardInput = inp
        proc.standardError = Pipe()
        let collector = OutputCollector(out)
        try proc.run()
        XCTAssertTrue(collector.wait(for: after, seconds: 10), collector.text)
        for chunk in input {
            inp.fileHandleForWriting.write(Data(chunk.utf8))
            Thread.sleep(forTimeInterval: 0.3)
        }
        try inp.fileHandleForWriting.close()
        proc.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.1)
        return (proc.terminationStatus, collector.text)
    }

    func testCLIInteractiveREPLRunsLinesAndCtrlDSoftReboots() throws {
        let p = try makeProject(files: ["main.py": "print('main ran')\n"])
        let (status, out) = try runInteractive(p, after: ">>> ", input: [
            "print(6*7)\r", "from machine import Pin\r", "led = Pin('LED', Pin.OUT)\r", "led.on()\r", "led.value()\r",
            "for i in range(2):\r", "    print('x', i)\r", "\r", "\u{04}"])
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains(">>> print(6*7)\r\n42\r\n>>> "), out)
        XCTAssertTrue(out.contains("led.value()\r\n1\r\n"), out)
        XCTAssertTrue(out.contains("... "), out)
        XCTAssertTrue(out.contains("x 1\r\n"), out)
        XCTAssertTrue(out.contains("MPY: soft reboot\r\nmain ran\r\nMicroPython v1.24.0"), out)
        XCTAssertEqual(out.components(separatedBy: "main ran").count, 3, out)
    }

    /// --interactive makes the console live headless too: a REPL driven through a
    /// pipe, as a CI script would (before, --headless silently dropped it).
    func testCLIHeadlessInteractiveStillHasTheREPL() throws {
        let p = try makeProject(files: ["main.py": "print('main ran')\n"])
        let (status, out) = try runInteractive(p, after: ">>> ", input: ["print(6*7)\r"], extra: ["--headless"])
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("main ran\r\n"), out)
        XCTAssertTrue(out.contains(">>> print(6*7)\r\n42\r\n>>> "), out)
    }

    func testCLIWithoutADisplaySaysSoInOneLineAndRunsWithoutAWindow() throws {
        guard let bin = breadboxBinary else { throw XCTSkip("breadbox binary not built") }
        let p = try makeProject(files: ["main.py": "print('no window needed')\n"])
        let proc = Process()
        proc.executableURL = bin
        proc.arguments = ["run", p.path, "--timeout", "300ms"]
        proc.environment = windowlessEnvironment()
        let out = Pipe(), err = Pipe()
        proc.standardOutput = out
        proc.standardError = err
        proc.standardInput = FileHandle.nullDevice
        try proc.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        XCTAssertEqual(errors, "breadbox run: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); running without a window\n")
        XCTAssertTrue(output.contains("no window needed"), output)
        XCTAssertEqual(proc.terminationStatus, 42, "the timeout ends it, as headless")
    }

    func testCLIInteractiveCtrlCInterruptsTheProgram() throws {
        let p = try makeProject(files: ["main.py": "import time\nprint('looping')\nwhile True:\n    time.sleep(0.05)\n"])
        let (status, out) = try runInteractive(p, after: "looping", input: ["\u{03}", "print('after')\r"])
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("KeyboardInterrupt"), out)
        XCTAssertTrue(out.contains("MicroPython v1.24.0"), out)
        XCTAssertTrue(out.contains(">>> print('after')\r\nafter\r\n"), out)
    }

    func testCLIInteractiveCircuitPythonAnyKeyEntersTheREPL() throws {
        let p = try makeProject(flavour: .circuitpython, files: ["code.py": "print('cp')\n"])
        let (status, out) = try runInteractive(p, after: "Press any key", input: ["x", "print(1+1)\r", "\u{04}"])
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("Adafruit CircuitPython 9.1.4 on 2024-09-17; Raspberry Pi Pico W with rp2040\r\n>>> "), out)
        XCTAssertTrue(out.contains("print(1+1)\r\n2\r\n"), out)
        XCTAssertTrue(out.contains("soft reboot\r\n"), out)
        XCTAssertEqual(out.components(separatedBy: "\r\ncp\r\n").count, 3, out)
    }

    /// `machine.deepsleep(ms)` on an ESP32-S3: the board sleeps in virtual time and
    /// boots again with the deep-sleep wake cause, as the real chip does.
    func testDeepSleepWakesWithTheDeepSleepResetCause() throws {
        let main = """
            import machine, time
            print("cause", machine.reset_cause() == machine.DEEPSLEEP_RESET)
            time.sleep(1)
            machine.deepsleep(2000)
            """
        let p = try makeProject(board: "esp32s3", files: ["main.py": main])
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 8_000_000_000), .timeout)
        XCTAssertEqual(sup.serialLog, "cause False\r\ncause True\r\ncause True\r\n")
        XCTAssertEqual(sup.board.resetCause, .deepSleepWake)
    }
}
