/// Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, with Python's
/// descriptor rules (data descriptors on the type win over the instance dict,
/// which wins over other class attributes), `__getattr__` as the fallback, and
/// the special attributes of built-in objects.
extension Runtime {
    func getAttribute(_ obj: Value, _ name: PyStr) throws(PyError) -> Value {
        let v = try findAttribute(obj, name)
        if !v.isNull { return v }
        throw missingAttribute(obj, name)
    }

    func missingAttribute(_ obj: Value, _ name: PyStr) -> PyError {
        if obj.isObject, let t = obj.object as? PyType {
            return attributeError("type object '\(t.name)' has no attribute '\(name.value)'")
        }
        if obj.isObject, let m = obj.object as? PyModule {
            return attributeError("module '\(m.name)' has no attribute '\(name.value)'")
        }
        return attributeError("'\(typeName(obj))' object has no attribute '\(name.value)'")
    }

    /// `obj.name`, or `.null` when there is no such attribute (AttributeError raised
    /// by a `__getattr__` or property is propagated, not turned into `.null`).
    func findAttribute(_ obj: Value, _ name: PyStr) throws(PyError) -> Value {
        unowned(unsafe) let type = typeOf(obj)
        if obj.isObject {
            unowned(unsafe) let o = obj.object
            switch type.instanceKind {
            case .type: return try classAttribute(unsafeDowncast(o, to: PyType.self), name)
            case .module:
                let m = unsafeDowncast(o, to: PyModule.self)
                let v = m.dict.getStr(name)
                if !v.isNull { return v }
                if name === names.__dict__ { return Value(m.dict) }
                let getattr = m.dict.getStr(names.__getattr__)
                if !getattr.isNull { return try call(getattr, [Value(name)]) }
                return .null
            case .superObject: return try superAttribute(unsafeDowncast(o, to: PySuper.self), name)
            default: break
            }
            if type.definesGetattribute {
                let ga = type.lookup(names.__getattribute__)
                if !ga.isNull, ga.isObject, ga.object is PyFunction {
                    do throws(PyError) {
                        return try call(ga, [obj, Value(name)])
                    } catch let e {
                        if type.definesGetattr && e.exception.type.isSubtype(of: types.AttributeError) {
                            return try call(type.lookup(names.__getattr__), [obj, Value(name)])
                        }
                        throw e
                    }
                }
            }
        }
        let classValue = typeLookup(.passUnretained(type), name)
        if classValue.isObject {
            unowned(unsafe) let d = classValue.object
            unowned(unsafe) let dt = d.type
            if dt.instanceKind == .property {
                let p = unsafeDowncast(d, to: PyProperty.self)
                if p.getter.isNone { throw attributeError("unreadable attribute") }
                do throws(PyError) { return try call(p.getter, [obj]) } catch let e {
                    return try getattrFallback(e, obj, name, type)
                }
            }
            if !dt.isBuiltin {
                // A user descriptor with __set__ or __delete__ is a data descriptor.
                let get = dt.lookup(names.__get__)
                if !get.isNull && (!dt.lookup(names.__set__).isNull || !dt.lookup(names.__delete__).isNull) {
                    do throws(PyError) { return try call(get, [classValue, obj, Value(type)]) } catch let e {
                        return try getattrFallback(e, obj, name, type)
                    }
                }
            }
        }
        if obj.isObject {
            let dictValue = obj.object.instanceDict
            if dictValue.isObject {
                let v = dictValue.withBorrowed(PyDict.self) { d in d.getStr(name) }
                if !v.isNull { return v }
            }
        }
        if !classValue.isNull {
            if !type.definesGetattr { return try bindClassAttribute(classValue, to: obj, type: type) }
            do throws(PyError) { return try bindClassAttribute(classValue, to: obj, type: type) } catch let e {
                return try getattrFallback(e, obj, name, type)
            }
        }
        let special = try builtinAttribute(obj, name)
        if !special.isNull { return special }
        if type.definesGetattr {
            let ga = type.lookup(names.__getattr__)
            if !ga.isNull { return try call(ga, [obj, Value(name)]) }
        }
        return .null
    }

