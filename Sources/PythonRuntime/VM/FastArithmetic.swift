import Foundation

/// Binary operators on small ints and floats without leaving the interpreter
/// loop; `.null` when the operands or result need the general path (big ints,
/// overflow, division by zero, objects).
@inline(__always)
func fastBinary(_ a: Value, _ b: Value, _ op: Int) -> Value {
    if a.isSmallInt && b.isSmallInt {
        let x = a.asSmallInt, y = b.asSmallInt
        switch op {
        case BinaryOperator.add.rawValue:
            let r = x &+ y
            return Value.fitsSmall(r) ? Value(small: r) : .null
        case BinaryOperator.sub.rawValue:
            let r = x &- y
            return Value.fitsSmall(r) ? Value(small: r) : .null
        case BinaryOperator.mul.rawValue:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return !o && Value.fitsSmall(r) ? Value(small: r) : .null
        case BinaryOperator.mod.rawValue:
            if y == 0 { return .null }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return Value(small: r)
        case BinaryOperator.floordiv.rawValue:
            if y == 0 { return .null }
            var q = x / y
            if x % y != 0 && ((x < 0) != (y < 0)) { q -= 1 }
            return Value.fitsSmall(q) ? Value(small: q) : .null
        case BinaryOperator.truediv.rawValue:
            if y == 0 { return .null }
            return Value(float: Double(x) / Double(y))
        case BinaryOperator.lshift.rawValue:
            if y < 0 || y >= 48 { return x == 0 && y >= 0 ? Value(small: 0) : .null }
            let r = x << y
            return (r >> y) == x && Value.fitsSmall(r) ? Value(small: r) : .null
        case BinaryOperator.rshift.rawValue:
            if y < 0 { return .null }
            return Value(small: y >= 63 ? (x < 0 ? -1 : 0) : x >> y)
        case BinaryOperator.bitand.rawValue: return Value(small: x & y)
        case BinaryOperator.bitor.rawValue: return Value(small: x | y)
        case BinaryOperator.bitxor.rawValue: return Value(small: x ^ y)
        case BinaryOperator.pow.rawValue:
            if y < 0 || y > 64 { return .null }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return .null }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { return .null }
                    base = sq
                }
            }
            return Value.fitsSmall(result) ? Value(small: result) : .null
        default:
            return .null
        }
    }
    let x: Double, y: Double
    if a.isFloat {
        x = a.asFloat
        if b.isFloat { y = b.asFloat } else if b.isSmallInt { y = Double(b.asSmallInt) } else { return .null }
    } else if b.isFloat && a.isSmallInt {
        x = Double(a.asSmallInt)
        y = b.asFloat
    } else {
        return .null
    }
    switch op {
    case BinaryOperator.add.rawValue: return Value(float: x + y)
    case BinaryOperator.sub.rawValue: return Value(float: x - y)
    case BinaryOperator.mul.rawValue: return Value(float: x * y)
    case BinaryOperator.truediv.rawValue: return y != 0 ? Value(float: x / y) : .null
    case BinaryOperator.pow.rawValue:
        // The general path handles 0 ** negative, negative ** fraction and overflow.
        if x > 0 {
            let r = Foundation.pow(x, y)
            return r.isFinite ? Value(float: r) : .null
        }
        return .null
    case BinaryOperator.floordiv.rawValue, BinaryOperator.mod.rawValue:
        if y == 0 || !x.isFinite || !y.isFinite { return .null }
        var m = fmod(x, y)
        var div = (x - m) / y
        if m != 0 {
            if (y < 0) != (m < 0) {
                m += y
                div -= 1
            }
        } else {
            m = y < 0 ? -0.0 : 0.0
        }
        if op == BinaryOperator.mod.rawValue { return Value(float: m) }
        if div != 0 {
            var floored = div.rounded(.down)
            if div - floored > 0.5 { floored += 1 }
            return Value(float: floored)
        }
        return Value(float: x / y < 0 ? -0.0 : 0.0)
    default: return .null
    }
}

/// `x op y` for the comparison operators in CompareOperator's order (< <= == != > >=).
@inline(__always)
private func compare<T: Comparable>(_ x: T, _ y: T, _ op: Int) -> Bool {
    switch op {
    case 0: return x < y
    case 1: return x <= y
    case 2: return x == y
    case 3: return x != y
    case 4: return x > y
    default: return x >= y
    }
}

/// Comparisons of two small ints or floats (mixed too); nil when not both numbers.
@inline(__always)
func fastCompare(_ a: Value, _ b: Value, _ op: Int) -> Bool? {
    if a.isSmallInt && b.isSmallInt {
        return compare(a.asSmallInt, b.asSmallInt, op)
    }
    let x: Double, y: Double
    if a.isFloat {
        x = a.asFloat
        if b.isFloat { y = b.asFloat } else if b.isSmallInt { y = Double(b.asSmallInt) } else { return nil }
    } else if b.isFloat && a.isSmallInt {
        x = Double(a.asSmallInt)
        y = b.asFloat
    } else {
        return nil
    }
    return compare(x, y, op)
}
