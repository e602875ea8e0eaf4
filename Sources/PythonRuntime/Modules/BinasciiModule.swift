/// The `binascii` module: hex and base64 conversions and crc32. Errors are
/// ValueErrors with MicroPython's messages (CPython raises `binascii.Error`,
/// a ValueError subclass).
extension Runtime {
    func installBinasciiModule() {
        registerNativeModule("binascii") { rt, module throws(PyError) in
            rt.installBinasciiFunctions(module)
        }
    }

    /// Bytes of a bytes-like or ASCII str argument (the decoders accept both).
    func asciiData(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let s = v.object as? PyStr {
            guard s.isASCII else { throw valueError("string argument should contain only ASCII characters") }
            return Array(s.value.utf8)
        }
        return try bytesLike(v)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    static let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let base64Decode: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for (i, c) in base64Alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    static let crc32Table: [UInt32] = (0..<256).map { (n: Int) -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8], _ start: UInt32 = 0) -> UInt32 {
        var c = ~start
        for b in data { c = crc32Table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    func installBinasciiFunctions(_ m: PyModule) {
        moduleFunction(m, "hexlify") { rt, args throws(PyError) in
            try args.expect(rt, "hexlify", 1, 2)
            let data = try rt.bytesLike(args[0])
            var sep: [UInt8] = []
            if args.count == 2 && !args[1].isNone { sep = try rt.asciiData(args[1]) }
            var out: [UInt8] = []
            out.reserveCapacity(data.count * (2 + sep.count))
            for (i, b) in data.enumerated() {
                if i > 0 { out += sep }
                out.append(Runtime.hexDigits[Int(b >> 4)])
                out.append(Runtime.hexDigits[Int(b & 15)])
            }
            return Value(rt.newBytes(out))
        }
        moduleFunction(m, "unhexlify") { rt, args throws(PyError) in
            try args.expect(rt, "unhexlify", 1, 1)
            let data = try rt.asciiData(args[0])
            if data.count % 2 != 0 { throw rt.valueError("odd-length string") }
            func digit(_ c: UInt8) throws(PyError) -> UInt8 {
                switch c {
                case 48...57: return c - 48
                case 97...102: return c - 87
                case 65...70: return c - 55
                default: throw rt.valueError("non-hex digit found")
                }
            }
            var out: [UInt8] = []
            out.reserveCapacity(data.count / 2)
            var i = 0
            while i < data.count {
                out.append(try digit(data[i]) << 4 | digit(data[i + 1]))
                i += 2
            }
            return Value(rt.newBytes(out))
        }
        moduleFunction(m, "a2b_base64") { rt, args throws(PyError) in
            try args.expect(rt, "a2b_base64", 1, 1)
            let data = try rt.asciiData(args[0])
            var out: [UInt8] = []
            var quad = 0, left: UInt8 = 0, pads = 0
            var done = false
            for c in data {
                if c == UInt8(ascii: "=") {
                    if quad >= 2 {
                        pads += 1
                        if quad + pads >= 4 { done = true; break }
                    }
                    continue
                }
                let v = Runtime.base64Decode[Int(c)]
                if v >= 64 { continue }
                pads = 0
                switch quad {
                case 0: quad = 1; left = v
                case 1: quad = 2; out.append(left << 2 | v >> 4); left = v & 0x0F
                case 2: quad = 3; out.append(left << 4 | v >> 2); left = v & 0x03
                default: quad = 0; out.append(left << 6 | v); left = 0
                }
            }
            if !done && quad != 0 { throw rt.valueError("incorrect padding") }
            return Value(rt.newBytes(out))
        }
        moduleFunction(m, "b2a_base64") { rt, args throws(PyError) in
            try args.expect(rt, "b2a_base64", 1, 1, keywords: true)
            for k in args.keywordNames where k.value != "newline" {
                throw rt.typeError("unexpected keyword argument '\(k.value)'")
            }
            let data = try rt.bytesLike(args[0])
            let nl = args.keyword("newline")
            let newline = nl.isNull ? true : try rt.isTruthy(nl)
            let table = Runtime.base64Alphabet
            var out: [UInt8] = []
            out.reserveCapacity((data.count + 2) / 3 * 4 + 1)
            var i = 0
            while i + 3 <= data.count {
                let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
                out += [table[Int(n >> 18)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
                i += 3
            }
            let rest = data.count - i
            if rest == 1 {
                let n = UInt32(data[i]) << 16
                out += [table[Int(n >> 18)], table[Int(n >> 12 & 63)], 61, 61]
            } else if rest == 2 {
                let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
                out += [table[Int(n >> 18)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], 61]
            }
            if newline { out.append(10) }
            return Value(rt.newBytes(out))
        }
        moduleFunction(m, "crc32") { rt, args throws(PyError) in
            try args.expect(rt, "crc32", 1, 2)
            let data = try rt.bytesLike(args[0])
            var start: UInt32 = 0
            if args.count == 2 {
                guard rt.isIntLike(args[1]), let v = rt.bigInt(args[1]) else {
                    throw rt.typeError("can't convert \(rt.typeName(args[1])) to int")
                }
                start = UInt32(truncatingIfNeeded: v)
            }
            return rt.int(Int(Runtime.crc32(data, start)))
        }
    }
}
