import Foundation


/// A parsed format specification: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character?
    var alternate = false
    var zeroPad = false
    /// The `=` alignment came from a leading `0`, not from the spec: strings take `<` then.
    var alignFromZero = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Where a width or precision stops growing: far beyond any heap, so
    /// that padding to it fails with MemoryError, as on the board.
    static let hugeNumber = 1 << 40

    init(_ spec: String, _ rt: Runtime) throws(PyError) {
        // Code points, not Characters: grapheme breaking cost more than the rest
        // of a '{:>6}' field's formatting.
        let c = Array(spec.unicodeScalars)
        func isAlign(_ u: Unicode.Scalar) -> Bool { u == "<" || u == ">" || u == "=" || u == "^" }
        func digit(_ i: Int) -> Int? {
            guard i < c.count, c[i].value >= 0x30, c[i].value <= 0x39 else { return nil }
            return Int(c[i].value) - 0x30
        }
        var i = 0
        var fillGiven = false
        if c.count >= 2 && isAlign(c[1]) {
            fill = Character(c[0]); align = Character(c[1]); i = 2; fillGiven = true
        } else if !c.isEmpty && isAlign(c[0]) {
            align = Character(c[0]); i = 1
        }
        if i < c.count && (c[i] == "+" || c[i] == "-" || c[i] == " ") { sign = Character(c[i]); i += 1 }
        if i < c.count && c[i] == "#" { alternate = true; i += 1 }
        if i < c.count && c[i] == "0" {
            zeroPad = true
            i += 1
        }
        while let d = digit(i) {
            width = min(width * 10 + d, FormatSpec.hugeNumber)
            i += 1
        }
        if i < c.count && (c[i] == "," || c[i] == "_") { grouping = Character(c[i]); i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p: Int?
            while let d = digit(i) {
                p = min((p ?? 0) * 10 + d, FormatSpec.hugeNumber)
                i += 1
            }
            guard let p else { throw rt.valueError("Format specifier missing precision") }
            precision = p
        }
        if i < c.count { type = Character(c[i]); i += 1 }
        if i < c.count { throw rt.valueError("Invalid format specifier") }
        // A leading 0 makes 0 the fill, whatever the alignment, and means `=` when
        // no alignment is given (CPython 3.10+ and MicroPython: '{:<06}', '{:06s}').
        if zeroPad && !fillGiven { fill = "0" }
        if zeroPad && align == nil {
            align = "="
            alignFromZero = true
        }
    }

    func pad(_ s: String, defaultAlign: Character) -> String {
        let n = s.unicodeScalars.count
        guard width > n else { return s }
        let padding = width - n
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
        let total = sign.count + digits.count
        if (align ?? ">") == "=" && width > total {
            return sign + String(repeating: fill, count: width - total) + digits
        }
        return pad(sign + digits, defaultAlign: ">")
    }
}
