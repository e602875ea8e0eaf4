import BoardEmulator
import Foundation
import PythonRuntime

/// Which REPL the board runs (MicroPython's `pyexec_mode_kind`): it survives
/// a soft reset, so a tool that soft-resets from the raw REPL comes back to
/// the raw REPL, and the board skips `main.py` / `code.py` on the way.
public enum REPLMode: Sendable { case friendly, raw }

/// The firmware's REPLs on the serial input, as `shared/runtime/pyexec.c`
/// runs them on the rp2 and esp32 ports and in CircuitPython: the friendly
/// REPL (line editing, history, completion, auto-indent, paste mode), the
/// raw REPL tools use (`raw REPL; CTRL-B to exit`, `OK`, output, `\x04`,
/// errors, `\x04`, `>`), and raw-paste mode with its flow control.
extension Supervisor {
    /// How a REPL ended.
    enum REPLEnd {
        /// Switched between friendly and raw: run the other one.
        case switched
        /// Ctrl-D or `sys.exit()`: soft reset.
        case softReset
        /// A reset or deep sleep the code asked for was carried out; the next boot ended so.
        case booted(BootOutcome)
        /// The input ended (nil), or a reload or stop came (the caller looks).
        case inputEnded
    }

    /// The REPL on the serial input, until a soft reboot / reload (returns how
    /// the next boot ended) or the input ends (nil).
    func repl() -> BootOutcome? {
        guard var rt = runtime else { return nil }
        var banner = false
        if flavour == .circuitpython {
            if replMode == .friendly {
                // "Press any key to enter the REPL. Use CTRL-D to reload."
                switch nextInput() {
                case .closed: return nil
                case .interrupted: return reloadPending ? reload() : nil
                case .byte(0x04): return reload()
                case .byte: banner = true
                }
            }
            rt = startCircuitPythonREPLRuntime()
        }
        while true {
            let end = replMode == .raw ? rawREPL(rt) : friendlyREPL(rt, banner: banner)
            switch end {
            case .switched:
                banner = true
                if flavour == .circuitpython { rt = startCircuitPythonREPLRuntime() }
            case .softReset: return softReboot()
            case .booted(let outcome): return outcome
            case .inputEnded:
                if reloadPending { return reload() }
                return nil
            }
        }
    }

    /// CircuitPython runs its REPL in a fresh VM (`start_mp`), after `repl.py` if the drive has one.
    private func startCircuitPythonREPLRuntime() -> Runtime {
        let rt = makeRuntime()
        runtime = rt
        if let source = readDriveText("repl.py") {
            inbox.beginExecution()
            if let e = rt.runMain(source: source, filename: "repl.py"), !e.type.isSubtype(of: rt.types.SystemExit) {
                emit(rt.tracebackText(e))
            }
            inbox.endExecution()
        }
        return rt
    }

    /// Ctrl-D (or `sys.exit()`) at the REPL: the firmware's soft reboot.
    private func softReboot() -> BootOutcome {
        inbox.clearReload()
        emit(flavour == .micropython ? "MPY: soft reboot\n" : SupervisorTexts.circuitpythonSoftReboot)
        board.softReset()
        return boot()
    }

    // MARK: Friendly REPL

