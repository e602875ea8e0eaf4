/// `str`: constructor and methods. Searching, splitting and stripping work on the
/// UTF-8 bytes (see StrMethods+Algorithms.swift); code-point indices are converted
/// only for non-ASCII text.
extension Runtime {
    func installStrMethods() {
        let t = types.str
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "str", 0, 3, keywords: true)
            let object = args.argument(0, "object")
            if object.isNull { return rt.str("") }
            let encoding = args.argument(1, "encoding")
            let errors = args.argument(2, "errors")
            if !encoding.isNull || !errors.isNull {
                guard object.isObject, let b = object.object as? PyBytes else {
                    throw rt.typeError("decoding to str: need a bytes-like object, \(rt.typeName(object)) found")
                }
                return try rt.decodeBytes(b.bytes, encoding, errors)
            }
            return rt.str(try rt.toStr(object))
        }
        method(t, "join") { rt, args throws(PyError) in
            try args.expect(rt, "join", 2, 2)
            let sep = try rt.selfArg(args, PyStr.self, "join")
            let items = try rt.iterateToArray(args[1])
            var size = 0, count = 0, ascii = sep.isASCII
            for v in items {
                guard v.isObject, let s = v.object as? PyStr else {
                    throw rt.typeError("join expected str, got '\(rt.typeName(v))'")
                }
                size += s.utf8Count
                count += s.count
                ascii = ascii && s.isASCII
            }
            let gaps = max(0, items.count - 1)
            size += sep.utf8Count * gaps
            count += sep.count * gaps
            try rt.reserve(size)
            // The pieces' bytes copied once into a String of the final size (appending
            // to a String costs far more per piece than the copy itself).
            let sepText = sep.value
            let text = String(unsafeUninitializedCapacity: size) { target in
                var at = 0
                for (i, v) in items.enumerated() {
                    if i > 0 { at = copyUTF8(sepText, into: target, at: at) }
                    at = copyUTF8(unsafeDowncast(v.object, to: PyStr.self).value, into: target, at: at)
                }
                return at
            }
            return rt.strValue(text, count: count, isASCII: ascii)
        }
        method(t, "format") { rt, args throws(PyError) in
            let s = try rt.selfArg(args, PyStr.self, "format")
            return rt.str(try rt.formatMethod(s.value, args))
        }
        method(t, "format_map") { rt, args throws(PyError) in
            try args.expect(rt, "format_map", 2, 2)
            let s = try rt.selfArg(args, PyStr.self, "format_map")
            return rt.str(try rt.formatMap(s.value, args[1]))
        }
        installStrSearchMethods(t)
        installStrSplitMethods(t)
        installStrPadMethods(t)
        installStrCaseMethods(t)
        installStrCodecMethods(t)
        installSequenceDunders(t)
        installOperatorDunders(t)
    }

    /// `__add__`, `__mul__`, `__rmul__`, `__mod__` for calls such as `str.__add__(a, b)`.
    func installOperatorDunders(_ t: PyType) {
        for (name, op) in [("__add__", BinaryOperator.add), ("__mul__", .mul), ("__mod__", .mod)] {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                let r = try rt.builtinBinary(args[0], args[1], op, inplace: false)
                if !r.isNull { return r }
                if op == .mod { return .notImplemented }
                throw rt.unsupportedOperands(op, rt.typeOf(args[0]), rt.typeOf(args[1]))
            }
        }
        method(t, "__rmul__") { rt, args throws(PyError) in
            try args.expect(rt, "__rmul__", 2, 2)
            let r = try rt.builtinBinary(args[0], args[1], .mul, inplace: false)
            if !r.isNull { return r }
            throw rt.unsupportedOperands(.mul, rt.typeOf(args[1]), rt.typeOf(args[0]))
        }
    }

    // MARK: shared argument helpers

    /// Python's slice-style adjustment of optional `start`/`end` arguments at
    /// positions `i` and `i+1` against `length`. `start` may exceed `length`.
    func searchBounds(_ args: CallArguments, _ i: Int, _ length: Int) throws(PyError) -> (Int, Int) {
        var start = 0, end = length
        if i < args.count, !args[i].isNone { start = try intArg(args[i]) }
        if i + 1 < args.count, !args[i + 1].isNone { end = try intArg(args[i + 1]) }
        if end > length {
            end = length
        } else if end < 0 {
            end += length
            if end < 0 { end = 0 }
        }
        if start < 0 {
            start += length
            if start < 0 { start = 0 }
        }
        return (start, end)
    }

    /// An optional int argument (absent or None gives `default`).
    func optionalInt(_ v: Value, _ default: Int) throws(PyError) -> Int {
        if v.isNull || v.isNone { return `default` }
        return try intArg(v)
    }

    func strArgument(_ v: Value) throws(PyError) -> PyStr {
        guard v.isObject, let s = v.object as? PyStr else {
            throw typeError("can't convert '\(typeName(v))' object to str implicitly")
        }
        return s
    }

    /// `str.format_map(mapping)`: the named fields are looked up with `mapping[name]`
    /// and passed to the `str.format` machinery as keywords.
    func formatMap(_ template: String, _ mapping: Value) throws(PyError) -> String {
        var names: [String] = []
        let u = Array(template.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "{") {
                if i + 1 < u.count && u[i + 1] == UInt8(ascii: "{") { i += 2; continue }
                var j = i + 1
                while j < u.count {
                    let c = u[j]
                    if c == UInt8(ascii: ".") || c == UInt8(ascii: "[") || c == UInt8(ascii: "!")
                        || c == UInt8(ascii: ":") || c == UInt8(ascii: "}") || c == UInt8(ascii: "{") { break }
                    j += 1
                }
                let name = String(decoding: u[(i + 1)..<j], as: UTF8.self)
                if !name.isEmpty && Int(name) == nil && !names.contains(name) { names.append(name) }
                i = j
            } else {
                i += 1
            }
        }
        var keys: [PyStr] = []
        var values: [Value] = []
        for n in names {
            let k = newStr(n)
            values.append(try getItem(mapping, Value(k)))
            keys.append(k)
        }
        var selfValue = [str(template)]
        return try selfValue.withUnsafeMutableBufferPointer { (p) throws(PyError) -> String in
            try values.withUnsafeBufferPointer { (kv) throws(PyError) -> String in
                let a = CallArguments(positional: UnsafeBufferPointer(p), keywordNames: keys, keywordValues: kv)
                return try formatMethod(template, a)
            }
        }
    }

    // MARK: searching

    /// Byte offsets of code points `start..<end` of `s` (start ≤ end ≤ count).
    @inline(__always)
    func byteRange(_ h: ByteBuf, _ s: PyStr, _ start: Int, _ end: Int) -> (Int, Int) {
        if s.isASCII { return (start, end) }
        let bs = ByteAlg.byteOffset(h, ofCodePoint: start)
        if end == s.count { return (bs, h.count) }
        let be = bs + ByteAlg.byteOffset(UnsafeBufferPointer(rebasing: h[bs...]), ofCodePoint: end - start)
        return (bs, be)
    }

    /// find/rfind/index/rindex: the code-point index or -1.
    func strFind(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Int {
        try args.expect(self, name, 2, 4)
        let s = try selfArg(args, PyStr.self, name)
        let sub = try strArgument(args[1])
        let (start, end) = try searchBounds(args, 2, s.count)
        if end - start < sub.count { return -1 }
        return withUTF8Bytes(s.value) { h in
            withUTF8Bytes(sub.value) { n in
                let (bs, be) = byteRange(h, s, start, end)
                guard let k = reverse ? ByteAlg.rfind(h, n, bs, be) : ByteAlg.find(h, n, bs, be) else { return -1 }
                return s.isASCII ? k : start + ByteAlg.codePoints(h, bs, k)
            }
        }
    }

    /// startswith/endswith with a str or a tuple of strs.
    func strTailMatch(_ args: CallArguments, _ name: String, suffix: Bool) throws(PyError) -> Bool {
        try args.expect(self, name, 2, 4)
        let s = try selfArg(args, PyStr.self, name)
        var candidates: [PyStr] = []
        let x = args[1]
        if x.isObject, let tup = x.object as? PyTuple {
            for v in tup.items {
                guard v.isObject, let p = v.object as? PyStr else {
                    throw typeError("tuple for \(name) must only contain str, not \(typeName(v))")
                }
                candidates.append(p)
            }
        } else if x.isObject, let p = x.object as? PyStr {
            candidates.append(p)
        } else {
            throw typeError("\(name) first arg must be str or a tuple of str, not \(typeName(x))")
        }
        let (start, end) = try searchBounds(args, 2, s.count)
        return withUTF8Bytes(s.value) { h in
            var range: (Int, Int)? = nil
            for p in candidates {
                if end - start < p.count { continue }
                if range == nil { range = byteRange(h, s, start, end) }
                let (bs, be) = range!
                let hit = withUTF8Bytes(p.value) { n in
                    suffix ? ByteAlg.matches(h, n, at: be - n.count) && be - n.count >= bs
                        : ByteAlg.matches(h, n, at: bs) && bs + n.count <= be
                }
                if hit { return true }
            }
            return false
        }
    }

    func installStrSearchMethods(_ t: PyType) {
        installFindMethods(t) { rt, args, name, reverse throws(PyError) in try rt.strFind(args, name, reverse: reverse) }
        method(t, "count") { rt, args throws(PyError) in
            try args.expect(rt, "count", 2, 4)
            let s = try rt.selfArg(args, PyStr.self, "count")
            let sub = try rt.strArgument(args[1])
            let (start, end) = try rt.searchBounds(args, 2, s.count)
            if end - start < sub.count { return rt.int(0) }
            if sub.count == 0 { return rt.int(end - start + 1) }
            return rt.int(withUTF8Bytes(s.value) { h in
                withUTF8Bytes(sub.value) { n in
                    let (bs, be) = rt.byteRange(h, s, start, end)
                    return ByteAlg.count(h, n, bs, be)
                }
            })
        }
        for (name, suffix) in [("startswith", false), ("endswith", true)] {
            method(t, name) { rt, args throws(PyError) in Value(bool: try rt.strTailMatch(args, name, suffix: suffix)) }
        }
        method(t, "removeprefix") { rt, args throws(PyError) in
            try args.expect(rt, "removeprefix", 2, 2)
            let s = try rt.selfArg(args, PyStr.self, "removeprefix")
            let p = try rt.strArgument(args[1])
            if p.count == 0 || !s.value.utf8.starts(with: p.value.utf8) { return args[0] }
            return rt.str(String(decoding: s.value.utf8.dropFirst(p.value.utf8.count), as: UTF8.self))
        }
        method(t, "removesuffix") { rt, args throws(PyError) in
            try args.expect(rt, "removesuffix", 2, 2)
            let s = try rt.selfArg(args, PyStr.self, "removesuffix")
            let p = try rt.strArgument(args[1])
            let su = s.value.utf8, pu = p.value.utf8
            if p.count == 0 || pu.count > su.count || !su.reversed().starts(with: pu.reversed()) { return args[0] }
            return rt.str(String(decoding: su.dropLast(pu.count), as: UTF8.self))
        }
        method(t, "replace") { rt, args throws(PyError) in
            try args.expect(rt, "replace", 3, 4, keywords: true)
            let s = try rt.selfArg(args, PyStr.self, "replace")
            let old = try rt.strArgument(args[1])
            let new = try rt.strArgument(args[2])
            let count = try rt.optionalInt(args.argument(3, "count"), -1)
            if count == 0 { return args[0] }
            let out = withUTF8Bytes(s.value) { h in
                withUTF8Bytes(old.value) { o in
                    withUTF8Bytes(new.value) { n in
                        ByteAlg.replace(h, o, n, count: count, utf8: !s.isASCII)
                    }
                }
            }
            try rt.reserve(out.count)
            return rt.str(String(decoding: out, as: UTF8.self))
        }
    }

    // MARK: splitting and stripping

    func strSplit(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 1, 3, keywords: true)
        let s = try selfArg(args, PyStr.self, name)
        let sepArg = args.argument(1, "sep")
        let maxsplit = try optionalInt(args.argument(2, "maxsplit"), -1)
        let sep: PyStr? = (sepArg.isNull || sepArg.isNone) ? nil : try strArgument(sepArg)
        if let sep, sep.count == 0 { throw valueError("empty separator") }
        let ascii = s.isASCII
        let parts: ContiguousArray<Value> = withUTF8Bytes(s.value) { h in
            // Pieces of ASCII text are ASCII, their length their byte count.
            @inline(__always) func piece(_ r: Range<Int>) -> Value {
                ascii ? strValue(makeString(h, r), count: r.count, isASCII: true) : str(makeString(h, r))
            }
            if let sep, !reverse {
                // The common case, made straight into the list's items.
                var parts = ContiguousArray<Value>()
                parts.reserveCapacity(4)
                withUTF8Bytes(sep.value) { n in ByteAlg.forEachSplit(h, n, maxsplit: maxsplit) { parts.append(piece($0)) } }
                return parts
            }
            let ranges: [Range<Int>]
            if let sep {
                // rsplit (split with a separator returned above).
                ranges = withUTF8Bytes(sep.value) { n in ByteAlg.rsplit(h, n, maxsplit: maxsplit) }
            } else if reverse {
                ranges = ByteAlg.rsplitWhitespace(h, maxsplit: maxsplit, utf8: !s.isASCII, space: ByteAlg.isStrSpace)
            } else {
                ranges = ByteAlg.splitWhitespace(h, maxsplit: maxsplit, utf8: !s.isASCII, space: ByteAlg.isStrSpace)
            }
            var parts = ContiguousArray<Value>()
            parts.reserveCapacity(ranges.count)
            for r in ranges { parts.append(piece(r)) }
            return parts
        }
        return listValue(parts)
    }

    func strStrip(_ args: CallArguments, _ name: String, left: Bool, right: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 1, 2)
        let s = try selfArg(args, PyStr.self, name)
        let charsArg = args.count > 1 ? args[1] : .none
        let utf8 = !s.isASCII
        let r: Range<Int>
        if charsArg.isNone {
            r = withUTF8Bytes(s.value) { h in ByteAlg.strip(h, left: left, right: right, utf8: utf8, ByteAlg.isStrSpace) }
        } else {
            let chars = try strArgument(charsArg)
            let set = withUTF8Bytes(chars.value) { ByteAlg.unitSet($0, utf8: !chars.isASCII) }
            r = withUTF8Bytes(s.value) { h in ByteAlg.strip(h, left: left, right: right, utf8: utf8) { set.contains($0) } }
        }
        if r.lowerBound == 0 && r.upperBound == s.utf8Count { return args[0] }
        let text = withUTF8Bytes(s.value) { makeString($0, r) }
        // Stripped ASCII text is ASCII, its length its byte count (no need to measure it again).
        if s.isASCII { return strValue(text, count: r.count, isASCII: true) }
        return str(text)
    }

    func strPartition(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 2, 2)
        let s = try selfArg(args, PyStr.self, name)
        let sep = try strArgument(args[1])
        if sep.count == 0 { throw valueError("empty separator") }
        let found: Int? = withUTF8Bytes(s.value) { h in
            withUTF8Bytes(sep.value) { n in
                reverse ? ByteAlg.rfind(h, n, 0, h.count) : ByteAlg.find(h, n, 0, h.count)
            }
        }
        let empty = str("")
        guard let k = found else {
            return reverse ? tuple([empty, empty, args[0]]) : tuple([args[0], empty, empty])
        }
        let (a, b) = withUTF8Bytes(s.value) { h in
            (makeString(h, 0..<k), makeString(h, (k + sep.value.utf8.count)..<h.count))
        }
        return tuple([str(a), args[1], str(b)])
    }

    func installStrSplitMethods(_ t: PyType) {
        method(t, "split") { rt, args throws(PyError) in try rt.strSplit(args, "split", reverse: false) }
        method(t, "rsplit") { rt, args throws(PyError) in try rt.strSplit(args, "rsplit", reverse: true) }
        method(t, "splitlines") { rt, args throws(PyError) in
            try args.expect(rt, "splitlines", 1, 2, keywords: true)
            let s = try rt.selfArg(args, PyStr.self, "splitlines")
            let k = args.argument(1, "keepends")
            let keep = k.isNull ? false : try rt.isTruthy(k)
            let parts = withUTF8Bytes(s.value) { h in
                ByteAlg.splitLines(h, keepends: keep, str: true).map { makeString(h, $0) }
            }
            return Value(rt.newList(ContiguousArray(parts.map { rt.str($0) })))
        }
        method(t, "strip") { rt, args throws(PyError) in try rt.strStrip(args, "strip", left: true, right: true) }
        method(t, "lstrip") { rt, args throws(PyError) in try rt.strStrip(args, "lstrip", left: true, right: false) }
        method(t, "rstrip") { rt, args throws(PyError) in try rt.strStrip(args, "rstrip", left: false, right: true) }
        method(t, "partition") { rt, args throws(PyError) in try rt.strPartition(args, "partition", reverse: false) }
        method(t, "rpartition") { rt, args throws(PyError) in try rt.strPartition(args, "rpartition", reverse: true) }
    }

    // MARK: padding

    /// The fill character argument of center/ljust/rjust.
    func fillCharacter(_ v: Value) throws(PyError) -> String {
        if v.isNull { return " " }
        let f = try strArgument(v)
        if f.count != 1 { throw typeError("The fill character must be exactly one character long") }
        return f.value
    }

    func strPad(_ args: CallArguments, _ name: String, _ how: Int) throws(PyError) -> Value {
        try args.expect(self, name, 2, 3)
        let s = try selfArg(args, PyStr.self, name)
        let width = try intArg(args[1])
        let fill = try fillCharacter(args.count > 2 ? args[2] : .null)
        let (marg, overflow) = width.subtractingReportingOverflow(s.count)
        if overflow || marg <= 0 { return args[0] }
        let left: Int
        switch how {
        case 0: left = marg / 2 + (marg & width & 1)   // center, as CPython
        case 1: left = 0                                // ljust
        default: left = marg                            // rjust
        }
        try reserve(width, times: fill.utf8.count)
        var out = String(repeating: fill, count: left)
        out += s.value
        out += String(repeating: fill, count: marg - left)
        return str(out)
    }

    func installStrPadMethods(_ t: PyType) {
        method(t, "center") { rt, args throws(PyError) in try rt.strPad(args, "center", 0) }
        method(t, "ljust") { rt, args throws(PyError) in try rt.strPad(args, "ljust", 1) }
        method(t, "rjust") { rt, args throws(PyError) in try rt.strPad(args, "rjust", 2) }
        method(t, "zfill") { rt, args throws(PyError) in
            try args.expect(rt, "zfill", 2, 2)
            let s = try rt.selfArg(args, PyStr.self, "zfill")
            let width = try rt.intArg(args[1])
            if width <= s.count { return args[0] }
            try rt.reserve(width)
            let zeros = String(repeating: "0", count: width - s.count)
            var u = s.value.utf8[...]
            var sign = ""
            if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
                sign = f == UInt8(ascii: "+") ? "+" : "-"
                u = u.dropFirst()
            }
            return rt.str(sign + zeros + String(decoding: u, as: UTF8.self))
        }
        method(t, "expandtabs") { rt, args throws(PyError) in
            try args.expect(rt, "expandtabs", 1, 2, keywords: true)
            let s = try rt.selfArg(args, PyStr.self, "expandtabs")
            let tabsize = try rt.optionalInt(args.argument(1, "tabsize"), 8)
            try rt.reserveForTabs(s.value.utf8.lazy.filter { $0 == 9 }.count, tabsize)
            let out = withUTF8Bytes(s.value) { ByteAlg.expandTabs($0, tabsize: tabsize, utf8: !s.isASCII) }
            return rt.str(String(decoding: out, as: UTF8.self))
        }
    }

    // MARK: encoding

    /// Normalised codec name: "utf-8", "ascii", "latin-1", or nil if unknown.
    func codecName(_ v: Value) throws(PyError) -> String? {
        if v.isNull { return "utf-8" }
        let raw = try strArgument(v).value.lowercased()
        var name = ""
        for c in raw { name.append(c == "_" || c == " " ? "-" : c) }
        switch name {
        case "utf-8", "utf8", "u8", "utf", "cp65001": return "utf-8"
        case "ascii", "us-ascii", "646": return "ascii"
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1": return "latin-1"
        default: return nil
        }
    }

    func errorsMode(_ v: Value) throws(PyError) -> String {
        if v.isNull { return "strict" }
        return try strArgument(v).value
    }

    func encodeString(_ s: PyStr, _ encodingArg: Value, _ errorsArg: Value) throws(PyError) -> [UInt8] {
        guard let enc = try codecName(encodingArg) else {
            throw error(types.LookupError, "unknown encoding: \(try strArgument(encodingArg).value)")
        }
        let errors = try errorsMode(errorsArg)
        if enc == "utf-8" || s.isASCII { return Array(s.value.utf8) }
        let limit: UInt32 = enc == "ascii" ? 0x80 : 0x100
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var position = 0
        for u in s.value.unicodeScalars {
            if u.value < limit {
                out.append(UInt8(u.value))
            } else {
                switch errors {
                case "ignore": break
                case "replace": out.append(UInt8(ascii: "?"))
                case "backslashreplace":
                    let hex = String(u.value, radix: 16)
                    let width = u.value < 0x100 ? 2 : u.value < 0x10000 ? 4 : 8
                    let prefix = width == 2 ? "\\x" : width == 4 ? "\\u" : "\\U"
                    out.append(contentsOf: (prefix + String(repeating: "0", count: width - hex.count) + hex).utf8)
                case "xmlcharrefreplace":
                    out.append(contentsOf: "&#\(u.value);".utf8)
                default:
                    let codec = enc == "ascii" ? "ascii" : "latin-1"
                    throw error(types.UnicodeError,
                                "'\(codec)' codec can't encode character '\\u\(String(u.value, radix: 16))' in position \(position): ordinal not in range(\(limit))")
                }
            }
            position += 1
        }
        return out
    }

    func decodeBytes(_ b: [UInt8], _ encodingArg: Value, _ errorsArg: Value) throws(PyError) -> Value {
        guard let enc = try codecName(encodingArg) else {
            throw error(types.LookupError, "unknown encoding: \(try strArgument(encodingArg).value)")
        }
        let errors = try errorsMode(errorsArg)
        var ascii = true
        for x in b where x >= 0x80 { ascii = false; break }
        if ascii { return str(String(decoding: b, as: UTF8.self)) }
        switch enc {
        case "latin-1":
            var s = String.UnicodeScalarView()
            for x in b { s.append(Unicode.Scalar(x)) }
            return str(String(s))
        case "ascii":
            var s = String.UnicodeScalarView()
            for (i, x) in b.enumerated() {
                if x < 0x80 {
                    s.append(Unicode.Scalar(x))
                } else {
                    switch errors {
                    case "ignore": break
                    case "replace": s.append("\u{FFFD}")
                    default:
                        throw error(types.UnicodeError,
                                    "'ascii' codec can't decode byte 0x\(String(x, radix: 16)) in position \(i): ordinal not in range(128)")
                    }
                }
            }
            return str(String(s))
        default:
            if let s = String(validating: b, as: UTF8.self) { return str(s) }
            return str(try decodeUTF8Lossy(b, errors))
        }
    }

    /// UTF-8 decoding with "ignore"/"replace" (one U+FFFD per maximal invalid
    /// subsequence, as CPython) or strict failure.
    func decodeUTF8Lossy(_ b: [UInt8], _ errors: String) throws(PyError) -> String {
        var s = String.UnicodeScalarView()
        var i = 0
        let n = b.count
        while i < n {
            let x = b[i]
            if x < 0x80 { s.append(Unicode.Scalar(x)); i += 1; continue }
            // Expected length and valid range of the second byte.
            var len = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch x {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: len = 0
            }
            var good = 0   // bytes of a valid prefix consumed
            if len > 0 {
                good = 1
                while good < len && i + good < n {
                    let c = b[i + good]
                    let (l, h) = good == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                    if c < l || c > h { break }
                    good += 1
                }
            }
            if len > 0 && good == len {
                var v = UInt32(x) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
                s.append(Unicode.Scalar(v)!)
                i += len
                continue
            }
            switch errors {
            case "ignore": break
            case "replace": s.append("\u{FFFD}")
            default:
                let reason = len == 0 ? "invalid start byte" : (i + good >= n ? "unexpected end of data" : "invalid continuation byte")
                throw error(types.UnicodeError,
                            "'utf-8' codec can't decode byte 0x\(String(x, radix: 16)) in position \(i): \(reason)")
            }
            i += max(1, good)
        }
        return String(s)
    }

    func installStrCodecMethods(_ t: PyType) {
        method(t, "encode") { rt, args throws(PyError) in
            try args.expect(rt, "encode", 1, 3, keywords: true)
            let s = try rt.selfArg(args, PyStr.self, "encode")
            return Value(rt.newBytes(try rt.encodeString(s, args.argument(1, "encoding"), args.argument(2, "errors"))))
        }
        staticMethod(t, "maketrans") { rt, args throws(PyError) in
            try args.expect(rt, "maketrans", 1, 3)
            let d = rt.newDict()
            if args.count == 1 {
                guard args[0].isObject, let m = args[0].object as? PyDict else {
                    throw rt.typeError("if you give only one argument to maketrans it must be a dict")
                }
                var e = 0
                while e < m.entryCount {
                    if let (k, v) = m.entry(at: e) {
                        if k.isObject, let ks = k.object as? PyStr {
                            if ks.count != 1 { throw rt.valueError("string keys in translate table must be of length 1") }
                            try d.set(rt.int(Int(ks.value.unicodeScalars.first!.value)), v, rt)
                        } else if rt.isIntLike(k) {
                            try d.set(k, v, rt)
                        } else {
                            throw rt.typeError("keys in translate table must be strings or integers")
                        }
                    }
                    e += 1
                }
                return Value(d)
            }
            let x = try rt.strArgument(args[0]), y = try rt.strArgument(args[1])
            if x.count != y.count { throw rt.valueError("the first two maketrans arguments must have equal length") }
            for (a, b) in zip(x.value.unicodeScalars, y.value.unicodeScalars) {
                try d.set(rt.int(Int(a.value)), rt.int(Int(b.value)), rt)
            }
            if args.count == 3 {
                for c in try rt.strArgument(args[2]).value.unicodeScalars {
                    try d.set(rt.int(Int(c.value)), .none, rt)
                }
            }
            return Value(d)
        }
        method(t, "translate") { rt, args throws(PyError) in
            try args.expect(rt, "translate", 2, 2)
            let s = try rt.selfArg(args, PyStr.self, "translate")
            let table = args[1]
            let dict = table.isObject && table.object.type === rt.types.dict ? table.object as? PyDict : nil
            var out = String.UnicodeScalarView()
            var cache: [UInt32: Value] = [:]
            for u in s.value.unicodeScalars {
                var r: Value
                if let c = cache[u.value] {
                    r = c
                } else {
                    let key = rt.int(Int(u.value))
                    if let dict {
                        r = try dict.get(key, rt)
                    } else {
                        do throws(PyError) {
                            r = try rt.getItem(table, key)
                        } catch {
                            if !error.exception.type.isSubtype(of: rt.types.LookupError) { throw error }
                            r = .null
                        }
                    }
                    cache[u.value] = r
                }
                if r.isNull { out.append(u); continue }
                if r.isNone { continue }
                if let i = rt.smallInt(r) {
                    guard i >= 0, i <= 0x10FFFF, let v = Unicode.Scalar(UInt32(i)) else {
                        throw rt.valueError("character mapping must be in range(0x110000)")
                    }
                    out.append(v)
                } else if r.isObject, let rs = r.object as? PyStr {
                    out.append(contentsOf: rs.value.unicodeScalars)
                } else {
                    throw rt.typeError("character mapping must return integer, None or str")
                }
            }
            return rt.str(String(out))
        }
    }
}
