import Foundation


/// A parsed format specification: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
/// Its characters are code points: a plain value, copied without reference
/// counting (as Characters, each copy and destruction of a spec retained and
/// released five strings).
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar?
    var sign: Unicode.Scalar?
    var alternate = false
    var zeroPad = false
    /// The `=` alignment came from a leading `0`, not from the spec: strings take `<` then.
    var alignFromZero = false
    var width = 0
    var grouping: Unicode.Scalar?
    var precision: Int?
    var type: Unicode.Scalar?

    /// Where a width or precision stops growing: far beyond any heap, so
    /// that padding to it fails with MemoryError, as on the board.
    static let hugeNumber = 1 << 40

    init(_ spec: String, _ rt: Runtime) throws(PyError) {
        // The code points, in a buffer on the stack: String's scalar view
        // validated its index on every read, and an array cost an allocation,
        // each more than the rest of the parse.
        // (No more code points than UTF-8 bytes, which a String counts in O(1).)
        self = try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(spec.utf8.count, 1)) { (c) throws(PyError) -> FormatSpec in
            var k = 0
            for u in spec.unicodeScalars { c[k] = u.value; k += 1 }
            return try FormatSpec(codePoints: UnsafeBufferPointer(rebasing: c[..<k]), rt)
        }
    }

    private init(codePoints c: UnsafeBufferPointer<UInt32>, _ rt: Runtime) throws(PyError) {
        func at(_ i: Int) -> Unicode.Scalar? { i < c.count ? Unicode.Scalar(c[i]) : nil }
        func isAlign(_ u: Unicode.Scalar?) -> Bool { u == "<" || u == ">" || u == "=" || u == "^" }
        func digit(_ i: Int) -> Int? {
            guard i < c.count, c[i] >= 0x30, c[i] <= 0x39 else { return nil }
            return Int(c[i]) - 0x30
        }
        var i = 0
        var fillGiven = false
        if c.count >= 2 && isAlign(at(1)) {
            fill = at(0)!; align = at(1); i = 2; fillGiven = true
        } else if isAlign(at(0)) {
            align = at(0); i = 1
        }
        if let u = at(i), u == "+" || u == "-" || u == " " { sign = u; i += 1 }
        if at(i) == "#" { alternate = true; i += 1 }
        if at(i) == "0" {
            zeroPad = true
            i += 1
        }
        while let d = digit(i) {
            width = min(width * 10 + d, FormatSpec.hugeNumber)
            i += 1
        }
        if let u = at(i), u == "," || u == "_" { grouping = u; i += 1 }
        if at(i) == "." {
            i += 1
            var p: Int?
            while let d = digit(i) {
                p = min((p ?? 0) * 10 + d, FormatSpec.hugeNumber)
                i += 1
            }
            guard let p else { throw rt.valueError("Format specifier missing precision") }
            precision = p
        }
        if let u = at(i) { type = u; i += 1 }
        if i < c.count { throw rt.valueError("Invalid format specifier") }
        // A leading 0 makes 0 the fill, whatever the alignment, and means `=` when
        // no alignment is given (CPython 3.10+ and MicroPython: '{:<06}', '{:06s}').
        if zeroPad && !fillGiven { fill = "0" }
        if zeroPad && align == nil {
            align = "="
            alignFromZero = true
        }
    }

    func pad(_ s: String, defaultAlign: Unicode.Scalar) -> String {
        let n = codePointCount(s)
        guard width > n else { return s }
        let padding = width - n
        let fill = Character(self.fill)
        switch align ?? defaultAlign {
        case "<": return s + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + s + String(repeating: fill, count: padding - left)
        default: return String(repeating: fill, count: padding) + s
        }
    }

    /// Pads a number; `=` alignment puts the padding between sign and digits.
    func padNumber(sign: String, digits: String) -> String {
        if width == 0 { return sign.isEmpty ? digits : sign + digits }
        // Code points, as `pad` counts (Characters cost grapheme breaking).
        let total = codePointCount(sign) + codePointCount(digits)
        if (align ?? ">") == "=" && width > total {
            return sign + String(repeating: Character(fill), count: width - total) + digits
        }
        return pad(sign + digits, defaultAlign: ">")
    }
}

/// The number of code points of `s`, counted on its UTF-8 bytes (the scalar
/// view's count validated an index per step: 300 instructions for a number).
func codePointCount(_ s: String) -> Int {
    var s = s
    return s.withUTF8 { bytes in
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n &+= 1 }
        return n
    }
}
