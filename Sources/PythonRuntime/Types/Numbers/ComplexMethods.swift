import Foundation

/// `complex` (as on MicroPython's unix and rp2 ports): construction, arithmetic
/// with CPython's algorithms, repr, hashing and equality.
extension Runtime {
    public func newComplex(_ re: Double, _ im: Double) -> Value {
        adopt(PyComplex(type: types.complex, real: re, imag: im))
    }

    /// The value as (real, imag) if it is a complex, float, int or bool.
    func complexParts(_ v: Value) -> (Double, Double)? {
        if v.isObject, let c = v.object as? PyComplex { return (c.real, c.imag) }
        if let d = floatValue(v) { return (d, 0) }
        return nil
    }

    /// `a op b` when either side is complex (and the other a number); `.null` otherwise.
    func complexBinary(_ a: Value, _ b: Value, _ op: BinaryOperator) throws(PyError) -> Value {
        guard (a.isObject && a.object is PyComplex) || (b.isObject && b.object is PyComplex) else { return .null }
        guard let x = complexParts(a), let y = complexParts(b) else { return .null }
        if (!a.isObject || !(a.object is PyComplex)), x.0.isInfinite, !isFloatLike(a) {
            throw overflowError("int too large to convert to float")
        }
        if (!b.isObject || !(b.object is PyComplex)), y.0.isInfinite, !isFloatLike(b) {
            throw overflowError("int too large to convert to float")
        }
        let r: (Double, Double)
        switch op {
        case .add: r = (x.0 + y.0, x.1 + y.1)
        case .sub: r = (x.0 - y.0, x.1 - y.1)
        case .mul: r = Runtime.complexMul(x, y)
        case .truediv:
            guard let q = Runtime.complexDiv(x, y) else { throw zeroDivision("complex division by zero") }
            r = q
        case .pow: r = try complexPow(x, y)
        default: return .null
        }
        return newComplex(r.0, r.1)
    }

