/// `memoryview` over bytes and bytearray (MicroPython's: one-byte items,
/// slices with step 1 only). Views share their base; slicing copies nothing.
extension Runtime {
    /// The view's bytes as they are now (clamped if the bytearray shrank).
    func viewBytes(_ m: PyMemoryView) throws(PyError) -> ArraySlice<UInt8> {
        try checkReleased(m)
        let n = m.base.bytes.count
        let lo = min(m.start, n), hi = min(m.start + m.count, n)
        return m.base.bytes[lo..<hi]
    }

    func checkReleased(_ m: PyMemoryView) throws(PyError) {
        if m.released { throw valueError("operation forbidden on released memoryview object") }
    }

    func newMemoryView(_ base: PyBytes, start: Int, count: Int, readonly: Bool, format: Character = "B") -> Value {
        let m = PyMemoryView(type: types.memoryview, base: base, start: start, count: count, readonly: readonly)
        if format != "B", let tc = try? arrayTypecode(str(String(format))) {
            m.format = format
            m.itemsize = tc.size
        }
        return Value(track(m))
    }

    /// The item at byte offset `at` of a view's base.
    func memoryViewItem(_ m: PyMemoryView, at: Int) throws(PyError) -> Value {
        if m.itemsize == 1 && m.format == "B" { return Value(small: Int(m.base.bytes[at])) }
        let tc = try arrayTypecode(str(String(m.format)))
        var raw: UInt64 = 0
        for j in 0..<tc.size { raw |= UInt64(m.base.bytes[at + j]) << (8 * j) }
        return arrayItem(tc, raw)
    }

    /// The view's items as values.
    func memoryViewItems(_ m: PyMemoryView) throws(PyError) -> ContiguousArray<Value> {
        let b = try viewBytes(m)
        if m.itemsize == 1 && m.format == "B" { return ContiguousArray(b.map { Value(small: Int($0)) }) }
        var out = ContiguousArray<Value>()
        var at = b.startIndex
        while at + m.itemsize <= b.endIndex {
            out.append(try memoryViewItem(m, at: at))
            at += m.itemsize
        }
        return out
    }

    /// `memoryview(obj)`.
    func makeMemoryView(_ v: Value) throws(PyError) -> Value {
        if v.isObject, let b = v.object as? PyBytes {
            return newMemoryView(b, start: 0, count: b.bytes.count, readonly: !b.isMutable)
        }
        if v.isObject, let m = v.object as? PyMemoryView {
            try checkReleased(m)
            return newMemoryView(m.base, start: m.start, count: m.count, readonly: m.readonly, format: m.format)
        }
        // A str exports its UTF-8 bytes, read-only, as MicroPython's str buffer
        // protocol does (py/objstr.c, mp_obj_str_get_buffer).
        if v.isObject, let s = v.object as? PyStr {
            let b = newBytes(Array(s.value.utf8))
            return newMemoryView(b, start: 0, count: b.bytes.count, readonly: true)
        }
        if v.isObject, let (buf, tc) = arrayBuffer(v.object) {
            return newMemoryView(buf, start: 0, count: buf.bytes.count, readonly: false, format: tc)
        }
        throw typeError("memoryview: a bytes-like object is required, not '\(typeName(v))'")
    }

    func memoryViewSelf(_ args: CallArguments, _ name: String) throws(PyError) -> PyMemoryView {
        guard args.count > 0, args[0].isObject, let m = args[0].object as? PyMemoryView else {
            throw typeError("descriptor '\(name)' requires a 'memoryview' object")
        }
        return m
    }

    /// `mv[i]` and `mv[a:b]` (a new view over the same base).
    func memoryViewGetItem(_ m: PyMemoryView, _ index: Value) throws(PyError) -> Value {
        try checkReleased(m)
        let z = m.itemsize
        if index.isObject, let s = index.object as? PySlice {
            let (start, _, step, count) = try sliceIndices(s, length: m.count / z)
            if step != 1 { throw notImplementedError("only slices with step=1 (aka None) are supported") }
            return newMemoryView(m.base, start: m.start + start * z, count: count * z, readonly: m.readonly, format: m.format)
        }
        let i = try sequenceIndex(index, m.count / z, "memoryview")
        let at = m.start + i * z
        guard at + z <= m.base.bytes.count else { throw indexError("memoryview index out of range") }
        return try memoryViewItem(m, at: at)
    }

    /// `mv[i] = x` and `mv[a:b] = bytes_like` (sizes must match).
    func memoryViewSetItem(_ m: PyMemoryView, _ index: Value, _ value: Value) throws(PyError) {
        try checkReleased(m)
        if m.readonly { throw typeError("cannot modify read-only memory") }
        let n = m.base.bytes.count
        let z = m.itemsize
        if index.isObject, let s = index.object as? PySlice {
            let (start, _, step, count) = try sliceIndices(s, length: m.count / z)
            if step != 1 { throw notImplementedError("only slices with step=1 (aka None) are supported") }
            let src = try bytesLike(value)
            guard src.count == count * z else {
                throw valueError("memoryview assignment: lvalue and rvalue have different structures")
            }
            let at = m.start + start * z
            guard at + count * z <= n else { throw indexError("memoryview index out of range") }
            for k in 0..<(count * z) { m.base.bytes[at + k] = src[k] }
            return
        }
        if z != 1 || m.format != "B" {
            let i = try sequenceIndex(index, m.count / z, "memoryview")
            let at = m.start + i * z
            guard at + z <= n else { throw indexError("memoryview index out of range") }
            let raw = try arrayItemBits(try arrayTypecode(str(String(m.format))), value)
            for j in 0..<z { m.base.bytes[at + j] = UInt8(truncatingIfNeeded: raw >> (8 * j)) }
            return
        }
        let i = try sequenceIndex(index, m.count, "memoryview")
        guard isIntLike(value) else {
            throw typeError("memoryview: invalid type for format 'B'")
        }
        guard let x = smallInt(value), x >= 0, x < 256 else {
            throw valueError("memoryview: invalid value for format 'B'")
        }
        guard m.start + i < n else { throw indexError("memoryview index out of range") }
        m.base.bytes[m.start + i] = UInt8(x)
    }

