/// The console's input as `sys.stdin`, `sys.stdin.buffer` and `input()` read it.
///
/// Bytes come from the host's `readInput`, asked for no more than a read needs
/// (mpremote's `mount` speaks a binary protocol on the console: a read of 4
/// bytes must not swallow the 5th), and wait in one queue the text and binary
/// streams share, so neither sees a byte the other already took. As
/// MicroPython's shared/runtime/sys_stdio_mphal.c, the text stream turns each
/// `\r` into `\n` (what a terminal's Enter sends ends a line) and the binary
/// one passes bytes as they are; a read of n waits for all n.
extension Runtime {
    /// Makes at least `count` bytes wait in the queue; false when the input ended first.
    func fillConsoleInput(_ count: Int) -> Bool {
        let s = system
        while s.consoleInput.count < count {
            guard let more = host.readInput(maxBytes: count - s.consoleInput.count) else { return false }
            s.consoleInput += more
        }
        return true
    }

    /// Takes up to `count` bytes off the queue (`\r` as `\n` for the text stream).
    private func takeConsoleInput(_ count: Int, text: Bool) -> [UInt8] {
        let s = system
        let n = min(count, s.consoleInput.count)
        var out = Array(s.consoleInput[..<n])
        s.consoleInput.removeFirst(n)
        if text { for i in out.indices where out[i] == 13 { out[i] = 10 } }
        return out
    }

    /// `read(n)`: n characters (text) or bytes (binary), fewer only when the
    /// input ends; nil or negative n reads to the end of input.
    func consoleRead(binary: Bool, _ n: Int?) -> [UInt8] {
        guard let n, n >= 0 else {
            while let more = host.readInput(maxBytes: 4096) { system.consoleInput += more }
            return takeConsoleInput(system.consoleInput.count, text: !binary)
        }
        if binary {
            _ = fillConsoleInput(n)
            return takeConsoleInput(n, text: false)
        }
        var out: [UInt8] = []
        for _ in 0..<n {
            guard fillConsoleInput(1) else { break }
            // A character is its lead byte's count of UTF-8 bytes.
            let lead = system.consoleInput[0]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            _ = fillConsoleInput(length)
            out += takeConsoleInput(length, text: true)
        }
        return out
    }

    /// `readline(limit)`: up to and including the next `\n` (or `\r` on the
    /// text stream), at most `limit` bytes.
    func consoleReadLine(binary: Bool, limit: Int?) -> [UInt8] {
        var out: [UInt8] = []
        while limit.map({ $0 < 0 || out.count < $0 }) ?? true, fillConsoleInput(1) {
            let b = takeConsoleInput(1, text: !binary)[0]
            out.append(b)
            if b == 10 { break }
        }
        return out
    }

    /// `readinto(buf, n)`: n bytes, fewer only when the input ends.
    func consoleReadInto(binary: Bool, count: Int) -> [UInt8] {
        _ = fillConsoleInput(count)
        return takeConsoleInput(count, text: !binary)
    }

    /// `input()`'s line: the rest of one already in the queue, else the host's next line.
    func consoleInputLine() -> String? {
        if system.consoleInput.isEmpty { return host.readLine() }
        var line = consoleReadLine(binary: false, limit: nil)
        if line.last == 10 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// Console bytes a read would find without waiting.
    public var consoleBytesWaiting: Int { system.consoleInput.count + host.inputBytesAvailable() }

    /// Whether a read of the console would find a byte without waiting (`select.poll`).
    var consoleInputReady: Bool { !system.consoleInput.isEmpty || host.inputAvailable() }
}
