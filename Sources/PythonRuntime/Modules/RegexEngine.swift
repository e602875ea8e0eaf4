/// A backtracking regular-expression engine over code points (or bytes), for
/// the `re` module: the pattern is parsed into a tree, compiled into a small
/// instruction program, and run with an explicit backtrack stack (so deep
/// patterns do not recurse in Swift).
struct RegexError: Error {}

struct RegexFlags {
    static let ignoreCase = 2
    static let multiline = 8
    static let dotAll = 16
}

/// A character class: ranges plus the shorthand classes, maybe negated.
struct RegexClass {
    enum Shorthand { case digit, word, space, notDigit, notWord, notSpace }
    var ranges: [ClosedRange<UInt32>] = []
    var shorthands: [Shorthand] = []
    var negated = false
}

indirect enum RegexNode {
    case empty
    case char(UInt32)
    case any
    case cls(RegexClass)
    case bol, eol, startOfString, endOfString, wordBoundary, notWordBoundary
    case group(Int?, RegexNode)
    case backref(Int)
    case concat([RegexNode])
    case alt([RegexNode])
    case rep(RegexNode, min: Int, max: Int?, greedy: Bool)
}

enum RegexInst {
    case char(UInt32)
    case any
    case cls(Int)
    case split(Int, Int)           // try first, backtrack to second
    case jump(Int)
    case save(Int)
    case mark(Int)                 // register = position
    case loopIfProgress(Int, Int)  // if position != register, jump
    case bol, eol, startOfString, endOfString, wordBoundary, notWordBoundary
    case backref(Int)
    case match
}

final class RegexProgram {
    var insts: [RegexInst] = []
    var classes: [RegexClass] = []
    var groupCount = 0
    var groupNames: [(String, Int)] = []
    var registerCount = 0
    var flags = 0
}

/// Parses a pattern (as code points) into a tree.
struct RegexParser {
    let p: [UInt32]
    var i = 0
    var groupCount = 0
    var names: [(String, Int)] = []
    var flags: Int
    let isBytes: Bool

    init(_ p: [UInt32], flags: Int, isBytes: Bool) { self.p = p; self.flags = flags; self.isBytes = isBytes }

    var atEnd: Bool { i >= p.count }
    func peek(_ k: Int = 0) -> UInt32? { i + k < p.count ? p[i + k] : nil }
    static func c(_ s: Unicode.Scalar) -> UInt32 { s.value }

    mutating func parse() throws(RegexError) -> RegexNode {
        let n = try parseAlt()
        if !atEnd { throw RegexError() }   // stray ')'
        return n
    }

