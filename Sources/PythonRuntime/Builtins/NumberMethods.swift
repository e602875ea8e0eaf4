import BigInt
import Foundation

/// `int`, `bool` and `float`: constructors and methods.
extension Runtime {
    func installNumberMethods() {
        constructor(types.int) { rt, args throws(PyError) in
            try args.expect(rt, "int", 0, 2, keywords: true)
            if args.count == 0 { return Value(small: 0) }
            let baseV = args.argument(1, "base")
            let v = args[0]
            if !baseV.isNull {
                let base = try rt.intArg(baseV)
                let text: String
                if v.isObject, let s = v.object as? PyStr { text = s.value }
                else if v.isObject, let b = v.object as? PyBytes { text = String(decoding: b.bytes, as: UTF8.self) }
                else { throw rt.typeError("int() can't convert non-string with explicit base") }
                return try rt.parseInt(text, base: base)
            }
            return try rt.toInt(v)
        }
        constructor(types.bool) { rt, args throws(PyError) in
            try args.expect(rt, "bool", 0, 1)
            return args.count == 0 ? .false : Value(bool: try rt.isTruthy(args[0]))
        }
        constructor(types.float) { rt, args throws(PyError) in
            try args.expect(rt, "float", 0, 1)
            if args.count == 0 { return Value(float: 0) }
            return Value(float: try rt.toFloat(args[0]))
        }
    }

    /// `int(v)`.
    func toInt(_ v: Value) throws(PyError) -> Value {
        if v.isSmallInt { return v }
        if v.isBool { return Value(small: v.bits == Value.true.bits ? 1 : 0) }
        if v.isFloat {
            let d = v.asFloat
            if d.isNaN { throw valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
            return newInt(BigInt(d.rounded(.towardZero)))
        }
        if v.isObject {
            let o = v.object
            if let b = o as? PyBigInt { return newInt(b.value) }
            if let f = o as? PyBoxedFloat { return try toInt(Value(float: f.value)) }
            if let s = o as? PyStr { return try parseInt(s.value, base: 10) }
            if let b = o as? PyBytes { return try parseInt(String(decoding: b.bytes, as: UTF8.self), base: 10) }
            for name in [names.__int__, names.__index__] {
                let m = o.type.lookup(name)
                if !m.isNull { return try call(m, [v]) }
            }
        }
        throw typeError("can't convert \(typeName(v)) to int")
    }

    /// Parses an int literal as int(text, base) does (base 0 reads a prefix).
    func parseInt(_ text: String, base: Int) throws(PyError) -> Value {
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let original = text
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        var b = base
        let lower = s.lowercased()
        if b == 0 {
            if lower.hasPrefix("0x") { b = 16; s = s.dropFirst(2) }
            else if lower.hasPrefix("0o") { b = 8; s = s.dropFirst(2) }
            else if lower.hasPrefix("0b") { b = 2; s = s.dropFirst(2) }
            else { b = 10 }
        } else if (b == 16 && lower.hasPrefix("0x")) || (b == 8 && lower.hasPrefix("0o")) || (b == 2 && lower.hasPrefix("0b")) {
            s = s.dropFirst(2)
        }
        guard b >= 2 && b <= 36 else { throw valueError("int() arg 2 must be >= 2 and <= 36") }
        if s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") || s.isEmpty {
            throw valueError("invalid syntax for integer with base \(base): \(strRepr(original))")
        }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard let value = BigInt(digits, radix: b) else {
            throw valueError("invalid syntax for integer with base \(base): \(strRepr(original))")
        }
        return newInt(negative ? -value : value)
    }

    /// `float(v)`.
    func toFloat(_ v: Value) throws(PyError) -> Double {
        if let d = floatValue(v) { return d }
        if v.isObject {
            let o = v.object
            if let f = o as? PyBoxedFloat { return f.value }
            if let s = o as? PyStr { return try parseFloat(s.value) }
            let m = o.type.lookup(names.__float__)
            if !m.isNull {
                let r = try call(m, [v])
                if let d = floatValue(r) { return d }
            }
            let idx = o.type.lookup(names.__index__)
            if !idx.isNull, let d = floatValue(try call(idx, [v])) { return d }
        }
        throw typeError("can't convert \(typeName(v)) to float")
    }

    func parseFloat(_ text: String) throws(PyError) -> Double {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "")
        switch s {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        let allowed = Set("0123456789.eE+-")
        if !s.isEmpty, s.allSatisfy({ allowed.contains($0) }), let d = Double(s) { return d }
        throw valueError("could not convert string to float: \(strRepr(text))")
    }
}
