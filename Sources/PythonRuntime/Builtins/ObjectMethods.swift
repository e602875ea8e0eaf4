/// `object`, `type`, the exception base, the descriptor types (`property`,
/// `classmethod`, `staticmethod`, `super`), `range`, `slice`, and generators.
extension Runtime {
    func installObjectMethods() {
        let t = types.object
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "object", 0, 0)
            return Value(rt.track(PyInstance(type: rt.types.object)))
        }
        let newFn = native("__new__", owner: t) { rt, args throws(PyError) in
            guard args.count >= 1, args[0].isObject, let cls = args[0].object as? PyType else {
                throw rt.typeError("object.__new__(X): X is not a type object")
            }
            // As MicroPython: only a class defined in Python, or `object` itself.
            if cls.isBuiltin && cls !== rt.types.object {
                throw rt.typeError("object.__new__(\(cls.name)) is not safe, use \(cls.name).__new__()")
            }
            if cls.isBuiltin, let make = cls.constructor {
                return try rt.invokeNative(make, args: UnsafeBufferPointer(start: nil, count: 0), kwNames: nil)
            }
            return try rt.allocateInstance(cls)
        }
        let w = PyMethodWrapper(type: types.staticmethod, function: Value(newFn))
        heap.makePermanent(w)
        t.dict.setStr(names.__new__, Value(w))
        method(t, "__init__") { _, _ throws(PyError) in .none }
        method(t, "__init_subclass__") { rt, args throws(PyError) in
            if args.hasKeywords { throw rt.typeError("__init_subclass__() takes no keyword arguments") }
            return .none
        }
        method(t, "__eq__") { rt, args throws(PyError) in
            try args.expect(rt, "__eq__", 2, 2)
            return args[0].bits == args[1].bits ? .true : .notImplemented
        }
        method(t, "__ne__") { rt, args throws(PyError) in
            try args.expect(rt, "__ne__", 2, 2)
            let r = try rt.richCompare(args[0], args[1], .eq)
            if r.bits == Value.notImplemented.bits { return r }
            return Value(bool: !(try rt.isTruthy(r)))
        }
        method(t, "__hash__") { rt, args throws(PyError) in
            try args.expect(rt, "__hash__", 1, 1)
            if args[0].isObject {
                return rt.int(Int(truncatingIfNeeded: UInt(bitPattern: ObjectIdentifier(args[0].object).hashValue) >> 4))
            }
            return rt.int(try rt.hash(args[0]))
        }
        method(t, "__repr__") { rt, args throws(PyError) in
            try args.expect(rt, "__repr__", 1, 1)
            return rt.str(try rt.builtinRepr(args[0]))
        }
        method(t, "__str__") { rt, args throws(PyError) in
            try args.expect(rt, "__str__", 1, 1)
            return rt.str(try rt.repr(args[0]))
        }
        method(t, "__format__") { rt, args throws(PyError) in
            try args.expect(rt, "__format__", 2, 2)
            let spec = try rt.strArg(args[1]).value
            if !spec.isEmpty { throw rt.typeError("unsupported format string passed to \(rt.typeName(args[0])).__format__") }
            return rt.str(try rt.toStr(args[0]))
        }
        method(t, "__getattribute__") { rt, args throws(PyError) in
            try args.expect(rt, "__getattribute__", 2, 2)
            let name = rt.intern(try rt.strArg(args[1]).value)
            // Plain lookup, skipping the type's own __getattribute__ and __getattr__.
            let v = try rt.withoutOverrides(rt.typeOf(args[0]), [\.definesGetattribute, \.definesGetattr]) {
                () throws(PyError) in try rt.findAttribute(args[0], name)
            }
            if v.isNull { throw rt.missingAttribute(args[0], name) }
            return v
        }
        method(t, "__setattr__") { rt, args throws(PyError) in
            try args.expect(rt, "__setattr__", 3, 3)
            let name = rt.intern(try rt.strArg(args[1]).value)
            try rt.withoutOverrides(rt.typeOf(args[0]), [\.definesSetattr]) {
                () throws(PyError) in try rt.setAttribute(args[0], name, args[2])
            }
            return .none
        }
        method(t, "__delattr__") { rt, args throws(PyError) in
            try args.expect(rt, "__delattr__", 2, 2)
            let name = rt.intern(try rt.strArg(args[1]).value)
            guard args[0].isObject, args[0].object.instanceDict.isObject,
                  !unsafeDowncast(args[0].object.instanceDict.object, to: PyDict.self).removeStr(name).isNull else {
                throw rt.missingAttribute(args[0], name)
            }
            return .none
        }
        method(t, "__dir__") { rt, args throws(PyError) in
            try rt.call(rt.builtins.getStr(rt.intern("dir")), [args[0]])
        }
    }

    func installTypeMethods() {
        let t = types.type
        method(t, "mro") { rt, args throws(PyError) in
            guard args.count == 1, args[0].isObject, let c = args[0].object as? PyType else {
                throw rt.typeError("mro() needs a type")
            }
            return Value(rt.newList(ContiguousArray(c.mro.map { Value($0) })))
        }
        let newFn = native("__new__", owner: t) { rt, args throws(PyError) in
            guard args.count == 4, args[0].isObject, let meta = args[0].object as? PyType else {
                if args.count == 2 { return Value(rt.typeOf(args[1])) }
                throw rt.typeError("type.__new__() takes exactly 3 arguments")
            }
            let kw: PyTuple? = args.keywordNames.isEmpty ? nil : rt.newTuple(ContiguousArray(args.keywordNames.map { Value($0) }))
            return try rt.createClass(metatype: meta, args[1], args[2], args[3], keywords: kw, Array(args.keywordValues))
        }
        let w = PyMethodWrapper(type: types.staticmethod, function: Value(newFn))
        heap.makePermanent(w)
        t.dict.setStr(names.__new__, Value(w))
        method(t, "__init__") { _, _ throws(PyError) in .none }
        method(t, "__call__") { rt, args throws(PyError) in
            guard args.count >= 1, args[0].isObject, let cls = args[0].object as? PyType else {
                throw rt.typeError("type.__call__ needs a type")
            }
            let rest = UnsafeBufferPointer(rebasing: args.positional[1...])
            let kw: PyTuple? = args.keywordNames.isEmpty ? nil : rt.newTuple(ContiguousArray(args.keywordNames.map { Value($0) }))
            var all = Array(rest) + Array(args.keywordValues)
            return try all.withUnsafeMutableBufferPointer { (b) throws(PyError) -> Value in
                try rt.instantiate(cls, args: UnsafeBufferPointer(b), kwNames: kw)
            }
        }
    }

    func installExceptionMethods() {
        let base = types.BaseException
        for exc in types.exceptionTypes {
            constructor(exc) { rt, args throws(PyError) in
                let e = rt.newException(exc, args: Array(args.positional))
                return Value(e)
            }
        }
        method(base, "__init__") { rt, args throws(PyError) in
            let e = try rt.selfArg(args, PyBaseException.self, "__init__")
            // The instance was made with these same arguments (a subclass's
            // `super().__init__(*args)`, or no __init__ of its own): the
            // tuple it holds already says them.
            let given = args.positional.dropFirst()
            let same = unsafeDowncast(e.args.object, to: PyTuple.self).items.withUnsafeBufferPointer { items in
                items.count == given.count && zip(items, given).allSatisfy { $0.bits == $1.bits }
            }
            if !same { e.args = rt.tuple(Array(given)) }
            e.incomplete = false
            return .none
        }
        method(base, "__str__") { rt, args throws(PyError) in
            let e = try rt.selfArg(args, PyBaseException.self, "__str__")
            let items = unsafeDowncast(e.args.object, to: PyTuple.self).items
            if let text = try rt.exceptionText(e, items) { return rt.str(text) }
            return rt.str(try rt.repr(e.args))
        }
        method(base, "__repr__") { rt, args throws(PyError) in
            rt.str(try rt.builtinRepr(args[0]))
        }
        method(base, "with_traceback") { rt, args throws(PyError) in args[0] }
    }

    func installFunctionTypes() {
        constructor(types.property) { rt, args throws(PyError) in
            let p = rt.track(PyProperty(type: rt.types.property))
            let g = args.argument(0, "fget"), s = args.argument(1, "fset"), d = args.argument(2, "fdel")
            let doc = args.argument(3, "doc")
            if !g.isNull { p.getter = g }
            if !s.isNull { p.setter = s }
            if !d.isNull { p.deleter = d }
            if !doc.isNull { p.doc = doc }
            return Value(p)
        }
        for (name, keyPath) in [("getter", \PyProperty.getter), ("setter", \PyProperty.setter), ("deleter", \PyProperty.deleter)] {
            method(types.property, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 2, 2)
                let p = try rt.selfArg(args, PyProperty.self, name)
                let q = rt.track(PyProperty(type: p.type))
                q.getter = p.getter
                q.setter = p.setter
                q.deleter = p.deleter
                q.doc = p.doc
                q[keyPath: keyPath] = args[1]
                return Value(q)
            }
        }
        method(types.property, "__get__") { rt, args throws(PyError) in
            let p = try rt.selfArg(args, PyProperty.self, "__get__")
            if args.count < 2 || args[1].isNone { return args[0] }
            return try rt.call(p.getter, [args[1]])
        }
        method(types.property, "__set__") { rt, args throws(PyError) in
            try args.expect(rt, "__set__", 3, 3)
            let p = try rt.selfArg(args, PyProperty.self, "__set__")
            if p.setter.isNone { throw rt.attributeError("can't set attribute") }
            return try rt.call(p.setter, [args[1], args[2]])
        }
        method(types.property, "__delete__") { rt, args throws(PyError) in
            try args.expect(rt, "__delete__", 2, 2)
            let p = try rt.selfArg(args, PyProperty.self, "__delete__")
            if p.deleter.isNone { throw rt.attributeError("can't delete attribute") }
            return try rt.call(p.deleter, [args[1]])
        }
        for kind in [types.classmethod, types.staticmethod] {
            constructor(kind) { rt, args throws(PyError) in
                try args.expect(rt, kind.name, 1, 1)
                return Value(rt.track(PyMethodWrapper(type: kind, function: args[0])))
            }
        }
        constructor(types.superType) { rt, args throws(PyError) in
            try args.expect(rt, "super", 0, 2)
            if args.count == 0 { return try rt.zeroArgumentSuper() }
            guard args[0].isObject, let cls = args[0].object as? PyType else {
                throw rt.typeError("super() argument 1 must be a type")
            }
            guard args.count == 2 else { throw rt.typeError("super() with one argument isn't supported") }
            return try rt.makeSuper(cls, args[1])
        }
        constructor(types.range) { rt, args throws(PyError) in
            try args.expect(rt, "range", 1, 3)
            var start = 0, stop = 0, step = 1
            if args.count == 1 {
                stop = try rt.intArg(args[0])
            } else {
                start = try rt.intArg(args[0])
                stop = try rt.intArg(args[1])
                if args.count == 3 { step = try rt.intArg(args[2]) }
            }
            if step == 0 { throw rt.valueError("range() arg 3 must not be zero") }
            return Value(rt.track(PyRange(type: rt.types.range, start: start, stop: stop, step: step)))
        }
        method(types.range, "index") { rt, args throws(PyError) in
            try args.expect(rt, "index", 2, 2)
            let r = try rt.selfArg(args, PyRange.self, "index")
            guard let i = rt.smallInt(args[1]), try rt.contains(args[0], args[1]) else {
                throw rt.valueError("\(try rt.repr(args[1])) is not in range")
            }
            return rt.int((i - r.start) / r.step)
        }
        method(types.range, "count") { rt, args throws(PyError) in
            try args.expect(rt, "count", 2, 2)
            return Value(small: try rt.contains(args[0], args[1]) ? 1 : 0)
        }
        constructor(types.slice) { rt, args throws(PyError) in
            try args.expect(rt, "slice", 1, 3)
            if args.count == 1 {
                return Value(rt.track(PySlice(type: rt.types.slice, start: .none, stop: args[0], step: .none)))
            }
            return Value(rt.track(PySlice(type: rt.types.slice, start: args[0], stop: args[1],
                                          step: args.count > 2 ? args[2] : .none)))
        }
        method(types.slice, "indices") { rt, args throws(PyError) in
            try args.expect(rt, "indices", 2, 2)
            let s = try rt.selfArg(args, PySlice.self, "indices")
            let r = try rt.sliceIndices(s, length: try rt.intArg(args[1]))
            return rt.tuple([rt.int(r.start), rt.int(r.stop), rt.int(r.step)])
        }
    }

    func installGeneratorMethods() {
        for t in [types.generator, types.coroutine] {
            method(t, "send") { rt, args throws(PyError) in
                try args.expect(rt, "send", 2, 2)
                let g = try rt.selfArg(args, PyGenerator.self, "send")
                switch try rt.resumeGenerator(g, sent: args[1], throwing: nil) {
                case .yielded(let v): return v
                case .returned(let r): throw rt.stopIterationValue(r)
                }
            }
            method(t, "throw") { rt, args throws(PyError) in
                try args.expect(rt, "throw", 2, 4)
                let g = try rt.selfArg(args, PyGenerator.self, "throw")
                // py/objgenerator.c reduces throw(type, value) to one object: the
                // value when given and not None, else the first argument. That
                // object goes as it is to a delegate's own throw() method; raised
                // here, what is not an exception raises TypeError in the generator.
                var raw = args[1]
                if args.count > 2, !args[2].isNone {
                    raw = args[2]
                    if !(raw.isObject && raw.object is PyBaseException), args[1].isObject, args[1].object is PyType {
                        raw = try rt.call(args[1], [args[2]])
                    }
                }
                let exc: PyBaseException
                do throws(PyError) { exc = try rt.makeException(raw) } catch let e { exc = e.exception }
                switch try rt.resumeGenerator(g, sent: .none, throwing: exc, raw: raw) {
                case .yielded(let v): return v
                case .returned(let r): throw rt.stopIterationValue(r)
                }
            }
            // MicroPython's pend_throw (py/objgenerator.c): the exception waits for
            // the next resume; None cancels one pending; returns what was pending.
            method(t, "pend_throw") { rt, args throws(PyError) in
                try args.expect(rt, "pend_throw", 2, 2)
                let g = try rt.selfArg(args, PyGenerator.self, "pend_throw")
                if g.state == .running { throw rt.valueError("generator already executing") }
                let previous = g.pendingThrow.isNull ? Value.none : g.pendingThrow
                g.pendingThrow = args[1].isNone ? .null : args[1]
                return previous
            }
            method(t, "close") { rt, args throws(PyError) in
                try rt.closeGenerator(try rt.selfArg(args, PyGenerator.self, "close"))
                return .none
            }
            method(t, "__iter__") { _, args throws(PyError) in args[0] }
            method(t, "__next__") { rt, args throws(PyError) in
                let g = try rt.selfArg(args, PyGenerator.self, "__next__")
                switch try rt.resumeGenerator(g, sent: .none, throwing: nil) {
                case .yielded(let v): return v
                case .returned(let r): throw rt.stopIterationValue(r)
                }
            }
        }
        method(types.coroutine, "__await__") { _, args throws(PyError) in args[0] }
        method(types.iterator, "__iter__") { _, args throws(PyError) in args[0] }
        method(types.iterator, "__next__") { rt, args throws(PyError) in
            let v = try rt.nextValue(args[0])
            if v.isNull { throw rt.stopIteration() }
            return v
        }
    }

    /// Runs `body` as if `type` defined none of the special methods the flags
    /// name (`object.__getattribute__(self, n)` inside a class's own
    /// `__getattribute__` must not call it again).
    func withoutOverrides<T>(_ type: PyType, _ flags: [ReferenceWritableKeyPath<PyType, Bool>],
                             _ body: () throws(PyError) -> T) throws(PyError) -> T {
        let saved = flags.map { type[keyPath: $0] }
        for f in flags { type[keyPath: f] = false }
        defer { for (f, v) in zip(flags, saved) { type[keyPath: f] = v } }
        return try body()
    }
}
