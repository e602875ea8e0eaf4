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

    init(_ spec: String, _ rt: Runtime) throws(PyError) {
        let c = Array(spec)
        var i = 0
        var fillGiven = false
        if c.count >= 2 && "<>=^".contains(c[1]) {
            fill = c[0]; align = c[1]; i = 2; fillGiven = true
        } else if !c.isEmpty && "<>=^".contains(c[0]) {
            align = c[0]; i = 1
        }
        if i < c.count && "+- ".contains(c[i]) { sign = c[i]; i += 1 }
        if i < c.count && c[i] == "#" { alternate = true; i += 1 }
        if i < c.count && c[i] == "0" {
            zeroPad = true
            i += 1
        }
        var w = ""
        while i < c.count && c[i].isASCII && c[i].isNumber { w.append(c[i]); i += 1 }
        width = Int(w) ?? 0
        if i < c.count && (c[i] == "," || c[i] == "_") { grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p = ""
            while i < c.count && c[i].isASCII && c[i].isNumber { p.append(c[i]); i += 1 }
            guard !p.isEmpty else { throw rt.valueError("Format specifier missing precision") }
            precision = Int(p)
        }
        if i < c.count { type = c[i]; i += 1 }
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
