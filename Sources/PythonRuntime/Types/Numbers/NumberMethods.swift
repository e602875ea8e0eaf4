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
        // __new__ for int and float, so subclasses (class I(int)) get their value.
        for t in [types.int, types.float] {
            let newFn = native("__new__", owner: t) { rt, args throws(PyError) in
                guard args.count >= 1, args[0].isObject, let cls = args[0].object as? PyType, cls.isSubtype(of: t) else {
                    throw rt.typeError("\(t.name).__new__(X): X is not a subtype of \(t.name)")
                }
                let kw: PyTuple? = args.keywordNames.isEmpty ? nil : rt.newTuple(ContiguousArray(args.keywordNames.map { Value($0) }))
                var all = Array(args.positional[1...]) + Array(args.keywordValues)
                return try all.withUnsafeMutableBufferPointer { (b) throws(PyError) -> Value in
                    let buffer = UnsafeBufferPointer(b)
                    if cls.isBuiltin, let make = cls.constructor {
                        return try rt.invokeNative(make, args: buffer, kwNames: kw)
                    }
                    return try rt.allocateInstance(cls, args: buffer, kwNames: kw)
                }
            }
            let w = PyMethodWrapper(type: types.staticmethod, function: Value(newFn))
            heap.makePermanent(w)
            t.dict.setStr(names.__new__, Value(w))
        }
        installIntMethods()
        installFloatMethods()
        installBoolMethods()
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
            if o is PyMemoryView { return try parseInt(String(decoding: try bytesLike(v), as: UTF8.self), base: 10) }
            for name in [names.__int__, names.__index__] {
                let m = o.type.lookup(name)
                if !m.isNull {
                    let r = try call(m, [v])
                    if !isIntLike(r) { throw typeError("\(name.value) returned non-int (type \(typeName(r)))") }
                    return r
                }
            }
        }
        throw typeError("can't convert \(typeName(v)) to int")
    }

    /// Parses an int literal as int(text, base) does (base 0 reads a prefix).
    func parseInt(_ text: String, base: Int) throws(PyError) -> Value {
        if base == 10 || base == 0, let n = Runtime.plainDecimal(text, leadingZeros: base == 10) { return int(n) }
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
        guard b >= 2 && b <= 36 else { throw valueError("int() base must be >= 2 and <= 36, or 0") }
        if s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") || s.isEmpty {
            throw valueError("invalid literal for int() with base \(base): \(strRepr(original))")
        }
        let bad = valueError("invalid literal for int() with base \(base): \(strRepr(original))")
        var digits: [UInt8] = []
        for ch in s.unicodeScalars {
            if ch == "_" { continue }
            let d: Int
            if let v = ch.properties.numericType == .decimal ? ch.properties.numericValue : nil { d = Int(v) }
            else if ch.value >= 97 && ch.value <= 122 { d = Int(ch.value) - 87 }
            else if ch.value >= 65 && ch.value <= 90 { d = Int(ch.value) - 55 }
            else { throw bad }
            if d >= b { throw bad }
            digits.append(UInt8(d))
        }
        // Base 0 rejects leading zeros in a decimal literal ("010").
        if base == 0 && b == 10 && digits.count > 1 && digits[0] == 0 && digits.contains(where: { $0 != 0 }) { throw bad }
        // A million digits take a while even so: Ctrl-C stops it.
        let magnitude = try BigIntConversion.value(digits: digits[...], base: b) { () throws(PyError) in
            if interruptLine.take() { throw PyError(newException(types.KeyboardInterrupt, args: [])) }
        }
        let value = BigInt(sign: negative ? .minus : .plus, magnitude: magnitude)
        return newInt(value)
    }

    /// `float(v)`.
    func toFloat(_ v: Value) throws(PyError) -> Double {
        if let d = floatValue(v) {
            if d.isInfinite && !isFloatLike(v) { throw overflowError("int too large to convert to float") }
            return d
        }
        if v.isObject {
            let o = v.object
            if let f = o as? PyBoxedFloat { return f.value }
            if let s = o as? PyStr { return try parseFloat(s.value) }
            // MicroPython parses a bytes-like argument as text too.
            if o is PyBytes || o is PyMemoryView { return try parseFloat(String(decoding: try bytesLike(v), as: UTF8.self)) }
            let m = o.type.lookup(names.__float__)
            if !m.isNull {
                let r = try call(m, [v])
                // __float__ must give a float (an int is refused too, as CPython and MicroPython do).
                guard isFloatLike(r), let d = floatValue(r) else {
                    throw typeError("__float__ returned non-float (type \(typeName(r)))")
                }
                return d
            }
            let idx = o.type.lookup(names.__index__)
            if !idx.isNull, let d = floatValue(try call(idx, [v])) { return d }
        }
        throw typeError("can't convert \(typeName(v)) to float")
    }

    /// The common case of int(): ASCII digits with an optional sign and spaces
    /// around, short enough for a machine int (no leading zero, which base 0
    /// refuses) — read without Foundation's Unicode-aware trimming.
    /// Base 10 allows leading zeros ("0012"), base 0 does not (only "0" itself).
    static func plainDecimal(_ text: String, leadingZeros: Bool) -> Int? {
        var utf8 = text.utf8[...]
        while let c = utf8.first, c == 0x20 || (c >= 0x09 && c <= 0x0D) { utf8 = utf8.dropFirst() }
        while let c = utf8.last, c == 0x20 || (c >= 0x09 && c <= 0x0D) { utf8 = utf8.dropLast() }
        var negative = false
        if let c = utf8.first, c == 0x2D || c == 0x2B { negative = c == 0x2D; utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.count <= 18, leadingZeros || utf8.first != 0x30 || utf8.count == 1 else { return nil }
        var n = 0
        for c in utf8 {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return negative ? -n : n
    }

    /// A decimal of at most 15 significant digits whose exponent, with the
    /// point moved, is within ±22 ("23.45", "-0.5", "1e5"): its digits and the
    /// power of ten are exact doubles, so one multiplication or division gives
    /// the correctly rounded value (Clinger's fast path), without strtod.
    /// nil for anything else (underscores, more digits, inf, errors).
    private func shortDecimal(_ text: Substring.UTF8View) -> Double? {
        var i = text.startIndex
        var negative = false
        if i < text.endIndex, text[i] == 0x2B || text[i] == 0x2D {
            negative = text[i] == 0x2D
            i = text.index(after: i)
        }
        var mantissa: UInt64 = 0
        var digits = 0, significant = 0, exponent = 0
        var seenPoint = false
        while i < text.endIndex {
            let c = text[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
                if mantissa != 0 || c != 0x30 { significant += 1 }
                if significant > 15 { return nil }
                mantissa = mantissa * 10 + UInt64(c - 0x30)
                if seenPoint { exponent -= 1 }
            } else if c == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i = text.index(after: i)
        }
        guard digits > 0 else { return nil }
        if i < text.endIndex {
            guard text[i] | 0x20 == 0x65 else { return nil }
            i = text.index(after: i)
            var negativeExponent = false
            if i < text.endIndex, text[i] == 0x2B || text[i] == 0x2D {
                negativeExponent = text[i] == 0x2D
                i = text.index(after: i)
            }
            var e = 0, exponentDigits = 0
            while i < text.endIndex, text[i] >= 0x30, text[i] <= 0x39 {
                e = e * 10 + Int(text[i] - 0x30)
                exponentDigits += 1
                if e > 1000 { return nil }
                i = text.index(after: i)
            }
            guard exponentDigits > 0, i == text.endIndex else { return nil }
            exponent += negativeExponent ? -e : e
        }
        guard exponent >= -22, exponent <= 22 else { return nil }
        var value = Double(mantissa)
        if exponent < 0 { value /= exactPowersOfTen[-exponent] } else if exponent > 0 { value *= exactPowersOfTen[exponent] }
        return negative ? -value : value
    }

    func parseFloat(_ text: String) throws(PyError) -> Double {
        // The common case, ASCII digits, sign, point and exponent, without Foundation.
        var utf8 = text.utf8[...]
        while let c = utf8.first, c == 0x20 || (c >= 0x09 && c <= 0x0D) { utf8 = utf8.dropFirst() }
        while let c = utf8.last, c == 0x20 || (c >= 0x09 && c <= 0x0D) { utf8 = utf8.dropLast() }
        if let d = shortDecimal(utf8) { return d }
        if !utf8.isEmpty, utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 | 0x20 == 0x65 }),
           let d = Double(Substring(utf8)) { return d }
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

// MARK: int, float and bool methods

extension Runtime {
    static let arithmeticDunders: [(String, String, BinaryOperator)] = [
        ("__add__", "__radd__", .add), ("__sub__", "__rsub__", .sub), ("__mul__", "__rmul__", .mul),
        ("__truediv__", "__rtruediv__", .truediv), ("__floordiv__", "__rfloordiv__", .floordiv),
        ("__mod__", "__rmod__", .mod), ("__pow__", "__rpow__", .pow),
        ("__lshift__", "__rlshift__", .lshift), ("__rshift__", "__rrshift__", .rshift),
        ("__and__", "__rand__", .bitand), ("__or__", "__ror__", .bitor), ("__xor__", "__rxor__", .bitxor),
    ]
    static let comparisonDunders: [(String, ComparisonKind)] = [
        ("__eq__", .eq), ("__ne__", .ne), ("__lt__", .lt), ("__le__", .le), ("__gt__", .gt), ("__ge__", .ge),
    ]

    /// The int value of `self` in an int method.
    func intSelf(_ args: CallArguments, _ name: String) throws(PyError) -> BigInt {
        guard args.count > 0, let x = bigInt(args[0]) else {
            throw typeError("descriptor '\(name)' requires a 'int' object but received '\(args.count > 0 ? typeName(args[0]) : "nothing")'")
        }
        return x
    }

    /// The float value of `self` in a float method.
    func floatSelf(_ args: CallArguments, _ name: String) throws(PyError) -> Double {
        guard args.count > 0, isFloatLike(args[0]), let x = floatValue(args[0]) else {
            throw typeError("descriptor '\(name)' requires a 'float' object but received '\(args.count > 0 ? typeName(args[0]) : "nothing")'")
        }
        return x
    }

    /// A double that must become an int (floor, ceil, trunc, round).
    func integralToInt(_ d: Double) throws(PyError) -> Value {
        if d.isNaN { throw valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
        if let i = Int(exactly: d) { return int(i) }
        return newInt(BigInt(d))
    }

    /// `pow(x, y, m)` for ints.
    func modularPow(_ x: BigInt, _ y: BigInt, _ m: BigInt) throws(PyError) -> Value {
        if m == 0 { throw valueError("pow() 3rd argument cannot be 0") }
        // Everything is 0 modulo ±1 (and BigInt's inverse needs a modulus above 1).
        if m.magnitude == 1 { return Value(small: 0) }
        var base = x
        var e = y
        if e < 0 {
            guard let inv = x.inverse(m.magnitude == 0 ? 1 : BigInt(m.magnitude)) else {
                throw valueError("base is not invertible for the given modulus")
            }
            base = inv
            e = -e
        }
        var r = base.power(e, modulus: BigInt(m.magnitude))
        // Python: the result has the sign of the modulus.
        let am = BigInt(m.magnitude)
        r = ((r % am) + am) % am
        if m < 0 && r != 0 { r += m }
        return newInt(r)
    }

    /// round(int, n).
    func roundInt(_ i: BigInt, _ n: Int) -> BigInt {
        if n >= 0 { return i }
        // |i| < 10**digits: rounding to a coarser power of ten gives 0 (and
        // spares computing 10**-n, or negating Int.min).
        let digits = Int(Double(i.magnitude.bitWidth) * 0.30103) + 2
        if n < -digits { return 0 }
        let p = BigInt(10).power(-n)
        var q = floorDiv(i, p)
        let r = i - q * p
        if r * 2 > p || (r * 2 == p && q % 2 != 0) { q += 1 }
        return q * p
    }

    /// round(float, n), correctly rounded as CPython does: the exact binary
    /// value is rounded half-to-even to n decimal places, then read back.
    func roundFloat(_ d: Double, _ n: Int) throws(PyError) -> Double {
        if !d.isFinite || d == 0 { return d }
        if n > 323 { return d }
        if n < -308 { return 0.0 * d }
        // d = m * 2**e exactly.
        let m = BigInt(d.significandBitPattern | (d.exponentBitPattern == 0 ? 0 : 1 << 52))
        let e = d.exponentBitPattern == 0 ? -1074 : Int(d.exponentBitPattern) - 1075
        // d * 10**n as num / den.
        var num = m
        var den = BigInt(1)
        if e >= 0 { num <<= e } else { den <<= -e }
        if n >= 0 { num *= BigInt(10).power(n) } else { den *= BigInt(10).power(-n) }
        var (q, r) = num.quotientAndRemainder(dividingBy: den)
        if r * 2 > den || (r * 2 == den && q % 2 != 0) { q += 1 }
        let text = n >= 0 ? "\(q)e-\(n)" : "\(q)e\(-n)"
        guard let out = Double(text) else { return d }
        if out.isInfinite { throw overflowError("rounded value too large to represent") }
        return d < 0 ? -out : out
    }

    /// int.to_bytes bytes, little-endian order, of `x` in `length` bytes.
    func intToBytes(_ x: BigInt, _ length: Int, signed: Bool) throws(PyError) -> [UInt8] {
        if length < 0 { throw valueError("length argument must be non-negative") }
        if x < 0 && !signed { throw overflowError("can't convert negative int to unsigned") }
        try reserve(length)  // a length the heap cannot hold is a MemoryError (and 8 * length cannot overflow)
        let bits = 8 * length
        let fits: Bool
        if signed {
            let limit = BigInt(1) << max(bits - 1, 0)
            fits = bits == 0 ? x == 0 : (x >= -limit && x < limit)
        } else {
            fits = x.magnitude.bitWidth <= bits
        }
        if !fits { throw overflowError("int too big to convert") }
        let u = x < 0 ? (BigInt(1) << bits) + x : x
        var out: [UInt8] = []
        out.reserveCapacity(length)
        for w in u.magnitude.words {
            var w = w
            for _ in 0..<8 { out.append(UInt8(w & 0xFF)); w >>= 8 }
        }
        if out.count > length { out.removeLast(out.count - length) }
        while out.count < length { out.append(0) }
        return out
    }

    func byteOrderArg(_ v: Value) throws(PyError) -> Bool {
        if v.isNull { return false }
        guard v.isObject, let s = v.object as? PyStr else {
            throw typeError("to_bytes() argument 'byteorder' must be str, not \(typeName(v))")
        }
        if s.value == "big" { return false }
        if s.value == "little" { return true }
        throw valueError("byteorder must be either 'little' or 'big'")
    }

    func installIntMethods() {
        let t = types.int
        // int subclasses take their value from the constructor; __init__ ignores it.
        method(t, "__init__") { _, _ throws(PyError) in .none }
        for (name, rname, op) in Runtime.arithmeticDunders {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, op == .pow ? 3 : 2)
                let x = try rt.intSelf(args, name)
                guard let y = rt.bigInt(args[1]) else { return .notImplemented }
                if op == .pow && args.count == 3 && !args[2].isNone {
                    guard let m = rt.bigInt(args[2]) else { return .notImplemented }
                    return try rt.modularPow(x, y, m)
                }
                return try rt.intBinary(x, y, op)
            }
            method(t, rname) { rt, args throws(PyError) in
                try args.expect(rt, rname, 2, op == .pow ? 3 : 2)
                let x = try rt.intSelf(args, rname)
                guard let y = rt.bigInt(args[1]) else { return .notImplemented }
                if op == .pow && args.count == 3 && !args[2].isNone {
                    guard let m = rt.bigInt(args[2]) else { return .notImplemented }
                    return try rt.modularPow(y, x, m)
                }
                return try rt.intBinary(y, x, op)
            }
        }
        for name in ["numerator", "denominator"] {
            readOnlyProperty(t, name) { rt, args throws(PyError) in
                let x = try rt.intSelf(args, name)
                return name == "numerator" ? rt.newInt(x) : Value(small: 1)
            }
        }
        method(t, "__divmod__") { rt, args throws(PyError) in
            try args.expect(rt, "__divmod__", 2, 2)
            let x = try rt.intSelf(args, "__divmod__")
            guard let y = rt.bigInt(args[1]) else { return .notImplemented }
            return rt.tuple([try rt.intBinary(x, y, .floordiv), try rt.intBinary(x, y, .mod)])
        }
        method(t, "__rdivmod__") { rt, args throws(PyError) in
            try args.expect(rt, "__rdivmod__", 2, 2)
            let x = try rt.intSelf(args, "__rdivmod__")
            guard let y = rt.bigInt(args[1]) else { return .notImplemented }
            return rt.tuple([try rt.intBinary(y, x, .floordiv), try rt.intBinary(y, x, .mod)])
        }
        for (name, op) in Runtime.comparisonDunders {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                let x = try rt.intSelf(args, name)
                guard let y = rt.bigInt(args[1]) else { return .notImplemented }
                return Value(bool: rt.applyOrder(x < y ? -1 : (x == y ? 0 : 1), op))
            }
        }
        method(t, "__hash__") { rt, args throws(PyError) in
            try args.expect(rt, "__hash__", 1, 1)
            return rt.int(rt.numberHash(rt.newInt(try rt.intSelf(args, "__hash__"))) ?? 0)
        }
        for name in ["__index__", "__int__", "__pos__", "__trunc__", "__floor__", "__ceil__", "conjugate"] {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                return rt.newInt(try rt.intSelf(args, name))
            }
        }
        method(t, "__float__") { rt, args throws(PyError) in
            try args.expect(rt, "__float__", 1, 1)
            let d = rt.bigToDouble(try rt.intSelf(args, "__float__"))
            if d.isInfinite { throw rt.overflowError("int too large to convert to float") }
            return Value(float: d)
        }
        method(t, "__bool__") { rt, args throws(PyError) in
            try args.expect(rt, "__bool__", 1, 1)
            return Value(bool: try rt.intSelf(args, "__bool__") != 0)
        }
        method(t, "__abs__") { rt, args throws(PyError) in
            try args.expect(rt, "__abs__", 1, 1)
            return rt.newInt(BigInt(try rt.intSelf(args, "__abs__").magnitude))
        }
        method(t, "__neg__") { rt, args throws(PyError) in
            try args.expect(rt, "__neg__", 1, 1)
            return rt.newInt(-(try rt.intSelf(args, "__neg__")))
        }
        method(t, "__invert__") { rt, args throws(PyError) in
            try args.expect(rt, "__invert__", 1, 1)
            return rt.newInt(-(try rt.intSelf(args, "__invert__")) - 1)
        }
        method(t, "__round__") { rt, args throws(PyError) in
            try args.expect(rt, "__round__", 1, 2)
            let x = try rt.intSelf(args, "__round__")
            if args.count < 2 || args[1].isNone { return rt.newInt(x) }
            return rt.newInt(rt.roundInt(x, try rt.intArg(args[1])))
        }
        method(t, "bit_length") { rt, args throws(PyError) in
            try args.expect(rt, "bit_length", 1, 1)
            return rt.int(try rt.intSelf(args, "bit_length").magnitude.bitWidth)
        }
        method(t, "bit_count") { rt, args throws(PyError) in
            try args.expect(rt, "bit_count", 1, 1)
            let x = try rt.intSelf(args, "bit_count")
            return rt.int(x.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        }
        method(t, "is_integer") { rt, args throws(PyError) in
            try args.expect(rt, "is_integer", 1, 1)
            _ = try rt.intSelf(args, "is_integer")
            return .true
        }
        method(t, "as_integer_ratio") { rt, args throws(PyError) in
            try args.expect(rt, "as_integer_ratio", 1, 1)
            return rt.tuple([rt.newInt(try rt.intSelf(args, "as_integer_ratio")), Value(small: 1)])
        }
        method(t, "to_bytes") { rt, args throws(PyError) in
            try args.expect(rt, "to_bytes", 1, 3, keywords: true)
            let x = try rt.intSelf(args, "to_bytes")
            let lengthV = args.argument(1, "length")
            let length = lengthV.isNull ? 1 : try rt.intArg(lengthV)
            let little = try rt.byteOrderArg(args.argument(2, "byteorder"))
            let signedV = args.keyword("signed")
            let signed = signedV.isNull ? false : try rt.isTruthy(signedV)
            var bytes = try rt.intToBytes(x, length, signed: signed)
            if !little { bytes.reverse() }
            return Value(rt.newBytes(bytes))
        }
        classMethod(t, "from_bytes") { rt, args throws(PyError) in
            try args.expect(rt, "from_bytes", 2, 3, keywords: true)
            let src = args.argument(1, "bytes")
            var bytes: [UInt8]
            if src.isObject, let b = src.object as? PyBytes {
                bytes = b.bytes
            } else {
                if src.isObject && src.object is PyStr { throw rt.typeError("cannot convert 'str' object to bytes") }
                bytes = []
                for v in try rt.iterateToArray(src) {
                    guard let i = rt.smallInt(v) else { throw rt.typeError("'\(rt.typeName(v))' object cannot be interpreted as an integer") }
                    guard i >= 0 && i < 256 else { throw rt.valueError("bytes must be in range(0, 256)") }
                    bytes.append(UInt8(i))
                }
            }
            let little = try rt.byteOrderArg(args.argument(2, "byteorder"))
            let signedV = args.keyword("signed")
            let signed = signedV.isNull ? false : try rt.isTruthy(signedV)
            if little { bytes.reverse() }
            var value = BigInt(BigIntConversion.magnitude(bigEndian: bytes))
            if signed, let first = bytes.first, first & 0x80 != 0 { value -= BigInt(1) << (8 * bytes.count) }
            let result = rt.newInt(value)
            if args[0].isObject, let cls = args[0].object as? PyType, cls !== rt.types.int {
                return try rt.call(args[0], [result])
            }
            return result
        }
    }

    func installFloatMethods() {
        let t = types.float
        method(t, "__init__") { _, _ throws(PyError) in .none }
        /// The other operand of a float operator as a double, or nil for NotImplemented.
        func other(_ rt: Runtime, _ v: Value) throws(PyError) -> Double? {
            if rt.isFloatLike(v) { return rt.floatValue(v) }
            guard let i = rt.bigInt(v) else { return nil }
            let d = rt.bigToDouble(i)
            if d.isInfinite { throw rt.overflowError("int too large to convert to float") }
            return d
        }
        for (name, rname, op) in Runtime.arithmeticDunders where op.rawValue <= BinaryOperator.pow.rawValue && op != .matmul {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, op == .pow ? 3 : 2)
                let x = try rt.floatSelf(args, name)
                guard let y = try other(rt, args[1]) else { return .notImplemented }
                if args.count == 3 && !args[2].isNone { throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers") }
                return try rt.floatBinary(x, y, op)
            }
            method(t, rname) { rt, args throws(PyError) in
                try args.expect(rt, rname, 2, op == .pow ? 3 : 2)
                let x = try rt.floatSelf(args, rname)
                guard let y = try other(rt, args[1]) else { return .notImplemented }
                if args.count == 3 && !args[2].isNone { throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers") }
                return try rt.floatBinary(y, x, op)
            }
        }
        method(t, "__divmod__") { rt, args throws(PyError) in
            try args.expect(rt, "__divmod__", 2, 2)
            let x = try rt.floatSelf(args, "__divmod__")
            guard let y = try other(rt, args[1]) else { return .notImplemented }
            return rt.tuple([try rt.floatBinary(x, y, .floordiv), try rt.floatBinary(x, y, .mod)])
        }
        method(t, "__rdivmod__") { rt, args throws(PyError) in
            try args.expect(rt, "__rdivmod__", 2, 2)
            let x = try rt.floatSelf(args, "__rdivmod__")
            guard let y = try other(rt, args[1]) else { return .notImplemented }
            return rt.tuple([try rt.floatBinary(y, x, .floordiv), try rt.floatBinary(y, x, .mod)])
        }
        for (name, op) in Runtime.comparisonDunders {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                let x = try rt.floatSelf(args, name)
                let y = args[1]
                guard rt.isFloatLike(y) || rt.bigInt(y) != nil else { return .notImplemented }
                let yv: Value = y.isObject && y.object is PyBoxedFloat ? Value(float: rt.floatValue(y)!) : y
                guard let c = rt.compareNumbers(Value(float: x), yv) else { return Value(bool: op == .ne) }
                return Value(bool: rt.applyOrder(c, op))
            }
        }
        method(t, "__hash__") { rt, args throws(PyError) in
            try args.expect(rt, "__hash__", 1, 1)
            return rt.int(rt.floatHash(try rt.floatSelf(args, "__hash__")))
        }
        method(t, "__float__") { rt, args throws(PyError) in
            try args.expect(rt, "__float__", 1, 1)
            return Value(float: try rt.floatSelf(args, "__float__"))
        }
        method(t, "conjugate") { rt, args throws(PyError) in
            try args.expect(rt, "conjugate", 1, 1)
            return Value(float: try rt.floatSelf(args, "conjugate"))
        }
        method(t, "__pos__") { rt, args throws(PyError) in
            try args.expect(rt, "__pos__", 1, 1)
            return Value(float: try rt.floatSelf(args, "__pos__"))
        }
        method(t, "__neg__") { rt, args throws(PyError) in
            try args.expect(rt, "__neg__", 1, 1)
            return Value(float: -(try rt.floatSelf(args, "__neg__")))
        }
        method(t, "__abs__") { rt, args throws(PyError) in
            try args.expect(rt, "__abs__", 1, 1)
            return Value(float: abs(try rt.floatSelf(args, "__abs__")))
        }
        method(t, "__bool__") { rt, args throws(PyError) in
            try args.expect(rt, "__bool__", 1, 1)
            return Value(bool: try rt.floatSelf(args, "__bool__") != 0)
        }
        let roundings: [(String, FloatingPointRoundingRule)] = [
            ("__int__", .towardZero), ("__trunc__", .towardZero), ("__floor__", .down), ("__ceil__", .up),
        ]
        for (name, rule) in roundings {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                return try rt.integralToInt(try rt.floatSelf(args, name).rounded(rule))
            }
        }
        method(t, "__round__") { rt, args throws(PyError) in
            try args.expect(rt, "__round__", 1, 2)
            let x = try rt.floatSelf(args, "__round__")
            if args.count < 2 || args[1].isNone { return try rt.integralToInt(x.rounded(.toNearestOrEven)) }
            return Value(float: try rt.roundFloat(x, try rt.intArg(args[1])))
        }
        method(t, "is_integer") { rt, args throws(PyError) in
            try args.expect(rt, "is_integer", 1, 1)
            let x = try rt.floatSelf(args, "is_integer")
            return Value(bool: x.isFinite && x == x.rounded(.towardZero))
        }
        method(t, "as_integer_ratio") { rt, args throws(PyError) in
            try args.expect(rt, "as_integer_ratio", 1, 1)
            let x = try rt.floatSelf(args, "as_integer_ratio")
            if x.isNaN { throw rt.valueError("cannot convert NaN to integer ratio") }
            if x.isInfinite { throw rt.overflowError("cannot convert Infinity to integer ratio") }
            let (n, d) = rt.floatRatio(x)
            return rt.tuple([rt.newInt(n), rt.newInt(d)])
        }
        method(t, "hex") { rt, args throws(PyError) in
            try args.expect(rt, "hex", 1, 1)
            return rt.str(rt.floatHex(try rt.floatSelf(args, "hex")))
        }
        classMethod(t, "fromhex") { rt, args throws(PyError) in
            try args.expect(rt, "fromhex", 2, 2)
            let d = try rt.floatFromHex(try rt.strArg(args[1]).value)
            if args[0].isObject, let cls = args[0].object as? PyType, cls !== rt.types.float {
                return try rt.call(args[0], [Value(float: d)])
            }
            return Value(float: d)
        }
    }

    func installBoolMethods() {
        let t = types.bool
        let ops: [(String, BinaryOperator)] = [("__and__", .bitand), ("__rand__", .bitand), ("__or__", .bitor),
                                               ("__ror__", .bitor), ("__xor__", .bitxor), ("__rxor__", .bitxor)]
        for (name, op) in ops {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                guard args[0].isBool else { throw rt.typeError("descriptor '\(name)' requires a 'bool' object but received '\(rt.typeName(args[0]))'") }
                guard let x = rt.bigInt(args[0]), let y = rt.bigInt(args[1]) else { return .notImplemented }
                if args[1].isBool { return try rt.numericBinary(args[0], args[1], op) }
                return try rt.intBinary(x, y, op)
            }
        }
    }

    /// A finite double as an exact fraction in lowest terms.
    func floatRatio(_ x: Double) -> (BigInt, BigInt) {
        if x == 0 { return (0, 1) }
        let m = BigInt(x.significandBitPattern | (x.exponentBitPattern == 0 ? 0 : 1 << 52))
        var e = x.exponentBitPattern == 0 ? -1074 : Int(x.exponentBitPattern) - 1075
        var n = m
        let tz = n.magnitude.trailingZeroBitCount
        n >>= tz
        e += tz
        if x < 0 { n = -n }
        if e >= 0 { return (n << e, 1) }
        return (n, BigInt(1) << -e)
    }

    /// float.hex().
    func floatHex(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0x0.0p+0" }
        var digits = String(x.significandBitPattern, radix: 16)
        digits = String(repeating: "0", count: 13 - digits.count) + digits
        if x.exponentBitPattern == 0 { return sign + "0x0.\(digits)p-1022" }
        let e = Int(x.exponentBitPattern) - 1023
        return sign + "0x1.\(digits)p\(e >= 0 ? "+" : "")\(e)"
    }

    /// float.fromhex(s).
    func floatFromHex(_ text: String) throws(PyError) -> Double {
        let bad = valueError("invalid hexadecimal floating-point string")
        var s = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        if s == "inf" || s == "infinity" { return negative ? -.infinity : .infinity }
        if s == "nan" { return .nan }
        if s.hasPrefix("0x") { s = s.dropFirst(2) }
        var mantissa = BigInt(0)
        var fracDigits = 0, anyDigit = false, seenPoint = false
        var exponent = 0
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == "." {
                if seenPoint { throw bad }
                seenPoint = true
            } else if let d = c.hexDigitValue {
                mantissa = mantissa * 16 + BigInt(d)
                anyDigit = true
                if seenPoint { fracDigits += 1 }
            } else { break }
            i = s.index(after: i)
        }
        if !anyDigit { throw bad }
        if i < s.endIndex {
            guard s[i] == "p" else { throw bad }
            let rest = s[s.index(after: i)...]
            guard let p = Int(rest), !rest.isEmpty else { throw bad }
            exponent = p
        }
        let d = bigToDouble(mantissa, exponent: max(-100_000, min(100_000, exponent)) - 4 * fracDigits)
        if d.isInfinite { throw overflowError("hexadecimal value too large to represent as a float") }
        return negative ? -d : d
    }
}

/// 10^0 ... 10^22, each exactly a double.
private let exactPowersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { r, _ in r * 10 } }
