import BigInt
import Foundation

/// `format(v, spec)` and the format mini-language for ints, floats and strs.
extension Runtime {
    // MARK: format()

    /// `format(v, spec)`: __format__ for user objects, the mini-language for built-ins.
    func format(_ v: Value, spec: String) throws(PyError) -> String {
        if spec.isEmpty {
            if v.isSmallInt { return String(v.asSmallInt) }
            if v.isObject && v.object.type.isBuiltin { return try toStr(v) }
            if !v.isObject { return try toStr(v) }
        }
        if v.isObject && !v.object.type.isBuiltin {
            let m = v.object.type.lookup(names.__format__)
            if m.isObject, m.object is PyFunction {
                let r = try call(m, [v, str(spec)])
                return try toStr(r)
            }
            if spec.isEmpty { return try toStr(v) }
        }
        let f = try FormatSpec(spec, self)
        try reserve(f.width)   // a padded result is at least this long
        if v.isFloat || (v.isObject && v.object is PyBoxedFloat) {
            return try formatFloat(floatValue(v) ?? (v.object as! PyBoxedFloat).value, f)
        }
        if v.isSmallInt && (f.type == nil || f.type == "d") && f.grouping == nil {
            // The common '{:>6}' of a small int, without a BigInt.
            let i = v.asSmallInt
            let sign = i < 0 ? "-" : (f.sign == "+" ? "+" : (f.sign == " " ? " " : ""))
            return f.padNumber(sign: sign, digits: String(i.magnitude))
        }
        if let i = bigInt(v) {
            if let t = f.type, "eEfFgG%".unicodeScalars.contains(t) { return try formatFloat(Double(i), f) }
            return try formatInt(i, f)
        }
        if v.isObject, let s = v.object as? PyStr {
            if let t = f.type, t != "s" { throw valueError("unknown format code '\(t)' for object of type 'str'") }
            var text = s.value
            if let p = f.precision { text = String(text.unicodeScalars.prefix(p)) }
            if f.sign != nil { throw valueError("sign not allowed in string format specifier") }
            if f.align == "=" {
                if !f.alignFromZero { throw valueError("'=' alignment not allowed in string format specifier") }
                var g = f
                g.align = "<"
                return g.pad(text, defaultAlign: "<")
            }
            return f.pad(text, defaultAlign: "<")
        }
        if !spec.isEmpty && f.type != nil {
            throw typeError("unsupported format string passed to \(typeName(v)).__format__")
        }
        return f.pad(try toStr(v), defaultAlign: "<")
    }

    func formatInt(_ i: BigInt, _ f: FormatSpec) throws(PyError) -> String {
        var digits: String
        let mag = i.magnitude
        let small = UInt64(exactly: mag)
        switch f.type ?? "d" {
        case "d", "n": digits = small.map { String($0) } ?? String(mag)
        case "x": digits = String(mag, radix: 16)
        case "X": digits = String(mag, radix: 16).uppercased()
        case "o": digits = String(mag, radix: 8)
        case "b": digits = String(mag, radix: 2)
        case "c":
            if f.sign != nil { throw valueError("sign not allowed with integer format specifier 'c'") }
            guard let u = Unicode.Scalar(UInt32(mag)) else { throw overflowError("%c arg not in range(0x110000)") }
            return f.pad(String(Character(u)), defaultAlign: ">")  // a number's presentation: right-aligned
        default:
            throw valueError("unknown format code '\(f.type!)' for object of type 'int'")
        }
        var prefix = ""
        if f.alternate {
            switch f.type {
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            case "o": prefix = "0o"
            case "b": prefix = "0b"
            default: break
            }
        }
        let sign = i < 0 ? "-" : (f.sign == "+" ? "+" : (f.sign == " " ? " " : ""))
        if let sep = f.grouping {
            let every = (f.type == nil || f.type == "d" || f.type == "n") ? 3 : 4
            // Zero padding pads the digits, separators and all ('{:05,}' of 0 is '0,000').
            if f.zeroPad && f.align == "=" && f.fill == "0" {
                while group(digits, sep, every: every).count + sign.count + prefix.count < f.width { digits = "0" + digits }
            }
            digits = group(digits, sep, every: every)
        }
        return f.padNumber(sign: sign + prefix, digits: digits)
    }

    /// C's `%.{precision}f` / `%.{precision}e` of `d`, for any precision the
    /// heap can hold: a double's exact decimal expansion ends within 1100
    /// digits, so the digits past that are zeros, appended rather than asked
    /// of the C library (which overflows on huge precisions and is slow on
    /// large ones).
    func fixedDigits(_ d: Double, precision: Int, _ conversion: Character) throws(PyError) -> String {
        let exact = 1100
        if conversion == "f", let digits = fixedPointDigits(d, precision: precision) { return digits }
        if precision <= exact { return printfDouble(d, precision: precision, conversion) }
        try reserve(precision, times: 2)
        var s = printfDouble(d, precision: exact, conversion)
        let zeros = String(repeating: "0", count: precision - exact)
        if conversion == "e", let e = s.firstIndex(of: "e") {
            s.insert(contentsOf: zeros, at: e)
        } else {
            s += zeros
        }
        return s
    }

