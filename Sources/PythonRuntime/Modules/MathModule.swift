import BigInt
import Foundation

/// The `math` module: MicroPython's set plus the common CPython functions.
extension Runtime {
    func installMathModule() {
        registerNativeModule("math") { rt, module throws(PyError) in
            let d = module.dict
            d.setStr(rt.intern("pi"), Value(float: .pi))
            d.setStr(rt.intern("e"), Value(float: M_E))
            d.setStr(rt.intern("tau"), Value(float: 2 * .pi))
            d.setStr(rt.intern("inf"), Value(float: .infinity))
            d.setStr(rt.intern("nan"), Value(float: .nan))
            rt.installMathFunctions(module)
        }
    }

    /// A float argument of a math function.
    func mathFloat(_ v: Value) throws(PyError) -> Double {
        if let d = floatValue(v) {
            if d.isInfinite && !isFloatLike(v) { throw overflowError("int too large to convert to float") }
            return d
        }
        if v.isObject {
            let o = v.object
            let m = o.type.lookup(names.__float__)
            if !m.isNull {
                let r = try call(m, [v])
                guard let d = floatValue(r), isFloatLike(r) else { throw typeError("__float__ returned non-float") }
                return d
            }
            let idx = o.type.lookup(names.__index__)
            if !idx.isNull, let d = floatValue(try call(idx, [v])) { return d }
        }
        throw typeError("must be real number, not \(typeName(v))")
    }

    /// An int argument of a math function (ints and objects with __index__).
    func mathInt(_ v: Value) throws(PyError) -> BigInt {
        if let i = bigInt(v) { return i }
        if v.isObject {
            let idx = v.object.type.lookup(names.__index__)
            if !idx.isNull, let i = bigInt(try call(idx, [v])) { return i }
        }
        throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
    }

    func mathDomain() -> PyError { valueError("math domain error") }
    func mathRange() -> PyError { overflowError("math range error") }

    /// The result of a libm call, with CPython's error rules: NaN from non-NaN
    /// input is a domain error, infinity from finite input a range error.
    func mathResult(_ r: Double, _ inputs: Double..., overflowIsRange: Bool = true) throws(PyError) -> Value {
        if r.isNaN && !inputs.contains(where: { $0.isNaN }) { throw mathDomain() }
        if r.isInfinite && inputs.allSatisfy({ $0.isFinite }) { throw overflowIsRange ? mathRange() : mathDomain() }
        return Value(float: r)
    }

    /// `f` (log, log2 or log10) of an int or float argument, for ints too large
    /// for a double too (CPython's loghelper: f(m) + f(2) * e with x = m * 2**e).
    func mathLog(_ v: Value, _ f: (Double) -> Double = { Foundation.log($0) }) throws(PyError) -> Double {
        if !isFloatLike(v), let i = bigInt(v) {
            if i <= 0 { throw mathDomain() }
            let d = bigToDouble(i)
            if d.isInfinite {
                let e = i.magnitude.bitWidth
                return f(bigToDouble(i, exponent: -e)) + f(2.0) * Double(e)
            }
            return f(d)
        }
        let x = try mathFloat(v)
        if x.isNaN { return x }
        if x <= 0 { throw mathDomain() }
        return f(x)
    }

