import Foundation

/// Byte-level algorithms shared by `str` (on its UTF-8 encoding) and
/// `bytes`/`bytearray`. Everything works on byte offsets; `str` methods convert
/// code-point indices at the edges (a no-op for ASCII text).
typealias ByteBuf = UnsafeBufferPointer<UInt8>

/// Calls `body` with the UTF-8 bytes of `s`, without copying a native string
/// and without allocating for a small one (up to 15 bytes, kept inside the
/// String value: `String.withUTF8` lends a stack copy of them, where
/// `utf8.withContiguousStorageIfAvailable` has no storage to lend and a
/// fallback would allocate an array each call).
@inline(__always)
func withUTF8Bytes<R, E: Error>(_ s: String, _ body: (ByteBuf) throws(E) -> R) throws(E) -> R {
    var s = s
    // withUTF8 rethrows untyped errors; a Result carries the typed one out.
    let result = s.withUTF8 { bytes in Result { () throws(E) -> R in try body(bytes) } }
    return try result.get()
}

/// Copies the UTF-8 bytes of `s` into `target` at `at`; returns the offset after them.
@inline(__always)
func copyUTF8(_ s: String, into target: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
    withUTF8Bytes(s) { bytes in
        if let base = bytes.baseAddress, !bytes.isEmpty {
            (target.baseAddress! + at).update(from: base, count: bytes.count)
        }
        return at + bytes.count
    }
}

@inline(__always)
func makeString(_ buf: ByteBuf, _ r: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
}

enum ByteAlg {
    // MARK: searching

    /// First byte offset of `n` in `h[start..<end]`.
    static func find(_ h: ByteBuf, _ n: ByteBuf, _ start: Int, _ end: Int) -> Int? {
        let m = n.count
        if end - start < m { return nil }
        if m == 0 { return start }
        // memchr finds each candidate first byte (the C library's is vectorised:
        // a byte loop here took most of `line.split(';')`), memcmp the rest.
        let haystack = h.baseAddress!, needle = n.baseAddress!
        let first = Int32(needle[0])
        var i = start
        let last = end - m
        while i <= last {
            guard let hit = memchr(haystack + i, first, last - i + 1) else { return nil }
            let k = haystack.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if m == 1 || memcmp(haystack + k + 1, needle + 1, m - 1) == 0 { return k }
            i = k + 1
        }
        return nil
    }

