import BigInt
import Foundation

/// `repr()`, `str()`, `format()` and `%`-formatting.
extension Runtime {
    func repr(_ v: Value) throws(PyError) -> String {
        if v.isSmallInt { return String(v.asSmallInt) }
        if v.isFloat { return floatRepr(v.asFloat) }
        switch v.bits {
        case Value.none.bits: return "None"
        case Value.true.bits: return "True"
        case Value.false.bits: return "False"
        case Value.ellipsis.bits: return "Ellipsis"
        case Value.notImplemented.bits: return "NotImplemented"
        default: break
        }
        let o = v.object
        if !o.type.isBuiltin {
            let m = o.type.lookup(names.__repr__)
            if m.isObject, m.object is PyFunction || !m.object.type.isBuiltin {
                let r = try call(m, [v])
                guard r.isObject, let s = r.object as? PyStr else { throw typeError("__repr__ returned non-string") }
                return s.value
            }
        }
        return try builtinRepr(v)
    }

    func builtinRepr(_ v: Value) throws(PyError) -> String {
        let o = v.object
        switch o {
        case let s as PyStr: return strRepr(s.value)
        case let i as PyBigInt: return String(i.value)
        case let f as PyBoxedFloat: return floatRepr(f.value)
        case let c as PyComplex: return complexRepr(c.real, c.imag)
        case let m as PyMemoryView: return "<memory at 0x\(address(m))>"
        case let l as PyList:
            return try guardedRepr(o, "[...]") { () throws(PyError) -> String in
                var parts: [String] = []
                for x in l.items { parts.append(try repr(x)) }
                return "[" + parts.joined(separator: ", ") + "]"
            }
        case let t as PyTuple:
            return try guardedRepr(o, "(...)") { () throws(PyError) -> String in
                var parts: [String] = []
                for x in t.items { parts.append(try repr(x)) }
                return t.items.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
            }
        case let d as PyDict:
            return try guardedRepr(o, "{...}") { () throws(PyError) -> String in
                var parts: [String] = []
                for (k, x) in d.items { parts.append(try repr(k) + ": " + repr(x)) }
                return "{" + parts.joined(separator: ", ") + "}"
            }
        case let s as PySet:
            let keys = s.storage.liveKeys
            let isFrozen = o.type.isSubtype(of: types.frozenset)
            if keys.isEmpty { return isFrozen ? "frozenset()" : "set()" }
            var parts: [String] = []
            for k in keys { parts.append(try repr(k)) }
            let body = "{" + parts.joined(separator: ", ") + "}"
            return isFrozen ? "frozenset(\(body))" : body
        case let b as PyBytes:
            let r = bytesRepr(b.bytes)
            return b.isMutable ? "bytearray(\(r))" : r
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let t as PyType:
            if t.isBuiltin { return "<class '\(t.name)'>" }
            let module = t.dict.getStr(names.__module__)
            if module.isObject, let m = module.object as? PyStr, m.value != "builtins" {
                return "<class '\(m.value).\(t.qualifiedName)'>"
            }
            return "<class '\(t.qualifiedName)'>"
        case let f as PyFunction:
            return "<function \(try toStr(f.qualifiedName)) at 0x\(address(o))>"
        case let n as PyNativeFunction:
            return "<built-in function \(n.name)>"
        case let m as PyBoundMethod:
            let name = (try? toStr(try getAttribute(m.function, names.__qualname__))) ?? "?"
            return "<bound method \(name) of \(try repr(m.receiver))>"
        case let m as PyModule:
            return "<module '\(m.name)'>"
        case let e as PyBaseException:
            let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
            let name = o.type.name
            if args.count == 1 { return "\(name)(\(try repr(args[0])))" }
            var parts: [String] = []
            for a in args { parts.append(try repr(a)) }
            return "\(name)(" + parts.joined(separator: ", ") + ")"
        case let g as PyGenerator:
            return "<\(g.isCoroutine ? "coroutine" : "generator") object '\(try toStr(g.name))' at 0x\(address(o))>"
        case is PyCell:
            return "<cell at 0x\(address(o))>"
        case let view as PyDictView:
            var parts: [String] = []
            let items = view.dict.items
            if view.type === types.dictKeys { for (k, _) in items { parts.append(try repr(k)) } }
            else if view.type === types.dictValues { for (_, x) in items { parts.append(try repr(x)) } }
            else { for (k, x) in items { parts.append("(\(try repr(k)), \(try repr(x)))") } }
            return "\(view.type.name)([" + parts.joined(separator: ", ") + "])"
        default:
            if let n = o as? PyBigInt { return String(n.value) }
            let module = o.type.dict.getStr(names.__module__)
            var qual = o.type.qualifiedName
            if module.isObject, let m = module.object as? PyStr, m.value != "builtins" { qual = "\(m.value).\(qual)" }
            return "<\(qual) object at 0x\(address(o))>"
        }
    }