    func installMathFunctions(_ m: PyModule) {
        func unary(_ name: String, _ f: @escaping (Double) -> Double, domain: ((Double) -> Bool)? = nil, overflowIsRange: Bool = true) {
            moduleFunction(m, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let x = try rt.mathFloat(args[0])
                if let ok = domain, !x.isNaN, !ok(x) { throw rt.mathDomain() }
                return try rt.mathResult(f(x), x, overflowIsRange: overflowIsRange)
            }
        }
        unary("sqrt", { $0.squareRoot() }, domain: { $0 >= 0 })
        unary("exp", { Foundation.exp($0) })
        unary("expm1", { Foundation.expm1($0) })
        unary("log1p", { Foundation.log1p($0) }, domain: { $0 > -1 })
        unary("cos", { Foundation.cos($0) }, domain: { !$0.isInfinite })
        unary("sin", { Foundation.sin($0) }, domain: { !$0.isInfinite })
        unary("tan", { Foundation.tan($0) }, domain: { !$0.isInfinite })
        unary("acos", { Foundation.acos($0) }, domain: { abs($0) <= 1 })
        unary("asin", { Foundation.asin($0) }, domain: { abs($0) <= 1 })
        unary("atan", { Foundation.atan($0) })
        unary("cosh", { Foundation.cosh($0) })
        unary("sinh", { Foundation.sinh($0) })
        unary("tanh", { Foundation.tanh($0) })
        unary("acosh", { Foundation.acosh($0) }, domain: { $0 >= 1 })
        unary("asinh", { Foundation.asinh($0) })
        unary("atanh", { Foundation.atanh($0) }, domain: { abs($0) < 1 })
        unary("fabs", { abs($0) })
        unary("degrees", { $0 * (180.0 / .pi) })
        unary("radians", { $0 * (.pi / 180.0) })
        unary("erf", { Foundation.erf($0) })
        unary("erfc", { Foundation.erfc($0) })
        for (name, f) in [("gamma", Lanczos.gamma), ("lgamma", Lanczos.lgamma)] {
            moduleFunction(m, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let x = try rt.mathFloat(args[0])
                guard let r = f(x) else { throw rt.mathDomain() }
                if r.isInfinite && x.isFinite { throw rt.mathRange() }
                return Value(float: r)
            }
        }

        moduleFunction(m, "log") { rt, args throws(PyError) in
            try args.expect(rt, "log", 1, 2)
            let num = try rt.mathLog(args[0])
            if args.count == 1 { return Value(float: num) }
            let den = try rt.mathLog(args[1])
            if den == 0 { throw rt.zeroDivision("float division by zero") }
            return Value(float: num / den)
        }
        for (name, f) in [("log2", { Foundation.log2($0) }), ("log10", { Foundation.log10($0) })] as [(String, (Double) -> Double)] {
            moduleFunction(m, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                return Value(float: try rt.mathLog(args[0], f))
            }
        }
        moduleFunction(m, "pow") { rt, args throws(PyError) in
            try args.expect(rt, "pow", 2, 2)
            let x = try rt.mathFloat(args[0]), y = try rt.mathFloat(args[1])
            if x.isFinite && y.isFinite {
                if x == 0 && y < 0 { throw rt.mathDomain() }
                if x < 0 && y != y.rounded() { throw rt.mathDomain() }
            }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw rt.mathRange() }
            return Value(float: r)
        }
        moduleFunction(m, "atan2") { rt, args throws(PyError) in
            try args.expect(rt, "atan2", 2, 2)
            return Value(float: Foundation.atan2(try rt.mathFloat(args[0]), try rt.mathFloat(args[1])))
        }
        moduleFunction(m, "fmod") { rt, args throws(PyError) in
            try args.expect(rt, "fmod", 2, 2)
            let x = try rt.mathFloat(args[0]), y = try rt.mathFloat(args[1])
            if y.isInfinite && x.isFinite { return Value(float: x) }
            if (y == 0 || x.isInfinite) && !x.isNaN && !y.isNaN { throw rt.mathDomain() }
            return Value(float: Foundation.fmod(x, y))
        }
        moduleFunction(m, "copysign") { rt, args throws(PyError) in
            try args.expect(rt, "copysign", 2, 2)
            return Value(float: Foundation.copysign(try rt.mathFloat(args[0]), try rt.mathFloat(args[1])))
        }
        moduleFunction(m, "hypot") { rt, args throws(PyError) in
            var values: [Double] = []
            for i in 0..<args.count { values.append(try rt.mathFloat(args[i])) }
            if values.contains(where: { $0.isInfinite }) { return Value(float: .infinity) }
            if values.contains(where: { $0.isNaN }) { return Value(float: .nan) }
            let scale = values.map { abs($0) }.max() ?? 0
            if scale == 0 { return Value(float: 0) }
            if values.count == 2 { return Value(float: Foundation.hypot(values[0], values[1])) }
            var sum = 0.0
            for v in values { let q = v / scale; sum += q * q }
            return Value(float: scale * sum.squareRoot())
        }
        let roundings: [(String, FloatingPointRoundingRule, String)] = [
            ("ceil", .up, "__ceil__"), ("floor", .down, "__floor__"), ("trunc", .towardZero, "__trunc__"),
        ]
        for (name, rule, dunder) in roundings {
            moduleFunction(m, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let v = args[0]
                if let i = rt.bigInt(v) { return rt.newInt(i) }
                if rt.isFloatLike(v) { return try rt.integralToInt(rt.floatValue(v)!.rounded(rule)) }
                if v.isObject {
                    let method = v.object.type.lookup(rt.intern(dunder))
                    if !method.isNull { return try rt.call(method, [v]) }
                }
                if name == "trunc" { throw rt.typeError("type \(rt.typeName(v)) doesn't define __trunc__ method") }
                return try rt.integralToInt(try rt.mathFloat(v).rounded(rule))
            }
        }
        moduleFunction(m, "frexp") { rt, args throws(PyError) in
            try args.expect(rt, "frexp", 1, 1)
            let x = try rt.mathFloat(args[0])
            if x == 0 || !x.isFinite { return rt.tuple([Value(float: x), Value(small: 0)]) }
            let (mant, e) = Foundation.frexp(abs(x))
            return rt.tuple([Value(float: Foundation.copysign(mant, x)), rt.int(e)])
        }
        moduleFunction(m, "ldexp") { rt, args throws(PyError) in
            try args.expect(rt, "ldexp", 2, 2)
            let x = try rt.mathFloat(args[0])
            guard let i = rt.bigInt(args[1]) else { throw rt.typeError("Expected an int as second argument to ldexp.") }
            if x == 0 || !x.isFinite { return Value(float: x) }
            let e = Int(clamping: max(BigInt(-100_000), min(BigInt(100_000), i)))
            let r = Foundation.scalbn(x, e)
            if r.isInfinite { throw rt.mathRange() }
            return Value(float: r)
        }
        moduleFunction(m, "modf") { rt, args throws(PyError) in
            try args.expect(rt, "modf", 1, 1)
            let x = try rt.mathFloat(args[0])
            if x.isInfinite { return rt.tuple([Value(float: Foundation.copysign(0, x)), Value(float: x)]) }
            let ip = x.rounded(.towardZero)
            return rt.tuple([Value(float: Foundation.copysign(x - ip, x)), Value(float: ip)])
        }
        moduleFunction(m, "isfinite") { rt, args throws(PyError) in
            try args.expect(rt, "isfinite", 1, 1)
            return Value(bool: try rt.mathFloat(args[0]).isFinite)
        }
        moduleFunction(m, "isinf") { rt, args throws(PyError) in
            try args.expect(rt, "isinf", 1, 1)
            return Value(bool: try rt.mathFloat(args[0]).isInfinite)
        }
        moduleFunction(m, "isnan") { rt, args throws(PyError) in
            try args.expect(rt, "isnan", 1, 1)
            return Value(bool: try rt.mathFloat(args[0]).isNaN)
        }
        moduleFunction(m, "isclose") { rt, args throws(PyError) in
            try args.expect(rt, "isclose", 2, 2, keywords: true)
            let a = try rt.mathFloat(args[0]), b = try rt.mathFloat(args[1])
            let relV = args.keyword("rel_tol"), absV = args.keyword("abs_tol")
            let rel = relV.isNull ? 1e-9 : try rt.mathFloat(relV)
            let absTol = absV.isNull ? 0.0 : try rt.mathFloat(absV)
            if rel < 0 || absTol < 0 { throw rt.valueError("tolerances must be non-negative") }
            if a == b { return .true }
            if a.isInfinite || b.isInfinite { return .false }
            let diff = abs(b - a)
            return Value(bool: (diff <= abs(rel * b)) || (diff <= abs(rel * a)) || diff <= absTol)
        }
        moduleFunction(m, "gcd") { rt, args throws(PyError) in
            var g = BigInt(0)
            for i in 0..<args.count { g = g.greatestCommonDivisor(with: try rt.mathInt(args[i])) }
            return rt.newInt(BigInt(g.magnitude))
        }
        moduleFunction(m, "lcm") { rt, args throws(PyError) in
            var l = BigInt(1)
            for i in 0..<args.count {
                let x = BigInt(try rt.mathInt(args[i]).magnitude)
                if x == 0 || l == 0 { l = 0; continue }
                l = l / l.greatestCommonDivisor(with: x) * x
            }
            return rt.newInt(l)
        }
        moduleFunction(m, "factorial") { rt, args throws(PyError) in
            try args.expect(rt, "factorial", 1, 1)
            let n = try rt.wholeNumberArgument(args[0])
            if n < 0 { throw rt.valueError("factorial() not defined for negative values") }
            guard let k = Int(exactly: n), k <= 100_000 else { throw rt.overflowError("factorial() argument should not exceed 100000") }
            return rt.newInt(rt.rangeProduct(1, k))
        }
        // comb(n, k) and perm(n, k): n and k non-negative; k > n gives 0.
        moduleFunction(m, "comb") { rt, args throws(PyError) in
            try args.expect(rt, "comb", 2, 2)
            let n = try rt.mathInt(args[0]), k = try rt.mathInt(args[1])
            guard try rt.countingArguments(n, k) else { return Value(small: 0) }
            let kk = min(k, n - k)
            guard let kInt = Int(exactly: kk), kInt <= 1_000_000 else { throw rt.overflowError("min(n - k, k) must not exceed 1000000") }
            var r = BigInt(1)
            for i in 0..<kInt { r = r * (n - BigInt(i)) / BigInt(i + 1) }
            return rt.newInt(r)
        }
        moduleFunction(m, "perm") { rt, args throws(PyError) in
            try args.expect(rt, "perm", 1, 2)
            let n = try rt.mathInt(args[0])
            let k = args.count < 2 || args[1].isNone ? n : try rt.mathInt(args[1])
            guard try rt.countingArguments(n, k) else { return Value(small: 0) }
            guard let kInt = Int(exactly: k), kInt <= 1_000_000 else { throw rt.overflowError("k must not exceed 1000000") }
            var r = BigInt(1)
            for i in 0..<kInt { r *= n - BigInt(i) }
            return rt.newInt(r)
        }
        moduleFunction(m, "isqrt") { rt, args throws(PyError) in
            try args.expect(rt, "isqrt", 1, 1)
            let n = try rt.wholeNumberArgument(args[0])
            if n < 0 { throw rt.valueError("isqrt() argument must be nonnegative") }
            return rt.newInt(BigInt(n.magnitude.squareRoot()))
        }
        moduleFunction(m, "prod") { rt, args throws(PyError) in
            try args.expect(rt, "prod", 1, 1, keywords: true)
            let startV = args.keyword("start")
            var acc = startV.isNull ? Value(small: 1) : startV
            let it = try rt.getIterator(args[0])
            while true {
                let v = try rt.nextValue(it)
                if v.isNull { return acc }
                acc = try rt.binaryOperation(acc, v, .mul, inplace: false)
            }
        }
        moduleFunction(m, "fsum") { rt, args throws(PyError) in
            try args.expect(rt, "fsum", 1, 1)
            var values: [Double] = []
            let it = try rt.getIterator(args[0])
            while true {
                let v = try rt.nextValue(it)
                if v.isNull { break }
                values.append(try rt.mathFloat(v))
            }
            return Value(float: try rt.exactSum(values))
        }
    }

    /// lo * (lo+1) * ... * hi by binary splitting.
    func rangeProduct(_ lo: Int, _ hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 16 {
            var r = BigInt(1)
            for i in lo...hi { r *= BigInt(i) }
            return r
        }
        let mid = (lo + hi) / 2
        return rangeProduct(lo, mid) * rangeProduct(mid + 1, hi)
    }

    /// math.fsum: the correctly rounded sum, computed exactly with big ints.
    func exactSum(_ values: [Double]) throws(PyError) -> Double {
        var specialSum = 0.0
        var anySpecial = false
        for v in values where !v.isFinite {
            anySpecial = true
            specialSum += v
        }
        if anySpecial {
            if specialSum.isNaN && !values.contains(where: { $0.isNaN }) { throw valueError("-inf + inf in fsum") }
            return specialSum
        }
        // Every finite double is k * 2**-1074 for an integer k.
        var total = BigInt(0)
        for v in values where v != 0 {
            let mant = BigInt(v.significandBitPattern | (v.exponentBitPattern == 0 ? 0 : 1 << 52))
            let shift = v.exponentBitPattern == 0 ? 0 : Int(v.exponentBitPattern) - 1
            let k = mant << shift
            total += v < 0 ? -k : k
        }
        if total == 0 { return 0.0 }
        let d = bigToDouble(total, exponent: -1074)
        if d.isInfinite { throw overflowError("intermediate overflow in fsum") }
        return d
    }

    /// An int argument where a float, even a whole one, is a TypeError (factorial, isqrt).
    func wholeNumberArgument(_ v: Value) throws(PyError) -> BigInt {
        if isFloatLike(v) { throw typeError("'float' object cannot be interpreted as an integer") }
        return try mathInt(v)
    }

    /// comb's and perm's argument checks: false when k > n (no ways to choose).
    func countingArguments(_ n: BigInt, _ k: BigInt) throws(PyError) -> Bool {
        if n < 0 { throw valueError("n must be a non-negative integer") }
        if k < 0 { throw valueError("k must be a non-negative integer") }
        return k <= n
    }
}

