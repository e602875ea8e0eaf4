import BigInt
import Foundation

/// The `array` module: the array class is Python over a bytearray of packed items
/// (Firmware/runtime/array.py); item conversion and the byte layout are native
/// (`_conv`, `_pack`, `_unpack`, `_get`, `_set`).
extension Runtime {
    /// An `array.array`'s packed bytes and typecode, if `o` is one.
    func arrayBuffer(_ o: PyObject) -> (buffer: PyBytes, typecode: Character)? {
        guard o.instanceDict.isObject, !o.type.isBuiltin, o.type.mro.contains(where: { $0.name == "array" }) else { return nil }
        let d = unsafeDowncast(o.instanceDict.object, to: PyDict.self)
        let data = d.getStr(intern("_buf")), code = d.getStr(intern("typecode"))
        guard data.isObject, let b = data.object as? PyBytes, code.isObject, let tc = code.object as? PyStr,
              let c = tc.value.first else { return nil }
        return (b, c)
    }

    /// `v` converted for an array of typecode `tc` (range-checked), as raw little-endian bits.
    func arrayItemBits(_ tc: (size: Int, signed: Bool, float: Bool), _ v: Value) throws(PyError) -> UInt64 {
        if tc.float {
            guard let d = floatValue(v) else { throw typeError("must be real number, not \(typeName(v))") }
            return tc.size == 4 ? UInt64(Float(d).bitPattern) : d.bitPattern
        }
        guard isIntLike(v), let i = bigInt(v) else {
            throw typeError("an integer is required (got type \(typeName(v)))")
        }
        let bits = tc.size * 8
        let lo: BigInt = tc.signed ? -(BigInt(1) << (bits - 1)) : 0
        let hi: BigInt = tc.signed ? (BigInt(1) << (bits - 1)) - 1 : (BigInt(1) << bits) - 1
        if i < lo || i > hi { throw overflowError("array item out of range") }
        if let small = Int(exactly: i) { return UInt64(bitPattern: Int64(small)) }
        let mask = (BigInt(1) << 64) - 1
        return UInt64((i < 0 ? i + (BigInt(1) << 64) : i) & mask)
    }

    /// The item whose little-endian bits are `raw`.
    func arrayItem(_ tc: (size: Int, signed: Bool, float: Bool), _ raw: UInt64) -> Value {
        if tc.float {
            return Value(float: tc.size == 4 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))) : Double(bitPattern: raw))
        }
        if tc.signed {
            let shift = UInt64(64 - tc.size * 8)
            return int(Int(Int64(bitPattern: raw << shift) >> Int64(shift)))
        }
        if raw > UInt64(Int.max) { return newInt(BigInt(raw)) }
        return int(Int(raw))
    }

    /// Item `index` of a packed buffer (negative from the end).
    func arrayItemOffset(_ buf: PyBytes, _ size: Int, _ index: Value, _ what: String) throws(PyError) -> Int {
        let n = buf.bytes.count / size
        guard var i = try indexValue(index) else {
            throw typeError("array indices must be integers, not \(typeName(index))")
        }
        if i < 0 { i += n }
        if i < 0 || i >= n { throw indexError(what) }
        return i * size
    }
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
                return rt.arrayItem(tc, try rt.arrayItemBits(tc, args[1]))
            }
            rt.moduleFunction(m, "_get") { rt, args throws(PyError) in
                try args.expect(rt, "_get", 3, 3)
                let tc = try rt.arrayTypecode(args[0])
                guard args[1].isObject, let buf = args[1].object as? PyBytes else { throw rt.typeError("array buffer expected") }
                let at = try rt.arrayItemOffset(buf, tc.size, args[2], "array index out of range")
                var raw: UInt64 = 0
                for j in 0..<tc.size { raw |= UInt64(buf.bytes[at + j]) << (8 * j) }
                return rt.arrayItem(tc, raw)
            }
            rt.moduleFunction(m, "_set") { rt, args throws(PyError) in
                try args.expect(rt, "_set", 4, 4)
                let tc = try rt.arrayTypecode(args[0])
                guard args[1].isObject, let buf = args[1].object as? PyBytes else { throw rt.typeError("array buffer expected") }
                let at = try rt.arrayItemOffset(buf, tc.size, args[2], "array assignment index out of range")
                let raw = try rt.arrayItemBits(tc, args[3])
                for j in 0..<tc.size { buf.bytes[at + j] = UInt8(truncatingIfNeeded: raw >> (8 * j)) }
                return .none
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
                    let raw = try rt.arrayItemBits(tc, v)
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
                    out.append(rt.arrayItem(tc, raw))
                }
                return Value(rt.newList(out))
            }
        }
    }
}
