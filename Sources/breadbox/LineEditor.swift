import Foundation
import PythonRuntime

/// A small line editor for the REPL: left/right, home/end, backspace, delete,
/// up/down through this session's history. Falls back to plain line reading
/// when stdin is not a terminal.
final class LineEditor {
    private var history: [String] = []
    private let interactive = isatty(0) != 0

    func remember(_ entry: String) {
        for line in entry.split(separator: "\n", omittingEmptySubsequences: true) {
            if history.last != String(line) { history.append(String(line)) }
        }
    }

    func readLine(prompt: String, host: TerminalHost) -> String? {
        host.writeOutput(prompt)
        host.flush()
        guard interactive else { return Swift.readLine(strippingNewline: true) }
        var original = termios()
        tcgetattr(0, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &raw)
        defer { tcsetattr(0, TCSANOW, &original) }

        var line: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []

        func redraw() {
            var s = "\r\u{1B}[K" + prompt + String(line)
            let back = line.count - cursor
            if back > 0 { s += "\u{1B}[\(back)D" }
            write(s)
        }
        while true {
            guard let c = readByte() else { return line.isEmpty ? nil : String(line) }
            switch c {
            case 0x0A, 0x0D:
                write("\n")
                return String(line)
            case 0x04:  // Ctrl-D
                if line.isEmpty { return nil }
            case 0x03:  // Ctrl-C: discard the line
                write("\n")
                line = []
                cursor = 0
                write(prompt)
            case 0x7F, 0x08:
                if cursor > 0 {
                    line.remove(at: cursor - 1)
                    cursor -= 1
                    redraw()
                }
            case 0x01: cursor = 0; redraw()
            case 0x05: cursor = line.count; redraw()
            case 0x1B:
                guard let b = readByte(), b == 0x5B || b == 0x4F, let k = readByte() else { continue }
                switch k {
                case 0x41:  // up
                    if historyIndex > 0 {
                        if historyIndex == history.count { draft = line }
                        historyIndex -= 1
                        line = Array(history[historyIndex])
                        cursor = line.count
                        redraw()
                    }
                case 0x42:  // down
                    if historyIndex < history.count {
                        historyIndex += 1
                        line = historyIndex == history.count ? draft : Array(history[historyIndex])
                        cursor = line.count
                        redraw()
                    }
                case 0x43: if cursor < line.count { cursor += 1; redraw() }
                case 0x44: if cursor > 0 { cursor -= 1; redraw() }
                case 0x48: cursor = 0; redraw()
                case 0x46: cursor = line.count; redraw()
                case 0x33:
                    _ = readByte()
                    if cursor < line.count { line.remove(at: cursor); redraw() }
                default: break
                }
            case 0x09:  // tab: insert spaces to the next multiple of 4
                let n = 4 - (cursor % 4)
                line.insert(contentsOf: Array(repeating: " ", count: n), at: cursor)
                cursor += n
                redraw()
            default:
                if c >= 0x20 {
                    var bytes = [c]
                    // Gather the rest of a UTF-8 sequence.
                    let extra = c >= 0xF0 ? 3 : (c >= 0xE0 ? 2 : (c >= 0xC0 ? 1 : 0))
                    for _ in 0..<extra { if let n = readByte() { bytes.append(n) } }
                    for ch in String(decoding: bytes, as: UTF8.self) {
                        line.insert(ch, at: cursor)
                        cursor += 1
                    }
                    redraw()
                }
            }
        }
    }

    private func readByte() -> UInt8? {
        var b: UInt8 = 0
        return Foundation.read(0, &b, 1) == 1 ? b : nil
    }

    private func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBufferPointer { Foundation.write(1, $0.baseAddress, $0.count) }
    }
}
