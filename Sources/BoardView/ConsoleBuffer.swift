/// The serial console's screen: text as a terminal shows it. `\n` starts a
/// line, `\r` returns to its start (so `\r\n` is one newline), backspace
/// moves left (the REPL erases with `\b \b`), a tab goes to the next multiple
/// of 8, and ANSI escape sequences are dropped. Only the last `capacity`
/// lines are kept.
public struct ConsoleBuffer: Sendable {
    public private(set) var lines: [[Unicode.Scalar]] = [[]]
    public private(set) var column = 0
    public let capacity: Int
    private var escape: EscapeState = .none
    private var partial: [UInt8] = []
    /// Lines dropped off the top so far (a scroll position stays put as lines arrive).
    public private(set) var droppedLines = 0

    private enum EscapeState: Sendable { case none, escape, csi }

    public init(capacity: Int = 1000) { self.capacity = max(1, capacity) }

    public var text: String { lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n") }

    public mutating func write(_ s: String) {
        for u in s.unicodeScalars { put(u) }
    }

    /// Serial bytes as they arrive: a UTF-8 character split between two
    /// chunks waits for its end.
    public mutating func write(bytes: [UInt8]) {
        var data = partial + bytes
        partial = []
        // Keep back an incomplete sequence at the end.
        var start = data.count
        while start > 0 && data.count - start < 4 && (data[start - 1] & 0xC0) == 0x80 { start -= 1 }
        if start > 0 {
            let lead = data[start - 1]
            let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if need > data.count - (start - 1) {
                partial = Array(data[(start - 1)...])
                data.removeLast(partial.count)
            }
        }
        write(String(decoding: data, as: UTF8.self))
    }

    private mutating func put(_ u: Unicode.Scalar) {
        switch escape {
        case .escape:
            escape = u == "[" ? .csi : .none
            return
        case .csi:
            if (0x40...0x7E).contains(u.value) { escape = .none }
            return
        case .none:
            break
        }
        switch u {
        case "\u{1B}": escape = .escape
        case "\n":
            lines.append([])
            column = 0
            if lines.count > capacity { lines.removeFirst(lines.count - capacity); droppedLines += 1 }
        case "\r": column = 0
        case "\u{8}": column = max(0, column - 1)
        case "\t":
            let next = (column / 8 + 1) * 8
            while column < next { place(" ") }
        case "\u{7}": break
        default:
            if u.value < 0x20 || u.value == 0x7F { return }
            place(u)
        }
    }

    private mutating func place(_ u: Unicode.Scalar) {
        var line = lines[lines.count - 1]
        while line.count < column { line.append(" ") }
        if column < line.count { line[column] = u } else { line.append(u) }
        column += 1
        lines[lines.count - 1] = line
    }

    /// The last `count` rows of `width` columns each, long lines wrapped.
    public func lastRows(_ count: Int, width: Int) -> [String] {
        guard count > 0, width > 0 else { return [] }
        var rows: [String] = []
        for line in lines.reversed() {
            var chunks: [String] = []
            if line.isEmpty { chunks = [""] }
            var i = 0
            while i < line.count {
                chunks.append(String(String.UnicodeScalarView(line[i..<min(line.count, i + width)])))
                i += width
            }
            rows.insert(contentsOf: chunks, at: 0)
            if rows.count >= count { break }
        }
        return Array(rows.suffix(count))
    }
}