    static func complexMul(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
        (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
    }

    /// CPython's _Py_c_quot; nil on division by zero.
    static func complexDiv(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double)? {
        let absR = abs(b.0), absI = abs(b.1)
        if absR >= absI {
            if absR == 0 { return nil }
            let ratio = b.1 / b.0
            let denom = b.0 + b.1 * ratio
            return ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
        } else if absI >= absR {
            let ratio = b.0 / b.1
            let denom = b.0 * ratio + b.1
            return ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
        }
        return (.nan, .nan)
    }

    /// CPython's complex power: repeated squaring for small integral exponents, else polar form.
    func complexPow(_ a: (Double, Double), _ b: (Double, Double)) throws(PyError) -> (Double, Double) {
        let zeroPower = "0.0 to a negative or complex power"
        if b.1 == 0, b.0 == b.0.rounded(.down), abs(b.0) <= 100 {
            let n = Int(b.0)
            func powu(_ x: (Double, Double), _ n: Int) -> (Double, Double) {
                var r = (1.0, 0.0), p = x, mask = 1
                while mask > 0 && n >= mask {
                    if n & mask != 0 { r = Runtime.complexMul(r, p) }
                    mask <<= 1
                    p = Runtime.complexMul(p, p)
                }
                return r
            }
            if n >= 0 { return powu(a, n) }
            guard let q = Runtime.complexDiv((1, 0), powu(a, -n)) else { throw zeroDivision(zeroPower) }
            return q
        }
        if b.0 == 0 && b.1 == 0 { return (1, 0) }
        if a.0 == 0 && a.1 == 0 {
            if b.1 != 0 || b.0 < 0 { throw zeroDivision(zeroPower) }
            return (0, 0)
        }
        let vabs = hypot(a.0, a.1)
        var len = pow(vabs, b.0)
        let at = atan2(a.1, a.0)
        var phase = at * b.0
        if b.1 != 0 {
            len /= exp(at * b.1)
            phase += b.1 * log(vabs)
        }
        return (len * cos(phase), len * sin(phase))
    }

    /// CPython's repr of a complex: `2j`, `(1+2j)`, `(-0-1j)`, `(nan+nanj)`.
    func complexRepr(_ re: Double, _ im: Double) -> String {
        func part(_ d: Double) -> String {
            let s = floatRepr(d)
            return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
        }
        let imText: String
        if im.isNaN { imText = "nan" } else { imText = part(abs(im)) }
        if re == 0 && re.sign == .plus {
            return (im.sign == .minus && !im.isNaN ? "-" : "") + imText + "j"
        }
        let sign = im.isNaN || im.sign == .plus ? "+" : "-"
        return "(" + part(re) + sign + imText + "j)"
    }

    /// CPython's hash of a complex: hash(real) + 1000003 * hash(imag).
    func complexHash(_ c: PyComplex) -> Int {
        let hr = UInt(bitPattern: floatHash(c.real)), hi = UInt(bitPattern: floatHash(c.imag))
        let h = Int(bitPattern: hr &+ 1_000_003 &* hi)
        return h == -1 ? -2 : h
    }

    /// `a == b` when either side is complex; nil when not applicable.
    func complexEquals(_ a: Value, _ b: Value) -> Bool? {
        guard (a.isObject && a.object is PyComplex) || (b.isObject && b.object is PyComplex) else { return nil }
        guard let x = complexParts(a), let y = complexParts(b) else { return false }
        // Exact comparison against big ints that do not convert exactly.
        if x.1 == 0, !(a.isObject && a.object is PyComplex) {
            return y.1 == 0 && compareNumbers(a, Value(float: y.0)) == 0
        }
        if y.1 == 0, !(b.isObject && b.object is PyComplex) {
            return x.1 == 0 && compareNumbers(Value(float: x.0), b) == 0
        }
        return x.0 == y.0 && x.1 == y.1
    }

    /// Parses `complex("1+2j")` as CPython does.
    func parseComplex(_ text: String) throws(PyError) -> (Double, Double) {
        let bad = valueError("complex() arg is a malformed string")
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if s.hasPrefix("(") && s.hasSuffix(")") && s.count >= 2 {
            s = Substring(s.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let u = Array(s.utf8)
        if u.isEmpty { throw bad }
        // Reads a float (with optional sign) starting at i; returns its end or nil.
        func number(_ i: Int) -> (Double, Int)? {
            var j = i
            if j < u.count && (u[j] == 0x2B || u[j] == 0x2D) { j += 1 }
            // inf / infinity / nan
            let rest = String(decoding: u[j...], as: UTF8.self).lowercased()
            for word in ["infinity", "inf", "nan"] where rest.hasPrefix(word) {
                let end = j + word.count
                let t = String(decoding: u[i..<end], as: UTF8.self)
                return (try? parseFloat(t)).map { ($0, end) }
            }
            // Digits with single underscores between them; returns (end, digit count).
            func run(_ k0: Int) -> (Int, Int) {
                var k = k0, n = 0
                while k < u.count && isASCIIDigit(u[k]) {
                    k += 1; n += 1
                    if k + 1 < u.count && u[k] == 0x5F && isASCIIDigit(u[k + 1]) { k += 1 }
                }
                return (k, n)
            }
            var (e1, digits) = run(j)
            j = e1
            if j < u.count && u[j] == 0x2E {
                let (e2, d2) = run(j + 1)
                j = e2
                digits += d2
            }
            if digits == 0 { return nil }
            if j < u.count && (u[j] == 0x65 || u[j] == 0x45) {
                var k = j + 1
                if k < u.count && (u[k] == 0x2B || u[k] == 0x2D) { k += 1 }
                let (e3, d3) = run(k)
                if d3 > 0 { j = e3 }
            }
            e1 = j
            let t = String(decoding: u[i..<j], as: UTF8.self)
            return (try? parseFloat(t)).map { ($0, j) }
        }
        func isJ(_ i: Int) -> Bool { i < u.count && (u[i] == 0x6A || u[i] == 0x4A) }
        // A bare "j", "+j", "-j".
        func unitJ(_ i: Int) -> (Double, Int)? {
            var j = i, sign = 1.0
            if j < u.count && (u[j] == 0x2B || u[j] == 0x2D) { sign = u[j] == 0x2D ? -1 : 1; j += 1 }
            return isJ(j) ? (sign, j + 1) : nil
        }
        if let (x, e) = number(0) {
            if e == u.count { return (x, 0) }
            if isJ(e) && e + 1 == u.count { return (0, x) }
            // real part followed by a signed imaginary part
            guard u[e] == 0x2B || u[e] == 0x2D else { throw bad }
            if let (y, e2) = number(e), isJ(e2), e2 + 1 == u.count { return (x, y) }
            if let (y, e2) = unitJ(e), e2 == u.count { return (x, y) }
            throw bad
        }
        if let (y, e) = unitJ(0), e == u.count { return (0, y) }
        throw bad
    }

    /// What an object's `__complex__` gives, or nil when it has none.
    func complexDunder(_ v: Value) throws(PyError) -> (Double, Double)? {
        let m = v.object.type.lookup(intern("__complex__"))
        if m.isNull { return nil }
        let r = try call(m, [v])
        guard r.isObject, let c = r.object as? PyComplex else {
            throw typeError("__complex__ returned non-complex (type \(typeName(r)))")
        }
        return (c.real, c.imag)
    }

    /// The parts of an argument to `complex()`.
    func complexArgument(_ v: Value, first: Bool) throws(PyError) -> (Double, Double) {
        if v.isObject, let c = v.object as? PyComplex, v.object.type === types.complex { return (c.real, c.imag) }
        if v.isObject, !(v.object is PyStr) {
            if let parts = try complexDunder(v) { return parts }
            if let c = v.object as? PyComplex { return (c.real, c.imag) }
        }
        if v.isObject, v.object is PyStr {
            throw typeError(first ? "complex() first argument must be a string or a number, not 'str'"
                                  : "complex() second arg can't be a string")
        }
        if floatValue(v) == nil && !(v.isObject && !v.object.type.lookup(names.__float__).isNull)
            && !(v.isObject && !v.object.type.lookup(names.__index__).isNull) {
            throw typeError(first ? "complex() first argument must be a string or a number, not '\(typeName(v))'"
                                  : "complex() second argument must be a number, not '\(typeName(v))'")
        }
        return (try toFloat(v), 0)
    }

    func complexSelf(_ args: CallArguments, _ name: String) throws(PyError) -> PyComplex {
        guard args.count > 0, args[0].isObject, let c = args[0].object as? PyComplex else {
            throw typeError("descriptor '\(name)' requires a 'complex' object")
        }
        return c
    }

    func installComplexMethods() {
        let t = types.complex
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "complex", 0, 2, keywords: true)
            let re = args.argument(0, "real"), im = args.argument(1, "imag")
            if re.isNull && im.isNull { return rt.newComplex(0, 0) }
            if re.isObject, let s = re.object as? PyStr {
                if !im.isNull { throw rt.typeError("complex() can't take second arg if first is a string") }
                let (x, y) = try rt.parseComplex(s.value)
                return rt.newComplex(x, y)
            }
            let a = re.isNull ? (0.0, 0.0) : try rt.complexArgument(re, first: true)
            if im.isNull {
                if re.isObject, re.object.type === rt.types.complex { return re }
                return rt.newComplex(a.0, a.1)
            }
            let b = try rt.complexArgument(im, first: false)
            // As CPython: re - im.imag, im.real + re.imag (complex parts only where given as complex).
            let reIsComplex = re.isObject && re.object is PyComplex
            let imIsComplex = im.isObject && im.object is PyComplex
            return rt.newComplex(imIsComplex ? a.0 - b.1 : a.0, reIsComplex ? b.0 + a.1 : b.0)
        }
        for name in ["real", "imag"] {
            readOnlyProperty(t, name) { rt, args throws(PyError) in
                let c = try rt.complexSelf(args, name)
                return Value(float: name == "real" ? c.real : c.imag)
            }
        }
        method(t, "conjugate") { rt, args throws(PyError) in
            try args.expect(rt, "conjugate", 1, 1)
            let c = try rt.complexSelf(args, "conjugate")
            return rt.newComplex(c.real, -c.imag)
        }
        method(t, "__abs__") { rt, args throws(PyError) in
            try args.expect(rt, "__abs__", 1, 1)
            let c = try rt.complexSelf(args, "__abs__")
            let r = hypot(c.real, c.imag)
            if r.isInfinite && c.real.isFinite && c.imag.isFinite { throw rt.overflowError("absolute value too large") }
            return Value(float: r)
        }
        method(t, "__bool__") { rt, args throws(PyError) in
            let c = try rt.complexSelf(args, "__bool__")
            return Value(bool: c.real != 0 || c.imag != 0)
        }
        method(t, "__neg__") { rt, args throws(PyError) in
            let c = try rt.complexSelf(args, "__neg__")
            return rt.newComplex(-c.real, -c.imag)
        }
        method(t, "__pos__") { rt, args throws(PyError) in
            let c = try rt.complexSelf(args, "__pos__")
            return rt.newComplex(c.real, c.imag)
        }
        method(t, "__hash__") { rt, args throws(PyError) in
            rt.int(rt.complexHash(try rt.complexSelf(args, "__hash__")))
        }
        for (name, rname, op) in Runtime.arithmeticDunders where [.add, .sub, .mul, .truediv, .pow].contains(op) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                let r = try rt.complexBinary(args[0], args[1], op)
                return r.isNull ? .notImplemented : r
            }
            method(t, rname) { rt, args throws(PyError) in
                try args.expect(rt, rname, 2, 2)
                let r = try rt.complexBinary(args[1], args[0], op)
                return r.isNull ? .notImplemented : r
            }
        }
        method(t, "__eq__") { rt, args throws(PyError) in
            try args.expect(rt, "__eq__", 2, 2)
            guard let r = rt.complexEquals(args[0], args[1]) else { return .notImplemented }
            return Value(bool: r)
        }
        method(t, "__ne__") { rt, args throws(PyError) in
            try args.expect(rt, "__ne__", 2, 2)
            guard let r = rt.complexEquals(args[0], args[1]) else { return .notImplemented }
            return Value(bool: !r)
        }
    }
}
