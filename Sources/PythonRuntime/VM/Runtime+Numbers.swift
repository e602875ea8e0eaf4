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
        if v.isObject, let b = v.object as? PyBigInt { return Int(exactly: b.value) }
        return nil
    }

    /// The value as a double if it is a float, int or bool.
    func floatValue(_ v: Value) -> Double? {
        if v.isFloat { return v.asFloat }
        if v.isSmallInt { return Double(v.asSmallInt) }
        if v.isBool { return v.bits == Value.true.bits ? 1 : 0 }
        if v.isObject, let b = v.object as? PyBigInt { return Double(b.value) }
        return nil
    }

    func isIntLike(_ v: Value) -> Bool {
        v.isSmallInt || v.isBool || (v.isObject && v.object is PyBigInt)
    }

    /// An int or float operation, or `.null` when either side is not a number.
    func numericBinary(_ a: Value, _ b: Value, _ op: BinaryOperator) throws(PyError) -> Value {
        if let x = bigInt(a), let y = bigInt(b) {
            return try intBinary(x, y, op)
        }
        guard let x = floatValue(a), let y = floatValue(b), a.isFloat || b.isFloat else { return .null }
        return try floatBinary(x, y, op)
    }

    func intBinary(_ x: BigInt, _ y: BigInt, _ op: BinaryOperator) throws(PyError) -> Value {
        switch op {
        case .add: return newInt(x + y)
        case .sub: return newInt(x - y)
        case .mul:
            if x.bitWidth + y.bitWidth > 8 * 1024 * 1024 { throw memoryError(x.bitWidth / 8 + y.bitWidth / 8) }
            return newInt(x * y)
        case .truediv:
            if y == 0 { throw zeroDivision() }
            return Value(float: intTrueDivide(x, y))
        case .floordiv:
            if y == 0 { throw zeroDivision() }
            return newInt(floorDiv(x, y))
        case .mod:
            if y == 0 { throw zeroDivision() }
            return newInt(x - floorDiv(x, y) * y)
        case .pow:
            if y < 0 {
                guard let fx = Double(exactly: x) ?? Optional(Double(x)) else { return .null }
                if fx == 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
                return Value(float: Foundation.pow(fx, Double(y)))
            }
            guard let e = Int(exactly: y) else { throw overflowError("exponent too large") }
            if x.magnitude > 1 && x.bitWidth * e > 8 * 1024 * 1024 { throw memoryError(x.bitWidth * e / 8) }
            return newInt(x.power(e))
        case .lshift:
            if y < 0 { throw valueError("negative shift count") }
            guard let s = Int(exactly: y), s < 8 * 1024 * 1024 else { throw overflowError("shift count too large") }
            return newInt(x << s)
        case .rshift:
            if y < 0 { throw valueError("negative shift count") }
            guard let s = Int(exactly: y) else { return newInt(x < 0 ? -1 : 0) }
            return newInt(x >> s)
        case .bitand: return newInt(x & y)
        case .bitor: return newInt(x | y)
        case .bitxor: return newInt(x ^ y)
        case .matmul: return .null
        }
    }

    func floorDiv(_ x: BigInt, _ y: BigInt) -> BigInt {
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        if r != 0 && ((r < 0) != (y < 0)) { return q - 1 }
        return q
    }

    /// x / y correctly rounded even when the ints exceed a double's precision.
    func intTrueDivide(_ x: BigInt, _ y: BigInt) -> Double {
        if let a = Int(exactly: x), let b = Int(exactly: y), abs(a) < (1 << 53), abs(b) < (1 << 53) {
            return Double(a) / Double(b)
        }
        // Scale so the quotient keeps 64 significant bits, then round once.
        let shift = max(0, 64 - (x.magnitude.bitWidth - y.magnitude.bitWidth))
        let q = (x << shift) / y
        return Double(q) * Foundation.pow(2.0, Double(-shift))
    }

    func floatBinary(_ x: Double, _ y: Double, _ op: BinaryOperator) throws(PyError) -> Value {
        switch op {
        case .add: return Value(float: x + y)
        case .sub: return Value(float: x - y)
        case .mul: return Value(float: x * y)
        case .truediv:
            if y == 0 { throw zeroDivision() }
            return Value(float: x / y)
        case .floordiv:
            if y == 0 { throw zeroDivision() }
            return Value(float: floatFloorDiv(x, y))
        case .mod:
            if y == 0 { throw zeroDivision() }
            return Value(float: floatMod(x, y))
        case .pow:
            if x == 0 && y < 0 { throw zeroDivision("0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded() {
                throw valueError("math domain error")
            }
            return Value(float: Foundation.pow(x, y))
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
        if v.isFloat {
            let d = v.asFloat
            if d.isNaN { return 0 }
            if d.isInfinite { return d > 0 ? 314159 : -314159 }
            if d == d.rounded(), abs(d) < 9.2e18 {
                let i = Int(d)
                return i == -1 ? -2 : i
            }
            // Mix the bits for non-integral values.
            var h = Int(truncatingIfNeeded: d.bitPattern ^ (d.bitPattern >> 29))
            if h == -1 { h = -2 }
            return h
        }
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