    func address(_ o: PyObject) -> String {
        String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16)
    }

    /// Guards against infinite recursion when a container contains itself.
    func guardedRepr(_ o: PyObject, _ placeholder: String, _ body: () throws(PyError) -> String) throws(PyError) -> String {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return placeholder }
        if reprInProgress.count > 200 { throw error(types.RecursionError, "maximum recursion depth exceeded") }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }

    func toStr(_ v: Value) throws(PyError) -> String {
        if v.isObject {
            let o = v.object
            if let s = o as? PyStr, o.type === types.str { return s.value }
            if !o.type.isBuiltin {
                let m = o.type.lookup(names.__str__)
                if m.isObject, m.object is PyFunction || !m.object.type.isBuiltin {
                    let r = try call(m, [v])
                    guard r.isObject, let s = r.object as? PyStr else { throw typeError("__str__ returned non-string") }
                    return s.value
                }
                if let s = o as? PyStr { return s.value }
            }
            if let e = o as? PyBaseException {
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                if args.isEmpty { return "" }
                if args.count == 1, e.type.isSubtype(of: types.OSError), let n = smallInt(args[0]) {
                    return osErrorMessage(n)
                }
                if args.count == 1 {
                    // A KeyError shows its key as repr, so KeyError('') is not blank.
                    return e.type.isSubtype(of: types.KeyError) ? try repr(args[0]) : try toStr(args[0])
                }
                return try repr(e.args)
            }
        }
        return try repr(v)
    }

    func strRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += String(format: "\\x%02x", u.value)
                } else if u.value >= 0x80 && !isUnicodePrintable(u) {
                    if u.value < 0x100 { out += String(format: "\\x%02x", u.value) }
                    else if u.value < 0x10000 { out += String(format: "\\u%04x", u.value) }
                    else { out += String(format: "\\U%08x", u.value) }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append(quote)
        return out
    }

    func asciiEscaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 0x80 { out.unicodeScalars.append(u) }
            else if u.value < 0x100 { out += String(format: "\\x%02x", u.value) }
            else if u.value < 0x10000 { out += String(format: "\\u%04x", u.value) }
            else { out += String(format: "\\U%08x", u.value) }
        }
        return out
    }

    func bytesRepr(_ b: [UInt8]) -> String {
        let useDouble = b.contains(0x27) && !b.contains(0x22)
        var out = useDouble ? "b\"" : "b'"
        for x in b {
            switch x {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x27 where !useDouble: out += "\\'"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(x))
            default: out += String(format: "\\x%02x", x)
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
        if v.isFloat || (v.isObject && v.object is PyBoxedFloat) {
            return try formatFloat(floatValue(v) ?? (v.object as! PyBoxedFloat).value, f)
        }
        if let i = bigInt(v), !(v.isBool && f.type == nil) {
            if let t = f.type, "eEfFgG%".contains(t) { return try formatFloat(Double(i), f) }
            return try formatInt(i, f)
        }
        if v.isObject, let s = v.object as? PyStr {
            if let t = f.type, t != "s" { throw valueError("unknown format code '\(t)' for object of type 'str'") }
            var text = s.value
            if let p = f.precision { text = String(text.unicodeScalars.prefix(p)) }
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
            guard let u = Unicode.Scalar(UInt32(mag)) else { throw overflowError("%c arg not in range(0x110000)") }
            return f.pad(String(Character(u)), defaultAlign: "<")
        default:
            throw valueError("unknown format code '\(f.type!)' for object of type 'int'")
        }
        if let sep = f.grouping {
            let width = (f.type == nil || f.type == "d" || f.type == "n") ? 3 : 4
            digits = group(digits, sep, every: width)
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
        return f.padNumber(sign: sign + prefix, digits: digits)
    }

    func formatFloat(_ d: Double, _ f: FormatSpec) throws(PyError) -> String {
        var body: String
        let mag = abs(d)
        let type = f.type
        let negative = d.sign == .minus && !(d == 0 && type == nil && false)
        if mag.isNaN || mag.isInfinite {
            body = mag.isNaN ? "nan" : "inf"
            if let t = type, t.isUppercase { body = body.uppercased() }
        } else {
            switch type {
            case "f", "F":
                body = String(format: "%.\(f.precision ?? 6)f", mag)
            case "e", "E":
                body = String(format: "%.\(f.precision ?? 6)e", mag)
                if type == "E" { body = body.uppercased() }
            case "%":
                body = String(format: "%.\(f.precision ?? 6)f", mag * 100) + "%"
            case "g", "G":
                body = generalFormat(mag, precision: f.precision ?? 6, alternate: f.alternate)
                if type == "G" { body = body.uppercased() }
            case nil:
                if let p = f.precision {
                    body = generalFormat(mag, precision: p, alternate: f.alternate)
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
    func generalFormat(_ d: Double, precision: Int, alternate: Bool) -> String {
        let p = max(precision, 1)
        if d == 0 { return alternate ? "0." + String(repeating: "0", count: p - 1) : "0" }
        let exp = Int(floor(log10(d)))
        var s = String(format: "%.\(p - 1)e", d)
        // Rounding may carry into a new digit (9.99 -> 1.00e+01).
        let e = Int(s[s.index(after: s.firstIndex(of: "e")!)...])!
        let useExp = e < -4 || e >= p
        _ = exp
        if !useExp {
            s = String(format: "%.\(max(p - 1 - e, 0))f", d)
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

    func group(_ digits: String, _ sep: Character, every n: Int) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % n == 0 { out.append(sep) }
            out.append(c)
        }
        return String(out.reversed())
    }

    // MARK: % formatting

    func percentFormat(_ template: String, _ args: Value) throws(PyError) -> String {
        var values: [Value]
        var mapping: PyDict? = nil
        if args.isObject, let t = args.object as? PyTuple, t.type === types.tuple {
            values = Array(t.items)
        } else {
            values = [args]
            if args.isObject, let d = args.object as? PyDict { mapping = d }
        }
        var out = ""
        var next = 0
        let chars = Array(template.unicodeScalars)
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
            }
            var flags = ""
            while i < chars.count, "-+ #0".unicodeScalars.contains(chars[i]) { flags.unicodeScalars.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count && chars[i] == "*" {
                width = String(try smallInt(take()) ?? 0)
                i += 1
            }
            while i < chars.count, chars[i].properties.numericType != nil, chars[i].isASCII { width.unicodeScalars.append(chars[i]); i += 1 }
            var precision: String? = nil
            if i < chars.count && chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count && chars[i] == "*" {
                    p = String(try smallInt(take()) ?? 0)
                    i += 1
                }
                while i < chars.count, chars[i].properties.numericType != nil, chars[i].isASCII { p.unicodeScalars.append(chars[i]); i += 1 }
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
                case "s": out += try toStr(value); continue
                case "r": out += try repr(value); continue
                case "d", "i", "u":
                    if value.isSmallInt { out += String(value.asSmallInt); continue }
                default: break
                }
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
            case "s": piece = try format(str(try toStr(value)), spec: fill + align + width + (precision.map { "." + $0 } ?? ""))
            case "r": piece = try format(str(try repr(value)), spec: fill + align + width + (precision.map { "." + $0 } ?? ""))
            case "a": piece = try format(str(asciiEscaped(try repr(value))), spec: fill + align + width)
            case "c":
                if let i = smallInt(value), let u = Unicode.Scalar(UInt32(max(0, i))) {
                    piece = try format(str(String(Character(u))), spec: align + width)
                } else {
                    piece = try format(value, spec: align + width)
                }
            case "d", "i", "u":
                guard let n = bigInt(value) ?? floatValue(value).map({ BigInt($0.rounded(.towardZero)) }) else {
                    throw typeError("%\(conv) format: a number is required, not \(typeName(value))")
                }
                piece = try format(newInt(n), spec: specText.replacingOccurrences(of: "#", with: "") + "d")
            case "x", "X", "o":
                guard let n = bigInt(value) else { throw typeError("%\(conv) format: an integer is required, not \(typeName(value))") }
                piece = try format(newInt(n), spec: specText + String(conv))
            case "e", "E", "f", "F", "g", "G":
                guard let d = floatValue(value) else { throw typeError("must be real number, not \(typeName(value))") }
                piece = try format(Value(float: d), spec: specText + String(conv))
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
}

/// A parsed format specification: `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character?
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String, _ rt: Runtime) throws(PyError) {
        let c = Array(spec)
        var i = 0
        if c.count >= 2 && "<>=^".contains(c[1]) {
            fill = c[0]; align = c[1]; i = 2
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
        if zeroPad && align == nil {
            fill = "0"
            align = "="
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
