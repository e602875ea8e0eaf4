import BigInt
import Foundation

/// Arithmetic on int (small and big), bool and float, with Python's semantics:
/// floor division and modulo round toward negative infinity, ints never overflow.
extension Runtime {
    /// The value as an arbitrary-size int if it is an int or bool (or subclass instance).
    func bigInt(_ v: Value) -> BigInt? {
        if v.isSmallInt { return BigInt(v.asSmallInt) }
        if v.bits == Value.true.bits { return 1 }
        if v.bits == Value.false.bits { return 0 }
        if v.isObject, let b = v.object as? PyBigInt { return b.value }
        return nil
    }

    /// The value as a machine int if it is an int or bool that fits.
    @inline(__always) func smallInt(_ v: Value) -> Int? {
        if v.isSmallInt { return v.asSmallInt }
        if v.bits == Value.true.bits { return 1 }
        if v.bits == Value.false.bits { return 0 }
        if v.isObject, let b = v.object as? PyBigInt { return b.exactInt }
        return nil
    }

    /// The value as a double if it is a float, int or bool.
    func floatValue(_ v: Value) -> Double? {
        if v.isFloat { return v.asFloat }
        if v.isSmallInt { return Double(v.asSmallInt) }
        if v.isBool { return v.bits == Value.true.bits ? 1 : 0 }
        if v.isObject {
            if let b = v.object as? PyBigInt { return bigToDouble(b.value) }
            if let f = v.object as? PyBoxedFloat { return f.value }
        }
        return nil
    }

    /// `m * 2**e` correctly rounded (half to even) to a double; infinity when too large.
    func bigToDouble(_ value: BigInt, exponent e: Int = 0) -> Double {
        let m = value.magnitude
        let bits = m.bitWidth
        if bits == 0 { return value.sign == .minus ? -0.0 : 0.0 }
        let top = bits + e - 1  // exponent of the leading bit
        if top > 1023 { return value.sign == .minus ? -.infinity : .infinity }
        let precision = top >= -1022 ? 53 : 53 - (-1022 - top)
        if precision < 0 { return value.sign == .minus ? -0.0 : 0.0 }
        var q = m
        var scale = e
        if bits > precision {
            let shift = bits - max(precision, 0)
            q = m >> shift
            scale = e + shift
            let rem = m - (q << shift)
            let half = BigUInt(1) << (shift - 1)
            if rem > half || (rem == half && q.words.first.map({ $0 & 1 == 1 }) == true) { q += 1 }
        }
        var d = Double(UInt64(q))  // exact: q <= 2**53
        d = scalbn(d, scale)
        return value.sign == .minus ? -d : d
    }

    /// True for floats and instances of float subclasses.
    func isFloatLike(_ v: Value) -> Bool {
        v.isFloat || (v.isObject && v.object is PyBoxedFloat)
    }

    func isIntLike(_ v: Value) -> Bool {
        v.isSmallInt || v.isBool || (v.isObject && v.object is PyBigInt)
    }

    /// An int or float operation, or `.null` when either side is not a number.
    func numericBinary(_ a: Value, _ b: Value, _ op: BinaryOperator) throws(PyError) -> Value {
        let fast = fastBinary(a, b, op.rawValue)
        if !fast.isNull { return fast }
        if a.isBool && b.isBool && (op == .bitand || op == .bitor || op == .bitxor) {
            let x = a.bits == Value.true.bits, y = b.bits == Value.true.bits
            return Value(bool: op == .bitand ? x && y : (op == .bitor ? x || y : x != y))
        }
        if let x = smallInt(a), let y = smallInt(b), let r = machineIntBinary(x, y, op) { return r }
        if let x = bigInt(a), let y = bigInt(b) {
            return try intBinary(x, y, op)
        }
        guard let x = floatValue(a), let y = floatValue(b), isFloatLike(a) || isFloatLike(b) else { return .null }
        if (x.isInfinite && !isFloatLike(a)) || (y.isInfinite && !isFloatLike(b)) {
            throw overflowError("int too large to convert to float")
        }
        return try floatBinary(x, y, op)
    }

    /// `x op y` in machine arithmetic; nil when the result needs more than 64
    /// bits (or the operator is one the BigInt path handles: /, **, errors).
    func machineIntBinary(_ x: Int, _ y: Int, _ op: BinaryOperator) -> Value? {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? nil : int(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? nil : int(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? nil : int(r)
        case .floordiv, .mod:
            if y == 0 || (x == Int.min && y == -1) { return nil }
            var q = x / y, m = x % y
            if m != 0 && (m < 0) != (y < 0) {
                q -= 1
                m += y
            }
            return int(op == .mod ? m : q)
        case .bitand: return int(x & y)
        case .bitor: return int(x | y)
        case .bitxor: return int(x ^ y)
        case .lshift:
            guard y >= 0, y < 63 else { return nil }
            let r = x << y
            return r >> y == x ? int(r) : nil
        case .rshift:
            guard y >= 0 else { return nil }
            return int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y)
        default:
            return nil
        }
    }

