/// `bytes` and `bytearray`: constructors and methods. Both types share one
/// implementation (PyBytes with `isMutable`); methods returning bytes return the
/// receiver's type.
extension Runtime {
    /// The bytes of a bytes-like argument.
    func bytesLike(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let b = v.object as? PyBytes { return b.bytes }
        if v.isObject, let m = v.object as? PyMemoryView { return Array(try viewBytes(m)) }
        if v.isObject, let (buf, _) = arrayBuffer(v.object) { return buf.bytes }
        throw typeError("a bytes-like object is required, not '\(typeName(v))'")
    }

    /// A search argument: bytes-like or an int in range(256).
    func bytesNeedle(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let b = v.object as? PyBytes { return b.bytes }
        if v.isObject, let m = v.object as? PyMemoryView { return Array(try viewBytes(m)) }
        if v.isObject, let (buf, _) = arrayBuffer(v.object) { return buf.bytes }
        if isIntLike(v) {
            guard let i = try indexValue(v), i >= 0, i < 256 else { throw valueError("byte must be in range(0, 256)") }
            return [UInt8(i)]
        }
        throw typeError("argument should be integer or bytes-like object, not '\(typeName(v))'")
    }

    func byteValue(_ v: Value) throws(PyError) -> UInt8 {
        guard isIntLike(v) || (v.isObject && !v.object.type.lookup(names.__index__).isNull) else {
            throw typeError("'\(typeName(v))' object cannot be interpreted as an integer")
        }
        guard let i = try indexValue(v), i >= 0, i < 256 else { throw valueError("byte must be in range(0, 256)") }
        return UInt8(i)
    }

    func mutableSelf(_ args: CallArguments, _ name: String) throws(PyError) -> PyBytes {
        let b = try selfArg(args, PyBytes.self, name)
        guard b.isMutable else { throw attributeError("'bytes' object has no attribute '\(name)'") }
        return b
    }

    func bytesFindIn(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Int {
        try args.expect(self, name, 2, 4)
        let b = try selfArg(args, PyBytes.self, name)
        let n = try bytesNeedle(args[1])
        let (start, end) = try searchBounds(args, 2, b.bytes.count)
        return b.bytes.withUnsafeBufferPointer { h in
            n.withUnsafeBufferPointer { nb in
                (reverse ? ByteAlg.rfind(h, nb, start, end) : ByteAlg.find(h, nb, start, end)) ?? -1
            }
        }
    }

    func bytesTailMatch(_ args: CallArguments, _ name: String, suffix: Bool) throws(PyError) -> Bool {
        try args.expect(self, name, 2, 4)
        let b = try selfArg(args, PyBytes.self, name)
        var candidates: [[UInt8]] = []
        let x = args[1]
        if x.isObject, let tup = x.object as? PyTuple {
            for v in tup.items { candidates.append(try bytesLike(v)) }
        } else if x.isObject, x.object is PyBytes || x.object is PyMemoryView {
            candidates.append(try bytesLike(x))
        } else {
            throw typeError("\(name) first arg must be bytes or a tuple of bytes, not \(typeName(x))")
        }
        let (start, end) = try searchBounds(args, 2, b.bytes.count)
        return b.bytes.withUnsafeBufferPointer { h in
            for p in candidates where end - start >= p.count {
                let hit = p.withUnsafeBufferPointer { n in
                    ByteAlg.matches(h, n, at: suffix ? end - n.count : start)
                }
                if hit { return true }
            }
            return false
        }
    }

    func bytesSplit(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 1, 3, keywords: true)
        let b = try selfArg(args, PyBytes.self, name)
        let sepArg = args.argument(1, "sep")
        let maxsplit = try optionalInt(args.argument(2, "maxsplit"), -1)
        let sep: [UInt8]? = (sepArg.isNull || sepArg.isNone) ? nil : try bytesLike(sepArg)
        if let sep, sep.isEmpty { throw valueError("empty separator") }
        let ranges: [Range<Int>] = b.bytes.withUnsafeBufferPointer { h in
            if let sep {
                return sep.withUnsafeBufferPointer { n in
                    reverse ? ByteAlg.rsplit(h, n, maxsplit: maxsplit) : ByteAlg.split(h, n, maxsplit: maxsplit)
                }
            }
            return reverse ? ByteAlg.rsplitWhitespace(h, maxsplit: maxsplit, utf8: false, space: ByteAlg.isBytesSpace)
                : ByteAlg.splitWhitespace(h, maxsplit: maxsplit, utf8: false, space: ByteAlg.isBytesSpace)
        }
        return Value(newList(ContiguousArray(ranges.map { Value(newBytes(Array(b.bytes[$0]), mutable: b.isMutable)) })))
    }

