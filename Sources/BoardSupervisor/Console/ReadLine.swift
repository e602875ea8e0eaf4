import PythonRuntime

/// The firmware's line editor (MicroPython's `shared/readline/readline.c`, as
/// the rp2 and esp32 ports build it: Emacs keys, auto-indent, tab completion,
/// 8 lines of history), fed one byte at a time.
///
/// `line` holds the whole input so far: earlier continuation lines (each
/// ending in `\n`) and the line being edited after `originalLength`. Output
/// (echo, cursor moves, redraws) goes to `write` exactly as the firmware sends
/// it, so a terminal on the other side sees what it would see on the board.
struct ReadLine {
    /// What `process` makes of a byte.
    enum Result: Equatable {
        /// Keep feeding bytes.
        case pending
        /// The line ended with Enter.
        case line
        /// A control key the REPL acts on: Ctrl-A..E on an empty line, Ctrl-C.
        case control(UInt8)
    }

    /// Completes the word before the cursor (`mp_repl_autocomplete`): the text
    /// of the current line up to the cursor in, the outcome out.
    typealias Completer = (String) -> REPLCompletion

    private(set) var line: [UInt8] = []
    private var originalLength = 0
    private var cursor = 0
    private var escape = Escape.none
    private var escapeDigit: UInt8 = 0
    private var historyCursor = -1
    private var autoIndent: UInt8 = 0
    private var prompt = ""
    /// Most recent first, as the firmware keeps it; cleared by a soft reset.
    var history: [String] = []
    static let historySize = 8

    private enum Escape { case none, esc, bracket, bracketDigit, escO }
    private static let autoIndentEnabled: UInt8 = 1, autoIndentJustAdded: UInt8 = 2

    let write: (String) -> Void
    init(write: @escaping (String) -> Void) { self.write = write }

    /// `readline_init`: starts a line after `prompt` (auto-indenting a
    /// continuation line).
    mutating func begin(_ existing: [UInt8] = [], prompt: String) {
        line = existing
        originalLength = line.count
        escape = .none
        escapeDigit = 0
        historyCursor = -1
        cursor = originalLength
        self.prompt = prompt
        write(prompt)
        if line.isEmpty { autoIndent = Self.autoIndentEnabled }
        applyAutoIndent()
    }

    /// `readline_note_newline`: the input goes on to another line.
    mutating func noteNewline(prompt: String) {
        originalLength = line.count
        cursor = originalLength
        self.prompt = prompt
        write(prompt)
        applyAutoIndent()
    }

    /// Appends a byte to the input without editing (the REPL's own `\n`).
    mutating func append(_ byte: UInt8) { line.append(byte) }

    /// The line being edited (after earlier continuation lines).
    var currentLine: ArraySlice<UInt8> { line[originalLength...] }

    mutating func process(_ c: UInt8, complete: Completer) -> Result {
        let lastLength = line.count
        var stepBack = 0, stepForward = 0
        var redrawFromCursor = false
        switch escape {
        case .none:
            if (0x01...0x05).contains(c) && line.count == originalLength { return .control(c) }
            switch c {
            case 0x01: stepBack = cursor - originalLength  // Ctrl-A: home
            case 0x02: if cursor > originalLength { stepBack = 1 }  // Ctrl-B: left
            case 0x03: return .control(c)
            case 0x04:  // Ctrl-D: delete at cursor
                if cursor < line.count { line.remove(at: cursor); redrawFromCursor = true }
            case 0x05: stepForward = line.count - cursor  // Ctrl-E: end
            case 0x06: if cursor < line.count { stepForward = 1 }  // Ctrl-F: right
            case 0x0B:  // Ctrl-K: kill to the end
                line.removeSubrange(cursor...)
                redrawFromCursor = true
            case 0x0E: historyDown(&stepBack, &stepForward, &redrawFromCursor)  // Ctrl-N
            case 0x10: historyUp(&stepBack, &stepForward, &redrawFromCursor)  // Ctrl-P
            case 0x15:  // Ctrl-U: kill to the start
                line.removeSubrange(originalLength..<cursor)
                stepBack = cursor - originalLength
                redrawFromCursor = true
            case 0x0D:
                write("\r\n")
                pushHistory(String(decoding: currentLine, as: UTF8.self))
                return .line
            case 0x1B: escape = .esc
            case 0x08, 0x7F:
                if cursor > originalLength {
                    // Backspace over a whole auto-indent step when only spaces precede.
                    var spaces = 0
                    for i in originalLength..<cursor {
                        if line[i] != 0x20 { spaces = 0; break }
                        spaces += 1
                    }
                    let n = spaces < 4 ? 1 : 4
                    line.removeSubrange((cursor - n)..<cursor)
                    stepBack = n
                    redrawFromCursor = true
                }
            case 0x09 where autoIndent & Self.autoIndentJustAdded != 0, 0x20 where autoIndent & Self.autoIndentJustAdded != 0:
                // Tab or space right after an auto-indent turns auto-indent off
                // (a space takes back three of the four spaces).
                autoIndent = 0
                if c == 0x20 {
                    stepBack = 3
                    line.removeLast(3)
                }
            case 0x09:
                tab(complete, &stepForward, &redrawFromCursor)
            case 0x20...0x7E:
                line.insert(c, at: cursor)
                redrawFromCursor = true
                stepForward = 1
            default: break
            }
        case .esc:
            switch c {
            case UInt8(ascii: "["): escape = .bracket
            case UInt8(ascii: "O"): escape = .escO
            default: escape = .none
            }
        case .bracket:
            if (0x30...0x39).contains(c) {
                escape = .bracketDigit
                escapeDigit = c
            } else {
                escape = .none
                switch c {
                case UInt8(ascii: "A"): historyUp(&stepBack, &stepForward, &redrawFromCursor)
                case UInt8(ascii: "B"): historyDown(&stepBack, &stepForward, &redrawFromCursor)
                case UInt8(ascii: "C"): if cursor < line.count { stepForward = 1 }
                case UInt8(ascii: "D"): if cursor > originalLength { stepBack = 1 }
                case UInt8(ascii: "H"): stepBack = cursor - originalLength
                case UInt8(ascii: "F"): stepForward = line.count - cursor
                default: break
                }
            }
        case .bracketDigit:
            if c == UInt8(ascii: "~") {
                switch escapeDigit {
                case UInt8(ascii: "1"), UInt8(ascii: "7"): stepBack = cursor - originalLength
                case UInt8(ascii: "4"), UInt8(ascii: "8"): stepForward = line.count - cursor
                case UInt8(ascii: "3"):
                    if cursor < line.count { line.remove(at: cursor); redrawFromCursor = true }
                default: break
                }
            }
            escape = .none
        case .escO:
            switch c {
            case UInt8(ascii: "H"): stepBack = cursor - originalLength
            case UInt8(ascii: "F"): stepForward = line.count - cursor
            default: break
            }
            escape = .none
        }
        redraw(lastLength: lastLength, stepBack: stepBack, stepForward: stepForward, fromCursor: redrawFromCursor)
        autoIndent &= ~Self.autoIndentJustAdded
        return .pending
    }

