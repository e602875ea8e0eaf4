import BigInt

/// `container[index]`, assignment and deletion, including slices.
extension Runtime {
    /// A slice's bounds as ints, before they meet a length: resolving them can
    /// run `__index__`, which may change the sequence, so the length is read
    /// only afterwards (CPython's PySlice_Unpack, then PySlice_AdjustIndices).
    struct SliceBounds {
        var start: Int?
        var stop: Int?
        var step: Int
    }

    func unpackSlice(_ s: PySlice) throws(PyError) -> SliceBounds {
        var step = 1
        if !s.step.isNone {
            guard let st = try indexValue(s.step) else { throw typeError("slice indices must be integers") }
            if st == 0 { throw valueError("slice step cannot be zero") }
            step = st
        }
        func bound(_ v: Value) throws(PyError) -> Int? {
            if v.isNone { return nil }
            guard let i = try indexValue(v) else { throw typeError("slice indices must be integers") }
            return i
        }
        return SliceBounds(start: try bound(s.start), stop: try bound(s.stop), step: step)
    }

    /// Resolved bounds clamped to a sequence of `length` items. Runs no Python code.
    func adjust(_ b: SliceBounds, length: Int) -> (start: Int, stop: Int, step: Int, count: Int) {
        func bound(_ v: Int?, _ def: Int, _ lower: Int, _ upper: Int) -> Int {
            guard var i = v else { return def }
            if i < 0 {
                i += length
                if i < lower { i = lower }
            } else if i > upper {
                i = upper
            }
            return i
        }
        let step = b.step
        let start: Int, stop: Int
        if step > 0 {
            start = bound(b.start, 0, 0, length)
            stop = bound(b.stop, length, 0, length)
        } else {
            start = bound(b.start, length - 1, -1, length - 1)
            stop = bound(b.stop, -1, -1, length - 1)
        }
        var count = 0
        if step > 0 { if start < stop { count = (stop - start - 1) / step + 1 } } else if stop < start { count = (start - stop - 1) / (-step) + 1 }
        return (start, stop, step, count)
    }

    /// Resolves a slice against a sequence length, as `slice.indices()`; the
    /// length is read after the bounds' `__index__` methods ran.
    func sliceIndices(_ s: PySlice, length: @autoclosure () throws(PyError) -> Int) throws(PyError) -> (start: Int, stop: Int, step: Int, count: Int) {
        let b = try unpackSlice(s)
        return adjust(b, length: try length())
    }

    /// An int usable as an index (int, bool, or __index__), clamped to Int.
    func indexValue(_ v: Value) throws(PyError) -> Int? {
        if v.isSmallInt { return v.asSmallInt }
        if let b = bigInt(v) { return Int(exactly: b) ?? (b < 0 ? Int.min / 2 : Int.max / 2) }
        if v.isObject {
            let m = v.object.type.lookup(names.__index__)
            if !m.isNull { return try indexValue(try callSpecial(m, [v])) }
        }
        return nil
    }

    /// Normalises a sequence index, raising IndexError when out of range.
    /// `count` is read after the index's `__index__` ran (it may change the sequence).
    func sequenceIndex(_ index: Value, _ count: @autoclosure () -> Int, _ what: String) throws(PyError) -> Int {
        guard var i = try indexValue(index) else {
            throw typeError("\(what) indices must be integers, not \(typeName(index))")
        }
        let count = count()
        if i < 0 { i += count }
        if i < 0 || i >= count { throw indexError("\(what) index out of range") }
        return i
    }

    func getItem(_ container: Value, _ index: Value) throws(PyError) -> Value {
        guard container.isObject else {
            throw typeError("'\(typeName(container))' object isn't subscriptable")
        }
        // An exact dict first, borrowed, without the dynamic casts of the switch below.
        if container.object.type === types.dict {
            let v = try container.withBorrowed(PyDict.self) { d throws(PyError) in try d.get(index, self) }
            if v.isNull { throw keyError(index) }
            return v
        }
        let c = container.object
        if !c.type.isBuiltin {
            let m = c.type.lookup(names.__getitem__)
            if m.isObject, m.object is PyFunction || !m.object.type.isBuiltin || m.object is PyMethodWrapper {
                return try callSpecial(m, [container, index])
            }
        }
        if let s = index.isObject ? index.object as? PySlice : nil, !(c is PyDict) {
            return try getSlice(c, s)
        }
        switch c {
        case let l as PyList:
            let i = try sequenceIndex(index, l.items.count, "list")
            return l.items[i]
        case let t as PyTuple:
            let i = try sequenceIndex(index, t.items.count, "tuple")
            return t.items[i]
        case let s as PyStr:
            return str(s.character(at: try sequenceIndex(index, s.count, "string")))
        case let b as PyBytes:
            let i = try sequenceIndex(index, b.bytes.count, b.isMutable ? "bytearray" : "bytes")
            return Value(small: Int(b.bytes[i]))
        case let d as PyDict:
            let v = try d.get(index, self)
            if !v.isNull { return v }
            if !c.type.isBuiltin {
                let missing = c.type.lookup(names.__missing__)
                if !missing.isNull { return try call(missing, [container, index]) }
            }
            throw keyError(index)
        case let r as PyRange:
            let i = try sequenceIndex(index, r.count, "range")
            return int(r.start + i * r.step)
        case let t as PyType:
            // Class subscripts such as list[int] in annotations evaluate to the class.
            let m = t.lookup(intern("__class_getitem__"))
            if !m.isNull { return try callSpecial(m, [container, index]) }
            return container
        default:
            let m = c.type.lookup(names.__getitem__)
            if !m.isNull { return try callSpecial(m, [container, index]) }
            throw typeError("'\(c.type.name)' object isn't subscriptable")
        }
    }