    private func friendlyREPL(_ rt: Runtime, banner: Bool) -> REPLEnd {
        if banner { emit(replBanner) }
        var editor = ReadLine(write: { [unowned self] in self.emit($0) })
        editor.history = readLineHistory
        defer { readLineHistory = editor.history }
        let complete: ReadLine.Completer = { rt.replCompletion($0) }
        while true {
            editor.begin(prompt: ">>> ")
            guard let first = readLine(&editor, complete) else { return .inputEnded }
            var isPaste = false
            var source: [UInt8]
            switch first {
            case .control(0x01):
                emit("\r\n")
                replMode = .raw
                return .switched
            case .control(0x02):
                emit("\r\n" + replBanner)
                continue
            case .control(0x03):
                emit("\r\n")
                continue
            case .control(0x04):
                emit("\r\n")
                return .softReset
            case .control(0x05):
                emit("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
                guard let pasted = pasteMode() else { return .inputEnded }
                guard let text = pasted else { continue }
                source = text
                isPaste = true
            default:
                source = editor.line
                if source.isEmpty { continue }
                var cancelled = false
                while replContinuesWithInput(source) {
                    editor.append(0x0A)
                    editor.begin(editor.line, prompt: "... ")
                    guard let r = readLine(&editor, complete) else { return .inputEnded }
                    source = editor.line
                    if r == .control(0x03) {
                        emit("\r\n")
                        cancelled = true
                        break
                    }
                    if r == .control(0x04) { break }
                }
                if cancelled { continue }
            }
            let text = String(decoding: source, as: UTF8.self)
            let end = execute(rt, printEOF: false) { isPaste ? rt.runStatements(text) : rt.runInteractive(text) }
            if let end { return end }
        }
    }

    /// Feeds input to the editor until it has a line or a control key (nil:
    /// the input ended or a reload or stop came).
    private func readLine(_ editor: inout ReadLine, _ complete: ReadLine.Completer) -> ReadLine.Result? {
        while true {
            guard case .byte(let b) = nextInput() else { return nil }
            let r = editor.process(b, complete: complete)
            if r != .pending { return r }
        }
    }

    /// Paste mode: everything up to Ctrl-D, echoed, `\r` as a new `=== ` line.
    /// `.some(nil)` when Ctrl-C cancelled it; nil when the input ended.
    private func pasteMode() -> [UInt8]?? {
        var text: [UInt8] = []
        while true {
            guard case .byte(let c) = nextInput() else { return nil }
            switch c {
            case 0x03:
                emit("\r\n")
                return .some(nil)
            case 0x04:
                emit("\r\n")
                return .some(text)
            case 0x0D:
                text.append(c)
                emit("\r\n=== ")
            default:
                text.append(c)
                emitBytes([c])  // the serial text decoder joins split characters
            }
        }
    }

    private var replBanner: String {
        flavour == .micropython ? SupervisorTexts.micropythonBanner(board.definition)
            : SupervisorTexts.circuitpythonBanner(board.definition)
    }

    // MARK: Raw REPL

    private func rawREPL(_ rt: Runtime) -> REPLEnd {
        emit("raw REPL; CTRL-B to exit\r\n")
        var line: [UInt8] = []
        emit(">")
        while true {
            guard case .byte(let c) = nextInput() else { return .inputEnded }
            switch c {
            case 0x01:
                if line.count == 2 && line[0] == 0x05 {
                    if let end = rawPaste(rt, command: line[1]) { return end }
                    line = []
                    emit(">")
                    continue
                }
                emit("raw REPL; CTRL-B to exit\r\n")
                line = []
                emit(">")
            case 0x02:
                emit("\r\n")
                replMode = .friendly
                return .switched
            case 0x03:
                line = []
            case 0x04:
                emit("OK")
                if line.isEmpty {
                    emit("\r\n")
                    return .softReset
                }
                let text = String(decoding: line, as: UTF8.self)
                if let end = execute(rt, printEOF: true, { rt.runStatements(text) }) { return end }
                line = []
                emit(">")
            default:
                line.append(c)
            }
        }
    }

    /// Raw-paste mode (Ctrl-E `A` Ctrl-A in the raw REPL): the code streams
    /// in under flow control — a window of half the 256-byte stdin buffer,
    /// `\x01` each time the board has taken another window — and ends with
    /// Ctrl-D (`\x04` acknowledges it) or Ctrl-C (KeyboardInterrupt).
    private func rawPaste(_ rt: Runtime, command: UInt8) -> REPLEnd? {
        guard command == UInt8(ascii: "A") else {
            emitBytes([UInt8(ascii: "R"), 0x00])
            return nil
        }
        let window = 128
        emitBytes([UInt8(ascii: "R"), 0x01, UInt8(window & 0xFF), UInt8(window >> 8), 0x01])
        var code: [UInt8] = []
        var remaining = window
        while true {
            guard case .byte(let c) = nextInput() else { return .inputEnded }
            if c == 0x03 || c == 0x04 {
                emitBytes([0x04])
                if c == 0x03 {
                    // The firmware raises KeyboardInterrupt from inside the reader.
                    emitBytes([0x04])
                    emit(rt.tracebackText(rt.newException(rt.types.KeyboardInterrupt, args: [])))
                    emitBytes([0x04])
                    return nil
                }
                break
            }
            code.append(c)
            remaining -= 1
            if remaining == 0 {
                emitBytes([0x01])
                remaining = window
            }
        }
        let text = String(decoding: code, as: UTF8.self)
        return execute(rt, printEOF: true) { rt.runStatements(text) }
    }

    // MARK: Running an input

    /// Runs one REPL input with the board live, as `parse_compile_execute`:
    /// with `printEOF` (the raw REPL) `\x04` after the output and again after
    /// the error text. Returns how the REPL must end, or nil to go on.
    private func execute(_ rt: Runtime, printEOF: Bool, _ run: () -> PyBaseException?) -> REPLEnd? {
        inbox.beginExecution()
        let error = run()
        inbox.endExecution()
        rt.reportPendingInstructions()
        switch machine?.pendingReset {
        case .hard?:
            // The board resets at once (its USB port drops): no framing follows.
            board.hardReset(cause: .hard)
            return .booted(boot())
        case .deepSleep(let ns)?:
            return .booted(wakesFromDeepSleep(ns) ? boot() : .stopped)
        case .soft?, nil:
            break
        }
        if printEOF { emitBytes([0x04]) }
        defer { if printEOF { emitBytes([0x04]) } }
        if machine?.pendingReset == .soft { return .softReset }
        if circuitPython?.reloadRequested == true { return .softReset }
        guard let e = error else { return nil }
        if e.type.isSubtype(of: rt.types.SystemExit) {
            // MicroPython soft-resets; CircuitPython's REPL carries on.
            return flavour == .micropython ? .softReset : nil
        }
        if e.type.isSubtype(of: rt.types.KeyboardInterrupt) && (reloadPending || stopRequested) && !userInterrupted {
            return .inputEnded
        }
        emit(rt.tracebackText(e))
        return nil
    }
}