    mutating func parseAlt() throws(RegexError) -> RegexNode {
        var branches = [try parseSeq()]
        while peek() == 0x7C { i += 1; branches.append(try parseSeq()) }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    mutating func parseSeq() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let ch = peek(), ch != 0x7C, ch != 0x29 {
            var atom = try parseAtom()
            // quantifiers
            while let q = peek() {
                var lo = 0, hi: Int? = nil
                if q == 0x2A { lo = 0; hi = nil; i += 1 }
                else if q == 0x2B { lo = 1; hi = nil; i += 1 }
                else if q == 0x3F { lo = 0; hi = 1; i += 1 }
                else if q == 0x7B, let (a, b, len) = braceQuantifier() { lo = a; hi = b; i += len }
                else { break }
                switch atom {
                case .empty, .bol, .eol, .startOfString, .endOfString, .wordBoundary, .notWordBoundary:
                    throw RegexError()   // nothing to repeat
                case .rep: throw RegexError()   // multiple repeat
                default: break
                }
                if let h = hi, h < lo { throw RegexError() }
                var greedy = true
                if peek() == 0x3F { greedy = false; i += 1 }
                atom = .rep(atom, min: lo, max: hi, greedy: greedy)
                if peek() == 0x2A || peek() == 0x2B || (peek() == 0x3F) { throw RegexError() }
            }
            items.append(atom)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at i: (min, max, length), or nil when it is a literal brace.
    func braceQuantifier() -> (Int, Int?, Int)? {
        var j = i + 1
        func number(_ j: inout Int) -> Int? {
            var n: Int? = nil
            while j < p.count, p[j] >= 0x30, p[j] <= 0x39 { n = (n ?? 0) * 10 + Int(p[j] - 0x30); if n! > 65535 { n = 65535 }; j += 1 }
            return n
        }
        let a = number(&j)
        if j < p.count, p[j] == 0x7D {
            guard let a else { return nil }
            return (a, a, j + 1 - i)
        }
        guard j < p.count, p[j] == 0x2C else { return nil }
        j += 1
        let b = number(&j)
        guard j < p.count, p[j] == 0x7D else { return nil }
        return (a ?? 0, b, j + 1 - i)
    }

    mutating func parseAtom() throws(RegexError) -> RegexNode {
        let ch = p[i]
        i += 1
        switch ch {
        case 0x2E: return .any
        case 0x5E: return .bol
        case 0x24: return .eol
        case 0x2A, 0x2B, 0x3F: throw RegexError()
        case 0x7B:
            i -= 1
            if braceQuantifier() != nil { throw RegexError() }
            i += 1
            return .char(ch)
        case 0x5B: return .cls(try parseClass())
        case 0x28: return try parseGroup()
        case 0x5C: return try parseEscape(inClass: false)
        default: return .char(ch)
        }
    }

    mutating func parseGroup() throws(RegexError) -> RegexNode {
        if peek() == 0x3F {
            i += 1
            guard let k = peek() else { throw RegexError() }
            if k == 0x3A {   // (?:
                i += 1
                let n = try parseAlt()
                guard peek() == 0x29 else { throw RegexError() }
                i += 1
                return .group(nil, n)
            }
            if k == 0x50 {   // (?P<name>  or (?P=name)
                i += 1
                if peek() == 0x3C {
                    i += 1
                    var name = ""
                    while let c = peek(), c != 0x3E { name.unicodeScalars.append(Unicode.Scalar(c) ?? "?"); i += 1 }
                    guard peek() == 0x3E, isIdentifier(name), !names.contains(where: { $0.0 == name }) else { throw RegexError() }
                    i += 1
                    groupCount += 1
                    let index = groupCount
                    names.append((name, index))
                    let n = try parseAlt()
                    guard peek() == 0x29 else { throw RegexError() }
                    i += 1
                    return .group(index, n)
                }
                if peek() == 0x3D {
                    i += 1
                    var name = ""
                    while let c = peek(), c != 0x29 { name.unicodeScalars.append(Unicode.Scalar(c) ?? "?"); i += 1 }
                    guard peek() == 0x29, let g = names.first(where: { $0.0 == name }) else { throw RegexError() }
                    i += 1
                    return .backref(g.1)
                }
                throw RegexError()
            }
            // Inline flags at the start: (?i) (?m) (?s)
            var f = 0
            while let c = peek(), c != 0x29 {
                switch c {
                case 0x69: f |= RegexFlags.ignoreCase
                case 0x6D: f |= RegexFlags.multiline
                case 0x73: f |= RegexFlags.dotAll
                default: throw RegexError()
                }
                i += 1
            }
            guard peek() == 0x29, f != 0 else { throw RegexError() }
            i += 1
            flags |= f
            return .empty
        }
        groupCount += 1
        let index = groupCount
        let n = try parseAlt()
        guard peek() == 0x29 else { throw RegexError() }
        i += 1
        return .group(index, n)
    }

    func isIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || f.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    mutating func parseClass() throws(RegexError) -> RegexClass {
        var cls = RegexClass()
        if peek() == 0x5E { cls.negated = true; i += 1 }
        var first = true
        while true {
            guard let ch = peek() else { throw RegexError() }
            if ch == 0x5D && !first { i += 1; break }
            first = false
            i += 1
            var lo: UInt32
            if ch == 0x5C {
                switch try parseEscape(inClass: true) {
                case .char(let c): lo = c
                case .cls(let sub):
                    cls.shorthands.append(contentsOf: sub.shorthands)
                    continue
                default: throw RegexError()
                }
            } else {
                lo = ch
            }
            if peek() == 0x2D, let nx = peek(1), nx != 0x5D {
                i += 2
                var hi = nx
                if nx == 0x5C {
                    guard case .char(let c) = try parseEscape(inClass: true) else { throw RegexError() }
                    hi = c
                }
                if hi < lo { throw RegexError() }
                cls.ranges.append(lo...hi)
            } else {
                cls.ranges.append(lo...lo)
            }
        }
        return cls
    }

    /// After a backslash.
    mutating func parseEscape(inClass: Bool) throws(RegexError) -> RegexNode {
        guard let ch = peek() else { throw RegexError() }
        i += 1
        func sh(_ s: RegexClass.Shorthand) -> RegexNode { var c = RegexClass(); c.shorthands = [s]; return .cls(c) }
        switch ch {
        case 0x64: return sh(.digit)
        case 0x44: return sh(.notDigit)
        case 0x77: return sh(.word)
        case 0x57: return sh(.notWord)
        case 0x73: return sh(.space)
        case 0x53: return sh(.notSpace)
        case 0x6E: return .char(10)
        case 0x74: return .char(9)
        case 0x72: return .char(13)
        case 0x66: return .char(12)
        case 0x76: return .char(11)
        case 0x61: return .char(7)
        case 0x62: return inClass ? .char(8) : .wordBoundary
        case 0x42: if inClass { throw RegexError() }; return .notWordBoundary
        case 0x41: if inClass { throw RegexError() }; return .startOfString
        case 0x5A: if inClass { throw RegexError() }; return .endOfString
        case 0x78, 0x75, 0x55:
            let len = ch == 0x78 ? 2 : (ch == 0x75 ? 4 : 8)
            if ch != 0x78 && isBytes { throw RegexError() }
            var v: UInt32 = 0
            for _ in 0..<len {
                guard let d = peek(), let h = hexValue(d) else { throw RegexError() }
                v = v * 16 + h
                i += 1
            }
            return .char(v)
        case 0x30:
            var v: UInt32 = 0, n = 0
            while n < 2, let d = peek(), d >= 0x30, d <= 0x37 { v = v * 8 + (d - 0x30); i += 1; n += 1 }
            return .char(v)
        case 0x31...0x39:
            var v = Int(ch - 0x30)
            if let d = peek(), d >= 0x30, d <= 0x39 { v = v * 10 + Int(d - 0x30); i += 1 }
            if inClass || v > groupCount { throw RegexError() }
            return .backref(v)
        default:
            // Escaped letters and digits that mean nothing are errors; punctuation is literal.
            if (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) { throw RegexError() }
            return .char(ch)
        }
    }

    func hexValue(_ d: UInt32) -> UInt32? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }
}

/// Turns the tree into instructions.
struct RegexCompiler {
    var prog = RegexProgram()