    /// The Python function behind `obj.name` when it is a property of a plain
    /// instance's class (its getter, or its setter for a store), which the
    /// interpreter may run as a frame of its own loop; `.null` when the general
    /// path must run (no property, a native accessor, a class with
    /// `__getattribute__`, `__getattr__` or `__setattr__`).
    @inline(__always) func inlinePropertyFunction(_ obj: Value, _ name: PyStr, setter: Bool) -> Value {
        guard obj.isObject else { return .null }
        unowned(unsafe) let type = obj.object.type
        guard type.instanceKind == .instance, !type.isBuiltin, !type.definesGetattribute,
              !type.definesGetattr, !type.definesSetattr else { return .null }
        let classValue = typeLookup(.passUnretained(type), name)
        // Exactly `property`: a subclass may override __get__ or __set__.
        guard classValue.isObject, classValue.object.type.instanceKind == .property,
              unsafeBitCast(classValue.object.type, to: UInt.self) == unsafeBitCast(types.property, to: UInt.self)
        else { return .null }
        unowned(unsafe) let property = unsafeDowncast(classValue.object, to: PyProperty.self)
        let function = setter ? property.setter : property.getter
        guard function.isObject, function.object.type.instanceKind == .function else { return .null }
        return function
    }

    /// An AttributeError raised by a descriptor's getter falls back to `__getattr__`.
    func getattrFallback(_ e: PyError, _ obj: Value, _ name: PyStr, _ type: PyType) throws(PyError) -> Value {
        guard type.definesGetattr, e.exception.type.isSubtype(of: types.AttributeError) else { throw e }
        let ga = type.lookup(names.__getattr__)
        if ga.isNull { throw e }
        return try call(ga, [obj, Value(name)])
    }

    /// What `instance.attr` gives for a class attribute found on the instance's type.
    func bindClassAttribute(_ v: Value, to obj: Value, type: PyType) throws(PyError) -> Value {
        guard v.isObject else { return v }
        unowned(unsafe) let d = v.object
        let kind = d.type.instanceKind
        if kind == .function {
            return adopt(PyBoundMethod(type: types.boundMethod, function: v, receiver: obj))
        }
        if kind == .nativeFunction {
            if unsafeDowncast(d, to: PyNativeFunction.self).isStatic { return v }
            return adopt(PyBoundMethod(type: types.boundMethod, function: v, receiver: obj))
        }
        if let w = d as? PyMethodWrapper {
            if d.type === types.staticmethod { return w.function }
            return adopt(PyBoundMethod(type: types.boundMethod, function: w.function, receiver: Value(type)))
        }
        if !d.type.isBuiltin {
            let get = d.type.lookup(names.__get__)
            if !get.isNull { return try call(get, [v, obj, Value(type)]) }
        }
        return v
    }

    /// `Class.name`: looked up along the class's MRO, then on its metaclass.
    func classAttribute(_ t: PyType, _ name: PyStr) throws(PyError) -> Value {
        let v = t.lookup(name)
        if !v.isNull {
            guard v.isObject else { return v }
            let d = v.object
            if let w = d as? PyMethodWrapper {
                if d.type === types.staticmethod { return w.function }
                return adopt(PyBoundMethod(type: types.boundMethod, function: w.function, receiver: Value(t)))
            }
            if !(d is PyFunction) && !(d is PyNativeFunction) && !(d is PyProperty) && !d.type.isBuiltin && !(d is PyType) {
                let get = d.type.lookup(names.__get__)
                if !get.isNull { return try call(get, [v, .none, Value(t)]) }
            }
            return v
        }
        switch name.value {
        case "__name__": return Value(intern(t.name))
        case "__qualname__": return str(t.qualifiedName)
        case "__mro__": return tuple(t.mro.map { Value($0) })
        case "__bases__": return tuple(t.bases.map { Value($0) })
        case "__base__": return t.bases.first.map { Value($0) } ?? .none
        case "__dict__": return Value(t.dict)
        case "__class__": return Value(t.type)
        case "__doc__": return .none
        case "__module__": return Value(intern("builtins"))
        default: break
        }
        // Methods of the metaclass (e.g. `type.mro`, a user metaclass's methods).
        let meta = t.type
        if meta !== t {
            let mv = meta.lookup(name)
            if mv.isObject, let p = mv.object as? PyProperty, !p.getter.isNone { return try call(p.getter, [Value(t)]) }
            if !mv.isNull { return try bindClassAttribute(mv, to: Value(t), type: meta) }
            // A metaclass's __getattr__ is the fallback for class attributes.
            if !meta.isBuiltin {
                let ga = meta.lookup(names.__getattr__)
                if ga.isObject, ga.object is PyFunction { return try call(ga, [Value(t), Value(name)]) }
            }
        }
        return .null
    }

