import BigInt

/// The state of one `random` module: xoshiro256** seeded through splitmix64.
/// MicroPython's exact sequence is not reproduced, only its API and its
/// determinism: a fixed seed at start, as a board after reset.
final class RandomState {
    static let defaultSeed: UInt64 = 0x4272_6561_6462_6f78  // "Breadbox"
    var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() { seed(RandomState.defaultSeed) }

    func seed(_ value: UInt64) {
        var x = value
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in 0..<bound (bound > 0), without modulo bias.
    func below(_ bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let r = next()
            if r < limit { return r % bound }
        }
    }

    /// A uniform double in [0, 1).
    func double() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// The `random` module: MicroPython's API (seed, getrandbits, randrange,
/// randint, random, uniform, choice).
extension Runtime {
    func installRandomModule() {
        registerNativeModule("random") { rt, module throws(PyError) in
            rt.installRandomFunctions(module, RandomState())
        }
    }

    func randomInt(_ v: Value) throws(PyError) -> Int {
        guard isIntLike(v) else { throw typeError("can't convert \(typeName(v)) to int") }
        guard let i = smallInt(v) else { throw overflowError("overflow converting long int to machine word") }
        return i
    }

    func emptyValueError() -> PyError { PyError(newException(types.ValueError, args: [])) }

    /// A random element of range(start, stop, step).
    func randomRange(_ state: RandomState, _ start: Int, _ stop: Int, _ step: Int) throws(PyError) -> Value {
        if step == 0 { throw emptyValueError() }
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if span.overflow { throw overflowError("overflow converting long int to machine word") }
        if span.partialValue <= 0 { throw emptyValueError() }
        let magnitude = step.magnitude
        let n = (UInt64(span.partialValue) + UInt64(magnitude) - 1) / UInt64(magnitude)
        let k = state.below(n)
        let offset = BigInt(k) * BigInt(step)
        return newInt(BigInt(start) + offset)
    }

    func installRandomFunctions(_ m: PyModule, _ state: RandomState) {
        moduleFunction(m, "seed") { rt, args throws(PyError) in
            try args.expect(rt, "seed", 0, 1)
            if args.count == 0 || args[0].isNone {
                // A board seeds from its hardware RNG; here: from the runtime's clock.
                state.seed(rt.host.clock.monotonicNanoseconds ^ UInt64(bitPattern: Int64(rt.host.clock.epochSeconds * 1e6)))
            } else {
                guard rt.isIntLike(args[0]), let i = rt.bigInt(args[0]) else {
                    throw rt.typeError("can't convert \(rt.typeName(args[0])) to int")
                }
                state.seed(UInt64(truncatingIfNeeded: i))
            }
            return .none
        }
        moduleFunction(m, "getrandbits") { rt, args throws(PyError) in
            try args.expect(rt, "getrandbits", 1, 1)
            let n = try rt.randomInt(args[0])
            if n < 0 || n > 32 { throw rt.valueError("bits must be 32 or less") }
            if n == 0 { return Value(small: 0) }
            return Value(small: Int(state.next() >> UInt64(64 - n)))
        }
        moduleFunction(m, "randrange") { rt, args throws(PyError) in
            try args.expect(rt, "randrange", 1, 3)
            if args.count == 1 {
                return try rt.randomRange(state, 0, try rt.randomInt(args[0]), 1)
            }
            let step = args.count == 3 ? try rt.randomInt(args[2]) : 1
            return try rt.randomRange(state, try rt.randomInt(args[0]), try rt.randomInt(args[1]), step)
        }
        moduleFunction(m, "randint") { rt, args throws(PyError) in
            try args.expect(rt, "randint", 2, 2)
            let a = try rt.randomInt(args[0]), b = try rt.randomInt(args[1])
            if b < a { throw rt.emptyValueError() }
            let span = UInt64(bitPattern: Int64(b) &- Int64(a))
            if span == UInt64.max { return rt.newInt(BigInt(a) + BigInt(state.next())) }
            return rt.newInt(BigInt(a) + BigInt(state.below(span + 1)))
        }
        moduleFunction(m, "random") { rt, args throws(PyError) in
            try args.expect(rt, "random", 0, 0)
            return Value(float: state.double())
        }
        moduleFunction(m, "uniform") { rt, args throws(PyError) in
            try args.expect(rt, "uniform", 2, 2)
            let a = try rt.mathFloat(args[0]), b = try rt.mathFloat(args[1])
            return Value(float: a + (b - a) * state.double())
        }
        moduleFunction(m, "choice") { rt, args throws(PyError) in
            try args.expect(rt, "choice", 1, 1)
            let n = try rt.length(args[0])
            if n == 0 { throw PyError(rt.newException(rt.types.IndexError, args: [])) }
            return try rt.getItem(args[0], rt.int(Int(state.below(UInt64(n)))))
        }
    }
}