    func intBinary(_ x: BigInt, _ y: BigInt, _ op: BinaryOperator) throws(PyError) -> Value {
        switch op {
        case .add: return newInt(x + y)
        case .sub: return newInt(x - y)
        case .mul:
            if x.bitWidth + y.bitWidth > 8 * 1024 * 1024 { throw memoryError(x.bitWidth / 8 + y.bitWidth / 8) }
            return newInt(x * y)
        case .truediv:
            if y == 0 { throw zeroDivision("division by zero") }
            let d = intTrueDivide(x, y)
            if d.isInfinite { throw overflowError("integer division result too large for a float") }
            return Value(float: d)
        case .floordiv:
            if y == 0 { throw zeroDivision("integer division or modulo by zero") }
            return newInt(floorDiv(x, y))
        case .mod:
            if y == 0 { throw zeroDivision("integer modulo by zero") }
            return newInt(x - floorDiv(x, y) * y)
        case .pow:
            if y < 0 {
                let fx = bigToDouble(x)
                if fx == 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
                if fx.isInfinite { throw overflowError("int too large to convert to float") }
                return try floatBinary(fx, bigToDouble(y), .pow)
            }
            guard let e = Int(exactly: y) else {
                // 0, 1 and -1 to any power stay small (tests/basics/int_big_pow.py).
                if x == 0 || x == 1 { return newInt(x) }
                if x == -1 { return newInt(y.isMultiple(of: 2) ? 1 : -1) }
                throw overflowError("exponent too large")
            }
            if x.magnitude > 1 {
                let (bits, overflow) = x.bitWidth.multipliedReportingOverflow(by: e)
                if overflow || bits > 8 * 1024 * 1024 { throw memoryError(overflow ? Int.max : bits / 8) }
            }
            return newInt(x.power(e))
        case .lshift:
            if y < 0 { throw valueError("negative shift count") }
            guard let s = Int(exactly: y), s < 8 * 1024 * 1024 else { throw overflowError("shift count too large") }
            return newInt(x << s)
        case .rshift:
            if y < 0 { throw valueError("negative shift count") }
            guard let s = Int(exactly: y) else { return newInt(x < 0 ? -1 : 0) }
            return newInt(floorShiftRight(x, s))
        case .bitand, .bitor, .bitxor: return newInt(bitwise(x, y, op))
        case .matmul: return .null
        }
    }

    /// `x >> s` rounding toward negative infinity, as Python does.
    func floorShiftRight(_ x: BigInt, _ s: Int) -> BigInt {
        if x >= 0 { return BigInt(x.magnitude >> s) }
        // -m >> s == -((m - 1) >> s) - 1
        return -BigInt((x.magnitude - 1) >> s) - 1
    }

    /// `&`, `|` and `^` with infinite two's complement semantics.
    func bitwise(_ x: BigInt, _ y: BigInt, _ op: BinaryOperator) -> BigInt {
        if let a = Int(exactly: x), let b = Int(exactly: y) {
            switch op {
            case .bitand: return BigInt(a & b)
            case .bitor: return BigInt(a | b)
            default: return BigInt(a ^ b)
            }
        }
        // A negative n is ~(|n| - 1); work on the non-negative complements.
        let xn = x < 0, yn = y < 0
        if xn && !yn { return bitwise(y, x, op) }
        let a = xn ? x.magnitude - 1 : x.magnitude  // x is negative only if y is too
        let b = yn ? y.magnitude - 1 : y.magnitude
        switch (op, xn, yn) {
        case (.bitand, false, false): return BigInt(a & b)
        case (.bitand, false, true): return BigInt(a - (a & b))          // a & ~b
        case (.bitand, _, _): return -BigInt((a | b) + 1)               // ~(a | b)
        case (.bitor, false, false): return BigInt(a | b)
        case (.bitor, false, true): return -BigInt((b - (b & a)) + 1)   // ~(b & ~a)
        case (.bitor, _, _): return -BigInt((a & b) + 1)                // ~(a & b)
        case (_, false, false): return BigInt(a ^ b)
        case (_, false, true): return -BigInt((a ^ b) + 1)              // ~(a ^ b)
        default: return BigInt(a ^ b)                                   // ~a ^ ~b
        }
    }

    func floorDiv(_ x: BigInt, _ y: BigInt) -> BigInt {
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        if r != 0 && ((r < 0) != (y < 0)) { return q - 1 }
        return q
    }

