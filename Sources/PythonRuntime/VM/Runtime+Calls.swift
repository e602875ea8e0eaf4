/// Calling things: Python functions, native functions, bound methods, classes
/// and objects with `__call__`; binding arguments to parameters.
extension Runtime {
    /// Calls `callable` from Swift with positional arguments.
    @discardableResult
    public func call(_ callable: Value, _ args: [Value]) throws(PyError) -> Value {
        try args.withUnsafeBufferPointer { (buf) throws(PyError) -> Value in
            try callValue(callable, args: buf, kwNames: nil)
        }
    }

    /// `obj.name(*args)` from Swift.
    @discardableResult
    public func callMethod(_ obj: Value, _ name: String, _ args: [Value]) throws(PyError) -> Value {
        let m = try getAttribute(obj, intern(name))
        return try call(m, args)
    }

    /// Calls a special method found on a type with `args[0]` as its self: a
    /// `staticmethod` gets the rest, a `classmethod` the type first, as attribute
    /// access would bind them (MicroPython's class_staticclassmethod test).
    func callSpecial(_ m: Value, _ args: [Value]) throws(PyError) -> Value {
        if m.isObject, let w = m.object as? PyMethodWrapper, let first = args.first {
            if w.type === types.staticmethod { return try call(w.function, Array(args.dropFirst())) }
            if w.type === types.classmethod { return try call(w.function, [Value(typeOf(first))] + args.dropFirst()) }
        }
        return try call(m, args)
    }

    /// Calls `callable`; the last `kwNames.count` of `args` are keyword arguments.
    func callValue(_ callable: Value, args: UnsafeBufferPointer<Value>, kwNames: PyTuple?) throws(PyError) -> Value {
        guard callable.isObject else { throw notCallable(callable) }
        // Functions, Python's or built-in (len, str.split, dict.get...), borrowed
        // and found by their type's kind byte rather than by dynamic casts.
        let kind = callable.object.type.instanceKind
        if kind == .function {
            return try callable.withBorrowed(PyFunction.self) { f throws(PyError) -> Value in
                try callFunction(f, args: args, kwNames: kwNames)
            }
        }
        if kind == .nativeFunction {
            return try callable.withBorrowed(PyNativeFunction.self) { n throws(PyError) -> Value in
                if n.boundSelf.isNull {
                    if !n.receiverIsExact(args), let receiver = n.receiverType { try checkReceiver(n, receiver, args) }
                    return try invokeNative(n, args: args, kwNames: kwNames)
                }
                return try withPrepended(n.boundSelf, args) { (all) throws(PyError) -> Value in
                    try invokeNative(n, args: all, kwNames: kwNames)
                }
            }
        }
        // Calling a class (str(x), int(s), range(n)...): every class's type is
        // `type` or a metaclass, whose kind is .type.
        if kind == .type {
            return try callable.withBorrowed(PyType.self) { t throws(PyError) -> Value in
                try callType(t, callable, args: args, kwNames: kwNames)
            }
        }
        let o = callable.object
        switch o {
        case let f as PyFunction:
            return try callFunction(f, args: args, kwNames: kwNames)
        case let n as PyNativeFunction:
            if n.boundSelf.isNull {
                if let receiver = n.receiverType, !n.isStatic { try checkReceiver(n, receiver, args) }
                return try invokeNative(n, args: args, kwNames: kwNames)
            }
            return try withPrepended(n.boundSelf, args) { (all) throws(PyError) -> Value in
                try invokeNative(n, args: all, kwNames: kwNames)
            }
        case let m as PyBoundMethod:
            return try withPrepended(m.receiver, args) { (all) throws(PyError) -> Value in
                try callValue(m.function, args: all, kwNames: kwNames)
            }
        default:
            let m = o.type.lookup(names.__call__)
            if m.isNull { throw notCallable(callable) }
            return try withPrepended(callable, args) { (all) throws(PyError) -> Value in
                try callValue(m, args: all, kwNames: kwNames)
            }
        }
    }