    /// Last byte offset of `n` in `h[start..<end]`.
    static func rfind(_ h: ByteBuf, _ n: ByteBuf, _ start: Int, _ end: Int) -> Int? {
        let m = n.count
        if end - start < m { return nil }
        if m == 0 { return end }
        var i = end - m
        let first = n[0]
        while i >= start {
            if h[i] == first {
                var j = 1
                while j < m && h[i + j] == n[j] { j += 1 }
                if j == m { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Non-overlapping occurrences of a non-empty `n` in `h[start..<end]`.
    static func count(_ h: ByteBuf, _ n: ByteBuf, _ start: Int, _ end: Int, limit: Int = Int.max) -> Int {
        var c = 0
        var i = start
        while c < limit, let k = find(h, n, i, end) {
            c += 1
            i = k + n.count
        }
        return c
    }

    static func matches(_ h: ByteBuf, _ n: ByteBuf, at i: Int) -> Bool {
        if i < 0 || i + n.count > h.count { return false }
        var j = 0
        while j < n.count {
            if h[i + j] != n[j] { return false }
            j += 1
        }
        return true
    }

    // MARK: code points

    /// The unit at byte offset `i`: a decoded code point when `utf8`, else the byte.
    @inline(__always)
    static func unit(_ h: ByteBuf, _ i: Int, utf8: Bool) -> (value: UInt32, length: Int) {
        let b0 = h[i]
        if !utf8 || b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 { return ((UInt32(b0 & 0x1F) << 6) | UInt32(h[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(h[i + 1] & 0x3F) << 6) | UInt32(h[i + 2] & 0x3F), 3)
        }
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(h[i + 1] & 0x3F) << 12)
                | (UInt32(h[i + 2] & 0x3F) << 6) | UInt32(h[i + 3] & 0x3F), 4)
    }

    /// The unit ending just before byte offset `i`, and its start.
    @inline(__always)
    static func unitBefore(_ h: ByteBuf, _ i: Int, utf8: Bool) -> (value: UInt32, start: Int) {
        var s = i - 1
        if utf8 { while s > 0 && (h[s] & 0xC0) == 0x80 { s -= 1 } }
        return (unit(h, s, utf8: utf8).value, s)
    }

    /// Byte offset of code point `cp` (cp ≤ number of code points).
    static func byteOffset(_ h: ByteBuf, ofCodePoint cp: Int) -> Int {
        var i = 0, c = 0
        while c < cp && i < h.count {
            i += 1
            while i < h.count && (h[i] & 0xC0) == 0x80 { i += 1 }
            c += 1
        }
        return i
    }

    /// Number of code points in `h[from..<to]`.
    static func codePoints(_ h: ByteBuf, _ from: Int, _ to: Int) -> Int {
        var c = 0
        var i = from
        while i < to {
            if (h[i] & 0xC0) != 0x80 { c += 1 }
            i += 1
        }
        return c
    }

    // MARK: whitespace

    @inline(__always)
    static func isBytesSpace(_ u: UInt32) -> Bool {
        u == 0x20 || (u >= 0x09 && u <= 0x0D)
    }

    /// Python's str.isspace for one code point.
    @inline(__always)
    static func isStrSpace(_ u: UInt32) -> Bool {
        if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x1F) }
        switch u {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Python's line boundaries for str.splitlines (bytes use only \n and \r).
    @inline(__always)
    static func isLineBreak(_ u: UInt32, str: Bool) -> Bool {
        if u == 0x0A || u == 0x0D { return true }
        if !str { return false }
        switch u {
        case 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    // MARK: splitting

    /// `split()` with no separator: runs of whitespace separate, ends are trimmed.
    static func splitWhitespace(_ h: ByteBuf, maxsplit: Int, utf8: Bool, space: (UInt32) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)  // grown once, not at 1, 2 and 4 pieces
        var i = 0
        let n = h.count
        var splits = 0
        while i < n {
            // skip whitespace
            while i < n {
                let (u, l) = unit(h, i, utf8: utf8)
                if !space(u) { break }
                i += l
            }
            if i >= n { break }
            if maxsplit >= 0 && splits >= maxsplit {
                // the rest, trailing whitespace included (as CPython)
                out.append(i..<n)
                return out
            }
            let start = i
            while i < n {
                let (u, l) = unit(h, i, utf8: utf8)
                if space(u) { break }
                i += l
            }
            out.append(start..<i)
            splits += 1
        }
        return out
    }

    /// `rsplit()` with no separator; the result is in left-to-right order.
    static func rsplitWhitespace(_ h: ByteBuf, maxsplit: Int, utf8: Bool, space: (UInt32) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)  // grown once, not at 1, 2 and 4 pieces
        var i = h.count
        var splits = 0
        while i > 0 {
            while i > 0 {
                let (u, s) = unitBefore(h, i, utf8: utf8)
                if !space(u) { break }
                i = s
            }
            if i <= 0 { break }
            if maxsplit >= 0 && splits >= maxsplit {
                out.append(0..<i)
                break
            }
            let end = i
            while i > 0 {
                let (u, s) = unitBefore(h, i, utf8: utf8)
                if space(u) { break }
                i = s
            }
            out.append(i..<end)
            splits += 1
        }
        out.reverse()
        return out
    }

    /// `split(sep)` with a non-empty separator.
    static func split(_ h: ByteBuf, _ sep: ByteBuf, maxsplit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)  // grown once, not at 1, 2 and 4 pieces
        forEachSplit(h, sep, maxsplit: maxsplit) { out.append($0) }
        return out
    }

    /// The pieces `split(sep)` gives (a non-empty separator), handed to `body`
    /// in order, without an array of them.
    @inline(__always)
    static func forEachSplit(_ h: ByteBuf, _ sep: ByteBuf, maxsplit: Int, _ body: (Range<Int>) -> Void) {
        var i = 0
        var splits = 0
        while maxsplit < 0 || splits < maxsplit, let k = find(h, sep, i, h.count) {
            body(i..<k)
            i = k + sep.count
            splits += 1
        }
        body(i..<h.count)
    }

    /// `rsplit(sep)` with a non-empty separator; left-to-right order.
    static func rsplit(_ h: ByteBuf, _ sep: ByteBuf, maxsplit: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)  // grown once, not at 1, 2 and 4 pieces
        var e = h.count
        var splits = 0
        while maxsplit < 0 || splits < maxsplit, let k = rfind(h, sep, 0, e) {
            out.append((k + sep.count)..<e)
            e = k
            splits += 1
        }
        out.append(0..<e)
        out.reverse()
        return out
    }

    static func splitLines(_ h: ByteBuf, keepends: Bool, str: Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(8)  // grown once, not at 1, 2 and 4 pieces
        var i = 0, start = 0
        let n = h.count
        while i < n {
            let (u, l) = unit(h, i, utf8: str)
            if isLineBreak(u, str: str) {
                var e = i + l
                if u == 0x0D && e < n && h[e] == 0x0A { e += 1 }
                out.append(start..<(keepends ? e : i))
                start = e
                i = e
            } else {
                i += l
            }
        }
        if start < n { out.append(start..<n) }
        return out
    }

    // MARK: stripping

    /// The range left after stripping units for which `strip` is true.
    static func strip(_ h: ByteBuf, left: Bool, right: Bool, utf8: Bool, _ strip: (UInt32) -> Bool) -> Range<Int> {
        var b = 0, e = h.count
        if left {
            while b < e {
                let (u, l) = unit(h, b, utf8: utf8)
                if !strip(u) { break }
                b += l
            }
        }
        if right {
            while e > b {
                let (u, s) = unitBefore(h, e, utf8: utf8)
                if !strip(u) { break }
                e = s
            }
        }
        return b..<e
    }

    /// The units of `chars` (code points when `utf8`).
    static func unitSet(_ chars: ByteBuf, utf8: Bool) -> [UInt32] {
        var out: [UInt32] = []
        var i = 0
        while i < chars.count {
            let (u, l) = unit(chars, i, utf8: utf8)
            out.append(u)
            i += l
        }
        return out
    }

    // MARK: replacing

    /// `replace(old, new, count)`. An empty `old` inserts `new` around every unit.
    static func replace(_ h: ByteBuf, _ old: ByteBuf, _ new: ByteBuf, count: Int, utf8: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var remaining = count < 0 ? Int.max : count
        if old.isEmpty {
            out.reserveCapacity(h.count + new.count * min(remaining, h.count + 1))
            var i = 0
            while i < h.count {
                if remaining > 0 { out.append(contentsOf: new); remaining -= 1 }
                let l = unit(h, i, utf8: utf8).length
                out.append(contentsOf: h[i..<(i + l)])
                i += l
            }
            if remaining > 0 { out.append(contentsOf: new) }
            return out
        }
        out.reserveCapacity(h.count)
        var i = 0
        while remaining > 0, let k = find(h, old, i, h.count) {
            out.append(contentsOf: h[i..<k])
            out.append(contentsOf: new)
            i = k + old.count
            remaining -= 1
        }
        out.append(contentsOf: h[i..<h.count])
        return out
    }

    /// `expandtabs(tabsize)`: the column counts units (code points when `utf8`).
    static func expandTabs(_ h: ByteBuf, tabsize: Int, utf8: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(h.count)
        var column = 0
        var i = 0
        while i < h.count {
            let b = h[i]
            if b == 0x09 {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize
                    out.append(contentsOf: repeatElement(0x20, count: spaces))
                    column += spaces
                }
            } else if b == 0x0A || b == 0x0D {
                out.append(b)
                column = 0
            } else {
                out.append(b)
                if !utf8 || (b & 0xC0) != 0x80 { column += 1 }
            }
            i += 1
        }
        return out
    }
}
