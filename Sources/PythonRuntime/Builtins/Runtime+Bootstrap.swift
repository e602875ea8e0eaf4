/// Making a runtime's world: the built-in types with their methods, the
/// builtins module and sys.
extension Runtime {
    func bootstrap() {
        let t = types
        for type in t.all { heap.makePermanent(type) }
        names = Names { [unowned self] s in self.intern(s) }
        for type in t.all {
            let d = PyDict(type: t.dict)
            heap.makePermanent(d)
            type.dict = d
            d.setStr(names.__module__, Value(intern("builtins")))
        }
        let empty = PyTuple(type: t.tuple, [])
        heap.makePermanent(empty)
        emptyTuple = empty

        let b = PyDict(type: t.dict)
        heap.makePermanent(b)
        builtins = b
        let mods = PyDict(type: t.dict)
        heap.makePermanent(mods)
        modules = mods
        let bm = PyModule(type: t.module, name: "builtins", dict: b)
        heap.makePermanent(bm)
        builtinsModule = bm
        b.setStr(names.__name__, Value(intern("builtins")))
        mods.setStr(intern("builtins"), Value(bm))

        installObjectMethods()
        installTypeMethods()
        installNumberMethods()
        installStrMethods()
        installBytesMethods()
        installMemoryViewMethods()
        installComplexMethods()
        installListMethods()
        installTupleMethods()
        installDictMethods()
        installSetMethods()
        installExceptionMethods()
        installFunctionTypes()
        installGeneratorMethods()
        installBuiltinFunctions()
        lenFunction = builtins.getStr(intern("len"))
        strClass = Value(types.str)
        installSysModule()
        installStandardModules()

        for type in t.all {
            b.setStr(intern(type.name), Value(type))
        }
        for hidden in ["NoneType", "ellipsis", "NotImplementedType", "function", "builtin_function_or_method",
                       "bound_method", "cell", "code", "module", "generator", "coroutine", "iterator",
                       "dict_keys", "dict_values", "dict_items"] {
            b.removeStr(intern(hidden))
        }
        // Only a firmware with the native emitters has viper's exception (CircuitPython 9's ports do not).
        if configuration.nativeEmitter == nil { b.removeStr(intern("ViperTypeError")) }
        b.setStr(intern("None"), .none)
        b.setStr(intern("Ellipsis"), .ellipsis)
        b.setStr(intern("NotImplemented"), .notImplemented)
        b.setStr(intern("__debug__"), .true)
        b.setStr(intern("EnvironmentError"), Value(t.OSError))
        b.setStr(intern("IOError"), Value(t.OSError))
    }

    // MARK: registration helpers

    /// Adds a native method to a built-in type.
    func method(_ type: PyType, _ name: String, _ body: @escaping NativeFunction) {
        type.dict.setStr(intern(name), Value(native(name, owner: type, body)))
    }

    /// Adds a native classmethod to a built-in type (e.g. `dict.fromkeys`).
    func classMethod(_ type: PyType, _ name: String, _ body: @escaping NativeFunction) {
        let f = native(name, owner: type, body)
        f.receiverType = nil  // called with the class
        let w = PyMethodWrapper(type: types.classmethod, function: Value(f))
        heap.makePermanent(w)
        type.dict.setStr(intern(name), Value(w))
    }

    /// Adds find/rfind/index/rindex to str, bytes or bytearray: `find(rt, args,
    /// name, reverse)` gives the index or -1, and index/rindex turn -1 into the
    /// ValueError CPython and MicroPython raise.
    func installFindMethods(_ type: PyType,
                            _ find: @escaping (Runtime, CallArguments, String, Bool) throws(PyError) -> Int) {
        for (name, reverse) in [("find", false), ("rfind", true)] {
            method(type, name) { rt, args throws(PyError) in rt.int(try find(rt, args, name, reverse)) }
        }
        for (name, reverse) in [("index", false), ("rindex", true)] {
            method(type, name) { rt, args throws(PyError) in
                let i = try find(rt, args, name, reverse)
                if i < 0 { throw rt.valueError("substring not found") }
                return rt.int(i)
            }
        }
    }

