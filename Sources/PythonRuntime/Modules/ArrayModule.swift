import BigInt
import Foundation

/// The `array` module: the array class is Python (a list of converted items);
/// item conversion and the byte layout are native (`_conv`, `_pack`, `_unpack`).
extension Runtime {
    /// (item size, signed, is float) of an array typecode.
    func arrayTypecode(_ v: Value) throws(PyError) -> (size: Int, signed: Bool, float: Bool) {
        guard v.isObject, let s = v.object as? PyStr, s.count == 1 else {
            throw typeError("array() argument 1 must be a unicode character, not \(typeName(v))")
        }
        switch s.value {
        case "b": return (1, true, false)
        case "B": return (1, false, false)
        case "h": return (2, true, false)
        case "H": return (2, false, false)
        case "i": return (4, true, false)
        case "I": return (4, false, false)
        case "l", "q": return (8, true, false)
        case "L", "Q": return (8, false, false)
        case "f": return (4, true, true)
        case "d": return (8, true, true)
        default: throw valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        }
    }

    func installArrayModule() {
        registerPythonModule("array") { rt, m throws(PyError) in
            rt.moduleFunction(m, "_conv") { rt, args throws(PyError) in
                try args.expect(rt, "_conv", 2, 2)
                let tc = try rt.arrayTypecode(args[0])
                let v = args[1]
                if tc.float {
                    guard let d = rt.floatValue(v) else { throw rt.typeError("must be real number, not \(rt.typeName(v))") }
                    return Value(float: tc.size == 4 ? Double(Float(d)) : d)
                }
                guard rt.isIntLike(v), let i = rt.bigInt(v) else {
                    throw rt.typeError("an integer is required (got type \(rt.typeName(v)))")
                }
                let bits = tc.size * 8
                let lo: BigInt = tc.signed ? -(BigInt(1) << (bits - 1)) : 0
                let hi: BigInt = tc.signed ? (BigInt(1) << (bits - 1)) - 1 : (BigInt(1) << bits) - 1
                if i < lo || i > hi { throw rt.overflowError("array item out of range") }
                return v
            }
            rt.moduleFunction(m, "_itemsize") { rt, args throws(PyError) in
                try args.expect(rt, "_itemsize", 1, 1)
                return rt.int(try rt.arrayTypecode(args[0]).size)
            }
            rt.moduleFunction(m, "_pack") { rt, args throws(PyError) in
                try args.expect(rt, "_pack", 2, 2)
                let tc = try rt.arrayTypecode(args[0])
                let items = try rt.iterateToArray(args[1])
                var out: [UInt8] = []
                out.reserveCapacity(items.count * tc.size)
                for v in items {
                    var raw: UInt64
                    if tc.float {
                        let d = rt.floatValue(v) ?? 0
                        raw = tc.size == 4 ? UInt64(Float(d).bitPattern) : d.bitPattern
                    } else {
                        let i = rt.bigInt(v) ?? 0
                        let mask = (BigInt(1) << 64) - 1
                        raw = UInt64((i < 0 ? i + (BigInt(1) << 64) : i) & mask)
                    }
                    for k in 0..<tc.size { out.append(UInt8(truncatingIfNeeded: raw >> (8 * k))) }
                }
                return Value(rt.newBytes(out))
            }
            rt.moduleFunction(m, "_unpack") { rt, args throws(PyError) in
                try args.expect(rt, "_unpack", 2, 2)
                let tc = try rt.arrayTypecode(args[0])
                let bytes = try rt.bytesFrom(args[1])
                if bytes.count % tc.size != 0 { throw rt.valueError("bytes length not a multiple of item size") }
                var out = ContiguousArray<Value>()
                var k = 0
                while k < bytes.count {
                    var raw: UInt64 = 0
                    for j in 0..<tc.size { raw |= UInt64(bytes[k + j]) << (8 * j) }
                    k += tc.size
                    if tc.float {
                        out.append(Value(float: tc.size == 4 ? Double(Float(bitPattern: UInt32(raw))) : Double(bitPattern: raw)))
                    } else if tc.signed {
                        let shift = 64 - tc.size * 8
                        out.append(rt.int(Int(Int64(bitPattern: raw << shift) >> shift)))
                    } else if raw > UInt64(Int.max) {
                        out.append(rt.newInt(BigInt(raw)))
                    } else {
                        out.append(rt.int(Int(raw)))
                    }
                }
                return Value(rt.newList(out))
            }
        }
    }
}