    func bytesStrip(_ args: CallArguments, _ name: String, left: Bool, right: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 1, 2)
        let b = try selfArg(args, PyBytes.self, name)
        let charsArg = args.count > 1 ? args[1] : .none
        let r: Range<Int>
        if charsArg.isNone {
            r = b.bytes.withUnsafeBufferPointer { ByteAlg.strip($0, left: left, right: right, utf8: false, ByteAlg.isBytesSpace) }
        } else {
            var set = [Bool](repeating: false, count: 256)
            for c in try bytesLike(charsArg) { set[Int(c)] = true }
            r = b.bytes.withUnsafeBufferPointer { ByteAlg.strip($0, left: left, right: right, utf8: false) { set[Int($0)] } }
        }
        if !b.isMutable && r.count == b.bytes.count { return args[0] }
        return Value(newBytes(Array(b.bytes[r]), mutable: b.isMutable))
    }

    func bytesPartition(_ args: CallArguments, _ name: String, reverse: Bool) throws(PyError) -> Value {
        try args.expect(self, name, 2, 2)
        let b = try selfArg(args, PyBytes.self, name)
        let sep = try bytesLike(args[1])
        if sep.isEmpty { throw valueError("empty separator") }
        let found: Int? = b.bytes.withUnsafeBufferPointer { h in
            sep.withUnsafeBufferPointer { n in
                reverse ? ByteAlg.rfind(h, n, 0, h.count) : ByteAlg.find(h, n, 0, h.count)
            }
        }
        let m = b.isMutable
        func make(_ x: [UInt8]) -> Value { Value(newBytes(x, mutable: m)) }
        guard let k = found else {
            return reverse ? tuple([make([]), make([]), make(b.bytes)]) : tuple([make(b.bytes), make([]), make([])])
        }
        return tuple([make(Array(b.bytes[0..<k])), make(sep), make(Array(b.bytes[(k + sep.count)...]))])
    }

    func bytesPad(_ args: CallArguments, _ name: String, _ how: Int) throws(PyError) -> Value {
        try args.expect(self, name, 2, 3)
        let b = try selfArg(args, PyBytes.self, name)
        let width = try intArg(args[1])
        var fill: UInt8 = 0x20
        if args.count > 2 {
            let f = try bytesLike(args[2])
            guard f.count == 1 else {
                throw typeError("\(name)() argument 2 must be a byte string of length 1, not \(typeName(args[2]))")
            }
            fill = f[0]
        }
        let marg = width - b.bytes.count
        if marg <= 0 { return b.isMutable ? Value(newBytes(b.bytes, mutable: true)) : args[0] }
        let left = how == 0 ? marg / 2 + (marg & width & 1) : how == 1 ? 0 : marg
        try reserve(width)
        var out = [UInt8](repeating: fill, count: left)
        out += b.bytes
        out += [UInt8](repeating: fill, count: marg - left)
        return Value(newBytes(out, mutable: b.isMutable))
    }

    func hexString(_ bytes: [UInt8], _ sepArg: Value, _ perArg: Value) throws(PyError) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var sep: UInt8? = nil
        if !sepArg.isNull && !sepArg.isNone {
            let s: [UInt8]
            if sepArg.isObject, let t = sepArg.object as? PyStr { s = Array(t.value.utf8) } else { s = try bytesLike(sepArg) }
            guard s.count == 1 else { throw valueError("sep must be length 1.") }
            guard s[0] < 0x80 else { throw valueError("sep must be ASCII.") }
            sep = s[0]
        }
        let per = try optionalInt(perArg, 1)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        let n = bytes.count
        let group = max(1, Int(clamping: per.magnitude))
        for (i, x) in bytes.enumerated() {
            if let sep, i > 0, per != 0 {
                // Groups are counted from the right for positive `per`, from the left for negative.
                let boundary = per > 0 ? (n - i) % group == 0 : i % group == 0
                if boundary { out.append(sep) }
            }
            out.append(digits[Int(x >> 4)])
            out.append(digits[Int(x & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    func fromHex(_ s: String) throws(PyError) -> [UInt8] {
        let u = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func digit(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        while i < u.count {
            if ByteAlg.isBytesSpace(UInt32(u[i])) { i += 1; continue }
            guard let hi = digit(u[i]) else {
                throw valueError("non-hexadecimal number found in fromhex() arg at position \(i)")
            }
            guard i + 1 < u.count, let lo = digit(u[i + 1]) else {
                throw valueError("non-hexadecimal number found in fromhex() arg at position \(i + 1)")
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    func installBytesMethods() {
        for t in [types.bytes, types.bytearray] {
            let mutable = t === types.bytearray
            constructor(t) { rt, args throws(PyError) in
                try args.expect(rt, t.name, 0, 3, keywords: true)
                let v = args.argument(0, "source")
                if v.isNull { return Value(rt.newBytes([], mutable: mutable)) }
                let encoding = args.argument(1, "encoding"), errors = args.argument(2, "errors")
                if v.isObject, let s = v.object as? PyStr {
                    guard !encoding.isNull else {
                        throw rt.typeError("string argument without an encoding")
                    }
                    return Value(rt.newBytes(try rt.encodeString(s, encoding, errors), mutable: mutable))
                }
                if !encoding.isNull { throw rt.typeError("encoding without a string argument") }
                if rt.isIntLike(v), let n = try rt.indexValue(v) {
                    // A count beyond a machine word is refused before any allocation
                    // (py/obj.c, mp_obj_get_int on a big int).
                    if let b = rt.bigInt(v), Int(exactly: b) == nil {
                        throw rt.overflowError("overflow converting long int to machine word")
                    }
                    if n < 0 { throw rt.valueError("negative count") }
                    try rt.reserve(n)
                    return Value(rt.newBytes([UInt8](repeating: 0, count: n), mutable: mutable))
                }
                return Value(rt.newBytes(try rt.bytesFrom(v), mutable: mutable))
            }
            installBytesMethods(t)
            installSequenceDunders(t)
            installOperatorDunders(t)
        }
        installBytearrayMutators(types.bytearray)
    }

    private func installBytesMethods(_ t: PyType) {
        method(t, "decode") { rt, args throws(PyError) in
            try args.expect(rt, "decode", 1, 3, keywords: true)
            let b = try rt.selfArg(args, PyBytes.self, "decode")
            return try rt.decodeBytes(b.bytes, args.argument(1, "encoding"), args.argument(2, "errors"))
        }
        method(t, "hex") { rt, args throws(PyError) in
            try args.expect(rt, "hex", 1, 3, keywords: true)
            let b = try rt.selfArg(args, PyBytes.self, "hex")
            return rt.str(try rt.hexString(b.bytes, args.argument(1, "sep"), args.argument(2, "bytes_per_sep")))
        }
        classMethod(t, "fromhex") { rt, args throws(PyError) in
            try args.expect(rt, "fromhex", 2, 2)
            let s = try rt.strArgument(args[1])
            let bytes = try rt.fromHex(s.value)
            let cls = args[0]
            if cls.isObject, let ct = cls.object as? PyType, ct === rt.types.bytes || ct === rt.types.bytearray {
                return Value(rt.newBytes(bytes, mutable: ct === rt.types.bytearray))
            }
            return try rt.call(cls, [Value(rt.newBytes(bytes))])
        }
        installFindMethods(t) { rt, args, name, reverse throws(PyError) in try rt.bytesFindIn(args, name, reverse: reverse) }
        method(t, "count") { rt, args throws(PyError) in
            try args.expect(rt, "count", 2, 4)
            let b = try rt.selfArg(args, PyBytes.self, "count")
            let n = try rt.bytesNeedle(args[1])
            let (start, end) = try rt.searchBounds(args, 2, b.bytes.count)
            if end - start < n.count { return rt.int(0) }
            if n.isEmpty { return rt.int(end - start + 1) }
            return rt.int(b.bytes.withUnsafeBufferPointer { h in
                n.withUnsafeBufferPointer { ByteAlg.count(h, $0, start, end) }
            })
        }
        for (name, suffix) in [("startswith", false), ("endswith", true)] {
            method(t, name) { rt, args throws(PyError) in Value(bool: try rt.bytesTailMatch(args, name, suffix: suffix)) }
        }
        method(t, "join") { rt, args throws(PyError) in
            try args.expect(rt, "join", 2, 2)
            let b = try rt.selfArg(args, PyBytes.self, "join")
            var out: [UInt8] = []
            for (i, v) in try rt.iterateToArray(args[1]).enumerated() {
                guard v.isObject, v.object is PyBytes || v.object is PyMemoryView else {
                    throw rt.typeError("sequence item \(i): expected a bytes-like object, \(rt.typeName(v)) found")
                }
                if i > 0 { out += b.bytes }
                out += try rt.bytesLike(v)
            }
            return Value(rt.newBytes(out, mutable: b.isMutable))
        }
        // MicroPython has bytes.format (micropython-lib's requests builds its
        // Basic auth token with it): the template is formatted as a str (a bytes
        // argument shows as its repr) and the result is bytes again, UTF-8. In a
        // template that is not UTF-8, each non-ASCII byte stands in as a character
        // of the last private-use plane, which goes back as that same byte.
        method(t, "format") { rt, args throws(PyError) in
            let b = try rt.selfArg(args, PyBytes.self, "format")
            if let template = String(validating: b.bytes, as: UTF8.self) {
                return Value(rt.newBytes(Array(try rt.formatMethod(template, args).utf8), mutable: b.isMutable))
            }
            let rawBase: UInt32 = 0x10FF00
            let template = String(String.UnicodeScalarView(b.bytes.map { Unicode.Scalar($0 < 0x80 ? UInt32($0) : rawBase + UInt32($0))! }))
            var out: [UInt8] = []
            for c in try rt.formatMethod(template, args).unicodeScalars {
                if c.value >= rawBase + 0x80 { out.append(UInt8(c.value - rawBase)) } else { out += Array(String(c).utf8) }
            }
            return Value(rt.newBytes(out, mutable: b.isMutable))
        }
        method(t, "split") { rt, args throws(PyError) in try rt.bytesSplit(args, "split", reverse: false) }
        method(t, "rsplit") { rt, args throws(PyError) in try rt.bytesSplit(args, "rsplit", reverse: true) }
        method(t, "splitlines") { rt, args throws(PyError) in
            try args.expect(rt, "splitlines", 1, 2, keywords: true)
            let b = try rt.selfArg(args, PyBytes.self, "splitlines")
            let k = args.argument(1, "keepends")
            let keep = k.isNull ? false : try rt.isTruthy(k)
            let ranges = b.bytes.withUnsafeBufferPointer { ByteAlg.splitLines($0, keepends: keep, str: false) }
            return Value(rt.newList(ContiguousArray(ranges.map { Value(rt.newBytes(Array(b.bytes[$0]), mutable: b.isMutable)) })))
        }
        method(t, "strip") { rt, args throws(PyError) in try rt.bytesStrip(args, "strip", left: true, right: true) }
        method(t, "lstrip") { rt, args throws(PyError) in try rt.bytesStrip(args, "lstrip", left: true, right: false) }
        method(t, "rstrip") { rt, args throws(PyError) in try rt.bytesStrip(args, "rstrip", left: false, right: true) }
        method(t, "partition") { rt, args throws(PyError) in try rt.bytesPartition(args, "partition", reverse: false) }
        method(t, "rpartition") { rt, args throws(PyError) in try rt.bytesPartition(args, "rpartition", reverse: true) }
        method(t, "center") { rt, args throws(PyError) in try rt.bytesPad(args, "center", 0) }
        method(t, "ljust") { rt, args throws(PyError) in try rt.bytesPad(args, "ljust", 1) }
        method(t, "rjust") { rt, args throws(PyError) in try rt.bytesPad(args, "rjust", 2) }
        method(t, "zfill") { rt, args throws(PyError) in
            try args.expect(rt, "zfill", 2, 2)
            let b = try rt.selfArg(args, PyBytes.self, "zfill")
            let width = try rt.intArg(args[1])
            var x = b.bytes
            if width > x.count {
                try rt.reserve(width)
                var at = 0
                if let f = x.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { at = 1 }
                x.insert(contentsOf: [UInt8](repeating: 0x30, count: width - x.count), at: at)
            }
            return Value(rt.newBytes(x, mutable: b.isMutable))
        }
        method(t, "replace") { rt, args throws(PyError) in
            try args.expect(rt, "replace", 3, 4)
            let b = try rt.selfArg(args, PyBytes.self, "replace")
            let old = try rt.bytesLike(args[1]), new = try rt.bytesLike(args[2])
            let count = try rt.optionalInt(args.count > 3 ? args[3] : .null, -1)
            let out = b.bytes.withUnsafeBufferPointer { h in
                old.withUnsafeBufferPointer { o in
                    new.withUnsafeBufferPointer { n in ByteAlg.replace(h, o, n, count: count, utf8: false) }
                }
            }
            return Value(rt.newBytes(out, mutable: b.isMutable))
        }
        method(t, "removeprefix") { rt, args throws(PyError) in
            try args.expect(rt, "removeprefix", 2, 2)
            let b = try rt.selfArg(args, PyBytes.self, "removeprefix")
            let p = try rt.bytesLike(args[1])
            let x = b.bytes.starts(with: p) ? Array(b.bytes.dropFirst(p.count)) : b.bytes
            return Value(rt.newBytes(x, mutable: b.isMutable))
        }
        method(t, "removesuffix") { rt, args throws(PyError) in
            try args.expect(rt, "removesuffix", 2, 2)
            let b = try rt.selfArg(args, PyBytes.self, "removesuffix")
            let p = try rt.bytesLike(args[1])
            let hit = p.count <= b.bytes.count && b.bytes.suffix(p.count).elementsEqual(p)
            return Value(rt.newBytes(hit ? Array(b.bytes.dropLast(p.count)) : b.bytes, mutable: b.isMutable))
        }
        method(t, "expandtabs") { rt, args throws(PyError) in
            try args.expect(rt, "expandtabs", 1, 2, keywords: true)
            let b = try rt.selfArg(args, PyBytes.self, "expandtabs")
            let tabsize = try rt.optionalInt(args.argument(1, "tabsize"), 8)
            try rt.reserveForTabs(b.bytes.lazy.filter { $0 == 9 }.count, tabsize)
            let out = b.bytes.withUnsafeBufferPointer { ByteAlg.expandTabs($0, tabsize: tabsize, utf8: false) }
            return Value(rt.newBytes(out, mutable: b.isMutable))
        }
        method(t, "translate") { rt, args throws(PyError) in
            try args.expect(rt, "translate", 2, 3, keywords: true)
            let b = try rt.selfArg(args, PyBytes.self, "translate")
            let table = args[1]
            var map: [UInt8]? = nil
            if !table.isNone {
                let m = try rt.bytesLike(table)
                guard m.count == 256 else { throw rt.valueError("translation table must be 256 characters long") }
                map = m
            }
            let delArg = args.argument(2, "delete")
            var delete = [Bool](repeating: false, count: 256)
            if !delArg.isNull { for c in try rt.bytesLike(delArg) { delete[Int(c)] = true } }
            var out: [UInt8] = []
            out.reserveCapacity(b.bytes.count)
            for c in b.bytes where !delete[Int(c)] { out.append(map?[Int(c)] ?? c) }
            return Value(rt.newBytes(out, mutable: b.isMutable))
        }
        staticMethod(t, "maketrans") { rt, args throws(PyError) in
            try args.expect(rt, "maketrans", 2, 2)
            let from = try rt.bytesLike(args[0]), to = try rt.bytesLike(args[1])
            guard from.count == to.count else { throw rt.valueError("maketrans arguments must have same length") }
            var table = (0...255).map { UInt8($0) }
            for (a, b) in zip(from, to) { table[Int(a)] = b }
            return Value(rt.newBytes(table))
        }

        func mapping(_ name: String, _ f: @escaping ([UInt8]) -> [UInt8]) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let b = try rt.selfArg(args, PyBytes.self, name)
                return Value(rt.newBytes(f(b.bytes), mutable: b.isMutable))
            }
        }
        mapping("upper") { $0.map(asciiUpper) }
        mapping("lower") { $0.map(asciiLower) }
        mapping("swapcase") { $0.map { isASCIIAlpha($0) ? $0 ^ 0x20 : $0 } }
        mapping("capitalize") { x in
            x.enumerated().map { $0.offset == 0 ? asciiUpper($0.element) : asciiLower($0.element) }
        }
        mapping("title") { x in
            var previousCased = false
            return x.map { c in
                defer { previousCased = isASCIIAlpha(c) }
                return previousCased ? asciiLower(c) : asciiUpper(c)
            }
        }

        func predicate(_ name: String, empty: Bool, _ f: @escaping (UInt8) -> Bool) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let b = try rt.selfArg(args, PyBytes.self, name)
                if b.bytes.isEmpty { return Value(bool: empty) }
                return Value(bool: b.bytes.allSatisfy(f))
            }
        }
        predicate("isascii", empty: true) { $0 < 0x80 }
        predicate("isalpha", empty: false, isASCIIAlpha)
        predicate("isdigit", empty: false, isASCIIDigit)
        predicate("isalnum", empty: false) { isASCIIAlpha($0) || isASCIIDigit($0) }
        predicate("isspace", empty: false) { ByteAlg.isBytesSpace(UInt32($0)) }
        func cased(_ name: String, upper: Bool) {
            method(t, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                let b = try rt.selfArg(args, PyBytes.self, name)
                var saw = false
                for c in b.bytes {
                    if c >= 0x41 && c <= 0x5A { if !upper { return .false }; saw = true }
                    else if c >= 0x61 && c <= 0x7A { if upper { return .false }; saw = true }
                }
                return Value(bool: saw)
            }
        }
        cased("islower", upper: false)
        cased("isupper", upper: true)
        method(t, "istitle") { rt, args throws(PyError) in
            try args.expect(rt, "istitle", 1, 1)
            let b = try rt.selfArg(args, PyBytes.self, "istitle")
            var cased = false, previousCased = false
            for c in b.bytes {
                if c >= 0x41 && c <= 0x5A {
                    if previousCased { return .false }
                    previousCased = true; cased = true
                } else if c >= 0x61 && c <= 0x7A {
                    if !previousCased { return .false }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return Value(bool: cased)
        }
    }

    private func installBytearrayMutators(_ t: PyType) {
        method(t, "append") { rt, args throws(PyError) in
            try args.expect(rt, "append", 2, 2)
            let b = try rt.mutableSelf(args, "append")
            b.bytes.append(try rt.byteValue(args[1]))
            return .none
        }
        method(t, "extend") { rt, args throws(PyError) in
            try args.expect(rt, "extend", 2, 2)
            let b = try rt.mutableSelf(args, "extend")
            let v = args[1]
            if v.isObject, v.object is PyStr { throw rt.typeError("expected iterable of integers; got: 'str'") }
            if rt.isIntLike(v) { throw rt.typeError("can't extend bytearray with \(rt.typeName(v))") }
            let x = try rt.bytesFrom(v)
            try rt.reserve(x.count)
            b.bytes.append(contentsOf: x)
            return .none
        }
        method(t, "insert") { rt, args throws(PyError) in
            try args.expect(rt, "insert", 3, 3)
            let b = try rt.mutableSelf(args, "insert")
            var i = try rt.intArg(args[1])
            let c = try rt.byteValue(args[2])
            let n = b.bytes.count
            if i < 0 { i = max(0, i + n) }
            b.bytes.insert(c, at: min(i, n))
            return .none
        }
        method(t, "pop") { rt, args throws(PyError) in
            try args.expect(rt, "pop", 1, 2)
            let b = try rt.mutableSelf(args, "pop")
            if b.bytes.isEmpty { throw rt.indexError("pop from empty bytearray") }
            var i = args.count > 1 ? try rt.intArg(args[1]) : -1
            if i < 0 { i += b.bytes.count }
            guard i >= 0 && i < b.bytes.count else { throw rt.indexError("pop index out of range") }
            return rt.int(Int(b.bytes.remove(at: i)))
        }
        method(t, "remove") { rt, args throws(PyError) in
            try args.expect(rt, "remove", 2, 2)
            let b = try rt.mutableSelf(args, "remove")
            let c = try rt.byteValue(args[1])
            guard let i = b.bytes.firstIndex(of: c) else { throw rt.valueError("value not found in bytearray") }
            b.bytes.remove(at: i)
            return .none
        }
        method(t, "clear") { rt, args throws(PyError) in
            try args.expect(rt, "clear", 1, 1)
            try rt.mutableSelf(args, "clear").bytes.removeAll()
            return .none
        }
        method(t, "copy") { rt, args throws(PyError) in
            try args.expect(rt, "copy", 1, 1)
            return Value(rt.newBytes(try rt.mutableSelf(args, "copy").bytes, mutable: true))
        }
        method(t, "reverse") { rt, args throws(PyError) in
            try args.expect(rt, "reverse", 1, 1)
            try rt.mutableSelf(args, "reverse").bytes.reverse()
            return .none
        }
    }
}
