/// The iterator protocol: `iter()`, `next()`, and the helpers Swift code uses
/// to walk any iterable.
extension Runtime {
    func sequenceIterator(_ kind: PySequenceIterator.Kind, _ source: Value) -> Value {
        adopt(PySequenceIterator(type: types.iterator, kind: kind, source: source))
    }

    /// `iter(v)`.
    func getIterator(_ v: Value) throws(PyError) -> Value {
        guard v.isObject else { throw typeError("'\(typeName(v))' object isn't iterable") }
        let o = v.object
        if o.type.isBuiltin, let it = builtinIterator(o, v) { return it }
        let m = o.type.lookup(names.__iter__)
        if !m.isNull {
            let it = try call(m, [v])
            return it
        }
        let gi = o.type.lookup(names.__getitem__)
        if !gi.isNull {
            // The old sequence protocol: __getitem__ with 0, 1, 2... until IndexError.
            let it = track(PySequenceIterator(type: types.iterator, kind: .callable, source: v))
            it.sentinel = .null
            it.step = -1
            return Value(it)
        }
        // Built-in bases of user subclasses.
        if let it = builtinIterator(o, v) { return it }
        throw typeError("'\(o.type.name)' object isn't iterable")
    }

    /// `next(it)`, or `.null` when the iterator is exhausted.
    func nextValue(_ it: Value) throws(PyError) -> Value {
        // Built-ins that loop in Swift (sum, sorted, list, str.join, any...) reach no
        // interpreter safe point: they notice Ctrl-C here, every 65536 steps.
        nativeSteps &+= 1
        if nativeSteps & 0xFFFF == 0, interruptLine.take() {
            throw PyError(newException(types.KeyboardInterrupt, args: []))
        }
        guard it.isObject else { throw typeError("'\(typeName(it))' object isn't an iterator") }
        let o = it.object
        if let si = o as? PySequenceIterator { return try advance(si) }
        if let ni = o as? PyNativeIterator { return try advanceNative(ni) }
        if let g = o as? PyGenerator {
            if g.isCoroutine { throw typeError("'coroutine' object isn't an iterator") }
            switch try resumeGenerator(g, sent: .none, throwing: nil) {
            case .yielded(let v): return v
            case .returned: return .null
            }
        }
        let m = o.type.lookup(names.__next__)
        if m.isNull { throw typeError("'\(o.type.name)' object isn't an iterator") }
        do throws(PyError) {
            return try call(m, [it])
        } catch let e {
            if e.exception.type.isSubtype(of: types.StopIteration) {
                lastStopIteration = e
                return .null
            }
            throw e
        }
    }

    /// `iter(range(args))` without the range object, when the `count` (1 to 3)
    /// arguments are small ints and the step is not 0; else nil.
    func rangeIterator(_ args: UnsafeMutablePointer<Value>, count: Int) -> Value? {
        for i in 0..<count where !args[i].isSmallInt { return nil }
        var start = 0, stop = args[0].asSmallInt, step = 1
        if count > 1 {
            start = stop
            stop = args[1].asSmallInt
            if count == 3 { step = args[2].asSmallInt }
        }
        if step == 0 { return nil }
        return adopt(newRangeIterator(start: start, step: step, count: PyRange.count(start, stop, step), source: .none))
    }

    /// A range iterator at `start`, `count` values to go (`source`: the range
    /// it iterates, or `.none` when none was made). The caller registers it.
    func newRangeIterator(start: Int, step: Int, count: Int, source: Value) -> PySequenceIterator {
        let it = PySequenceIterator(type: types.iterator, kind: .range, source: source)
        it.current = start
        it.step = step
        it.remaining = count
        return it
    }