    /// The function to call for `obj.name(...)` with obj as first argument, when it
    /// is a plain method found on the type (no bound method made); else `.null`.
    @inline(__always)
    func lookupMethod(_ obj: Value, _ name: PyStr) throws(PyError) -> Value {
        unowned(unsafe) let type = typeOf(obj)
        if obj.isObject {
            let k = type.instanceKind
            if k == .type || k == .module || k == .superObject || type.definesGetattribute { return .null }
        }
        let v = typeLookup(.passUnretained(type), name)
        guard v.isObject else { return .null }
        unowned(unsafe) let d = v.object
        let dk = d.type.instanceKind
        if dk == .function || (dk == .nativeFunction && !unsafeDowncast(d, to: PyNativeFunction.self).isStatic) {
            if obj.isObject, obj.object.instanceDict.isObject,
               !unsafeDowncast(obj.object.instanceDict.object, to: PyDict.self).getStr(name).isNull {
                return .null
            }
            return v
        }
        return .null
    }

    /// A special method looked up on the type only (as the interpreter does for
    /// `with`, operators...), bound to obj; `.null` if absent.
    func lookupSpecial(_ obj: Value, _ name: PyStr) throws(PyError) -> Value {
        let type = typeOf(obj)
        let v = type.lookup(name)
        if v.isNull { return .null }
        return try bindClassAttribute(v, to: obj, type: type)
    }

    func setAttribute(_ obj: Value, _ name: PyStr, _ value: Value) throws(PyError) {
        unowned(unsafe) let type = typeOf(obj)
        if obj.isObject {
            unowned(unsafe) let o = obj.object
            if type.instanceKind == .type {
                let t = unsafeDowncast(o, to: PyType.self)
                if t.isBuiltin { throw typeError("can't set attributes of built-in/extension type '\(t.name)'") }
                t.dict.setStr(name, value)
                updateSpecialFlags(t, name)
                return
            }
            if type.instanceKind == .module {
                unsafeDowncast(o, to: PyModule.self).dict.setStr(name, value)
                return
            }
            if type.definesSetattr {
                let sa = type.lookup(names.__setattr__)
                if !sa.isNull, sa.isObject, sa.object is PyFunction {
                    _ = try call(sa, [obj, Value(name), value])
                    return
                }
            }
        }
        if try storeThroughDescriptor(typeLookup(.passUnretained(type), name), obj, value) { return }
        if obj.isObject {
            let dict = obj.object.instanceDict
            if dict.isObject {
                // Borrowed: the instance and its dict held strongly cost retain/release pairs.
                dict.withBorrowed(PyDict.self) { d in d.setStr(name, value) }
                return
            }
            let o = obj.object
            // A native or viper function is machine code on the board, with no
            // attribute dictionary (py/objfun.c's mp_type_fun_native has no store_attr).
            if let f = o as? PyFunction, !f.code.flags.isDisjoint(with: [.native, .viper]) {
                throw attributeError("'\(type.name)' object has no attribute '\(name.value)'")
            }
            // A function's __globals__ is read-only (py/objfun.c, mp_obj_fun_bc_attr).
            if o is PyFunction, name.value == "__globals__" {
                throw attributeError("'\(type.name)' object has no attribute '\(name.value)'")
            }
            if o is PyFunction || o is PyBaseException {
                let d = newDict()
                o.instanceDict = Value(d)
                d.setStr(name, value)
                return
            }
        }
        throw attributeError("'\(type.name)' object has no attribute '\(name.value)'")
    }

    /// Sets (`value`) or deletes (nil) through a data descriptor found on the
    /// class: a property's setter or deleter, a user descriptor's __set__ or
    /// __delete__. False when the class attribute is no such descriptor.
    private func storeThroughDescriptor(_ classValue: Value, _ obj: Value, _ value: Value?) throws(PyError) -> Bool {
        guard classValue.isObject else { return false }
        let d = classValue.object
        if let p = d as? PyProperty {
            if let value {
                if p.setter.isNone { throw attributeError("can't set attribute") }
                _ = try call(p.setter, [obj, value])
            } else {
                if p.deleter.isNone { throw attributeError("can't delete attribute") }
                _ = try call(p.deleter, [obj])
            }
            return true
        }
        guard !d.type.isBuiltin && !(d is PyFunction) else { return false }
        let method = d.type.lookup(value == nil ? names.__delete__ : names.__set__)
        if method.isNull { return false }
        _ = try call(method, value.map { [classValue, obj, $0] } ?? [classValue, obj])
        return true
    }