/// CPython's own gamma and lgamma (Lanczos approximation), so results match it to the last bit.
enum Lanczos {
    static let g = 6.024680040776729583740234375
    static let gMinusHalf = 5.524680040776729583740234375
    static let num: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    static let den: [Double] = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
                                13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0]
    static let integral: [Double] = [
        1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0,
        479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
        6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
        1124000727777607680000.0,
    ]
    static let logPi = 1.144729885849400174143427351353058711647

    static func sum(_ x: Double) -> Double {
        var n = 0.0, d = 0.0
        if x < 5.0 {
            for i in stride(from: 12, through: 0, by: -1) { n = n * x + num[i]; d = d * x + den[i] }
        } else {
            for i in 0..<13 { n = n / x + num[i]; d = d / x + den[i] }
        }
        return n / d
    }

    static func sinpi(_ x: Double) -> Double {
        let y = fmod(abs(x), 2.0)
        let n = Int((2.0 * y).rounded(.toNearestOrAwayFromZero))
        let r: Double
        switch n {
        case 0: r = sin(.pi * y)
        case 1: r = cos(.pi * (y - 0.5))
        case 2: r = sin(.pi * (1.0 - y))
        case 3: r = -cos(.pi * (y - 1.5))
        default: r = sin(.pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    /// Γ(x); nil for a domain error, infinity for a range error.
    static func gamma(_ x: Double) -> Double? {
        if !x.isFinite { return x.isNaN || x > 0 ? x : nil }
        if x == 0 { return nil }
        if x == x.rounded(.down) {
            if x < 0 { return nil }
            if x <= 23 { return integral[Int(x) - 1] }
        }
        let absx = abs(x)
        if absx < 1e-20 { return 1.0 / x }
        if absx > 200.0 { return x < 0 ? 0.0 / sinpi(x) : .infinity }
        let y = absx + gMinusHalf
        var z: Double
        if absx > gMinusHalf { z = (y - absx) - gMinusHalf } else { z = (y - gMinusHalf) - absx }
        z = z * g / y
        var r: Double
        if x < 0 {
            r = -.pi / sinpi(absx) / absx * exp(y) / sum(absx)
            r -= z * r
            if absx < 140.0 { r /= pow(y, absx - 0.5) } else {
                let s = pow(y, absx / 2.0 - 0.25)
                r /= s; r /= s
            }
        } else {
            r = sum(absx) / exp(y)
            r += z * r
            if absx < 140.0 { r *= pow(y, absx - 0.5) } else {
                let s = pow(y, absx / 2.0 - 0.25)
                r *= s; r *= s
            }
        }
        return r
    }

    /// log|Γ(x)|; nil for a domain error.
    static func lgamma(_ x: Double) -> Double? {
        if !x.isFinite { return x.isNaN ? x : .infinity }
        if x == x.rounded(.down) && x <= 2.0 { return x <= 0 ? nil : 0.0 }
        let absx = abs(x)
        if absx < 1e-20 { return -log(absx) }
        var r = log(sum(absx)) - g
        r += (absx - 0.5) * (log(absx + g - 0.5) - 1)
        if x < 0 { r = logPi - log(abs(sinpi(absx))) - log(absx) - r }
        return r
    }
}
