/// What the built-in types answer natively for `len()`, `bool()` and `iter()`,
/// in one place per question. The same table serves exact built-ins (before any
/// method lookup) and user subclasses of them (after the lookup found nothing
/// the user wrote), so the two paths cannot drift apart.
extension Runtime {
    /// The length of a built-in container, or nil when `o` is not one.
    func builtinLength(_ o: PyObject) throws(PyError) -> Int? {
        if let n = containerLength(o) { return n }
        switch o {
        case let s as PySet: return s.storage.count
        case let b as PyBytes: return b.bytes.count
        case let r as PyRange: return r.count
        case let d as PyDictView: return d.dict.count
        case let m as PyMemoryView: try checkReleased(m); return m.count / m.itemsize
        default: return nil
        }
    }

    /// The truth of a built-in container or big int, or nil when `o` is neither.
    func builtinTruth(_ o: PyObject) throws(PyError) -> Bool? {
        if let i = o as? PyBigInt { return i.value != 0 }
        return try builtinLength(o).map { $0 > 0 }
    }

    /// A fresh iterator over a built-in iterable (or the iterator itself), or nil.
    func builtinIterator(_ o: PyObject, _ v: Value) -> Value? {
        switch o {
        case is PyList: return sequenceIterator(.list, v)
        case is PyTuple: return sequenceIterator(.tuple, v)
        case is PyStr: return sequenceIterator(.str, v)
        case is PyBytes: return sequenceIterator(.bytes, v)
        case let r as PyRange:
            return adopt(newRangeIterator(start: r.start, step: r.step, count: r.count, source: v))
        case let d as PyDict:
            let it = track(PySequenceIterator(type: types.iterator, kind: .dictKeys, source: v))
            it.current = d.count
            return Value(it)
        case let s as PySet:
            let it = track(PySequenceIterator(type: types.iterator, kind: .set, source: Value(s.storage)))
            it.current = s.storage.count
            return Value(it)
        case is PySequenceIterator, is PyGenerator, is PyNativeIterator:
            return v
        case let view as PyDictView:
            let kind: PySequenceIterator.Kind = view.type === types.dictKeys ? .dictKeys
                : (view.type === types.dictValues ? .dictValues : .dictItems)
            let it = track(PySequenceIterator(type: types.iterator, kind: kind, source: Value(view.dict)))
            it.current = view.dict.count
            return Value(it)
        default: return nil
        }
    }
}

/// The length of a str, list, tuple or dict (or a subclass's built-in part),
/// by the type's kind byte, without dynamic casts: the commonest `len()`s.
@inline(__always) func containerLength(_ o: PyObject) -> Int? {
    switch o.type.instanceKind {
    case .str: return unsafeDowncast(o, to: PyStr.self).count
    case .list: return unsafeDowncast(o, to: PyList.self).items.count
    case .tuple: return unsafeDowncast(o, to: PyTuple.self).items.count
    case .dict: return unsafeDowncast(o, to: PyDict.self).count
    default: return nil
    }
}