    /// `container[start:stop]` for an exact str or list and bounds that are
    /// small ints or None; nil for anything else (made through a slice object).
    func plainSlice(_ container: Value, _ start: Value, _ stop: Value) -> Value? {
        guard container.isObject else { return nil }
        let c = container.object
        let length: Int
        if c.type === types.str {
            length = unsafeDowncast(c, to: PyStr.self).count
        } else if c.type === types.list {
            length = unsafeDowncast(c, to: PyList.self).items.count
        } else {
            return nil
        }
        func bound(_ v: Value, _ absent: Int) -> Int? {
            if v.isNone { return absent }
            guard v.isSmallInt else { return nil }
            let i = v.asSmallInt
            return i < 0 ? max(0, i + length) : min(i, length)
        }
        guard let from = bound(start, 0), let to = bound(stop, length) else { return nil }
        let end = max(from, to)
        if c.type === types.list {
            return listValue(ContiguousArray(unsafeDowncast(c, to: PyList.self).items[from..<end]))
        }
        return strSlice(unsafeDowncast(c, to: PyStr.self), from, end)
    }

    /// Code points `from..<end` of `st` as a str.
    private func strSlice(_ st: PyStr, _ from: Int, _ end: Int) -> Value {
        if st.isASCII { return strValue(st.substring(from, end), count: end - from, isASCII: true) }
        return str(st.substring(from, end))
    }

    func getSlice(_ c: PyObject, _ s: PySlice) throws(PyError) -> Value {
        switch c {
        case let l as PyList:
            let (start, _, step, count) = try sliceIndices(s, length: l.items.count)
            if step == 1 { return listValue(ContiguousArray(l.items[start..<(start + count)])) }
            var out = ContiguousArray<Value>()
            out.reserveCapacity(count)
            for k in 0..<count { out.append(l.items[start + k * step]) }
            return listValue(out)
        case let t as PyTuple:
            let (start, _, step, count) = try sliceIndices(s, length: t.items.count)
            var out = ContiguousArray<Value>()
            out.reserveCapacity(count)
            for k in 0..<count { out.append(t.items[start + k * step]) }
            return Value(newTuple(out))
        case let st as PyStr:
            let (start, _, step, count) = try sliceIndices(s, length: st.count)
            if step == 1 { return strSlice(st, start, start + count) }
            var out = String.UnicodeScalarView()
            if st.isASCII {
                withUTF8Bytes(st.value) { u in
                    for k in 0..<count { out.append(Unicode.Scalar(u[start + k * step])) }
                }
            } else {
                let sc = st.scalars
                for k in 0..<count { out.append(sc[start + k * step]) }
            }
            return str(String(out))
        case let b as PyBytes:
            let (start, _, step, count) = try sliceIndices(s, length: b.bytes.count)
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for k in 0..<count { out.append(b.bytes[start + k * step]) }
            return Value(newBytes(out, mutable: b.isMutable))
        case let m as PyMemoryView:
            return try memoryViewGetItem(m, Value(s))
        case let r as PyRange:
            // As CPython and MicroPython: the slice's own stop, mapped through the range.
            let (start, stop, step, _) = try sliceIndices(s, length: r.count)
            let newStart = r.start + start * r.step
            return adopt(PyRange(type: types.range, start: newStart, stop: r.start + stop * r.step, step: r.step * step))
        default:
            throw typeError("'\(c.type.name)' object isn't subscriptable")
        }
    }