    /// `t(...)`: an instance of class `t` (`callable` is `t` as a Value).
    private func callType(_ t: PyType, _ callable: Value, args: UnsafeBufferPointer<Value>,
                          kwNames: PyTuple?) throws(PyError) -> Value {
        // A metaclass's own __call__ (written in Python) runs instead of type.__call__.
        if t.type !== types.type {
            let m = t.type.lookup(names.__call__)
            if m.isObject, m.object is PyFunction {
                return try withPrepended(callable, args) { (all) throws(PyError) -> Value in
                    try callValue(m, args: all, kwNames: kwNames)
                }
            }
        }
        return try instantiate(t, args: args, kwNames: kwNames)
    }

    /// A method's first argument must be an instance of its type (MicroPython's
    /// native methods check their `self`, with this text).
    @inline(__always)
    func checkReceiver(_ n: PyNativeFunction, _ receiver: PyType, _ args: UnsafeBufferPointer<Value>) throws(PyError) {
        if let first = args.first, typeOf(first) === receiver { return }
        try checkReceiverSlowly(n, receiver, args)
    }

    /// A subclass instance, or the error (kept out of the call path above).
    @inline(never)
    func checkReceiverSlowly(_ n: PyNativeFunction, _ receiver: PyType, _ args: UnsafeBufferPointer<Value>) throws(PyError) {
        guard let first = args.first else {
            throw typeError("descriptor '\(n.name)' of '\(receiver.name)' object needs an argument")
        }
        let t = typeOf(first)
        if t.isSubtype(of: receiver) { return }
        throw typeError("argument should be a '\(receiver.name)' not a '\(t.name)'")
    }

    func notCallable(_ v: Value) -> PyError {
        typeError("'\(typeName(v))' object isn't callable")
    }

