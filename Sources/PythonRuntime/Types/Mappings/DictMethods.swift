/// `dict`: constructor and methods, and the key/value/item views.
extension Runtime {
    func installDictMethods() {
        let t = types.dict
        constructor(t) { rt, args throws(PyError) in
            let d = rt.newDict()
            try rt.fillDict(d, args, skip: 0)
            return Value(d)
        }
        method(t, "__init__") { rt, args throws(PyError) in
            let d = try rt.selfArg(args, PyDict.self, "__init__")
            try rt.fillDict(d, args, skip: 1)
            return .none
        }
        classMethod(t, "fromkeys") { rt, args throws(PyError) in
            try args.expect(rt, "fromkeys", 2, 3)
            let value = args.count > 2 ? args[2] : .none
            let made = try rt.call(args[0], [])
            guard made.isObject, let d = made.object as? PyDict else { throw rt.typeError("fromkeys needs a dict type") }
            for k in try rt.iterateToArray(args[1]) { try d.set(k, value, rt) }
            return made
        }
        method(t, "keys") { rt, args throws(PyError) in
            Value(rt.track(PyDictView(type: rt.types.dictKeys, dict: try rt.selfArg(args, PyDict.self, "keys"))))
        }
        method(t, "values") { rt, args throws(PyError) in
            Value(rt.track(PyDictView(type: rt.types.dictValues, dict: try rt.selfArg(args, PyDict.self, "values"))))
        }
        method(t, "items") { rt, args throws(PyError) in
            Value(rt.track(PyDictView(type: rt.types.dictItems, dict: try rt.selfArg(args, PyDict.self, "items"))))
        }
        method(t, "get") { rt, args throws(PyError) in
            try args.expect(rt, "get", 2, 3)
            let v = try rt.selfArg(args, PyDict.self, "get").get(args[1], rt)
            return v.isNull ? (args.count > 2 ? args[2] : .none) : v
        }
        method(t, "setdefault") { rt, args throws(PyError) in
            try args.expect(rt, "setdefault", 2, 3)
            let d = try rt.selfArg(args, PyDict.self, "setdefault")
            let v = try d.get(args[1], rt)
            if !v.isNull { return v }
            let def = args.count > 2 ? args[2] : .none
            try d.set(args[1], def, rt)
            return def
        }
        method(t, "pop") { rt, args throws(PyError) in
            try args.expect(rt, "pop", 2, 3)
            let v = try rt.selfArg(args, PyDict.self, "pop").remove(args[1], rt)
            if !v.isNull { return v }
            if args.count > 2 { return args[2] }
            throw rt.keyError(args[1])
        }
        method(t, "popitem") { rt, args throws(PyError) in
            try args.expect(rt, "popitem", 1, 1)
            guard let (k, v) = try rt.selfArg(args, PyDict.self, "popitem").popLast() else {
                throw rt.error(rt.types.KeyError, "popitem(): dictionary is empty")
            }
            return rt.tuple([k, v])
        }
        method(t, "update") { rt, args throws(PyError) in
            let d = try rt.selfArg(args, PyDict.self, "update")
            try rt.fillDict(d, args, skip: 1)
            return .none
        }
        method(t, "clear") { rt, args throws(PyError) in
            try rt.selfArg(args, PyDict.self, "clear").removeAll()
            return .none
        }
        method(t, "copy") { rt, args throws(PyError) in
            let d = try rt.selfArg(args, PyDict.self, "copy")
            let c = rt.newDict(capacity: d.count)
            for (k, v) in rt.heldItems(d) { try c.set(k, v, rt) }
            return Value(c)
        }
        installSequenceDunders(t)
        for view in [types.dictKeys, types.dictValues, types.dictItems] {
            method(view, "__len__") { rt, args throws(PyError) in
                rt.int(try rt.selfArg(args, PyDictView.self, "__len__").dict.count)
            }
        }
        for view in [types.dictKeys, types.dictItems] {
            // Set operations on key and item views.
            for (name, op) in [("__and__", BinaryOperator.bitand), ("__or__", .bitor), ("__sub__", .sub), ("__xor__", .bitxor)] {
                method(view, name) { rt, args throws(PyError) in
                    let a = rt.newSet(), b = rt.newSet()
                    for x in try rt.iterateToArray(args[0]) { try a.storage.set(x, .none, rt) }
                    for x in try rt.iterateToArray(args[1]) { try b.storage.set(x, .none, rt) }
                    return try rt.setOperation(a, b, op, inplace: false)
                }
            }
        }
    }