    mutating func emit(_ inst: RegexInst) -> Int { prog.insts.append(inst); return prog.insts.count - 1 }
    var here: Int { prog.insts.count }

    mutating func compile(_ n: RegexNode) {
        switch n {
        case .empty: break
        case .char(let c): _ = emit(.char(c))
        case .any: _ = emit(.any)
        case .cls(let c): prog.classes.append(c); _ = emit(.cls(prog.classes.count - 1))
        case .bol: _ = emit(.bol)
        case .eol: _ = emit(.eol)
        case .startOfString: _ = emit(.startOfString)
        case .endOfString: _ = emit(.endOfString)
        case .wordBoundary: _ = emit(.wordBoundary)
        case .notWordBoundary: _ = emit(.notWordBoundary)
        case .backref(let g): _ = emit(.backref(g))
        case .group(let index, let body):
            if let index { _ = emit(.save(2 * index)) }
            compile(body)
            if let index { _ = emit(.save(2 * index + 1)) }
        case .concat(let items): for x in items { compile(x) }
        case .alt(let branches):
            var jumps: [Int] = []
            for (k, b) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = emit(.split(0, 0))
                    compile(b)
                    jumps.append(emit(.jump(0)))
                    prog.insts[split] = .split(split + 1, here)
                } else {
                    compile(b)
                }
            }
            for j in jumps { prog.insts[j] = .jump(here) }
        case .rep(let body, let lo, let hi, let greedy):
            for _ in 0..<lo { compile(body) }
            if let hi {
                var splits: [Int] = []
                for _ in lo..<hi {
                    splits.append(emit(.split(0, 0)))
                    compile(body)
                }
                for s in splits { prog.insts[s] = greedy ? .split(s + 1, here) : .split(here, s + 1) }
            } else {
                let reg = prog.registerCount
                prog.registerCount += 1
                let loop = emit(.split(0, 0))
                _ = emit(.mark(reg))
                compile(body)
                _ = emit(.loopIfProgress(reg, loop))
                prog.insts[loop] = greedy ? .split(loop + 1, here) : .split(here, loop + 1)
            }
        }
    }
}

