import Foundation

// How Python writes str, bytes and float literals back out: repr() of the
// built-in values, also used by the disassembler for constants.

/// The escapes str, bytes and JSON literals share: backslash, newline, return, tab.
func whitespaceEscape(_ u: Unicode.Scalar) -> String? {
    switch u {
    case "\\": return "\\\\"
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default: return nil
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, the shortest that holds the scalar.
func hexEscape(_ u: Unicode.Scalar) -> String {
    if u.value < 0x100 { return String(format: "\\x%02x", u.value) }
    if u.value < 0x10000 { return String(format: "\\u%04x", u.value) }
    return String(format: "\\U%08x", u.value)
}

func strRepr(_ s: String) -> String {
    let useDouble = s.contains("'") && !s.contains("\"")
    let quote: Character = useDouble ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
        if let e = whitespaceEscape(u) {
            out += e
        } else if u == "'" && !useDouble {
            out += "\\'"
        } else if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && !isUnicodePrintable(u)) {
            out += hexEscape(u)
        } else {
            out.unicodeScalars.append(u)
        }
    }
    out.append(quote)
    return out
}

func asciiEscaped(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u.value < 0x80 { out.unicodeScalars.append(u) } else { out += hexEscape(u) }
    }
    return out
}

func bytesRepr(_ b: [UInt8]) -> String {
    let useDouble = b.contains(0x27) && !b.contains(0x22)
    var out = useDouble ? "b\"" : "b'"
    for x in b {
        let u = Unicode.Scalar(x)
        if let e = whitespaceEscape(u) {
            out += e
        } else if x == 0x27 && !useDouble {
            out += "\\'"
        } else if (0x20..<0x7F).contains(x) {
            out.unicodeScalars.append(u)
        } else {
            out += hexEscape(u)
        }
    }
    out += useDouble ? "\"" : "'"
    return out
}

/// CPython's repr of a float: the shortest string that reads back the same.
func floatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description is also shortest round-trip; adjust its exponent form.
    let (digits, exponent) = shortestDigits(d)
    let negative = d < 0
    var out = negative ? "-" : ""
    if exponent < -4 || exponent >= 16 {
        out += String(digits.first!)
        if digits.count > 1 { out += "." + digits.dropFirst() }
        out += exponent < 0 ? "e-" : "e+"
        out += exponent.magnitude < 10 ? "0\(exponent.magnitude)" : "\(exponent.magnitude)"
        return out
    }
    if exponent < 0 {
        out += "0." + String(repeating: "0", count: -exponent - 1) + digits
    } else if digits.count <= exponent + 1 {
        out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
    } else {
        let i = digits.index(digits.startIndex, offsetBy: exponent + 1)
        out += digits[..<i] + "." + digits[i...]
    }
    return out
}

/// The shortest round-trip decimal digits of |d| and the decimal exponent of the first.
func shortestDigits(_ d: Double) -> (String, Int) {
    let s = "\(abs(d))"  // e.g. "0.1", "1e-07", "1.2345e+20", "100.0"
    var mantissa = s
    var exp = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = String(s[..<e])
        exp = Int(s[s.index(after: e)...])!
    }
    var intPart = mantissa
    var fracPart = ""
    if let dot = mantissa.firstIndex(of: ".") {
        intPart = String(mantissa[..<dot])
        fracPart = String(mantissa[mantissa.index(after: dot)...])
    }
    var digits = intPart + fracPart
    var pointPos = intPart.count + exp
    // Strip leading zeros.
    while digits.count > 1 && digits.first == "0" {
        digits.removeFirst()
        pointPos -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    return (digits, pointPos - 1)
}