    func setItem(_ container: Value, _ index: Value, _ value: Value) throws(PyError) {
        guard container.isObject else {
            throw typeError("'\(typeName(container))' object doesn't support item assignment")
        }
        if container.object.type === types.dict {
            try container.withBorrowed(PyDict.self) { d throws(PyError) in try d.set(index, value, self) }
            return
        }
        let c = container.object
        if !c.type.isBuiltin, try callUserFunction(c, names.__setitem__, [container, index, value]) { return }
        switch c {
        case let l as PyList:
            if index.isObject, let s = index.object as? PySlice {
                let items = try iterateToArray(value)
                let bounds = try unpackSlice(s)
                try assignSlice(&l.items, bounds, items) { "attempt to assign sequence of size \(items.count) to extended slice of size \($0)" }
                return
            }
            let i = try sequenceIndex(index, l.items.count, "list")
            l.items[i] = value
        case let d as PyDict:
            try d.set(index, value, self)
        case let b as PyBytes where b.isMutable:
            if index.isObject, let s = index.object as? PySlice {
                let bounds = try unpackSlice(s), replacement = try bytesFrom(value)
                try assignSlice(&b.bytes, bounds, replacement) { _ in "attempt to assign bytes of wrong size" }
                return
            }
            let i = try sequenceIndex(index, b.bytes.count, "bytearray")
            guard let x = smallInt(value), x >= 0, x < 256 else { throw valueError("byte must be in range(0, 256)") }
            b.bytes[i] = UInt8(x)
        default:
            let m = c.type.lookup(names.__setitem__)
            if !m.isNull {
                _ = try callSpecial(m, [container, index, value])
                return
            }
            throw typeError("'\(c.type.name)' object doesn't support item assignment")
        }
    }

    /// `seq[s] = items` for list and bytearray: a plain slice takes any number
    /// of items, an extended one exactly as many as it selects (else
    /// ValueError with `mismatch(selected)`).
    private func assignSlice<C: RangeReplaceableCollection & MutableCollection>(
        _ target: inout C, _ bounds: SliceBounds, _ items: [C.Element], mismatch: (Int) -> String
    ) throws(PyError) where C.Index == Int {
        let (start, stop, step, count) = adjust(bounds, length: target.count)
        if step == 1 {
            target.replaceSubrange(start..<max(start, stop), with: items)
            return
        }
        guard items.count == count else { throw valueError(mismatch(count)) }
        for k in 0..<count { target[start + k * step] = items[k] }
    }

    /// Calls the Python function a user class defines as `name` with `args`;
    /// false when the class has no such function of its own.
    private func callUserFunction(_ o: PyObject, _ name: PyStr, _ args: [Value]) throws(PyError) -> Bool {
        let m = o.type.lookup(name)
        guard m.isObject, m.object is PyFunction || m.object is PyMethodWrapper else { return false }
        _ = try callSpecial(m, args)
        return true
    }

    func deleteItem(_ container: Value, _ index: Value) throws(PyError) {
        guard container.isObject else {
            throw typeError("'\(typeName(container))' object doesn't support item deletion")
        }
        let c = container.object
        if !c.type.isBuiltin, try callUserFunction(c, names.__delitem__, [container, index]) { return }
        switch c {
        case let l as PyList:
            if index.isObject, let s = index.object as? PySlice {
                let bounds = try unpackSlice(s)
                deleteSlice(&l.items, bounds)
                return
            }
            let i = try sequenceIndex(index, l.items.count, "list")
            l.items.remove(at: i)
        case let d as PyDict:
            if (try d.remove(index, self)).isNull { throw keyError(index) }
        case let b as PyBytes where b.isMutable:
            if index.isObject, let s = index.object as? PySlice {
                let bounds = try unpackSlice(s)
                deleteSlice(&b.bytes, bounds)
                return
            }
            let i = try sequenceIndex(index, b.bytes.count, "bytearray")
            b.bytes.remove(at: i)
        default:
            let m = c.type.lookup(names.__delitem__)
            if !m.isNull {
                _ = try callSpecial(m, [container, index])
                return
            }
            throw typeError("'\(c.type.name)' object doesn't support item deletion")
        }
    }

    /// `del seq[s]` for list and bytearray: removes the items the slice selects.
    private func deleteSlice<C: RangeReplaceableCollection>(_ target: inout C, _ bounds: SliceBounds) {
        let (start, _, step, count) = adjust(bounds, length: target.count)
        var positions = Set<Int>()
        for k in 0..<count { positions.insert(start + k * step) }
        target = C(target.enumerated().filter { !positions.contains($0.offset) }.map { $0.element })
    }

    /// The bytes of a bytes-like value or an iterable of ints.
    func bytesFrom(_ v: Value) throws(PyError) -> [UInt8] {
        if v.isObject, let b = v.object as? PyBytes { return b.bytes }
        if v.isObject, let m = v.object as? PyMemoryView { return Array(try viewBytes(m)) }
        if v.isObject, v.object is PyStr { throw typeError("can't convert str to bytes implicitly") }
        // Objects exporting their bytes (array.array) through __bytes__.
        if v.isObject, !v.object.type.isBuiltin {
            let m = v.object.type.lookup(intern("__bytes__"))
            if !m.isNull, let b = try call(m, [v]).as(PyBytes.self) { return b.bytes }
        }
        var out: [UInt8] = []
        for x in try iterateToArray(v) {
            guard let i = smallInt(x), i >= 0, i < 256 else { throw valueError("bytes must be in range(0, 256)") }
            out.append(UInt8(i))
        }
        return out
    }
}
