import BoardEmulator
import BoardSupervisor
import Foundation
import XCTest

/// The board's REPLs fed as a terminal or a tool feeds them, byte for byte:
/// the expected bytes are what MicroPython's `readline.c` and `pyexec.c`
/// send (checked against the MicroPython unix port, which runs the same
/// code), CircuitPython's where it differs.
final class REPLTests: XCTestCase {
    private var dirs: [URL] = []
    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    /// Boots a project, types `input` into its console, and returns what
    /// the console sent back after the boot's own output (bytes as text).
    private func session(board: String = "pico_w", flavour: FirmwareFlavour = .micropython,
                         files: [String: String] = [:], input: [String]) throws -> (all: String, afterBoot: String) {
        let dir = try makeTemporaryProject(board: board, flavour: flavour, files: files, prefix: "repl")
        dirs.append(dir)
        let sup = try Supervisor(project: dir)
        var bytes: [UInt8] = []
        sup.addSerialTap { bytes += $0 }
        for chunk in input { sup.feedInput(Array(chunk.utf8)) }
        sup.closeInput()
        _ = sup.runSession(headless: true, interactive: true)
        return (String(decoding: bytes, as: UTF8.self), String(decoding: Self.afterBoot(bytes, flavour), as: UTF8.self))
    }

    /// What follows the first boot's last line (MicroPython's banner, CircuitPython's "Press any key").
    static func afterBoot(_ bytes: [UInt8], _ flavour: FirmwareFlavour) -> ArraySlice<UInt8> {
        let marker = Array((flavour == .micropython ? "Type \"help()\" for more information.\r\n"
                                                    : "Press any key to enter the REPL. Use CTRL-D to reload.\r\n").utf8)
        guard bytes.count >= marker.count else { return [] }
        for i in 0...(bytes.count - marker.count) where bytes[i..<(i + marker.count)].elementsEqual(marker) {
            return bytes[(i + marker.count)...]
        }
        return []
    }

    private func nameError(_ name: String) -> String {
        "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name '\(name)' isn't defined\r\n>>> "
    }