    func deleteAttribute(_ obj: Value, _ name: PyStr) throws(PyError) {
        let type = typeOf(obj)
        if obj.isObject {
            let o = obj.object
            if let t = o as? PyType {
                if t.isBuiltin { throw typeError("can't set attributes of built-in/extension type '\(t.name)'") }
                if t.dict.removeStr(name).isNull { throw missingAttribute(obj, name) }
                updateSpecialFlags(t, name)
                return
            }
            if let m = o as? PyModule {
                if m.dict.removeStr(name).isNull { throw missingAttribute(obj, name) }
                return
            }
            let da = type.lookup(names.__delattr__)
            if !da.isNull, da.isObject, da.object is PyFunction {
                _ = try call(da, [obj, Value(name)])
                return
            }
            if try storeThroughDescriptor(type.lookup(name), obj, nil) { return }
            if o.instanceDict.isObject,
               !unsafeDowncast(o.instanceDict.object, to: PyDict.self).removeStr(name).isNull {
                return
            }
        }
        throw missingAttribute(obj, name)
    }

    /// Keeps the per-type "defines X" flags right when a class gains or loses a special method.
    func updateSpecialFlags(_ t: PyType, _ name: PyStr) {
        guard name.value.hasPrefix("__") else { return }
        refreshSpecialFlags(t)
    }

    func refreshSpecialFlags(_ t: PyType) {
        func userDefined(_ n: PyStr) -> Bool {
            let v = t.lookup(n)
            return v.isObject && (v.object is PyFunction || !v.object.type.isBuiltin)
        }
        t.definesGetattribute = userDefined(names.__getattribute__)
        t.definesGetattr = userDefined(names.__getattr__)
        t.definesSetattr = userDefined(names.__setattr__)
    }

    /// Attributes every object of a built-in kind has (`__class__`, `__name__` of
    /// functions, `args` of exceptions...), or `.null`.
    func builtinAttribute(_ obj: Value, _ name: PyStr) throws(PyError) -> Value {
        let n = name.value
        if n == "__class__" { return Value(typeOf(obj)) }
        guard obj.isObject else {
            if obj.isFloat || obj.isSmallInt || obj.isBool {
                switch n {
                case "real": return obj.isBool ? int(obj.bits == Value.true.bits ? 1 : 0) : obj
                case "imag": return obj.isFloat ? Value(float: 0) : Value(small: 0)
                default: return .null
                }
            }
            return .null
        }
        switch obj.object {
        case let f as PyFunction:
            switch n {
            case "__name__": return f.name
            case "__qualname__": return f.qualifiedName
            case "__module__": return f.module
            case "__doc__": return f.doc
            case "__defaults__": return f.defaults.isNull ? .none : f.defaults
            case "__kwdefaults__": return f.keywordDefaults.isNull ? .none : f.keywordDefaults
            case "__closure__": return f.closure.isNull ? .none : f.closure
            case "__globals__": return Value(f.globals)
            case "__dict__":
                if !f.instanceDict.isObject { f.instanceDict = Value(newDict()) }
                return f.instanceDict
            case "__code__":
                // Native and viper functions are machine code on the board: no
                // code object to hand out (py/objfun.c, tests/micropython/native_fun_attrs_code.py).
                if !f.code.flags.isDisjoint(with: [.native, .viper]) { return .null }
                return adopt(PyCode(type: types.code, f.code))
            default: return .null
            }
        case let f as PyNativeFunction:
            switch n {
            case "__name__": return str(f.name)
            case "__qualname__": return str(f.owner.map { "\($0.name).\(f.name)" } ?? f.name)
            case "__self__": return f.boundSelf.isNull ? .none : f.boundSelf
            default: return .null
            }
        case let m as PyBoundMethod:
            switch n {
            case "__self__": return m.receiver
            case "__func__": return m.function
            case "__name__", "__qualname__", "__doc__", "__module__": return try getAttribute(m.function, name)
            default: return try findAttribute(m.function, name)
            }
        case let e as PyBaseException:
            switch n {
            case "args": return e.args
            case "__context__": return e.context
            case "__cause__": return e.cause
            case "__suppress_context__": return Value(bool: e.suppressContext)
            case "__traceback__": return .none
            case "value" where e.type.isSubtype(of: types.StopIteration):
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                return args.first ?? .none
            case "errno" where e.type.isSubtype(of: types.OSError):
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                return args.first ?? .none
            case "strerror" where e.type.isSubtype(of: types.OSError):
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                return args.count > 1 ? args[1] : .none
            case "code" where e.type.isSubtype(of: types.SystemExit):
                let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
                return args.first ?? .none
            default: return .null
            }
        case let s as PySlice:
            switch n {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            default: return .null
            }
        case let r as PyRange:
            switch n {
            case "start": return int(r.start)
            case "stop": return int(r.stop)
            case "step": return int(r.step)
            default: return .null
            }
        case let p as PyProperty:
            switch n {
            case "fget": return p.getter
            case "fset": return p.setter
            case "fdel": return p.deleter
            case "__doc__": return p.doc
            default: return .null
            }
        case let w as PyMethodWrapper:
            if n == "__func__" { return w.function }
            return .null
        case let g as PyGenerator:
            switch n {
            case "__name__": return g.name
            case "__qualname__": return g.qualifiedName
            default: return .null
            }
        case let c as PyCell:
            if n == "cell_contents" {
                if c.contents.isNull { throw valueError("Cell is empty") }
                return c.contents
            }
            return .null
        case let code as PyCode:
            switch n {
            case "co_name": return str(code.code.name)
            case "co_filename": return str(code.code.filename)
            case "co_argcount": return int(code.code.argumentCount)
            case "co_varnames": return tuple(code.code.variableNames.map { str($0) })
            default: return .null
            }
        default:
            if n == "__dict__", obj.object.instanceDict.isObject { return obj.object.instanceDict }
            if obj.object is PyBigInt {
                switch n {
                case "real": return obj
                case "imag": return Value(small: 0)
                default: return .null
                }
            }
            return .null
        }
    }

