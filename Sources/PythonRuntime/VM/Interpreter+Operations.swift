/// The longer steps of the interpreter loop's opcodes, as named operations on
/// values, so each case in `run` reads as its stack effect. None of these is on
/// a hot path; the fast paths stay inline in the loop.
extension Runtime {
    /// LOAD_METHOD: the method and the receiver to call it with, or (NULL, the
    /// attribute) when the name is not a plain method.
    func loadMethod(_ obj: Value, _ name: PyStr) throws(PyError) -> (method: Value, receiver: Value) {
        // super().name(...): the function found past the class, called with
        // super's receiver, without the bound method `super().name` makes
        // (CPython 3.12's LOAD_SUPER_ATTR in spirit). lookupMethod answers
        // .null for super objects, so this is the one place that does it.
        if obj.isObject, obj.object.type === types.superType {
            let s = unsafeDowncast(obj.object, to: PySuper.self)
            let f = try superMethod(s, name)
            if !f.isNull { return (f, s.receiver) }
        }
        let m = try lookupMethod(obj, name)
        if m.isNull { return (.null, try getAttribute(obj, name)) }
        return (m, obj)
    }

    /// UNPACK_EX: `a, *b, c = v` gives [a, list b, c] (left to right).
    func unpackStarred(_ v: Value, before: Int, after: Int) throws(PyError) -> [Value] {
        let items = try iterateToArray(v)
        if items.count < before + after {
            throw valueError("need more than \(items.count) values to unpack")
        }
        var result = Array(items[..<before])
        result.append(Value(newList(ContiguousArray(items[before..<(items.count - after)]))))
        result.append(contentsOf: items[(items.count - after)...])
        return result
    }

    /// FORMAT_VALUE: an f-string field after its conversion (1 `!s`, 2 `!r`,
    /// 3 `!a`) with its format spec (NULL: none).
    func formatField(_ value: Value, conversion: Int, spec: Value) throws(PyError) -> Value {
        var v = value
        switch conversion {
        case 1: v = str(try toStr(v))
        case 2: v = str(try repr(v))
        case 3: v = str(asciiEscaped(try repr(v)))
        default: break
        }
        let specText = spec.isNull ? "" : unsafeDowncast(spec.object, to: PyStr.self).value
        if specText.isEmpty, v.isObject, v.object.type === types.str { return v }
        return str(try format(v, spec: specText))
    }

    /// MAKE_FUNCTION: a function for `code` in `globals`, with its docstring
    /// and module; the caller adds defaults and the closure.
    func makeFunction(_ code: CodeObject, globals: PyDict) -> PyFunction {
        let fn = track(PyFunction(type: types.function, code: code, globals: globals,
                                  name: Value(intern(code.name)), qualifiedName: Value(intern(code.qualifiedName))))
        if code.flags.contains(.hasDocstring) {
            if !code.isMaterialized { materialize(code) }
            fn.doc = code.constantValues.first ?? .none
        }
        fn.module = globals.getStr(names.__name__)
        if fn.module.isNull { fn.module = .none }
        return fn
    }

    /// CALL_FUNCTION_EX: `f(*positional, **keywords)` (keywords NULL: none).
    func callUnpacking(_ callable: Value, positional: Value, keywords: Value) throws(PyError) -> Value {
        var args = try iterateToArray(positional)
        var kwNames: [Value] = []
        if keywords.isObject, let d = keywords.object as? PyDict {
            for (k, v) in heldItems(d) {
                guard k.isObject, k.object is PyStr else { throw typeError("keywords must be strings") }
                kwNames.append(k)
                args.append(v)
            }
        }
        let kwTuple: PyTuple? = kwNames.isEmpty ? nil : newTuple(ContiguousArray(kwNames))
        return try args.withUnsafeBufferPointer { (buf) throws(PyError) -> Value in
            try callValue(callable, args: buf, kwNames: kwTuple)
        }
    }

    /// RAISE_VARARGS: the exception `raise` raises: the one being handled for a
    /// bare `raise` (`exc` NULL), else `exc` made an instance, with `from cause`
    /// when a cause is given (NULL: none).
    func exceptionToRaise(_ exc: Value, cause: Value) throws(PyError) -> PyBaseException {
        if exc.isNull {
            guard !handledException.isNone, handledException.isObject else {
                throw error(types.RuntimeError, "No active exception to reraise")
            }
            return unsafeDowncast(handledException.object, to: PyBaseException.self)
        }
        let e = try makeException(exc)
        if !cause.isNull {
            e.cause = cause.isNone ? .none : Value(try makeException(cause))
            e.suppressContext = true
        }
        return e
    }

    /// BEFORE_WITH / BEFORE_ASYNC_WITH: the manager's exit method and what its
    /// enter method returned (awaitable for `async with`).
    func enterContext(_ manager: Value, asynchronous: Bool) throws(PyError) -> (exit: Value, entered: Value) {
        let enter = try lookupSpecial(manager, asynchronous ? intern("__aenter__") : names.__enter__)
        let exit = try lookupSpecial(manager, asynchronous ? intern("__aexit__") : names.__exit__)
        guard !enter.isNull, !exit.isNull else {
            let kind = asynchronous ? "asynchronous context manager" : "context manager"
            throw typeError("'\(typeName(manager))' object does not support the \(kind) protocol")
        }
        let entered = try call(enter, [])
        return (exit, asynchronous ? try awaitable(entered) : entered)
    }

    /// LOAD_GLOBAL when the instruction's cache is stale: looks the name up in
    /// the running frame's globals, then builtins, and refills the cache.
    func loadGlobalMissed(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ name: PyStr) throws(PyError) -> Value {
        let frame = currentFrame!
        var v = frame.globals.getStr(name)
        if v.isNull { v = frame.builtins.getStr(name) }
        if v.isNull { throw nameError(name.value) }
        cache.pointee = InlineCacheEntry(key: frame.globals.version, epoch: frame.builtins.version, value: v)
        return v
    }

    /// Is `o` a list and not an instance of a subclass? Asked by the type's own
    /// flags: reading `types.list` here retained the runtime's type table on
    /// every subscript.
    @inline(__always)
    func isExactList(_ o: PyObject) -> Bool {
        let t = o.type
        return t.instanceKind == .list && t.isBuiltin
    }
}