    /// A 2 MB line typed at the console takes the board's time to arrive (USB
    /// full speed), so a timeout ends the session while the line is still
    /// coming; before, no virtual time passed and the run outlived `--timeout`.
    func testAHugeLineTypedAtTheConsoleEndsAtTheTimeout() throws {
        let dir = try makeTemporaryProject(files: ["main.py": "print('up')\n"], prefix: "repl")
        dirs.append(dir)
        let sup = try Supervisor(project: dir)
        sup.feedInput(Array(("#" + String(repeating: "a", count: 2_000_000) + "\r").utf8))
        sup.closeInput()
        let start = Date()
        let result = sup.runSession(timeoutNanoseconds: 500_000_000, headless: true, interactive: true)
        XCTAssertEqual(result, .timeout)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    func testCursorKeysEditInTheMiddleOfTheLineAsTheFirmwareRedrawsIt() throws {
        let cases: [(String, String)] = [
            ("abc\u{1B}[D\u{1B}[DX\r", "abc\u{8}\u{8}Xbc\u{8}\u{8}\r\n" + nameError("aXbc")),
            ("hello\u{1}Y\u{5}Z\r", "hello\u{1B}[5DYhello\u{1B}[5DhelloZ\r\n" + nameError("YhelloZ")),
            ("abcdef\u{1B}[D\u{1B}[D\u{B}\r", "abcdef\u{8}\u{8}\u{1B}[K\r\n" + nameError("abcd")),
            ("abcdef\u{1B}[D\u{1B}[D\u{15}\r", "abcdef\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{1B}[Kef\u{8}\u{8}\r\n" + nameError("ef")),
            ("abc\u{8}\u{8}d\r", "abc\u{8}\u{1B}[K\u{8}\u{1B}[Kd\r\n" + nameError("ad")),
            ("abc\u{1B}[H\u{1B}[3~\r", "abc\u{8}\u{8}\u{8}\u{1B}[Kbc\u{8}\u{8}\r\n" + nameError("bc")),
            ("ab\u{2}\u{2}c\u{6}d\r", "ab\u{8}\u{8}cab\u{8}\u{8}adb\u{8}\r\n" + nameError("cadb")),
        ]
        for (typed, echoed) in cases {
            let out = try session(input: [typed]).afterBoot
            XCTAssertEqual(out, ">>> " + echoed, typed.debugDescription)
        }
    }

    func testHistoryRecallsEarlierLinesWithUpAndDown() throws {
        let out = try session(input: ["1+1\r", "2+3\r", "\u{1B}[A\u{1B}[A\u{1B}[B\r"]).afterBoot
        XCTAssertEqual(out, ">>> 1+1\r\n2\r\n>>> 2+3\r\n5\r\n>>> 2+3\u{8}\u{8}\u{8}1+1\u{8}\u{8}\u{8}2+3\r\n5\r\n>>> ")
    }

    func testTabCompletesNamesAttributesAndModules() throws {
        // One global: Tab on an empty line offers it; a prefix completes it.
        var out = try session(input: ["only_one = 7\r", "\t\r", "import machine\r", "machine.Pi\t\r"]).afterBoot
        XCTAssertTrue(out.contains(">>> only_one\r\n7\r\n"), out)
        XCTAssertTrue(out.contains(">>> machine.Pin\r\n<class '"), out)
        // Several: listed in 16-column slots, then the prompt and the line again.
        out = try session(input: ["import ma\t"]).afterBoot
        XCTAssertEqual(out, ">>> import ma\r\nmachine         math\r\n>>> import ma")
        // Built-ins are not offered (the firmware completes from __main__ only).
        out = try session(input: ["pri\t"]).afterBoot
        XCTAssertEqual(out, ">>> pri")
    }

    func testAutoIndentAndContinuationLines() throws {
        let out = try session(input: ["def f():\r", "return 3\r", "\u{8}\r", "f()\r"]).afterBoot
        XCTAssertEqual(out, ">>> def f():\r\n...     return 3\r\n...     \u{8}\u{8}\u{8}\u{8}\u{1B}[K\r\n>>> f()\r\n3\r\n>>> ")
        let brackets = try session(input: ["(1,\r", "2)\r"]).afterBoot
        XCTAssertEqual(brackets, ">>> (1,\r\n... 2)\r\n(1, 2)\r\n>>> ")
        let cancelled = try session(input: ["if True:\r", "\u{3}", "7\r"]).afterBoot
        XCTAssertEqual(cancelled, ">>> if True:\r\n...     \r\n>>> 7\r\n7\r\n>>> ")
    }

    func testPasteModeRunsWhatWasPastedAsAFile() throws {
        let out = try session(input: ["\u{5}", "for i in range(2):\r    print(i)\rprint('end')\r", "\u{4}"]).afterBoot
        XCTAssertEqual(out, ">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
            + "for i in range(2):\r\n===     print(i)\r\n=== print('end')\r\n=== \r\n0\r\n1\r\nend\r\n>>> ")
        let cancelled = try session(input: ["\u{5}", "print('no')", "\u{3}", "1\r"]).afterBoot
        XCTAssertEqual(cancelled, ">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== print('no')\r\n>>> 1\r\n1\r\n>>> ")
    }

    func testCtrlBPrintsTheBannerAndCtrlDSoftResets() throws {
        let out = try session(files: ["main.py": "print('main ran')\n"], input: ["\u{2}", "\u{4}"])
        XCTAssertEqual(out.afterBoot, ">>> \r\nMicroPython v1.24.0 on 2024-10-29; Raspberry Pi Pico W with RP2040\r\n"
            + "Type \"help()\" for more information.\r\n>>> \r\nMPY: soft reboot\r\nmain ran\r\n"
            + "MicroPython v1.24.0 on 2024-10-29; Raspberry Pi Pico W with RP2040\r\nType \"help()\" for more information.\r\n>>> ")
        let esp = try session(board: "esp32s3", input: ["\u{2}"]).afterBoot
        XCTAssertTrue(esp.contains("; Generic ESP32S3 module with ESP32S3\r\n"), esp)
    }

    func testSysExitSoftResetsMicroPythonButNotCircuitPythonsREPL() throws {
        let mp = try session(input: ["import sys\r", "sys.exit()\r"]).afterBoot
        XCTAssertTrue(mp.contains(">>> sys.exit()\r\nMPY: soft reboot\r\n"), mp)
        let cp = try session(flavour: .circuitpython, files: ["code.py": "pass\n"], input: ["x", "import sys\r", "sys.exit()\r", "1+1\r"]).afterBoot
        XCTAssertTrue(cp.contains(">>> sys.exit()\r\n>>> 1+1\r\n2\r\n>>> "), cp)
    }

    func testProgramsReadTheConsoleOnBothFlavours() throws {
        let cp = try session(flavour: .circuitpython, files: ["code.py": """
            import supervisor, sys, time
            while supervisor.runtime.serial_bytes_available < 3:
                time.sleep(0.01)
            print('got', repr(sys.stdin.read(supervisor.runtime.serial_bytes_available)))
            """], input: ["abc"]).all
        XCTAssertTrue(cp.contains("got 'abc'\r\n"), cp)
        let mp = try session(files: ["main.py": "name = input('name? ')\nprint('hello', name)\n"],
                             input: ["bob\u{1B}[DX\r"]).all
        // input() edits with the firmware's line editor: the X goes before the b.
        XCTAssertTrue(mp.hasPrefix("name? bob\u{8}Xb\u{8}\r\nhello boXb\r\n"), mp.debugDescription)
    }

    // MARK: Raw REPL

    func testRawREPLRunsCodeWithItsFramingAndSoftResetsWithoutMainPy() throws {
        let out = try session(files: ["boot.py": "print('boot ran')\n", "main.py": "print('main ran')\n"],
                              input: ["\u{1}", "print(6*7)\u{4}", "raise ValueError('x')\u{4}", "x = 5\u{3}print('only this')\u{4}", "\u{4}", "\u{2}"]).afterBoot
        let valueError = "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nValueError: x\r\n"
        XCTAssertEqual(out, ">>> \r\nraw REPL; CTRL-B to exit\r\n>"
            + "OK42\r\n\u{4}\u{4}>"
            + "OK\u{4}" + valueError + "\u{4}>"
            + "OKonly this\r\n\u{4}\u{4}>"
            + "OK\r\nMPY: soft reboot\r\nboot ran\r\nraw REPL; CTRL-B to exit\r\n>"
            + "\r\nMicroPython v1.24.0 on 2024-10-29; Raspberry Pi Pico W with RP2040\r\nType \"help()\" for more information.\r\n>>> ")
    }

    func testSoftResetFromCodeInTheRawREPLEndsTheFramingFirst() throws {
        let out = try session(input: ["\u{1}", "import machine\nmachine.soft_reset()\u{4}"]).afterBoot
        XCTAssertTrue(out.hasSuffix(">OK\u{4}\u{4}MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"), out.debugDescription)
    }

    func testRawPasteStreamsUnderFlowControl() throws {
        // 300 bytes of code: the board grants a window of 128 bytes twice more.
        let code = String(repeating: "x=1\n", count: 73) + "print(x+1)"
        XCTAssertEqual(code.utf8.count, 302)
        let dir = try makeTemporaryProject(prefix: "repl")
        dirs.append(dir)
        let sup = try Supervisor(project: dir)
        var bytes: [UInt8] = []
        sup.addSerialTap { bytes += $0 }
        sup.feedInput([0x01, 0x05, UInt8(ascii: "A"), 0x01] + Array(code.utf8) + [0x04, 0x05, UInt8(ascii: "B"), 0x01])
        sup.closeInput()
        _ = sup.runSession(headless: true, interactive: true)
        bytes = Array(Self.afterBoot(bytes, .micropython))
        let expected = Array(">>> \r\nraw REPL; CTRL-B to exit\r\n>".utf8) + [UInt8(ascii: "R"), 0x01, 0x80, 0x00, 0x01, 0x01, 0x01, 0x04]
            + Array("2\r\n".utf8) + [0x04, 0x04] + Array(">".utf8) + [UInt8(ascii: "R"), 0x00] + Array(">".utf8)
        XCTAssertEqual(bytes, expected, String(decoding: bytes, as: UTF8.self).debugDescription)
    }

    // MARK: CircuitPython

    func testCircuitPythonREPLIsAFreshVMAfterAnyKeyAndItsRawREPLSkipsCodePy() throws {
        let out = try session(flavour: .circuitpython, files: ["code.py": "secret = 1\nprint('code ran')\n"],
                              input: ["\r", "secret\r", "\u{1}", "print('raw')\u{4}", "\u{4}", "\u{2}"]).afterBoot
        XCTAssertTrue(out.hasPrefix("\r\nAdafruit CircuitPython 9.1.4 on 2024-09-17; Raspberry Pi Pico W with rp2040\r\n>>> secret\r\n"
            + "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'secret'"), out)
        XCTAssertTrue(out.contains(">>> \r\nraw REPL; CTRL-B to exit\r\n>OKraw\r\n\u{4}\u{4}>OK\r\n"
            + SupervisorTexts.lineClear + "soft reboot\r\nraw REPL; CTRL-B to exit\r\n>\r\n\r\nAdafruit CircuitPython"), out)
        XCTAssertEqual(out.components(separatedBy: "code ran").count, 1, "code.py does not run again from the raw REPL")
    }
}
