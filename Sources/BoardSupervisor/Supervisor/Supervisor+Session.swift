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

    /// Lets the board idle a slice of virtual time (up to 50 ms, less when an
    /// event is due sooner), then waits on the inbox for as long as the wall
    /// needs to catch up (paced), or the slice itself (unpaced): mail ends the
    /// wait at once, and the waiting costs no host CPU.
    func idleSlice() {
        if unattended {
            // Only the clock's events (a scenario's steps among them) can change
            // anything: skip to the next; with none, nothing ever will.
            if let next = board.clock.nextDeadline { board.advance(to: max(next, board.clock.now)) } else { requestStop() }
            return
        }
        var slice: UInt64 = 50_000_000
        if let next = board.clock.nextDeadline, next > board.clock.now {
            slice = max(1_000_000, min(slice, next - board.clock.now))
        }
        board.advance(by: slice)
        var wait = slice
        if let pacer = adapter.pacer, pacer.mode.factor != nil { wait = pacer.delayNeeded(virtualNow: board.clock.now) }
        if wait > 0 { inbox.waitForMail(seconds: Double(wait) / 1e9) }
    }

    enum InputEvent { case byte(UInt8), closed, interrupted }

    /// Virtual time a console byte takes to arrive: USB full speed carries at
    /// most 19 bulk packets of 64 bytes per 1 ms frame (USB 2.0 §5.8.4), about
    /// 820 ns a byte. Charged as bytes are taken, so a huge paste takes the
    /// board's time and a timeout ends it, as on the board.
    static let consoleByteNanoseconds: UInt64 = 820

    /// Charges `count` console bytes' arrival to the board's clock.
    func chargeConsoleInput(_ count: Int) {
        board.advance(by: UInt64(count) &* Supervisor.consoleByteNanoseconds)
    }

    /// Waits (the board idling) for a byte, the end of input, or a reload /
    /// stop / timeout.
    func nextInput() -> InputEvent {
        while true {
            if reloadPending || stopRequested || timedOut { return .interrupted }
            switch inbox.takeInputByte() {
            case .some(.some(let b)):
                chargeConsoleInput(1)
                return .byte(b)
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

/// The console as a running program reads it (`sys.stdin`, `input()`).
extension Supervisor {
    /// Up to `maxBytes` serial bytes, waiting (the board's time passing, with
    /// the wall, as a board waits on its USB port) until at least one comes.
    /// Nil when the input ends, or when Ctrl-C, a stop, a reload or the
    /// timeout interrupts the wait (the interpreter then raises).
    func readConsole(maxBytes: Int) -> [UInt8]? {
        while true {
            let bytes = inbox.takeInput(max: maxBytes)
            if !bytes.isEmpty {
                chargeConsoleInput(bytes.count)
                return bytes
            }
            if inbox.inputEnded || timedOut || inbox.interruptLine.isRaised { return nil }
            let slice: UInt64 = 10_000_000
            adapter.clock.sleep(nanoseconds: slice) { [inbox] in inbox.hasInput || inbox.interruptLine.isRaised }
            if adapter.pacer?.mode.factor == nil && !unattended { inbox.waitForMail(seconds: Double(slice) / 1e9) }
        }
    }

    /// `input()`'s line, typed with the firmware's line editor (echo, editing,
    /// history) as `mp_hal_readline` reads it; nil for Ctrl-D on an empty line
    /// (EOFError) or when the input ends or is interrupted.
    func readConsoleLine() -> String? {
        var editor = ReadLine(write: { [unowned self] in self.emit($0) })
        editor.history = readLineHistory
        defer { readLineHistory = editor.history }
        editor.begin(prompt: "")
        while true {
            guard let bytes = readConsole(maxBytes: 1), let b = bytes.first else { return nil }
            switch editor.process(b, complete: { _ in .none }) {
            case .pending: continue
            case .line: return String(decoding: editor.line, as: UTF8.self)
            case .control(0x04): return nil
            case .control(0x03):
                inbox.interruptLine.raise()  // Ctrl-C reached the editor (kbd_intr(-1)): input() raises
                return nil
            case .control: return ""
            }
        }
    }
}
