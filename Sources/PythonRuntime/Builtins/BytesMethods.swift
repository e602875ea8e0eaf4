/// `bytes` and `bytearray`: constructors and methods.
extension Runtime {
    func installBytesMethods() {
        for t in [types.bytes, types.bytearray] {
            let mutable = t === types.bytearray
            constructor(t) { rt, args throws(PyError) in
                try args.expect(rt, t.name, 0, 3, keywords: true)
                if args.count == 0 { return Value(rt.newBytes([], mutable: mutable)) }
                let v = args[0]
                if v.isObject, let s = v.object as? PyStr {
                    guard args.count > 1 || !args.keyword("encoding").isNull else {
                        throw rt.typeError("string argument without an encoding")
                    }
                    return Value(rt.newBytes(Array(s.value.utf8), mutable: mutable))
                }
                if let n = rt.smallInt(v) {
                    if n < 0 { throw rt.valueError("negative count") }
                    try rt.reserve(n)
                    return Value(rt.newBytes([UInt8](repeating: 0, count: n), mutable: mutable))
                }
                return Value(rt.newBytes(try rt.bytesFrom(v), mutable: mutable))
            }
            method(t, "decode") { rt, args throws(PyError) in
                let b = try rt.selfArg(args, PyBytes.self, "decode")
                guard let s = String(validating: b.bytes, as: UTF8.self) else {
                    throw rt.error(rt.types.UnicodeError, "invalid utf-8")
                }
                return rt.str(s)
            }
            installSequenceDunders(t)
        }
    }
}
