import BigInt
import Foundation

/// One item of a struct format: a code with its repeat count (for `s`, the length).
struct StructItem {
    var code: UInt8
    var count: Int
    var size: Int
    /// Byte offset of the first element.
    var offset: Int
}

/// A parsed struct format string.
struct StructFormat {
    var littleEndian: Bool
    var items: [StructItem]
    var size: Int
    /// Values `pack` takes and `unpack` returns.
    var valueCount: Int
}

/// The `struct` module, MicroPython's flavour: errors are ValueError/TypeError
/// (no `struct.error`), integers are truncated to the field width like
/// MicroPython does, `unpack` reads the start of a longer buffer.
extension Runtime {
    func installStructModule() {
        registerNativeModule("struct") { rt, module throws(PyError) in
            rt.installStructFunctions(module)
        }
    }

    func structFormat(_ v: Value) throws(PyError) -> StructFormat {
        guard v.isObject, let s = v.object as? PyStr, s.isInterned else { return try parseStructFormat(v) }
        if let known = structFormats[ObjectIdentifier(s)] { return known }
        let format = try parseStructFormat(v)
        structFormats[ObjectIdentifier(s)] = format
        return format
    }

    private func parseStructFormat(_ v: Value) throws(PyError) -> StructFormat {
        let text: [UInt8]
        if v.isObject, let s = v.object as? PyStr { text = Array(s.value.utf8) }
        else if v.isObject, let b = v.object as? PyBytes { text = b.bytes }
        else { throw typeError("can't convert '\(typeName(v))' object to str implicitly") }
        var i = 0
        var native = true, little = true
        if let first = text.first {
            switch first {
            case UInt8(ascii: "@"): i = 1
            case UInt8(ascii: "="), UInt8(ascii: "<"): native = false; i = 1
            case UInt8(ascii: ">"), UInt8(ascii: "!"): native = false; little = false; i = 1
            default: break
            }
        }
        var items: [StructItem] = []
        var offset = 0, values = 0
        while i < text.count {
            let c = text[i]
            if c == 32 || (9...13).contains(c) { i += 1; continue }
            var count = 1
            if (48...57).contains(c) {
                count = 0
                while i < text.count, (48...57).contains(text[i]) {
                    count = count * 10 + Int(text[i] - 48)
                    if count > 1 << 31 { throw valueError("total struct size too long") }
                    i += 1
                }
                guard i < text.count else { throw valueError("repeat count given without format specifier") }
            }
            let code = text[i]
            i += 1
            let size: Int
            switch code {
            case UInt8(ascii: "x"), UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "?"), UInt8(ascii: "s"): size = 1
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "e"): size = 2
            case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"): size = 4
            case UInt8(ascii: "l"), UInt8(ascii: "L"): size = native ? 8 : 4
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "d"): size = 8
            case UInt8(ascii: "P") where native: size = 8
            default: throw valueError("bad typecode")
            }
            if native && size > 1 { offset = (offset + size - 1) / size * size }
            items.append(StructItem(code: code, count: count, size: size, offset: offset))
            offset += size * count
            if code == UInt8(ascii: "s") { values += 1 } else if code != UInt8(ascii: "x") { values += count }
        }
        return StructFormat(littleEndian: little, items: items, size: offset, valueCount: values)
    }

    /// Writes the values into `buffer` at `base`, which has room for `format.size` bytes.
    func structPack(_ format: StructFormat, _ values: Slice<UnsafeBufferPointer<Value>>, into buffer: inout [UInt8], at base: Int) throws(PyError) {
        if values.count != format.valueCount {
            throw valueError("pack expected \(format.valueCount) items for packing (got \(values.count))")
        }
        var vi = values.startIndex
        func put(_ bits: UInt64, _ size: Int, _ at: Int) {
            for k in 0..<size {
                let shift = UInt64(8 * (format.littleEndian ? k : size - 1 - k))
                buffer[at + k] = UInt8(truncatingIfNeeded: bits >> shift)
            }
        }
        for item in format.items {
            let at = base + item.offset
            switch item.code {
            case UInt8(ascii: "x"):
                for k in 0..<item.count { buffer[at + k] = 0 }
            case UInt8(ascii: "s"):
                let v = values[vi]; vi += 1
                let bytes: [UInt8]
                if v.isObject, let s = v.object as? PyStr { bytes = Array(s.value.utf8) }
                else if v.isObject, let b = v.object as? PyBytes { bytes = b.bytes }
                else { throw typeError("argument for 's' must be a bytes object") }
                for k in 0..<item.count { buffer[at + k] = k < bytes.count ? bytes[k] : 0 }
            default:
                for k in 0..<item.count {
                    let v = values[vi]; vi += 1
                    let p = at + k * item.size
                    switch item.code {
                    case UInt8(ascii: "f"):
                        put(UInt64(Float(try mathFloat(v)).bitPattern), 4, p)
                    case UInt8(ascii: "d"):
                        put(try mathFloat(v).bitPattern, 8, p)
                    case UInt8(ascii: "e"):
                        put(UInt64(Runtime.halfBits(try mathFloat(v))), 2, p)
                    case UInt8(ascii: "?"):
                        buffer[p] = try isTruthy(v) ? 1 : 0
                    default:
                        if let i = smallInt(v) {
                            put(UInt64(bitPattern: Int64(i)), item.size, p)
                            continue
                        }
                        guard isIntLike(v), let i = bigInt(v) else {
                            throw typeError("can't convert \(typeName(v)) to int")
                        }
                        put(UInt64(truncatingIfNeeded: i), item.size, p)
                    }
                }
            }
        }
    }

    /// The values packed in `bytes` at `base`.
    func structUnpack(_ format: StructFormat, _ bytes: [UInt8], at base: Int) -> Value {
        var out = ContiguousArray<Value>()
        out.reserveCapacity(format.valueCount)
        func get(_ size: Int, _ at: Int) -> UInt64 {
            var r: UInt64 = 0
            for k in 0..<size {
                let shift = UInt64(8 * (format.littleEndian ? k : size - 1 - k))
                r |= UInt64(bytes[at + k]) << shift
            }
            return r
        }
        for item in format.items {
            let at = base + item.offset
            switch item.code {
            case UInt8(ascii: "x"): break
            case UInt8(ascii: "s"):
                out.append(Value(newBytes(Array(bytes[at..<(at + item.count)]))))
            default:
                for k in 0..<item.count {
                    let p = at + k * item.size
                    let raw = get(item.size, p)
                    switch item.code {
                    case UInt8(ascii: "f"): out.append(Value(float: Double(Float(bitPattern: UInt32(raw)))))
                    case UInt8(ascii: "d"): out.append(Value(float: Double(bitPattern: raw)))
                    case UInt8(ascii: "e"): out.append(Value(float: Runtime.halfValue(UInt16(raw))))
                    case UInt8(ascii: "?"): out.append(Value(bool: raw != 0))
                    case UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "q"):
                        let shift = UInt64(64 - 8 * item.size)
                        out.append(int(Int(Int64(bitPattern: raw << shift) >> Int64(shift))))
                    default:
                        out.append(raw <= UInt64(Int.max) ? int(Int(raw)) : newInt(BigInt(raw)))
                    }
                }
            }
        }
        return Value(newTuple(out))
    }

    /// IEEE 754 binary16 bits of `d`, rounded to nearest even.
    static func halfBits(_ d: Double) -> UInt16 {
        let f = Float(d)
        let bits = f.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        if f.isNaN { return sign | 0x7E00 }
        let a = abs(d)
        if a >= 65520 { return sign | 0x7C00 }  // overflow to infinity
        if a < 0x1p-25 { return sign }
        if a < 0x1p-14 {
            // Subnormal: units of 2**-24.
            let m = (a * 0x1p24).rounded(.toNearestOrEven)
            return sign | UInt16(m)
        }
        var e = Int(a.exponent)
        var m = ((a / Double(sign: .plus, exponent: e, significand: 1)) - 1) * 1024
        m = m.rounded(.toNearestOrEven)
        if m >= 1024 { m = 0; e += 1 }
        if e > 15 { return sign | 0x7C00 }
        return sign | UInt16(e + 15) << 10 | UInt16(m)
    }

    static func halfValue(_ h: UInt16) -> Double {
        let sign: Double = h & 0x8000 != 0 ? -1 : 1
        let e = Int(h >> 10 & 0x1F), m = Double(h & 0x3FF)
        if e == 0 { return sign * m * 0x1p-24 }
        if e == 31 { return m == 0 ? sign * .infinity : .nan }
        return sign * (1 + m / 1024) * Double(sign: .plus, exponent: e - 15, significand: 1)
    }

    /// An offset argument, negative counting from the end.
    func structOffset(_ v: Value, _ length: Int) throws(PyError) -> Int {
        guard isIntLike(v), let o = smallInt(v) else { throw typeError("can't convert \(typeName(v)) to int") }
        return o < 0 ? o + length : o
    }

    func installStructFunctions(_ m: PyModule) {
        moduleFunction(m, "calcsize") { rt, args throws(PyError) in
            try args.expect(rt, "calcsize", 1, 1)
            return rt.int(try rt.structFormat(args[0]).size)
        }
        moduleFunction(m, "pack") { rt, args throws(PyError) in
            try args.expect(rt, "pack", 1, Int.max)
            let f = try rt.structFormat(args[0])
            var buffer = [UInt8](repeating: 0, count: f.size)
            try rt.structPack(f, args.positional[1...], into: &buffer, at: 0)
            return Value(rt.newBytes(buffer))
        }
        moduleFunction(m, "pack_into") { rt, args throws(PyError) in
            try args.expect(rt, "pack_into", 3, Int.max)
            let f = try rt.structFormat(args[0])
            guard args[1].isObject, let b = args[1].object as? PyBytes, b.isMutable else {
                throw rt.typeError("object with buffer protocol required")
            }
            let offset = try rt.structOffset(args[2], b.bytes.count)
            if offset < 0 || offset + f.size > b.bytes.count { throw rt.valueError("buffer too small") }
            var buffer = b.bytes
            try rt.structPack(f, args.positional[3...], into: &buffer, at: offset)
            b.bytes = buffer
            return .none
        }
        moduleFunction(m, "unpack") { rt, args throws(PyError) in
            try args.expect(rt, "unpack", 2, 2)
            let f = try rt.structFormat(args[0])
            let bytes = try rt.bytesLike(args[1])
            if bytes.count < f.size { throw rt.valueError("buffer too small") }
            return rt.structUnpack(f, bytes, at: 0)
        }
        moduleFunction(m, "unpack_from") { rt, args throws(PyError) in
            try args.expect(rt, "unpack_from", 2, 3, keywords: true)
            let f = try rt.structFormat(args[0])
            let bytes = try rt.bytesLike(args[1])
            let o = args.argument(2, "offset")
            let offset = o.isNull ? 0 : try rt.structOffset(o, bytes.count)
            if offset < 0 || offset + f.size > bytes.count { throw rt.valueError("buffer too small") }
            return rt.structUnpack(f, bytes, at: offset)
        }
    }
}
