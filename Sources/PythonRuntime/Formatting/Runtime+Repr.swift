import BigInt
import Foundation

/// `repr()` and `str()` of any value: user __repr__/__str__ first, then the
/// built-in types' own texts (the literal forms are in LiteralRepr.swift).
extension Runtime {
    func repr(_ v: Value) throws(PyError) -> String {
        if v.isSmallInt { return decimalText(v.asSmallInt) }
        if v.isFloat { return floatRepr(v.asFloat) }
        switch v.bits {
        case Value.none.bits: return "None"
        case Value.true.bits: return "True"
        case Value.false.bits: return "False"
        case Value.ellipsis.bits: return "Ellipsis"
        case Value.notImplemented.bits: return "NotImplemented"
        default: break
        }
        if let text = try userText(v, names.__repr__) { return text }
        return try builtinRepr(v)
    }

    /// What a user class's own `__repr__` or `__str__` (`method`) returns, or
    /// nil when the class has none of its own.
    private func userText(_ v: Value, _ method: PyStr) throws(PyError) -> String? {
        let o = v.object
        guard !o.type.isBuiltin else { return nil }
        let m = o.type.lookup(method)
        guard m.isObject, m.object is PyFunction || !m.object.type.isBuiltin else { return nil }
        let r = try call(m, [v])
        guard r.isObject, let s = r.object as? PyStr else { throw typeError("\(method.value) returned non-string") }
        return s.value
    }

    func builtinRepr(_ v: Value) throws(PyError) -> String {
        // Immediates (small ints, floats, None, booleans) have no object behind them.
        guard v.isObject else { return try repr(v) }
        let o = v.object
        switch o {
        case let s as PyStr: return strRepr(s.value)
        case let i as PyBigInt: return try decimalString(i.value)
        case let f as PyBoxedFloat: return floatRepr(f.value)
        case let c as PyComplex: return complexRepr(c.real, c.imag)
        case let m as PyMemoryView: return "<memory at 0x\(address(m))>"
        case let l as PyList:
            return try guardedRepr(o, "[...]") { () throws(PyError) -> String in
                var parts: [String] = []
                // A __repr__ may empty the list and collect: hold what is walked.
                let items = Array(l.items)
                heap.hold(items)
                for x in items { parts.append(try repr(x)) }
                return "[" + parts.joined(separator: ", ") + "]"
            }
        case let t as PyTuple:
            return try guardedRepr(o, "(...)") { () throws(PyError) -> String in
                var parts: [String] = []
                for x in t.items { parts.append(try repr(x)) }
                return t.items.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
            }
        case let d as PyDict:
            return try guardedRepr(o, "{...}") { () throws(PyError) -> String in
                var parts: [String] = []
                for (k, x) in heldItems(d) { parts.append(try repr(k) + ": " + repr(x)) }
                return "{" + parts.joined(separator: ", ") + "}"
            }
        case let s as PySet:
            let keys = heldKeys(s.storage)
            let isFrozen = o.type.isSubtype(of: types.frozenset)
            if keys.isEmpty { return isFrozen ? "frozenset()" : "set()" }
            var parts: [String] = []
            for k in keys { parts.append(try repr(k)) }
            let body = "{" + parts.joined(separator: ", ") + "}"
            return isFrozen ? "frozenset(\(body))" : body
        case let b as PyBytes:
            let r = bytesRepr(b.bytes)
            return b.isMutable ? "bytearray(\(r))" : r
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let t as PyType:
            // MicroPython prints a class by its bare name, whatever its module
            // (py/objtype.c, type_print).
            return "<class '\(t.name)'>"
        case let f as PyFunction:
            return "<function \(try toStr(f.qualifiedName)) at 0x\(address(o))>"
        case let n as PyNativeFunction:
            return "<built-in function \(n.name)>"
        case let m as PyBoundMethod:
            let name = (try? toStr(try getAttribute(m.function, names.__qualname__))) ?? "?"
            return "<bound method \(name) of \(try repr(m.receiver))>"
        case let m as PyModule:
            return "<module '\(m.name)'>"
        case let e as PyBaseException:
            let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
            let name = o.type.name
            // MicroPython prints the args tuple, one-element comma and all: ValueError('x',).
            if args.count == 1 { return "\(name)(\(try repr(args[0])),)" }
            var parts: [String] = []
            for a in args { parts.append(try repr(a)) }
            return "\(name)(" + parts.joined(separator: ", ") + ")"
        case let g as PyGenerator:
            return "<\(g.isCoroutine ? "coroutine" : "generator") object '\(try toStr(g.name))' at 0x\(address(o))>"
        case let s as PySuper:
            // py/objtype.c, super_print.
            return "<super: \(try repr(Value(s.startType))), \(try repr(s.receiver))>"
        case is PyCell:
            return "<cell at 0x\(address(o))>"
        case let view as PyDictView:
            var parts: [String] = []
            let items = heldItems(view.dict)
            if view.type === types.dictKeys { for (k, _) in items { parts.append(try repr(k)) } }
            else if view.type === types.dictValues { for (_, x) in items { parts.append(try repr(x)) } }
            else { for (k, x) in items { parts.append("(\(try repr(k)), \(try repr(x)))") } }
            return "\(view.type.name)([" + parts.joined(separator: ", ") + "])"
        default:
            if let n = o as? PyBigInt { return try decimalString(n.value) }
            // py/objobject.c prints a class's bare name; a native type of a
            // module shows the module (`<io.StringIO ...>`).
            if o.type.isBuiltin {
                let module = o.type.dict.getStr(names.__module__)
                if module.isObject, let m = module.object as? PyStr, m.value != "builtins" {
                    return "<\(m.value).\(o.type.qualifiedName) object at 0x\(address(o))>"
                }
            }
            return "<\(o.type.name) object at 0x\(address(o))>"
        }
    }

    func address(_ o: PyObject) -> String {
        String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16)
    }

    /// Guards against infinite recursion when a container contains itself.
    func guardedRepr(_ o: PyObject, _ placeholder: String, _ body: () throws(PyError) -> String) throws(PyError) -> String {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return placeholder }
        if reprInProgress.count > 200 { throw error(types.RecursionError, "maximum recursion depth exceeded") }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }

    func toStr(_ v: Value) throws(PyError) -> String {
        if v.isObject {
            let o = v.object
            if let s = o as? PyStr, o.type === types.str { return s.value }
            if !o.type.isBuiltin {
                if let text = try userText(v, names.__str__) { return text }
                if let s = o as? PyStr { return s.value }
            }
            if let e = o as? PyBaseException {
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                if let text = try exceptionText(e, args) { return text }
                // SyntaxError(msg, (filename, line, ...)) reads as CPython prints it.
                if args.count == 2, e.type.isSubtype(of: types.SyntaxError), args[1].isObject,
                   let where_ = args[1].object as? PyTuple, where_.items.count >= 2 {
                    return "\(try toStr(args[0])) (\(try toStr(where_.items[0])), line \(try toStr(where_.items[1])))"
                }
                return try repr(e.args)
            }
        }
        return try repr(v)
    }
}