    // MARK: Keys

    private mutating func historyUp(_ stepBack: inout Int, _ stepForward: inout Int, _ fromCursor: inout Bool) {
        guard historyCursor + 1 < history.count else { return }
        historyCursor += 1
        line.removeSubrange(originalLength...)
        line += Array(history[historyCursor].utf8)
        stepBack = cursor - originalLength
        fromCursor = true
        stepForward = line.count - originalLength
    }

    private mutating func historyDown(_ stepBack: inout Int, _ stepForward: inout Int, _ fromCursor: inout Bool) {
        guard historyCursor >= 0 else { return }
        historyCursor -= 1
        line.removeSubrange(originalLength...)
        if historyCursor >= 0 { line += Array(history[historyCursor].utf8) }
        stepBack = cursor - originalLength
        fromCursor = true
        stepForward = line.count - originalLength
    }

    private mutating func tab(_ complete: Completer, _ stepForward: inout Int, _ fromCursor: inout Bool) {
        let insertion: [UInt8]
        if !line.isEmpty && cursor > 0 && [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(line[cursor - 1]) {
            // After whitespace (an indent, or the start of a continuation line): four spaces.
            insertion = Array("    ".utf8)
        } else {
            switch complete(String(decoding: line[originalLength..<cursor], as: UTF8.self)) {
            case .none: return
            case .insert(let text): insertion = Array(text.utf8)
            case .listed(let listing):
                // The choices were printed: show the prompt and the line again.
                write(listing)
                write(prompt)
                write(String(decoding: line[originalLength..<cursor], as: UTF8.self))
                fromCursor = true
                return
            }
        }
        line.insert(contentsOf: insertion, at: cursor)
        fromCursor = true
        stepForward = insertion.count
    }

    private mutating func pushHistory(_ entry: String) {
        guard !entry.isEmpty, history.first != entry else { return }
        history.insert(entry, at: 0)
        if history.count > Self.historySize { history.removeLast() }
    }

    // MARK: Drawing

    private mutating func redraw(lastLength: Int, stepBack: Int, stepForward: Int, fromCursor: Bool) {
        if stepBack > 0 {
            moveCursorBack(stepBack)
            cursor -= stepBack
        }
        if fromCursor {
            if line.count < lastLength { write("\u{1B}[K") }
            write(String(decoding: line[cursor...], as: UTF8.self))
            moveCursorBack(line.count - (cursor + stepForward))
            cursor += stepForward
        } else if stepForward > 0 {
            write(String(decoding: line[cursor..<(cursor + stepForward)], as: UTF8.self))
            cursor += stepForward
        }
    }

    private func moveCursorBack(_ n: Int) {
        if n <= 0 { return }
        write(n <= 4 ? String(repeating: "\u{8}", count: n) : "\u{1B}[\(n)D")
    }

    /// Indents a new continuation line like the one before it, one step more
    /// after a line ending in `:` (not after two lines of only spaces).
    private mutating func applyAutoIndent() {
        guard autoIndent & Self.autoIndentEnabled != 0, line.count > 1, line[line.count - 1] == 0x0A else { return }
        var i = line.count - 1
        while i > 0 && line[i - 1] != 0x0A { i -= 1 }
        var j = i
        while j < line.count && line[j] == 0x20 { j += 1 }
        if i > 0 && j + 1 == line.count {
            // The previous line is all spaces: no indent if the one before is too.
            var k = i - 1
            while k > 0 {
                if line[k - 1] == 0x0A { return }
                if line[k - 1] != 0x20 { break }
                k -= 1
            }
        }
        var n = (j - i) / 4
        if line[line.count - 2] == UInt8(ascii: ":") { n += 1 }
        for _ in 0..<max(0, n) {
            line += Array("    ".utf8)
            write("    ")
            cursor += 4
            autoIndent |= Self.autoIndentJustAdded
        }
    }
}