    /// Fills `d` from dict(...)-style arguments: a mapping or an iterable of pairs, then keywords.
    func fillDict(_ d: PyDict, _ args: CallArguments, skip: Int) throws(PyError) {
        if args.count > skip + 1 { throw typeError("dict expected at most 1 argument, got \(args.count - skip)") }
        if args.count == skip + 1 {
            let src = args[skip]
            if src.isObject, src.object is PyDict {
                try mergeMapping(into: d, src, rejectDuplicates: false)
            } else if src.isObject, !(try findAttribute(src, intern("keys"))).isNull {
                try mergeMapping(into: d, src, rejectDuplicates: false)
            } else {
                for item in try iterateToArray(src) {
                    let pair = try iterateToArray(item)
                    guard pair.count == 2 else {
                        throw valueError("dictionary update sequence element has length \(pair.count); 2 is required")
                    }
                    try d.set(pair[0], pair[1], self)
                }
            }
        }
        for (i, k) in args.keywordNames.enumerated() { d.setStr(intern(k.value), args.keywordValues[i]) }
    }

    func installSetMethods() {
        for t in [types.set, types.frozenset] {
            let frozen = t === types.frozenset
            constructor(t) { rt, args throws(PyError) in
                try args.expect(rt, t.name, 0, 1)
                let s = rt.newSet(frozen: frozen)
                if args.count == 1 { for v in try rt.iterateToArray(args[0]) { try s.storage.set(v, .none, rt) } }
                return Value(s)
            }
            method(t, "copy") { rt, args throws(PyError) in
                let s = try rt.selfArg(args, PySet.self, "copy")
                let c = rt.newSet(frozen: frozen)
                for k in rt.heldKeys(s.storage) { try c.storage.set(k, .none, rt) }
                return Value(c)
            }
            let ops: [(String, BinaryOperator)] = [("union", .bitor), ("intersection", .bitand),
                                                   ("difference", .sub), ("symmetric_difference", .bitxor)]
            for (name, op) in ops {
                method(t, name) { rt, args throws(PyError) in
                    var result = try rt.selfArg(args, PySet.self, name)
                    for i in 1..<max(args.count, 1) {
                        let other = try rt.asSet(args[i])
                        result = unsafeDowncast(try rt.setOperation(result, other, op, inplace: false).object, to: PySet.self)
                    }
                    if args.count == 1 {
                        result = unsafeDowncast(try rt.setOperation(result, rt.newSet(), .bitor, inplace: false).object, to: PySet.self)
                    }
                    return Value(result)
                }
            }
            method(t, "issubset") { rt, args throws(PyError) in
                try args.expect(rt, "issubset", 2, 2)
                return Value(bool: try rt.isSubset(try rt.selfArg(args, PySet.self, "issubset"), try rt.asSet(args[1])))
            }
            method(t, "issuperset") { rt, args throws(PyError) in
                try args.expect(rt, "issuperset", 2, 2)
                return Value(bool: try rt.isSubset(try rt.asSet(args[1]), try rt.selfArg(args, PySet.self, "issuperset")))
            }
            method(t, "isdisjoint") { rt, args throws(PyError) in
                try args.expect(rt, "isdisjoint", 2, 2)
                let s = try rt.selfArg(args, PySet.self, "isdisjoint")
                for k in try rt.iterateToArray(args[1]) where try s.storage.contains(k, rt) { return .false }
                return .true
            }
            method(t, "__contains__") { rt, args throws(PyError) in
                try args.expect(rt, "__contains__", 2, 2)
                return Value(bool: try rt.selfArg(args, PySet.self, "__contains__").storage.contains(args[1], rt))
            }
            method(t, "__len__") { rt, args throws(PyError) in
                rt.int(try rt.selfArg(args, PySet.self, "__len__").storage.count)
            }
            method(t, "__iter__") { rt, args throws(PyError) in try rt.builtinIterator(args[0]) }
        }
        let t = types.set
        method(t, "__init__") { rt, args throws(PyError) in
            let s = try rt.selfArg(args, PySet.self, "__init__")
            s.storage.removeAll()
            if args.count > 1 { for v in try rt.iterateToArray(args[1]) { try s.storage.set(v, .none, rt) } }
            return .none
        }
        method(t, "add") { rt, args throws(PyError) in
            try args.expect(rt, "add", 2, 2)
            try rt.selfArg(args, PySet.self, "add").storage.set(args[1], .none, rt)
            return .none
        }
        method(t, "remove") { rt, args throws(PyError) in
            try args.expect(rt, "remove", 2, 2)
            if (try rt.selfArg(args, PySet.self, "remove").storage.remove(args[1], rt)).isNull {
                throw rt.keyError(args[1])
            }
            return .none
        }
        method(t, "discard") { rt, args throws(PyError) in
            try args.expect(rt, "discard", 2, 2)
            try rt.selfArg(args, PySet.self, "discard").storage.remove(args[1], rt)
            return .none
        }
        method(t, "pop") { rt, args throws(PyError) in
            let s = try rt.selfArg(args, PySet.self, "pop")
            guard let (k, _) = s.storage.popLast() else { throw rt.error(rt.types.KeyError, "pop from an empty set") }
            return k
        }
        method(t, "clear") { rt, args throws(PyError) in
            try rt.selfArg(args, PySet.self, "clear").storage.removeAll()
            return .none
        }
        let updates: [(String, BinaryOperator)] = [("update", .bitor), ("intersection_update", .bitand),
                                                   ("difference_update", .sub), ("symmetric_difference_update", .bitxor)]
        for (name, op) in updates {
            method(t, name) { rt, args throws(PyError) in
                let s = try rt.selfArg(args, PySet.self, name)
                for i in 1..<max(args.count, 1) { _ = try rt.setOperation(s, try rt.asSet(args[i]), op, inplace: true) }
                return .none
            }
        }
    }