enum RegexCompile {
    static func compile(_ pattern: [UInt32], flags: Int, isBytes: Bool) throws(RegexError) -> RegexProgram {
        var parser = RegexParser(pattern, flags: flags, isBytes: isBytes)
        let tree = try parser.parse()
        var c = RegexCompiler()
        c.prog.groupCount = parser.groupCount
        c.prog.groupNames = parser.names
        c.prog.flags = parser.flags
        c.compile(tree)
        _ = c.emit(.match)
        return c.prog
    }
}

/// Runs a program over a subject.
struct RegexMatcher {
    let prog: RegexProgram
    let s: [UInt32]
    let end: Int          // endpos
    let isBytes: Bool
    let ignoreCase: Bool
    let multiline: Bool
    let dotAll: Bool
    /// Called every few thousand steps; throws to stop (Ctrl-C).
    let poll: () throws(PyError) -> Void

    init(prog: RegexProgram, subject: [UInt32], end: Int, isBytes: Bool, poll: @escaping () throws(PyError) -> Void) {
        self.prog = prog
        self.s = subject
        self.end = end
        self.isBytes = isBytes
        ignoreCase = prog.flags & RegexFlags.ignoreCase != 0
        multiline = prog.flags & RegexFlags.multiline != 0
        dotAll = prog.flags & RegexFlags.dotAll != 0
        self.poll = poll
    }

