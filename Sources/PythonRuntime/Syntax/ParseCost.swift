/// What compiling a program costs the firmware's heap, estimated from its
/// source without parsing it (so a 50 MB file is refused before our own parser
/// spends host memory on it).
///
/// MicroPython's lexer streams the file; what lives in the heap is the parse
/// tree (about a machine word per token: the unix port, 64-bit, fails to compile
/// 140 kB of `x = [1, 2, 3]` lines — 100,000 tokens — in 840 kB of heap, 8.4
/// bytes a token) and the strings it holds. Comments, indentation and blank
/// lines cost nothing, so library code full of them costs far less than its size.
enum ParseCost {
    /// Heap bytes to compile `source` on a firmware whose words are `wordBytes` long.
    static func heapBytes(_ source: String, wordBytes: Int) -> Int {
        let (tokens, stringBytes) = count(Array(source.utf8))
        return tokens * wordBytes + stringBytes
    }

    /// Tokens (a string literal is one) and the bytes inside string literals.
    static func count(_ s: [UInt8]) -> (tokens: Int, stringBytes: Int) {
        var tokens = 0, stringBytes = 0, i = 0
        func isWord(_ c: UInt8) -> Bool { c == 0x5F || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c >= 0x80 }
        while i < s.count {
            let c = s[i]
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x5C:  // space, tab, newlines, line continuation
                i += 1
            case 0x23:  // a comment, to the end of the line
                while i < s.count && s[i] != 0x0A { i += 1 }
            case 0x22, 0x27:  // a string: '...', "...", or tripled
                let triple = i + 2 < s.count && s[i + 1] == c && s[i + 2] == c
                let start = i
                i += triple ? 3 : 1
                while i < s.count {
                    if s[i] == 0x5C { i += 2; continue }
                    if s[i] == c && (!triple || (i + 2 < s.count && s[i + 1] == c && s[i + 2] == c)) {
                        i += triple ? 3 : 1
                        break
                    }
                    if !triple && s[i] == 0x0A { break }
                    i += 1
                }
                tokens += 1
                stringBytes += min(i, s.count) - start
            default:
                tokens += 1
                if isWord(c) {
                    // A name or a number (1.5e3); a prefix such as b, f or r is counted with its string.
                    let number = c >= 0x30 && c <= 0x39
                    while i < s.count && (isWord(s[i]) || (number && s[i] == 0x2E)) { i += 1 }
                    if i < s.count && (s[i] == 0x22 || s[i] == 0x27) { tokens -= 1 }
                } else {
                    i += 1
                }
            }
        }
        return (tokens, stringBytes)
    }
}