    func asSet(_ v: Value) throws(PyError) -> PySet {
        if v.isObject, let s = v.object as? PySet { return s }
        let s = newSet()
        for x in try iterateToArray(v) { try s.storage.set(x, .none, self) }
        return s
    }

    // MARK: built-in behaviour without user overrides (for the dunder methods of built-in types)

    /// Runs `body` with a user subclass instance seen as its built-in base, so
    /// the native container code runs instead of the subclass's overrides.
    private func asBuiltinBase<T>(_ container: Value, _ body: () throws(PyError) -> T) throws(PyError) -> T {
        let saved = container.object.type
        guard !saved.isBuiltin else { return try body() }
        container.object.type = saved.solidBase
        defer { container.object.type = saved }
        return try body()
    }

    func builtinGetItem(_ container: Value, _ index: Value) throws(PyError) -> Value {
        try asBuiltinBase(container) { () throws(PyError) in try getItem(container, index) }
    }

    func builtinSetItem(_ container: Value, _ index: Value, _ v: Value) throws(PyError) {
        try asBuiltinBase(container) { () throws(PyError) in try setItem(container, index, v) }
    }

    func builtinDeleteItem(_ container: Value, _ index: Value) throws(PyError) {
        try asBuiltinBase(container) { () throws(PyError) in try deleteItem(container, index) }
    }

    func builtinContains(_ container: Value, _ item: Value) throws(PyError) -> Bool {
        try asBuiltinBase(container) { () throws(PyError) in try contains(container, item) }
    }

    func builtinIterator(_ container: Value) throws(PyError) -> Value {
        let saved = container.object.type
        guard !saved.isBuiltin else { return try getIterator(container) }
        container.object.type = saved.solidBase
        defer { container.object.type = saved }
        return try getIterator(container)
    }
}
