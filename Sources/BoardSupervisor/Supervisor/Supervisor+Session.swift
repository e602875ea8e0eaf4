import BoardEmulator
import FirmwareAPI
import Foundation
import HostPlatform
import PythonRuntime

/// `breadbox run`'s whole session: boots, reloads after a settled drive change
/// (from a `DriveWatcher` connected with `watch(_:)`), and — when interactive —
/// the serial console's REPL in the same runtime, fed with `feedInput(_:)`.
extension Supervisor {
    var userInterrupted: Bool { inbox.userInterrupted }

    // MARK: Serial input

    /// Bytes typed on the serial console (any thread). Ctrl-C (0x03) interrupts
    /// the code running now, if any; everything else waits for the REPL.
    public func feedInput(_ bytes: [UInt8]) { inbox.postInput(bytes) }

    /// The serial input ended (stdin closed): the session ends once the REPL
    /// has read what was typed. Any thread.
    public func closeInput() { inbox.closeInput() }

    /// Lets the board idle about 10 ms (virtual time passing, paced to the wall
    /// when a pacer is set; unpaced, the host waits that long instead).
    func idleSlice() {
        let slice: UInt64 = 10_000_000
        if let pacer = adapter.pacer, pacer.mode.factor != nil {
            board.advance(by: slice)
            pacer.pace(virtualNow: board.clock.now)
        } else {
            board.advance(by: slice)
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    private enum InputEvent { case byte(UInt8), closed, interrupted }

    /// Waits (the board idling) for a byte, the end of input, or a reload /
    /// stop / timeout.
    private func nextInput() -> InputEvent {
        while true {
            if reloadPending || stopRequested || timedOut { return .interrupted }
            switch inbox.takeInputByte() {
            case .some(.some(let b)): return .byte(b)
            case .some(.none): return .closed
            case .none: idleSlice()
            }
        }
    }

    // MARK: Session

    /// The run: boots, then whatever ends it — for a headless run, as
    /// `runHeadless` (a settled drive change reloads while it lasts); otherwise
    /// the board waits for drive changes, and with `interactive` runs the REPL
    /// on the serial input until it ends. Returns how the run ended.
    public func runSession(timeoutNanoseconds: UInt64? = nil, headless: Bool, interactive: Bool) -> HeadlessResult {
        if let t = timeoutNanoseconds { setVirtualTimeout(nanoseconds: t) }
        var outcome = boot()
        while true {
            if sawFailText { return .failText }
            if sawExpectedText { return .expectedText }
            if timedOut { return .timeout }
            if reloadPending { outcome = reload(); continue }
            if stopRequested { return .finished }
            if interactive {
                guard let next = repl() else {
                    if timedOut || sawExpectedText || sawFailText { continue }
                    return .finished  // the console was closed
                }
                outcome = next
                continue
            }
            if headless && expectText == nil {
                switch outcome {
                case .exception, .noProgram: return .exception
                case .finished, .stopped: return .finished
                }
            }
            if headless && timeoutNanoseconds == nil { return .exception }
            if headless && adapter.pacer?.mode.factor == nil {
                // Flat out, nothing can come in before the timeout: skip to it.
                while !timedOut, let next = board.clock.nextDeadline { board.advance(to: next) }
                if !timedOut { return .exception }
                continue
            }
            // The board waits for a save (or the timeout, or the expected text).
            while !(reloadPending || stopRequested || timedOut) { idleSlice() }
        }
    }

    /// The REPL on the serial input, until a soft reboot / reload (returns how
    /// the next boot ended) or the input ends (nil).
    func repl() -> BootOutcome? {
        guard let rt = runtime else { return nil }
        if flavour == .circuitpython {
            // "Press any key to enter the REPL. Use CTRL-D to reload."
            switch nextInput() {
            case .closed: return nil
            case .interrupted: return reloadPending ? reload() : nil
            case .byte(0x04): return reload()
            case .byte: emit(SupervisorTexts.circuitpythonBanner(board.definition))
            }
        }
        var source = ""
        var line: [UInt8] = []
        var justEndedLineWithCR = false
        emit(">>> ")
        while true {
            switch nextInput() {
            case .closed: return nil
            case .interrupted: return reloadPending ? reload() : nil
            case .byte(let b):
                switch b {
                case 0x04:
                    if line.isEmpty && source.isEmpty { return reload() }
                case 0x03:
                    source = ""
                    line = []
                    emit("\n>>> ")
                case 0x7F, 0x08:
                    if !line.isEmpty {
                        // Drop one UTF-8 character.
                        while let last = line.popLast(), (last & 0xC0) == 0x80 {}
                        emit("\u{8} \u{8}")
                    }
                case 0x0D, 0x0A:
                    if b == 0x0A, justEndedLineWithCR { justEndedLineWithCR = false; continue }
                    justEndedLineWithCR = b == 0x0D
                    emit("\n")
                    let text = String(decoding: line, as: UTF8.self)
                    line = []
                    if source.isEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty { emit(">>> "); continue }
                    source += text + "\n"
                    if isIncompletePythonInput(source) && !text.isEmpty {
                        emit("... ")
                        continue
                    }
                    let input = source
                    source = ""
                    if let next = execute(input, in: rt) { return next }
                    if reloadPending { return reload() }
                    if stopRequested || timedOut { return nil }
                    emit(">>> ")
                default:
                    if b >= 0x20 || b == 0x09 {
                        line.append(b)
                        if b < 0x80 { emit(String(UnicodeScalar(b))) } else if let s = String(validatingUTF8Suffix: line) { emit(s) }
                    } else if b == 0x1B {
                        // Escape sequences (arrows) are not edited; skip them.
                    }
                }
                if b != 0x0D && b != 0x0A { justEndedLineWithCR = false }
            }
        }
    }

    /// Runs one REPL input with the board live; a `sys.exit()` or
    /// `machine.soft_reset()` reboots (returns that boot's outcome).
    private func execute(_ source: String, in rt: Runtime) -> BootOutcome? {
        inbox.beginExecution()
        let error = rt.runInteractive(source)
        inbox.endExecution()
        rt.reportPendingInstructions()
        if machine?.pendingReset != nil || (error.map { $0.type.isSubtype(of: rt.types.SystemExit) } ?? false) {
            switch machine?.pendingReset {
            case .hard?:
                board.hardReset(cause: .hard)
                return boot()
            case .deepSleep(let ns)?:
                let duration = ns ?? UInt64.max / 4
                board.deepSleep(nanoseconds: duration)
                adapter.clock.sleep(nanoseconds: duration) { [unowned self] in self.stopRequested }
                return board.isInDeepSleep ? .stopped : boot()
            default:
                return reload()
            }
        }
        if let e = error {
            if e.type.isSubtype(of: rt.types.KeyboardInterrupt) && (reloadPending || stopRequested) && !userInterrupted {
                return nil
            }
            emit(rt.tracebackText(e))
        }
        return nil
    }
}

extension String {
    /// The last whole UTF-8 character of `bytes`, when they end with one that
    /// has more than one byte.
    init?(validatingUTF8Suffix bytes: [UInt8]) {
        var start = bytes.count - 1
        while start > 0 && (bytes[start] & 0xC0) == 0x80 { start -= 1 }
        let tail = Array(bytes[start...])
        guard let s = String(validating: tail, as: UTF8.self), !s.isEmpty else { return nil }
        self = s
    }
}