    /// Adds a read-only attribute computed by `getter` to a built-in type.
    func readOnlyProperty(_ type: PyType, _ name: String, _ getter: @escaping NativeFunction) {
        let p = PyProperty(type: types.property)
        p.getter = Value(native(name, owner: type, getter))
        heap.makePermanent(p)
        type.dict.setStr(intern(name), Value(p))
    }

    /// Adds a native staticmethod to a built-in type (e.g. `str.maketrans`).
    func staticMethod(_ type: PyType, _ name: String, _ body: @escaping NativeFunction) {
        let f = native(name, owner: type, body)
        f.receiverType = nil  // no receiver at all
        let w = PyMethodWrapper(type: types.staticmethod, function: Value(f))
        heap.makePermanent(w)
        type.dict.setStr(intern(name), Value(w))
    }

    /// Sets the function `type(...)` calls to make an instance of a built-in type.
    func constructor(_ type: PyType, _ body: @escaping NativeFunction) {
        type.constructor = native(type.name, owner: type, body)
    }

    /// Adds a builtin function.
    func builtin(_ name: String, _ body: @escaping NativeFunction) {
        builtins.setStr(intern(name), Value(native(name, body)))
    }

    /// Adds a function to a native module.
    public func moduleFunction(_ module: PyModule, _ name: String, _ body: @escaping NativeFunction) {
        module.dict.setStr(intern(name), Value(native(name, body)))
    }
}

// MARK: argument checking

extension CallArguments {
    /// Raises TypeError unless the call has between `min` and `max` positional
    /// arguments and no keywords (unless `keywords` is true).
    @inline(__always)
    func expect(_ rt: Runtime, _ name: String, _ min: Int, _ max: Int, keywords: Bool = false) throws(PyError) {
        if !keywords && hasKeywords {
            throw rt.typeError("\(name)() takes no keyword arguments")
        }
        if count < min || count > max {
            if min == max {
                throw rt.typeError("function takes \(min) positional arguments but \(count) were given")
            }
            if count < min {
                throw rt.typeError("function missing \(min - count) required positional arguments")
            }
            throw rt.typeError("function expected at most \(max) arguments, got \(count)")
        }
    }

    /// Positional argument `i`, or the keyword `name`, or `.null`.
    func argument(_ i: Int, _ name: String) -> Value {
        if i < count { return positional[i] }
        return keyword(name)
    }
}

extension Runtime {
    func strArg(_ v: Value, _ what: String = "argument") throws(PyError) -> PyStr {
        guard v.isObject, let s = v.object as? PyStr else {
            throw typeError("can't convert '\(typeName(v))' object to str implicitly")
        }
        return s
    }

    func intArg(_ v: Value) throws(PyError) -> Int {
        if let i = try indexValue(v) { return i }
        throw typeError("can't convert \(typeName(v)) to int")
    }

    func selfArg<T: PyObject>(_ args: CallArguments, _ type: T.Type, _ name: String) throws(PyError) -> T {
        guard args.count > 0, args[0].isObject, let o = args[0].object as? T else {
            // MicroPython's text (py/objtype.c, checking a method's self).
            let given = args.count > 0 ? typeName(args[0]) : "NoneType"
            throw typeError("argument should be a '\(Runtime.pythonName(of: T.self))' not a '\(given)'")
        }
        return o
    }

    /// The Python name of the built-in type whose instances are Swift class `T`.
    static func pythonName<T: PyObject>(of _: T.Type) -> String {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(PyList.self): return "list"
        case ObjectIdentifier(PyTuple.self): return "tuple"
        case ObjectIdentifier(PyDict.self): return "dict"
        case ObjectIdentifier(PyStr.self): return "str"
        case ObjectIdentifier(PySet.self): return "set"
        case ObjectIdentifier(PyBytes.self): return "bytes"
        case ObjectIdentifier(PyMemoryView.self): return "memoryview"
        case ObjectIdentifier(PyComplex.self): return "complex"
        default: return String(describing: T.self)
        }
    }
}