    /// x / y correctly rounded even when the ints exceed a double's precision.
    func intTrueDivide(_ x: BigInt, _ y: BigInt) -> Double {
        if let a = Int(exactly: x), let b = Int(exactly: y), a.magnitude < (1 << 53), b.magnitude < (1 << 53) {
            return Double(a) / Double(b)
        }
        // Scale so the quotient keeps 64 significant bits, then round once.
        let shift = max(0, 64 - (x.magnitude.bitWidth - y.magnitude.bitWidth))
        let (q, r) = (x.magnitude << shift).quotientAndRemainder(dividingBy: y.magnitude)
        // A sticky low bit keeps the single rounding correct.
        let sticky = r.isZero ? BigInt(q) << 1 : (BigInt(q) << 1) + 1
        let d = bigToDouble(sticky, exponent: -shift - 1)
        return (x.sign == .minus) != (y.sign == .minus) ? -d : d
    }

    func floatBinary(_ x: Double, _ y: Double, _ op: BinaryOperator) throws(PyError) -> Value {
        switch op {
        case .add: return Value(float: x + y)
        case .sub: return Value(float: x - y)
        case .mul: return Value(float: x * y)
        case .truediv:
            if y == 0 { throw zeroDivision("float division by zero") }
            return Value(float: x / y)
        case .floordiv:
            if y == 0 { throw zeroDivision("float floor division by zero") }
            return Value(float: floatFloorDiv(x, y))
        case .mod:
            if y == 0 { throw zeroDivision("float modulo") }
            return Value(float: floatMod(x, y))
        case .pow:
            if x == 0 && y < 0 && y.isFinite { throw zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && x.isFinite && y.isFinite && y != y.rounded() {
                // A negative base to a fractional power is complex, as CPython and
                // MicroPython give it: |x|**y at the angle pi*y.
                let r = Foundation.pow(-x, y), angle = Double.pi * y
                return newComplex(r * cos(angle), r * sin(angle))
            }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw overflowError("(34, 'Numerical result out of range')") }
            return Value(float: r)
        default:
            return .null
        }
    }

    func floatMod(_ x: Double, _ y: Double) -> Double {
        var m = fmod(x, y)
        if m != 0 {
            if (y < 0) != (m < 0) { m += y }
        } else {
            m = (y < 0) ? -0.0 : 0.0
        }
        return m
    }

    func floatFloorDiv(_ x: Double, _ y: Double) -> Double {
        let m = fmod(x, y)
        var div = (x - m) / y
        if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
        if div != 0 {
            var floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
            return floordiv
        }
        return (x / y < 0) ? -0.0 : 0.0
    }

    /// Python's hash of a number: equal numbers hash equal across int and float.
    func numberHash(_ v: Value) -> Int? {
        if v.isSmallInt {
            let i = v.asSmallInt
            return i == -1 ? -2 : i
        }
        if v.isBool { return v.bits == Value.true.bits ? 1 : 0 }
        if v.isFloat { return floatHash(v.asFloat) }
        if v.isObject, let f = v.object as? PyBoxedFloat { return floatHash(f.value) }
        if v.isObject, let b = v.object as? PyBigInt {
            let modulus = BigInt(1) << 61 - 1
            var r = b.value.magnitude % modulus.magnitude
            if b.value < 0 { r = modulus.magnitude - r }
            var h = Int(r)
            if b.value < 0 { h = -Int(BigInt(b.value.magnitude % modulus.magnitude)) }
            return h == -1 ? -2 : h
        }
        return nil
    }

    /// CPython's hash of a double (_Py_HashDouble): the value modulo 2**61 - 1.
    func floatHash(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        let P: UInt64 = (1 << 61) - 1
        var m = frexp(abs(d))
        var e = m.1
        var x: UInt64 = 0
        while m.0 != 0 {
            x = ((x << 28) & P) | (x >> (61 - 28))
            m.0 *= 268435456.0
            e -= 28
            let y = UInt64(m.0)
            m.0 -= Double(y)
            x += y
            if x >= P { x -= P }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(e)) & P) | (x >> UInt64(61 - e))
        var h = Int(x)
        if d < 0 { h = -h }
        return h == -1 ? -2 : h
    }

    /// Three-way comparison of two numbers, nil when either is not a number or one is NaN.
    func compareNumbers(_ a: Value, _ b: Value) -> Int? {
        if let x = bigInt(a), let y = bigInt(b) { return x < y ? -1 : (x == y ? 0 : 1) }
        guard let x = floatValue(a), let y = floatValue(b) else { return nil }
        if x.isNaN || y.isNaN { return nil }
        // Compare exactly when an int is too large to convert.
        if !a.isFloat, let xi = bigInt(a), y.isFinite {
            let yi = BigInt(y.rounded(.down))
            if xi != yi { return xi < yi ? -1 : 1 }
            return Double(yi) == y ? 0 : -1
        }
        if !b.isFloat, let yi = bigInt(b), x.isFinite {
            let xi = BigInt(x.rounded(.down))
            if xi != yi { return xi < yi ? -1 : 1 }
            return Double(xi) == x ? 0 : 1
        }
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