    func advance(_ si: PySequenceIterator) throws(PyError) -> Value {
        switch si.kind {
        case .range:
            guard si.remaining > 0 else { return .null }
            si.remaining -= 1
            let v = si.current
            si.current &+= si.step
            return int(v)
        case .list:
            let l = unsafeDowncast(si.source.object, to: PyList.self)
            guard si.position < l.items.count else { si.position = Int.max / 2; return .null }
            si.position += 1
            return l.items[si.position - 1]
        case .tuple:
            let t = unsafeDowncast(si.source.object, to: PyTuple.self)
            guard si.position < t.items.count else { return .null }
            si.position += 1
            return t.items[si.position - 1]
        case .str:
            let s = unsafeDowncast(si.source.object, to: PyStr.self)
            guard si.position < s.count else { return .null }
            si.position += 1
            return str(s.character(at: si.position - 1))
        case .bytes:
            let b = unsafeDowncast(si.source.object, to: PyBytes.self)
            guard si.position < b.bytes.count else { return .null }
            si.position += 1
            return Value(small: Int(b.bytes[si.position - 1]))
        case .dictKeys, .dictValues, .dictItems, .set:
            let d = unsafeDowncast(si.source.object, to: PyDict.self)
            if d.count != si.current {
                si.current = -1
                throw error(types.RuntimeError, si.kind == .set ? "Set changed size during iteration"
                                : "dictionary changed size during iteration")
            }
            while si.position < d.entryCount {
                let e = si.position
                si.position += 1
                if let (k, v) = d.entry(at: e) {
                    switch si.kind {
                    case .dictValues: return v
                    case .dictItems: return tuple([k, v])
                    default: return k
                    }
                }
            }
            return .null
        case .callable:
            if si.step == -1 {
                // __getitem__ sequence protocol.
                do throws(PyError) {
                    let v = try getItem(si.source, int(si.position))
                    si.position += 1
                    return v
                } catch let e {
                    if e.exception.type.isSubtype(of: types.IndexError) || e.exception.type.isSubtype(of: types.StopIteration) {
                        return .null
                    }
                    throw e
                }
            }
            if si.remaining < 0 { return .null }
            let v = try call(si.source, [])
            if try equals(v, si.sentinel) {
                si.remaining = -1
                return .null
            }
            return v
        }
    }

    /// All values of an iterable, in order.
    func iterateToArray(_ v: Value) throws(PyError) -> [Value] {
        if v.isObject {
            let o = v.object
            if o.type === types.list {
                // The caller may run Python code on each item (a `__hash__`, a
                // key) that empties the list: the copy must keep them alive.
                let items = Array(unsafeDowncast(o, to: PyList.self).items)
                heap.hold(items)
                return items
            }
            if o.type === types.tuple { return Array(unsafeDowncast(o, to: PyTuple.self).items) }
        }
        let it = try getIterator(v)
        var out: [Value] = []
        while true {
            let x = try nextValue(it)
            if x.isNull {
                // Values from a dict's or set's iterator are borrowed from it too.
                heap.hold(out)
                return out
            }
            out.append(x)
            if out.count & 0xFFFF == 0 { try reserve(out.count * 8) }
        }
    }

    /// Exactly `count` values from an iterable (for `a, b = ...`).
    func unpack(_ v: Value, count: Int) throws(PyError) -> [Value] {
        let it = try getIterator(v)
        var out: [Value] = []
        out.reserveCapacity(count)
        while out.count < count {
            let x = try nextValue(it)
            if x.isNull { throw valueError("need more than \(out.count) values to unpack") }
            out.append(x)
        }
        if !(try nextValue(it)).isNull { throw valueError("too many values to unpack (expected \(count))") }
        return out
    }

    /// Adds every key/value of `mapping` (a dict, or anything with keys() and
    /// __getitem__) to `d`.
    func mergeMapping(into d: PyDict, _ mapping: Value, rejectDuplicates: Bool) throws(PyError) {
        if mapping.isObject, let src = mapping.object as? PyDict {
            for (k, v) in heldItems(src) {
                if rejectDuplicates, try d.contains(k, self) {
                    let name = k.isObject ? (k.object as? PyStr)?.value ?? "?" : "?"
                    throw typeError("function got multiple values for keyword argument '\(name)'")
                }
                try d.set(k, v, self)
            }
            return
        }
        let keysMethod = try findAttribute(mapping, intern("keys"))
        guard !keysMethod.isNull else {
            throw typeError("'\(typeName(mapping))' object isn't a mapping")
        }
        for k in try iterateToArray(try call(keysMethod, [])) {
            if rejectDuplicates, try d.contains(k, self) {
                throw typeError("function got multiple values for keyword argument")
            }
            try d.set(k, try getItem(mapping, k), self)
        }
    }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
public final class PyDictView: PyObject {
    public let dict: PyDict
    public init(type: PyType, dict: PyDict) {
        self.dict = dict
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(Value(dict)) }
}
