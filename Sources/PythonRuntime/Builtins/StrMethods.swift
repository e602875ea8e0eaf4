/// `str`: constructor and methods.
extension Runtime {
    func installStrMethods() {
        let t = types.str
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "str", 0, 3, keywords: true)
            if args.count == 0 { return rt.str("") }
            if args.count >= 2 || !args.keyword("encoding").isNull {
                guard args[0].isObject, let b = args[0].object as? PyBytes else {
                    throw rt.typeError("decoding str is not supported")
                }
                return rt.str(String(decoding: b.bytes, as: UTF8.self))
            }
            return rt.str(try rt.toStr(args[0]))
        }
        method(t, "join") { rt, args throws(PyError) in
            try args.expect(rt, "join", 2, 2)
            let sep = try rt.selfArg(args, PyStr.self, "join").value
            var parts: [String] = []
            for v in try rt.iterateToArray(args[1]) {
                guard v.isObject, let s = v.object as? PyStr else {
                    throw rt.typeError("join expected str, got '\(rt.typeName(v))'")
                }
                parts.append(s.value)
            }
            return rt.str(parts.joined(separator: sep))
        }
        method(t, "format") { rt, args throws(PyError) in
            let s = try rt.selfArg(args, PyStr.self, "format")
            return rt.str(try rt.formatMethod(s.value, args))
        }
        installSequenceDunders(t)
    }
}