    func lower(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 0x41 && c <= 0x5A) ? c + 32 : c }
        if isBytes { return c }
        guard let u = Unicode.Scalar(c) else { return c }
        let l = u.properties.lowercaseMapping.unicodeScalars
        return l.count == 1 ? l.first!.value : c
    }

    func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return (c >= 0x61 && c <= 0x7A) ? c - 32 : c }
        if isBytes { return c }
        guard let u = Unicode.Scalar(c) else { return c }
        let l = u.properties.uppercaseMapping.unicodeScalars
        return l.count == 1 ? l.first!.value : c
    }

    func isWord(_ c: UInt32) -> Bool {
        if c < 128 {
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
        }
        if isBytes { return false }
        guard let u = Unicode.Scalar(c) else { return false }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    func isDigit(_ c: UInt32) -> Bool {
        if c < 128 { return c >= 0x30 && c <= 0x39 }
        if isBytes { return false }
        guard let u = Unicode.Scalar(c) else { return false }
        return u.properties.generalCategory == .decimalNumber
    }

    func isSpace(_ c: UInt32) -> Bool {
        if c < 128 { return c == 0x20 || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F && !isBytes) }
        if isBytes { return false }
        guard let u = Unicode.Scalar(c) else { return false }
        return u.properties.isWhitespace
    }

    func classMatches(_ cls: RegexClass, _ c: UInt32) -> Bool {
        var hit = rawClassMatches(cls, c)
        if !hit && ignoreCase {
            let l = lower(c), u = upper(c)
            hit = (l != c && rawClassMatches(cls, l)) || (u != c && rawClassMatches(cls, u))
        }
        return hit != cls.negated
    }

    func rawClassMatches(_ cls: RegexClass, _ c: UInt32) -> Bool {
        for r in cls.ranges where r.contains(c) { return true }
        for sh in cls.shorthands {
            switch sh {
            case .digit: if isDigit(c) { return true }
            case .notDigit: if !isDigit(c) { return true }
            case .word: if isWord(c) { return true }
            case .notWord: if !isWord(c) { return true }
            case .space: if isSpace(c) { return true }
            case .notSpace: if !isSpace(c) { return true }
            }
        }
        return false
    }

    enum Backtrack {
        case thread(pc: Int, pos: Int)
        case slot(Int, Int)
        case register(Int, Int)
    }

    /// Tries a match starting exactly at `start`. `fullMatch` requires it to end
    /// at `end`; `forbidEmpty` rejects an empty match. Returns the group slots.
    func run(at start: Int, fullMatch: Bool, forbidEmpty: Bool, steps: inout Int) throws(PyError) -> [Int]? {
        var slots = [Int](repeating: -1, count: 2 * (prog.groupCount + 1))
        var regs = [Int](repeating: -1, count: prog.registerCount)
        var stack: [Backtrack] = [.thread(pc: 0, pos: start)]
        let insts = prog.insts
        while let top = stack.popLast() {
            var pc: Int, pos: Int
            switch top {
            case .slot(let k, let v): slots[k] = v; continue
            case .register(let k, let v): regs[k] = v; continue
            case .thread(let p, let q): pc = p; pos = q
            }
            thread: while true {
                steps &+= 1
                if steps & 0xFFF == 0 { try poll() }
                switch insts[pc] {
                case .char(let c):
                    guard pos < end else { break thread }
                    let x = s[pos]
                    if x != c && !(ignoreCase && lower(x) == lower(c)) { break thread }
                    pos += 1; pc += 1
                case .any:
                    guard pos < end, dotAll || s[pos] != 10 else { break thread }
                    pos += 1; pc += 1
                case .cls(let k):
                    guard pos < end, classMatches(prog.classes[k], s[pos]) else { break thread }
                    pos += 1; pc += 1
                case .split(let a, let b):
                    stack.append(.thread(pc: b, pos: pos))
                    pc = a
                case .jump(let a): pc = a
                case .save(let k):
                    stack.append(.slot(k, slots[k]))
                    slots[k] = pos
                    pc += 1
                case .mark(let r):
                    stack.append(.register(r, regs[r]))
                    regs[r] = pos
                    pc += 1
                case .loopIfProgress(let r, let target):
                    pc = pos != regs[r] ? target : pc + 1
                case .bol:
                    guard pos == 0 || (multiline && s[pos - 1] == 10) else { break thread }
                    pc += 1
                case .eol:
                    let ok = pos == end || (pos == end - 1 && s[pos] == 10) || (multiline && pos < end && s[pos] == 10)
                    guard ok else { break thread }
                    pc += 1
                case .startOfString:
                    guard pos == 0 else { break thread }
                    pc += 1
                case .endOfString:
                    guard pos == end else { break thread }
                    pc += 1
                case .wordBoundary, .notWordBoundary:
                    let before = pos > 0 && isWord(s[pos - 1])
                    let after = pos < end && isWord(s[pos])
                    var at = before != after
                    if case .notWordBoundary = insts[pc] { at = !at }
                    guard at else { break thread }
                    pc += 1
                case .backref(let g):
                    let a = slots[2 * g], b = slots[2 * g + 1]
                    guard a >= 0, b >= 0 else { break thread }
                    let n = b - a
                    guard pos + n <= end else { break thread }
                    for k in 0..<n {
                        let x = s[a + k], y = s[pos + k]
                        if x != y && !(ignoreCase && lower(x) == lower(y)) { break thread }
                    }
                    pos += n; pc += 1
                case .match:
                    if fullMatch && pos != end { break thread }
                    if forbidEmpty && pos == start { break thread }
                    slots[0] = start
                    slots[1] = pos
                    return slots
                }
            }
        }
        return nil
    }

    /// match (anchored) or search from `start`.
    func exec(from start: Int, anchored: Bool, fullMatch: Bool, forbidEmptyAtStart: Bool) throws(PyError) -> [Int]? {
        var steps = 0
        if anchored {
            return try run(at: start, fullMatch: fullMatch, forbidEmpty: forbidEmptyAtStart, steps: &steps)
        }
        var p = start
        // A literal first instruction lets search skip positions quickly.
        var firstChar: UInt32? = nil
        if case .char(let c) = prog.insts[0], !ignoreCase { firstChar = c }
        while p <= end {
            if let fc = firstChar {
                while p < end && s[p] != fc { p += 1 }
                if p >= end { return nil }
            }
            if let r = try run(at: p, fullMatch: fullMatch, forbidEmpty: forbidEmptyAtStart && p == start, steps: &steps) {
                return r
            }
            p += 1
        }
        return nil
    }
}
