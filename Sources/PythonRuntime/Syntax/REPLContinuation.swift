/// Whether the REPL should read another line before running `input`
/// (MicroPython's `mp_repl_continue_with_input`): an open bracket or
/// triple quote, a trailing backslash, or a compound statement whose last
/// line is not empty. The firmware decides this from the text alone, before
/// compiling, so its REPL continues exactly where this says.
public func replContinuesWithInput(_ input: [UInt8]) -> Bool {
    guard let last = input.last else { return false }
    func startsWithWord(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard input.count >= w.count, Array(input[0..<w.count]) == w else { return false }
        guard input.count > w.count else { return true }
        let next = input[w.count]
        let isIdent = next == 0x5F || (0x30...0x39).contains(next) || (0x41...0x5A).contains(next)
            || (0x61...0x7A).contains(next) || next >= 0x80
        return !isIdent
    }
    let compound = input[0] == UInt8(ascii: "@")
        || ["if", "while", "for", "try", "with", "def", "class", "async"].contains(where: startsWithWord)

    enum Quote { case none, single1, double1, single3, double3 }
    var quote = Quote.none
    var paren = 0, bracket = 0, brace = 0
    var i = 0
    func at(_ k: Int) -> UInt8 { k < input.count ? input[k] : 0 }
    while i < input.count {
        let c = input[i]
        if c == 0x27 || c == 0x22 {
            let (one, three): (Quote, Quote) = c == 0x27 ? (.single1, .single3) : (.double1, .double3)
            if (quote == .none || quote == three) && at(i + 1) == c && at(i + 2) == c {
                i += 2
                quote = quote == .none ? three : .none
            } else if quote == .none || quote == one {
                quote = quote == .none ? one : .none
            }
        } else if c == 0x5C && (at(i + 1) == 0x27 || at(i + 1) == 0x22 || at(i + 1) == 0x5C) {
            if quote != .none { i += 1 }
        } else if quote == .none {
            switch c {
            case UInt8(ascii: "("): paren += 1
            case UInt8(ascii: ")"): paren -= 1
            case UInt8(ascii: "["): bracket += 1
            case UInt8(ascii: "]"): bracket -= 1
            case UInt8(ascii: "{"): brace += 1
            case UInt8(ascii: "}"): brace -= 1
            default: break
            }
        }
        i += 1
    }
    if quote == .single3 || quote == .double3 { return true }
    if (paren > 0 || bracket > 0 || brace > 0) && quote == .none { return true }
    if last == 0x5C { return true }
    return compound && last != 0x0A
}