    // MARK: super

    /// For `super().name(...)`: the plain function found after the start type,
    /// to call with the receiver first (no bound method made); else `.null`.
    func superMethod(_ s: PySuper, _ name: PyStr) throws(PyError) -> Value {
        if s.receiver.isObject && s.receiver.object === s.receiverType { return .null }
        let v = superLookup(s, name)
        guard v.isObject, name !== names.__new__ else { return .null }
        let k = v.object.type.instanceKind
        if k == .function || (k == .nativeFunction && !unsafeDowncast(v.object, to: PyNativeFunction.self).isStatic) {
            return v
        }
        return .null
    }

    /// `name` in the first class after `super`'s start type in the receiver's
    /// MRO that defines it, or `.null`.
    private func superLookup(_ s: PySuper, _ name: PyStr) -> Value {
        let mro = s.receiverType.mro
        var i = 0
        while i < mro.count && mro[i] !== s.startType { i += 1 }
        i += 1
        while i < mro.count {
            let v = mro[i].dict.getStr(name)
            if !v.isNull { return v }
            i += 1
        }
        return .null
    }

    func superAttribute(_ s: PySuper, _ name: PyStr) throws(PyError) -> Value {
        let v = superLookup(s, name)
        if !v.isNull {
            if s.receiver.isObject, s.receiver.object is PyType, s.receiver.object === s.receiverType {
                // super() in a classmethod: bind to the class.
                if v.isObject, let w = v.object as? PyMethodWrapper {
                    if v.object.type === types.staticmethod { return w.function }
                    return adopt(PyBoundMethod(type: types.boundMethod, function: w.function, receiver: s.receiver))
                }
                if v.isObject, v.object is PyFunction || v.object is PyNativeFunction {
                    if name === names.__new__ { return v }
                    return adopt(PyBoundMethod(type: types.boundMethod, function: v, receiver: s.receiver))
                }
                return v
            }
            if v.isObject, let p = v.object as? PyProperty {
                return try call(p.getter, [s.receiver])
            }
            if name === names.__new__ { return v }
            return try bindClassAttribute(v, to: s.receiver, type: s.receiverType)
        }
        if name.value == "__class__" { return Value(types.superType) }
        throw attributeError("'super' object has no attribute '\(name.value)'")
    }
}
