import BigInt
import Foundation

/// printf-style `%` formatting of str, and of bytes through the same engine.
extension Runtime {
    /// `bytes % args`: the bytes run through `percentFormat` as scalars
    /// U+0000...U+00FF, one per byte, and come back the same way.
    func percentFormat(bytes template: [UInt8], _ args: Value) throws(PyError) -> [UInt8] {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: template.map { Unicode.Scalar($0) })
        return try percentFormat(String(text), args, bytes: true).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// `str % args`. With `bytes`, the template holds one scalar per byte, `%s`
    /// of a bytes-like value inserts its bytes, and every other text inserted
    /// goes in as its UTF-8 bytes.
    /// `scalars`, when given, are the template's code points, already decoded.
    func percentFormat(_ template: String, _ args: Value, bytes: Bool = false,
                       scalars: [Unicode.Scalar]? = nil) throws(PyError) -> String {
        // A tuple's items are shared, not copied.
        let values: ContiguousArray<Value>
        var mapping: PyDict? = nil
        if args.isObject, let t = args.object as? PyTuple {  // a tuple subclass (namedtuple) too
            values = t.items
        } else {
            values = [args]
            if args.isObject, let d = args.object as? PyDict { mapping = d }
        }
        func text(_ s: String) -> String {
            guard bytes else { return s }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s.utf8.map { Unicode.Scalar($0) })
            return String(v)
        }
        func strText(_ v: Value) throws(PyError) -> String {
            if bytes, v.isObject, v.object is PyBytes || v.object is PyMemoryView {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: try bytesLike(v).map { Unicode.Scalar($0) })
                return String(out)
            }
            return text(try toStr(v))
        }
        var out = ""
        var next = 0
        let chars = scalars ?? Array(template.unicodeScalars)
        var i = 0
        func take() throws(PyError) -> Value {
            guard next < values.count else { throw typeError("format string needs more arguments") }
            next += 1
            return values[next - 1]
        }
        while i < chars.count {
            let c = chars[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw valueError("incomplete format") }
            var key: Value = .null
            if chars[i] == "(" {
                var j = i + 1
                var depth = 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: chars[(i + 1)..<(j - 1)])
                key = str(String(name))
                i = j
                // A named conversion uses up the single mapping argument: a later
                // plain %s finds no argument left (py/objstr.c, str_modulo_format).
                if mapping != nil { next = values.count }
            }
            // Code points, not a String: String.contains("-") is Foundation's
            // substring search, which showed in perf on every '%02d'.
            var flags: [Unicode.Scalar] = []
            while i < chars.count, isPercentFlag(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count && chars[i] == "*" {
                width = String(try smallInt(take()) ?? 0)
                i += 1
            }
            while i < chars.count, isASCIIDigit(chars[i]) { width.unicodeScalars.append(chars[i]); i += 1 }
            var precision: String? = nil
            if i < chars.count && chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count && chars[i] == "*" {
                    p = String(try smallInt(take()) ?? 0)
                    i += 1
                }
                while i < chars.count, isASCIIDigit(chars[i]) { p.unicodeScalars.append(chars[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < chars.count else { throw valueError("incomplete format") }
            let conv = chars[i]
            i += 1
            if conv == "%" { out += "%"; continue }
            let value: Value
            if !key.isNull {
                guard let mapping else { throw typeError("format requires a mapping") }
                value = try mapping.get(key, self)
                if value.isNull { throw keyError(key) }
            } else {
                value = try take()
            }
            if flags.isEmpty && width.isEmpty && precision == nil {
                // The common plain conversions, without building a format spec.
                switch conv {
                case "s": out += try strText(value); continue
                case "r": out += text(try repr(value)); continue
                case "d", "i", "u":
                    if value.isSmallInt { out += String(value.asSmallInt); continue }
                default: break
                }
            }
            // '%.2f' of a float, as formatFloat would write it (sign, then digits).
            if conv == "f", flags.isEmpty, width.isEmpty, let p = precision.flatMap({ Int($0) }),
               let d = floatValue(value), let digits = fixedPointDigits(abs(d), precision: p) {
                if d.sign == .minus { out += "-" }
                out += digits
                continue
            }
            var specText = ""
            var align = ""
            if flags.contains("-") { align = "<" } else if !width.isEmpty { align = ">" }
            if flags.contains("0") && !flags.contains("-") && "diouxXeEfFgG".unicodeScalars.contains(conv) { align = "=" }
            var fill = ""
            if align == "=" { fill = "0" }
            specText = fill + align
            if flags.contains("+") { specText += "+" } else if flags.contains(" ") { specText += " " }
            if flags.contains("#") { specText += "#" }
            specText += width
            if let precision { specText += "." + precision }
            var piece: String
            switch conv {
            case "s": piece = try format(str(try strText(value)), spec: fill + align + width + (precision.map { "." + $0 } ?? ""))
            case "r": piece = try format(str(text(try repr(value))), spec: fill + align + width + (precision.map { "." + $0 } ?? ""))
            case "a": piece = try format(str(asciiEscaped(try repr(value))), spec: fill + align + width)
            case "c":
                if bytes, let i = smallInt(value), !(0...255).contains(i) {
                    throw overflowError("%c arg not in range(256)")
                }
                if bytes, value.isObject, let b = value.object as? PyBytes, b.bytes.count == 1 {
                    piece = try format(str(String(Character(Unicode.Scalar(b.bytes[0])))), spec: align + width)
                } else if let i = smallInt(value), let u = Unicode.Scalar(UInt32(max(0, i))) {
                    piece = try format(str(String(Character(u))), spec: align + width)
                } else {
                    if value.isObject, let s = value.object as? PyStr, s.count != 1 {
                        throw typeError("%c requires int or char")
                    }
                    piece = try format(value, spec: align + width)
                }
            case "d", "i", "u":
                if value.isSmallInt, width.utf8.count <= 4, (precision?.utf8.count ?? 0) <= 4 {
                    // '%02d' of a small int: no BigInt, no format spec (the same text:
                    // the 0 flag pads after the sign, '-' pads on the right). Widths
                    // that could exhaust the heap take the checked path below.
                    let i = value.asSmallInt, w = Int(width) ?? 0, p = Int(precision ?? "0") ?? 0
                    try reserve(max(w, p))
                    piece = percentInteger(negative: i < 0, digits: String(i.magnitude), "d", flags: flags,
                                           width: w, precision: p)
                    break
                }
                var number = bigInt(value) ?? floatValue(value).map({ BigInt($0.rounded(.towardZero)) })
                // An object with __int__ formats as that int (py/objstr.c uses mp_obj_get_int).
                if number == nil, value.isObject, !value.object.type.isBuiltin,
                   !value.object.type.lookup(names.__int__).isNull || !value.object.type.lookup(names.__index__).isNull {
                    number = bigInt(try toInt(value))
                }
                guard let n = number else {
                    throw typeError("%\(conv) format: a number is required, not \(typeName(value))")
                }
                if let precision {
                    piece = percentInteger(n, "d", flags: flags, width: Int(width) ?? 0, precision: Int(precision) ?? 0)
                } else {
                    piece = try format(newInt(n), spec: specText.filter { $0 != "#" } + "d")
                }
            case "x", "X", "o":
                guard let n = bigInt(value) else { throw typeError("%\(conv) format: an integer is required, not \(typeName(value))") }
                if let precision {
                    piece = percentInteger(n, conv, flags: flags, width: Int(width) ?? 0, precision: Int(precision) ?? 0)
                } else {
                    piece = try format(newInt(n), spec: specText + String(Character(conv)))
                }
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                if let f = floatValue(value) {
                    d = f
                } else if value.isObject, !value.object.type.lookup(names.__float__).isNull {
                    d = try toFloat(value)
                } else {
                    throw typeError("must be real number, not \(typeName(value))")
                }
                piece = try format(Value(float: d), spec: specText + String(Character(conv)))
            default:
                throw valueError("unsupported format character '\(conv)'")
            }
            out += piece
        }
        if mapping == nil && next < values.count {
            throw typeError("not all arguments converted during string formatting")
        }
        return out
    }

    // Plain comparisons: Unicode properties and String.contains showed in perf
    // on every conversion.
    private func isPercentFlag(_ u: Unicode.Scalar) -> Bool {
        u == "-" || u == "+" || u == " " || u == "#" || u == "0"
    }

    private func isASCIIDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// An integer conversion with a precision: at least that many digits
    /// (`'%.4d' % -12` is `-0012`); the 0 flag still zero-fills to the width.
    func percentInteger(_ n: BigInt, _ conv: Unicode.Scalar, flags: [Unicode.Scalar], width: Int, precision: Int) -> String {
        let radix = conv == "d" ? 10 : (conv == "o" ? 8 : 16)
        var digits = String(n.magnitude, radix: radix)
        if conv == "X" { digits = digits.uppercased() }
        return percentInteger(negative: n < 0, digits: digits, conv, flags: flags, width: width, precision: precision)
    }

    /// The same for digits already written (a small int's, without a BigInt).
    func percentInteger(negative: Bool, digits: String, _ conv: Unicode.Scalar, flags: [Unicode.Scalar],
                        width: Int, precision: Int) -> String {
        var digits = digits
        if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        var prefix = ""
        if flags.contains("#") && conv != "d" { prefix = conv == "o" ? "0o" : (conv == "x" ? "0x" : "0X") }
        let sign = negative ? "-" : (flags.contains("+") ? "+" : (flags.contains(" ") ? " " : ""))
        let body = sign + prefix + digits
        guard body.count < width else { return body }
        if flags.contains("0") && !flags.contains("-") {
            return sign + prefix + String(repeating: "0", count: width - body.count) + digits
        }
        let padding = String(repeating: " ", count: width - body.count)
        return flags.contains("-") ? body + padding : padding + body
    }
}