    func installMemoryViewMethods() {
        let t = types.memoryview
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "memoryview", 1, 1, keywords: true)
            return try rt.makeMemoryView(args.argument(0, "object"))
        }
        method(t, "__len__") { rt, args throws(PyError) in
            let m = try rt.memoryViewSelf(args, "__len__")
            try rt.checkReleased(m)
            return rt.int(m.count / m.itemsize)
        }
        method(t, "__getitem__") { rt, args throws(PyError) in
            try args.expect(rt, "__getitem__", 2, 2)
            return try rt.memoryViewGetItem(try rt.memoryViewSelf(args, "__getitem__"), args[1])
        }
        method(t, "__setitem__") { rt, args throws(PyError) in
            try args.expect(rt, "__setitem__", 3, 3)
            try rt.memoryViewSetItem(try rt.memoryViewSelf(args, "__setitem__"), args[1], args[2])
            return .none
        }
        method(t, "__iter__") { rt, args throws(PyError) in
            let m = try rt.memoryViewSelf(args, "__iter__")
            if m.itemsize != 1 || m.format != "B" {
                return try rt.getIterator(Value(rt.newList(try rt.memoryViewItems(m))))
            }
            return rt.sequenceIterator(.bytes, Value(rt.newBytes(Array(try rt.viewBytes(m)))))
        }
        method(t, "__eq__") { rt, args throws(PyError) in
            try args.expect(rt, "__eq__", 2, 2)
            guard let r = try rt.memoryViewEquals(args[0], args[1]) else { return .notImplemented }
            return Value(bool: r)
        }
        method(t, "__ne__") { rt, args throws(PyError) in
            try args.expect(rt, "__ne__", 2, 2)
            guard let r = try rt.memoryViewEquals(args[0], args[1]) else { return .notImplemented }
            return Value(bool: !r)
        }
        method(t, "tobytes") { rt, args throws(PyError) in
            try args.expect(rt, "tobytes", 1, 1)
            return Value(rt.newBytes(Array(try rt.viewBytes(try rt.memoryViewSelf(args, "tobytes")))))
        }
        method(t, "tolist") { rt, args throws(PyError) in
            try args.expect(rt, "tolist", 1, 1)
            return Value(rt.newList(try rt.memoryViewItems(try rt.memoryViewSelf(args, "tolist"))))
        }
        method(t, "hex") { rt, args throws(PyError) in
            try args.expect(rt, "hex", 1, 3, keywords: true)
            let b = try rt.viewBytes(try rt.memoryViewSelf(args, "hex"))
            return rt.str(try rt.hexString(Array(b), args.argument(1, "sep"), args.argument(2, "bytes_per_sep")))
        }
        method(t, "release") { rt, args throws(PyError) in
            try args.expect(rt, "release", 1, 1)
            try rt.memoryViewSelf(args, "release").released = true
            return .none
        }
        method(t, "__enter__") { rt, args throws(PyError) in
            let m = try rt.memoryViewSelf(args, "__enter__")
            try rt.checkReleased(m)
            return args[0]
        }
        method(t, "__exit__") { rt, args throws(PyError) in
            try rt.memoryViewSelf(args, "__exit__").released = true
            return .none
        }
        func property(_ name: String, _ get: @escaping (Runtime, PyMemoryView) throws(PyError) -> Value) {
            readOnlyProperty(t, name) { rt, args throws(PyError) in try get(rt, try rt.memoryViewSelf(args, name)) }
        }
        property("readonly") { rt, m throws(PyError) in try rt.checkReleased(m); return Value(bool: m.readonly) }
        property("nbytes") { rt, m throws(PyError) in try rt.checkReleased(m); return rt.int(m.count) }
        property("obj") { rt, m throws(PyError) in try rt.checkReleased(m); return Value(m.base) }
        property("itemsize") { rt, m throws(PyError) in try rt.checkReleased(m); return Value(small: m.itemsize) }
        property("format") { rt, m throws(PyError) in try rt.checkReleased(m); return rt.str(String(m.format)) }
        property("ndim") { rt, m throws(PyError) in try rt.checkReleased(m); return Value(small: 1) }
        property("released") { rt, m throws(PyError) in Value(bool: m.released) }
    }

    /// `mv == other` when `other` is bytes-like; nil when not applicable.
    func memoryViewEquals(_ a: Value, _ b: Value) throws(PyError) -> Bool? {
        func bytesOf(_ v: Value) throws(PyError) -> ArraySlice<UInt8>?? {
            guard v.isObject else { return .some(nil) }
            if let m = v.object as? PyMemoryView {
                if m.released { return nil }
                return .some(try viewBytes(m))
            }
            if let b = v.object as? PyBytes { return .some(b.bytes[...]) }
            return .some(nil)
        }
        guard (a.isObject && a.object is PyMemoryView) || (b.isObject && b.object is PyMemoryView) else { return nil }
        // A released view equals only itself.
        if a.bits == b.bits { return true }
        guard let x = try bytesOf(a), let y = try bytesOf(b) else { return false }
        guard let x, let y else { return nil }
        return x.elementsEqual(y)
    }
}