    /// Calls `body` with `first` followed by `args`, in a buffer on the Swift
    /// stack (no heap allocation per method call or instantiation). The values stay
    /// alive through `args`' owner and the nursery, as before the call.
    func withPrepended(_ first: Value, _ args: UnsafeBufferPointer<Value>,
                       _ body: (UnsafeBufferPointer<Value>) throws(PyError) -> Value) throws(PyError) -> Value {
        var result: Result<Value, PyError> = .success(.none)
        withUnsafeTemporaryAllocation(of: Value.self, capacity: args.count + 1) { buffer in
            buffer[0] = first
            for i in 0..<args.count { buffer[i + 1] = args[i] }
            do throws(PyError) {
                result = .success(try body(UnsafeBufferPointer(buffer)))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    func invokeNative(_ n: PyNativeFunction, args: UnsafeBufferPointer<Value>, kwNames: PyTuple?) throws(PyError) -> Value {
        if let kw = kwNames, !kw.items.isEmpty {
            let k = kw.items.count
            let positional = UnsafeBufferPointer(rebasing: args[0..<(args.count - k)])
            let values = UnsafeBufferPointer(rebasing: args[(args.count - k)...])
            let names = kw.items.map { unsafeDowncast($0.object, to: PyStr.self) }
            return try n.body(self, CallArguments(positional: positional, keywordNames: names, keywordValues: values))
        }
        return try n.body(self, CallArguments(positional: args))
    }

    /// Runs a Python function to completion (or makes its generator) from Swift.
    func callFunction(_ f: PyFunction, args: UnsafeBufferPointer<Value>, kwNames: PyTuple?,
                      locals: PyDict? = nil) throws(PyError) -> Value {
        let base = freeStackPointer
        guard base + args.count + 64 < valueStack + valueStackCapacity else {
            throw error(types.RecursionError, "maximum recursion depth exceeded")
        }
        for i in 0..<args.count { base[i] = args[i] }
        var generator = Value.null
        guard let entered = try enterFunction(f, slots: base, argc: args.count, kwNames: kwNames,
                                              generatorResult: &generator) else {
            return generator
        }
        let frame = entered.takeUnretainedValue()
        frame.locals = locals
        return try execute(frame)
    }

    /// The function's name, for error messages.
    func functionName(_ function: PyFunction) -> String {
        function.name.isObject ? ((function.name.object as? PyStr)?.value ?? "function") : "function"
    }

    /// Puts the arguments at `slots[0..<argc]` (keyword values last) into
    /// `function`'s parameter slots, filling defaults. It reads names, values
    /// and defaults in place, so a call binds without retaining or allocating.
    func bindArguments(_ function: PyFunction, slots: UnsafeMutablePointer<Value>, argc: Int,
                       kwNames: PyTuple?) throws(PyError) {
        let kwCount = kwNames?.items.count ?? 0
        let positionalCount = argc - kwCount
        var keywordValues = UnsafePointer<Value>(slots + positionalCount)
        if kwCount > 0 {
            // Keyword values may sit in slots the binding fills: they wait
            // above both the arguments and the parameter slots.
            let aside = slots + max(argc, function.code.fixedSlotCount)
            guard aside + kwCount < valueStack + valueStackCapacity else {
                throw error(types.RecursionError, "maximum recursion depth exceeded")
            }
            aside.update(from: slots + positionalCount, count: kwCount)
            keywordValues = UnsafePointer(aside)
        }
        try bindParameters(function, slots: slots, positionalCount: positionalCount, kwNames: kwNames,
                           keywordValues: UnsafeBufferPointer(start: keywordValues, count: kwCount))
    }

    /// bindArguments's work once the keyword values are out of the way.
    private func bindParameters(_ function: PyFunction, slots: UnsafeMutablePointer<Value>,
                                positionalCount: Int, kwNames: PyTuple?,
                                keywordValues: UnsafeBufferPointer<Value>) throws(PyError) {
        unowned(unsafe) let code = function.code
        let nparams = code.argumentCount
        let nkwonly = code.keywordOnlyCount
        let hasVarargs = code.flags.contains(.varargs)
        let hasVarkw = code.flags.contains(.varkeywords)
        let fixed = code.fixedSlotCount
        // Positional arguments stay where they are; extra ones (for *args) are
        // taken out before the slots after the parameters are cleared.
        let takenPositional = min(positionalCount, nparams)
        var varargs = Value.null
        if hasVarargs {
            let extra = positionalCount > nparams
                ? ContiguousArray(UnsafeBufferPointer(start: slots + nparams, count: positionalCount - nparams)) : []
            varargs = Value(newTuple(extra))
        } else if positionalCount > nparams {
            throw typeError("\(functionName(function))() takes \(nparams) positional arguments but \(positionalCount) were given")
        }
        for i in takenPositional..<max(fixed, takenPositional) { slots[i] = .null }
        var varargsIndex = nparams + nkwonly
        if hasVarargs {
            slots[varargsIndex] = varargs
            varargsIndex += 1
        }
        var kwargsDict: PyDict? = nil
        if hasVarkw {
            kwargsDict = newDict()
            slots[varargsIndex] = Value(kwargsDict!)
        }

        // Keyword arguments: interned names match their parameter by identity.
        if let kwNames, let parameterNames = code.variableNameBuffer {
            let firstNamed = code.positionalOnlyCount, lastNamed = nparams + nkwonly
            for j in 0..<keywordValues.count {
                let nameValue = kwNames.items[j]
                var p = firstNamed
                while p < lastNamed {
                    if parameterNames[p].bits == nameValue.bits { break }
                    p += 1
                }
                unowned(unsafe) let name = unsafeDowncast(nameValue.object, to: PyStr.self)
                if p == lastNamed && !name.isInterned {
                    p = firstNamed
                    while p < lastNamed {
                        if unsafeDowncast(parameterNames[p].object, to: PyStr.self).equals(name) { break }
                        p += 1
                    }
                }
                if p < lastNamed {
                    if !slots[p].isNull {
                        throw typeError("function got multiple values for argument '\(name.value)'")
                    }
                    slots[p] = keywordValues[j]
                } else {
                    guard let kwargsDict else {
                        throw typeError("unexpected keyword argument '\(name.value)'")
                    }
                    kwargsDict.setStr(name, keywordValues[j])
                }
            }
        }

        // Defaults for what is still missing.
        var defaultCount = 0
        if function.defaults.isObject {
            defaultCount = unsafeDowncast(function.defaults.object, to: PyTuple.self).items.count
        }
        let firstDefault = nparams - defaultCount
        var missing = 0
        for i in 0..<nparams where slots[i].isNull {
            if i >= firstDefault {
                slots[i] = unsafeDowncast(function.defaults.object, to: PyTuple.self).items[i - firstDefault]
            } else {
                missing += 1
            }
        }
        if missing > 0 {
            if kwNames == nil {
                throw typeError("\(functionName(function))() takes \(firstDefault) positional arguments but \(positionalCount) were given")
            }
            throw typeError("\(functionName(function))() missing \(missing) required positional arguments")
        }
        if nkwonly > 0 {
            unowned(unsafe) let kwDefaults = function.keywordDefaults.isObject
                ? unsafeDowncast(function.keywordDefaults.object, to: PyDict.self) : nil
            for i in nparams..<(nparams + nkwonly) where slots[i].isNull {
                unowned(unsafe) let name = unsafeDowncast(code.variableNameBuffer![i].object, to: PyStr.self)
                let d = kwDefaults?.getStr(name) ?? .null
                if d.isNull { throw typeError("function missing required keyword argument '\(name.value)'") }
                slots[i] = d
            }
        }
    }

    // MARK: instantiation

    /// `cls(*args, **kwargs)`.
    func instantiate(_ cls: PyType, args: UnsafeBufferPointer<Value>, kwNames: PyTuple?) throws(PyError) -> Value {
        if cls === types.type {
            if args.count == 1 && kwNames == nil { return Value(typeOf(args[0])) }
            let npos = args.count - (kwNames?.items.count ?? 0)
            if npos == 3 { return try createClass(metatype: cls, args[0], args[1], args[2], keywords: kwNames, Array(args[3...])) }
            throw typeError("type takes 1 or 3 arguments")
        }
        if cls.isBuiltin {
            guard let make = cls.constructor else {
                throw typeError("cannot create '\(cls.name)' instances")
            }
            return try invokeNative(make, args: args, kwNames: kwNames)
        }
        // A user class: __new__ then __init__.
        let newMethod = cls.lookup(names.__new__)
        var obj: Value
        // A __new__ written in Python (or a native one of a built-in base other
        // than object's, which allocateInstance already does).
        let newFunction = newMethod.isObject ? ((newMethod.object as? PyMethodWrapper)?.function ?? newMethod) : .null
        let userNew = newFunction.isObject && (newFunction.object is PyFunction
            || (newFunction.object as? PyNativeFunction)?.owner !== types.object)
        if userNew {
            let fn = newFunction
            obj = try withPrepended(Value(cls), args) { (all) throws(PyError) -> Value in
                try callValue(fn, args: all, kwNames: kwNames)
            }
            guard typeOf(obj).isSubtype(of: cls) else { return obj }
        } else if cls.isSubtype(of: types.type) {
            // A metaclass: type(name, bases, ns) made with this metaclass.
            guard args.count - (kwNames?.items.count ?? 0) == 3 else { throw typeError("type takes 1 or 3 arguments") }
            obj = try createClass(metatype: cls, args[0], args[1], args[2], keywords: kwNames, Array(args[3...]))
        } else {
            obj = try allocateInstance(cls, args: args, kwNames: kwNames)
        }
        let initMethod = typeOf(obj).lookup(names.__init__)
        if initMethod.isObject, initMethod.object is PyFunction {
            // An exception is incomplete until its __init__ returns or calls the base's.
            let exception = cls.instanceKind == .exception ? obj.object as? PyBaseException : nil
            exception?.incomplete = true
            defer { exception?.incomplete = false }
            let r = try withPrepended(obj, args) { (all) throws(PyError) -> Value in
                try callValue(initMethod, args: all, kwNames: kwNames)
            }
            if !r.isNone { throw typeError("__init__() should return None, not '\(typeName(r))'") }
        } else if initMethod.isObject, let n = initMethod.object as? PyNativeFunction, n.owner !== types.object {
            _ = try withPrepended(obj, args) { (all) throws(PyError) -> Value in
                try invokeNative(n, args: all, kwNames: kwNames)
            }
        } else if (!args.isEmpty || kwNames != nil) && cls.solidBase === types.object
                    && !(newMethod.isObject && (newMethod.object is PyFunction || newMethod.object is PyMethodWrapper)) {
            throw typeError("function takes 0 positional arguments but \(args.count) were given")
        }
        return obj
    }

    /// The `__init__` the interpreter may run inline for a call of `cls`
    /// (`.null` when `instantiate` must make the instance): a Python function,
    /// on a user class whose instances object.__new__ (or BaseException's)
    /// makes. Metaclasses and classes of other built-in bases keep the general
    /// path.
    @inline(__always) func inlineInitializer(_ cls: PyType) -> Value {
        guard !cls.isBuiltin, (cls.layout == .object && cls.instanceKind == .instance)
                || (cls.layout == .exception && cls.instanceKind == .exception) else { return .null }
        let initializer = cls.lookup(names.__init__)
        guard initializer.isObject, initializer.object.type.instanceKind == .function,
              cls.lookup(names.__new__).bits == types.object.lookup(names.__new__).bits else { return .null }
        return initializer
    }

    /// An exception is incomplete (cannot be raised) while its `__init__` runs,
    /// until it calls the base's; this ends that when the `__init__` frame the
    /// interpreter entered for it returns or raises.
    @inline(__always) func completeConstruction(_ instance: Value) {
        if instance.isObject, instance.object.type.instanceKind == .exception {
            unsafeDowncast(instance.object, to: PyBaseException.self).incomplete = false
        }
    }

    /// A new, uninitialised instance of user class `cls` (what object.__new__ gives).
    func allocateInstance(_ cls: PyType, args: UnsafeBufferPointer<Value> = UnsafeBufferPointer(start: nil, count: 0),
                          kwNames: PyTuple? = nil) throws(PyError) -> Value {
        let base = cls.solidBase
        let obj: PyObject
        switch base.layout {
        case .object:
            let instance = PyInstance(type: cls)
            // Most instances get a few attributes in __init__: size the dict for them.
            instance.instanceDict = adopt(PyDict(type: types.dict, capacity: 4))
            return adopt(instance)
        case .exception:
            obj = track(PyBaseException(type: cls, args: tuple(Array(args))))
        default:
            // Built-in base: its constructor makes the value, then it becomes a `cls`.
            guard let make = base.constructor else {
                throw typeError("cannot create '\(cls.name)' instances")
            }
            let initArgs: UnsafeBufferPointer<Value>
            // Mutable containers are filled by __init__; immutable ones by the constructor.
            switch base.layout {
            case .list, .dict, .set, .bytearray: initArgs = UnsafeBufferPointer(start: nil, count: 0)
            default: initArgs = args
            }
            let v = try invokeNative(make, args: initArgs, kwNames: base.layout == .dict ? nil : nil)
            guard v.isObject else {
                // Small ints and floats are not objects; box them for the subclass.
                let boxed: PyObject
                if v.isFloat {
                    boxed = track(PyBoxedFloat(type: cls, v.asFloat))
                } else {
                    boxed = track(PyBigInt(type: cls, bigInt(v) ?? 0))
                }
                boxed.instanceDict = Value(newDict())
                return Value(boxed)
            }
            // Immutable values may be shared (tuple(t) is t): the subclass instance
            // is always a fresh object with the same contents.
            switch v.object {
            case let t as PyTuple: obj = track(PyTuple(type: cls, t.items))
            case let s as PyStr: obj = track(PyStr(type: cls, s.value, count: s.count, isASCII: s.isASCII))
            case let b as PyBytes where !b.isMutable: obj = track(PyBytes(type: cls, b.bytes, mutable: false))
            case let i as PyBigInt: obj = track(PyBigInt(type: cls, i.value))
            case let f as PySet where base.layout == .frozenset:
                let s = track(PySet(type: cls, storage: newDict()))
                for k in heldKeys(f.storage) { try s.storage.set(k, .none, self) }
                obj = s
            default:
                obj = v.object
                obj.type = cls
            }
        }
        if cls.instancesHaveDict && !obj.instanceDict.isObject && !(obj is PyBaseException) {
            obj.instanceDict = Value(newDict())
        }
        return Value(obj)
    }

    // MARK: classes

    /// `type(name, bases, namespace)`: makes a class.
    func createClass(metatype: PyType, _ nameValue: Value, _ basesValue: Value, _ nsValue: Value,
                     keywords: PyTuple? = nil, _ keywordValues: [Value] = []) throws(PyError) -> Value {
        guard nameValue.isObject, let name = nameValue.object as? PyStr else {
            throw typeError("type.__new__() argument 1 must be str")
        }
        guard basesValue.isObject, let basesTuple = basesValue.object as? PyTuple else {
            throw typeError("type.__new__() argument 2 must be tuple")
        }
        guard nsValue.isObject, let ns = nsValue.object as? PyDict else {
            throw typeError("type.__new__() argument 3 must be dict")
        }
        var bases: [PyType] = []
        for b in basesTuple.items {
            guard b.isObject, let t = b.object as? PyType else { throw typeError("bases must be types") }
            guard t.isSubclassable else { throw typeError("type '\(t.name)' is not an acceptable base type") }
            bases.append(t)
        }
        if bases.isEmpty { bases = [types.object] }
        // Instances of two different built-in layouts cannot be combined.
        let layouts = Set(bases.map { "\($0.solidBase.layout)" }.filter { $0 != "object" })
        if layouts.count > 1 { throw typeError("multiple bases have instance lay-out conflict") }
        let t = track(PyType(metatype: metatype, name: name.value))
        t.bases = bases
        guard t.computeMRO() else {
            throw typeError("Cannot create a consistent method resolution order (MRO)")
        }
        t.layout = t.solidBase.layout == .notInstantiable ? .object : t.solidBase.layout
        t.instanceKind = t.solidBase.instanceKind
        t.instancesHaveDict = true
        t.dict = newDict(capacity: ns.count)
        for (k, v) in heldItems(ns) { try t.dict.set(k, v, self) }
        let qual = ns.getStr(names.__qualname__)
        if qual.isObject, let q = qual.object as? PyStr {
            t.qualifiedName = q.value
            t.dict.removeStr(names.__qualname__)
        }
        // __new__ is an implicit staticmethod.
        let newFn = t.dict.getStr(names.__new__)
        if newFn.isObject, newFn.object is PyFunction {
            t.dict.setStr(names.__new__, adopt(PyMethodWrapper(type: types.staticmethod, function: newFn)))
        }
        // Defining __eq__ without __hash__ sets __hash__ to None.
        if !t.dict.getStr(names.__eq__).isNull && t.dict.getStr(names.__hash__).isNull {
            t.dict.setStr(names.__hash__, .none)
        }
        let isub = t.dict.getStr(names.__init_subclass__)
        if isub.isObject, isub.object is PyFunction {
            t.dict.setStr(names.__init_subclass__, adopt(PyMethodWrapper(type: types.classmethod, function: isub)))
        }
        refreshSpecialFlags(t)
        // __set_name__ on descriptors, then __init_subclass__ on the parent.
        for (k, v) in t.dict.items where v.isObject && !v.object.type.isBuiltin {
            let sn = v.object.type.lookup(names.__set_name__)
            if !sn.isNull { _ = try call(sn, [v, Value(t), k]) }
        }
        // super(t, t).__init_subclass__(**keywords)
        for parent in t.mro.dropFirst() {
            let hook = parent.dict.getStr(names.__init_subclass__)
            if hook.isNull { continue }
            if hook.isObject, let w = hook.object as? PyMethodWrapper {
                var all = [Value(t)] + keywordValues
                _ = try all.withUnsafeMutableBufferPointer { (b) throws(PyError) -> Value in
                    try callValue(w.function, args: UnsafeBufferPointer(b), kwNames: keywords)
                }
            } else if !keywordValues.isEmpty {
                throw typeError("\(t.name).__init_subclass__() takes no keyword arguments")
            }
            break
        }
        return Value(t)
    }

    /// A name looked up in a class namespace that `__prepare__` made from a dict
    /// subclass: its `__getitem__` (and `__missing__`) decide; `.null` on KeyError.
    func namespaceLoad(_ ns: PyDict, _ name: PyStr) throws(PyError) -> Value {
        do throws(PyError) {
            return try getItem(Value(ns), Value(name))
        } catch let e {
            if e.exception.type.isSubtype(of: types.KeyError) { return .null }
            throw e
        }
    }

    /// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: runs the class
    /// body in a fresh namespace, then makes the class with the metaclass.
    func buildClass(_ args: CallArguments) throws(PyError) -> Value {
        guard args.count >= 2, args[0].isObject, let body = args[0].object as? PyFunction else {
            throw typeError("__build_class__: func must be a function")
        }
        let name = args[1]
        let bases = Array(args.positional[2...])
        var metaclass: Value = .null
        var extraNames: [PyStr] = []
        var extraValues: [Value] = []
        for (i, k) in args.keywordNames.enumerated() {
            if k.value == "metaclass" { metaclass = args.keywordValues[i] } else {
                extraNames.append(k)
                extraValues.append(args.keywordValues[i])
            }
        }
        if metaclass.isNull {
            metaclass = Value(types.type)
            for b in bases where b.isObject {
                let mt = b.object.type
                if mt !== types.type && (metaclass.object as! PyType).isSubtype(of: types.type) {
                    if mt.isSubtype(of: metaclass.object as! PyType) { metaclass = Value(mt) }
                }
            }
        }
        let ns = newDict()
        let basesTuple = tuple(bases)
        let prepare = metaclass.isObject && metaclass.object !== types.type
            ? try findAttribute(metaclass, names.__prepare__) : .null
        var namespace = ns
        if !prepare.isNull {
            var pargs = [name, basesTuple] + extraValues
            let pkw: PyTuple? = extraNames.isEmpty ? nil : newTuple(ContiguousArray(extraNames.map { Value($0) }))
            let p = try pargs.withUnsafeMutableBufferPointer { (b) throws(PyError) -> Value in
                try callValue(prepare, args: UnsafeBufferPointer(b), kwNames: pkw)
            }
            if p.isObject, let d = p.object as? PyDict { namespace = d }
        }
        let cell = try callFunction(body, args: UnsafeBufferPointer(start: nil, count: 0), kwNames: nil, locals: namespace)
        var callArgs = [name, basesTuple, Value(namespace)] + extraValues
        let kw: PyTuple? = extraNames.isEmpty ? nil : newTuple(ContiguousArray(extraNames.map { Value($0) }))
        let cls = try callArgs.withUnsafeMutableBufferPointer { (b) throws(PyError) -> Value in
            try callValue(metaclass, args: UnsafeBufferPointer(b), kwNames: kw)
        }
        if cell.isObject, let c = cell.object as? PyCell { c.contents = cls }
        let classcell = namespace.getStr(names.__classcell__)
        if classcell.isObject, let c = classcell.object as? PyCell {
            c.contents = cls
            if cls.isObject, let t = cls.object as? PyType { t.dict.removeStr(names.__classcell__) }
        }
        return cls
    }

    /// `super()` with no arguments: the class from the `__class__` cell and the
    /// first argument of the calling function.
    func zeroArgumentSuper() throws(PyError) -> Value {
        guard let frame = currentFrame else { throw error(types.RuntimeError, "super(): no arguments") }
        let code = frame.code
        guard code.argumentCount > 0 || code.flags.contains(.varargs) else {
            throw error(types.RuntimeError, "super(): no arguments")
        }
        var first = frame.slots[0]
        if let ci = code.cellParameterIndex.firstIndex(of: 0) {
            let cell = frame.slots[code.variableNames.count + ci]
            if cell.isObject, let c = cell.object as? PyCell { first = c.contents }
        }
        guard let fi = code.freeVariables.firstIndex(of: "__class__") else {
            throw error(types.RuntimeError, "super(): __class__ cell not found")
        }
        let cellValue = frame.slots[code.variableNames.count + code.cellVariables.count + fi]
        guard cellValue.isObject, let cell = cellValue.object as? PyCell, cell.contents.isObject,
              let cls = cell.contents.object as? PyType else {
            throw error(types.RuntimeError, "super(): empty __class__ cell")
        }
        return try makeSuper(cls, first)
    }

    func makeSuper(_ cls: PyType, _ obj: Value) throws(PyError) -> Value {
        if obj.isObject, let t = obj.object as? PyType, t.isSubtype(of: cls) {
            return adopt(PySuper(type: types.superType, startType: cls, receiver: obj, receiverType: t))
        }
        let t = typeOf(obj)
        guard t.isSubtype(of: cls) else {
            throw typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return adopt(PySuper(type: types.superType, startType: cls, receiver: obj, receiverType: t))
    }
}

/// A float that is an instance of a user subclass of `float`.
public final class PyBoxedFloat: PyObject {
    public let value: Double
    public init(type: PyType, _ value: Double) {
        self.value = value
        super.init(type: type)
    }
}