    func formatFloat(_ d: Double, _ f: FormatSpec) throws(PyError) -> String {
        var body: String
        let mag = abs(d)
        let type = f.type
        let negative = d.sign == .minus && !(d == 0 && type == nil && false)
        if mag.isNaN || mag.isInfinite {
            body = mag.isNaN ? "nan" : "inf"
            if let t = type, t.properties.isUppercase { body = body.uppercased() }
        } else {
            switch type {
            case "f", "F":
                let precision = f.precision ?? 6
                // The board formats floats into a 32-byte buffer (py/objstr.c,
                // py/formatfloat.c): a number whose integer part alone does not fit
                // is written as 'e', without the mantissa's trailing zeros
                // ('%.2f' % 8.888e32 is 8.89e+32). (The board also trims decimals
                // that overflow the buffer; here they are kept, as CPython does.)
                if mag >= 1, mag.isFinite {
                    let e = Int(Foundation.log10(mag).rounded(.down))
                    let room = 31 - (negative || f.sign == "+" || f.sign == " " ? 1 : 0)
                    if e >= room {
                        body = try fixedDigits(mag, precision: precision, "e")
                        if let ePos = body.firstIndex(of: "e"), body[..<ePos].contains(".") {
                            var mantissa = String(body[..<ePos])
                            while mantissa.hasSuffix("0") { mantissa.removeLast() }
                            if mantissa.hasSuffix(".") { mantissa.removeLast() }
                            body = mantissa + body[ePos...]
                        }
                        if type == "F" { body = body.uppercased() }
                        break
                    }
                }
                body = try fixedDigits(mag, precision: precision, "f")
            case "e", "E":
                body = try fixedDigits(mag, precision: f.precision ?? 6, "e")
                if type == "E" { body = body.uppercased() }
            case "%":
                body = try fixedDigits(mag * 100, precision: f.precision ?? 6, "f") + "%"
            case "g", "G", "n":
                // 'n' is 'g' with the locale's separators: none here, as on the boards.
                body = try generalFormat(mag, precision: f.precision ?? 6, alternate: f.alternate)
                if type == "G" { body = body.uppercased() }
            case nil:
                if let p = f.precision {
                    body = try generalFormat(mag, precision: p, alternate: f.alternate)
                    if !body.contains(".") && !body.contains("e") && !body.contains("inf") { body += "" }
                } else {
                    body = floatRepr(mag)
                }
            default:
                throw valueError("unknown format code '\(type!)' for object of type 'float'")
            }
        }
        if let sep = f.grouping {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            var intPart = String(parts[0])
            var rest = parts.count > 1 ? "." + parts[1] : ""
            if let e = intPart.firstIndex(where: { !$0.isNumber }) {
                rest = String(intPart[e...]) + rest
                intPart = String(intPart[..<e])
            }
            body = group(intPart, sep, every: 3) + rest
        }
        let sign = negative && !(mag.isNaN) ? "-" : (f.sign == "+" ? "+" : (f.sign == " " ? " " : ""))
        return f.padNumber(sign: sign, digits: body)
    }

    /// The `g` presentation: fixed or scientific by exponent, trailing zeros removed.
    func generalFormat(_ d: Double, precision: Int, alternate: Bool) throws(PyError) -> String {
        let p = max(precision, 1)
        if d == 0 {
            try reserve(p)
            return alternate ? "0." + String(repeating: "0", count: p - 1) : "0"
        }
        let exp = Int(floor(log10(d)))
        var s = try fixedDigits(d, precision: p - 1, "e")
        // Rounding may carry into a new digit (9.99 -> 1.00e+01).
        let e = Int(s[s.index(after: s.firstIndex(of: "e")!)...])!
        let useExp = e < -4 || e >= p
        _ = exp
        if !useExp {
            s = try fixedDigits(d, precision: max(p - 1 - e, 0), "f")
        }
        if !alternate {
            if useExp {
                let parts = s.split(separator: "e")
                var m = String(parts[0])
                if m.contains(".") {
                    while m.last == "0" { m.removeLast() }
                    if m.last == "." { m.removeLast() }
                }
                s = m + "e" + parts[1]
            } else if s.contains(".") {
                while s.last == "0" { s.removeLast() }
                if s.last == "." { s.removeLast() }
            }
        }
        return s
    }

    func group(_ digits: String, _ sep: Unicode.Scalar, every n: Int) -> String {
        let sep = Character(sep)
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % n == 0 { out.append(sep) }
            out.append(c)
        }
        return String(out.reversed())
    }
}
