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
/// Built as ASCII bytes: Character-by-Character String surgery was most of
/// the time of json.dumps of a float.
func floatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description is also shortest round-trip; adjust its exponent form.
    return withShortestDigits(d) { digits, exponent in
        let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 26)
        if d < 0 { out.append(UInt8(ascii: "-")) }
        if exponent < -4 || exponent >= 16 {
            out.append(digits.first!)
            if digits.count > 1 {
                out.append(point)
                out.append(contentsOf: digits.dropFirst())
            }
            out.append(UInt8(ascii: "e"))
            out.append(UInt8(ascii: exponent < 0 ? "-" : "+"))
            if exponent.magnitude < 10 { out.append(zero) }
            out.append(contentsOf: String(exponent.magnitude).utf8)
        } else if exponent < 0 {
            out.append(zero)
            out.append(point)
            out.append(contentsOf: repeatElement(zero, count: -exponent - 1))
            out.append(contentsOf: digits)
        } else if digits.count <= exponent + 1 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(zero, count: exponent + 1 - digits.count))
            out.append(point)
            out.append(zero)
        } else {
            out.append(contentsOf: digits.prefix(exponent + 1))
            out.append(point)
            out.append(contentsOf: digits.dropFirst(exponent + 1))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Calls `body` with the shortest round-trip decimal digits of |d| (ASCII,
/// no leading or trailing zeros but one) and the decimal exponent of the first,
/// read from Swift's description ("0.1", "1e-07", "1.2345e+20", "100.0").
func withShortestDigits<R>(_ d: Double, _ body: (ArraySlice<UInt8>, Int) -> R) -> R {
    var text = abs(d).description
    return text.withUTF8 { b in
        var end = b.count
        var exponent = 0
        if let e = b.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            end = e
            var i = e + 1
            var negative = false
            if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
                negative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            while i < b.count {
                exponent = exponent * 10 + Int(b[i] - UInt8(ascii: "0"))
                i += 1
            }
            if negative { exponent = -exponent }
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(end)
        var intCount = 0
        var seenPoint = false
        for i in 0..<end {
            if b[i] == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(b[i])
            if !seenPoint { intCount += 1 }
        }
        var pointPos = intCount + exponent
        var start = 0, stop = digits.count
        while stop - start > 1 && digits[start] == UInt8(ascii: "0") {
            start += 1
            pointPos -= 1
        }
        while stop - start > 1 && digits[stop - 1] == UInt8(ascii: "0") { stop -= 1 }
        return body(digits[start..<stop], pointPos - 1)
    }
}
