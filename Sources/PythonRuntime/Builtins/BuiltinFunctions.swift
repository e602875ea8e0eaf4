import BigInt
import Foundation

/// Iterators made by builtins (`enumerate`, `zip`, `map`, `filter`, `reversed`).
public final class PyNativeIterator: PyObject {
    enum Kind { case enumerate, zip, map, filter, reversed }
    let kind: Kind
    /// Iterators (or the function and iterators for map/filter, or the sequence for reversed).
    var sources: [Value]
    var counter: Int
    var finished = false

    init(type: PyType, kind: Kind, sources: [Value], counter: Int = 0) {
        self.kind = kind
        self.sources = sources
        self.counter = counter
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { for s in sources { visit(s) } }
}

extension Runtime {
    func installBuiltinFunctions() {
        installHelp()
        builtin("__build_class__") { rt, args throws(PyError) in try rt.buildClass(args) }

        builtin("print") { rt, args throws(PyError) in
            var sep = " ", end = "\n"
            let sepV = args.keyword("sep"), endV = args.keyword("end"), fileV = args.keyword("file")
            if sepV.isObject { sep = try rt.strArg(sepV).value }
            if endV.isObject { end = try rt.strArg(endV).value }
            if !fileV.isNull && !fileV.isNone {
                // Each item, separator and end is its own write() to a file, as
                // py/modbuiltins.c prints to a stream (and CPython does).
                for i in 0..<args.count {
                    if i > 0 && !sep.isEmpty { try rt.writeWholeStream(fileV, sep) }
                    let piece = try rt.toStr(args[i])
                    if !piece.isEmpty { try rt.writeWholeStream(fileV, piece) }
                }
                if !end.isEmpty { try rt.writeWholeStream(fileV, end) }
                return .none
            }
            var out = ""
            for i in 0..<args.count {
                if i > 0 { out += sep }
                out += try rt.toStr(args[i])
            }
            out += end
            rt.host.writeOutput(out)
            return .none
        }
        builtin("len") { rt, args throws(PyError) in
            try args.expect(rt, "len", 1, 1)
            return rt.int(try rt.length(args[0]))
        }
        builtin("repr") { rt, args throws(PyError) in
            try args.expect(rt, "repr", 1, 1)
            return rt.str(try rt.repr(args[0]))
        }
        builtin("ascii") { rt, args throws(PyError) in
            try args.expect(rt, "ascii", 1, 1)
            return rt.str(asciiEscaped(try rt.repr(args[0])))
        }
        builtin("format") { rt, args throws(PyError) in
            try args.expect(rt, "format", 1, 2)
            let spec = args.count > 1 ? try rt.strArg(args[1]).value : ""
            return rt.str(try rt.format(args[0], spec: spec))
        }
        builtin("abs") { rt, args throws(PyError) in
            try args.expect(rt, "abs", 1, 1)
            let v = args[0]
            if v.isSmallInt { return rt.int(abs(v.asSmallInt)) }
            if v.isFloat { return Value(float: abs(v.asFloat)) }
            if let i = rt.bigInt(v), !v.isObject || v.object.type.isBuiltin { return rt.newInt(i < 0 ? -i : i) }
            let m = rt.typeOf(v).lookup(rt.names.__abs__)
            if !m.isNull { return try rt.call(m, [v]) }
            if let i = rt.bigInt(v) { return rt.newInt(i < 0 ? -i : i) }
            throw rt.typeError("bad operand type for abs(): '\(rt.typeName(v))'")
        }
        builtin("all") { rt, args throws(PyError) in
            try args.expect(rt, "all", 1, 1)
            let it = try rt.getIterator(args[0])
            while true {
                let v = try rt.nextValue(it)
                if v.isNull { return .true }
                if !(try rt.isTruthy(v)) { return .false }
            }
        }
        builtin("any") { rt, args throws(PyError) in
            try args.expect(rt, "any", 1, 1)
            let it = try rt.getIterator(args[0])
            while true {
                let v = try rt.nextValue(it)
                if v.isNull { return .false }
                if try rt.isTruthy(v) { return .true }
            }
        }
        for (name, radix, prefix) in [("bin", 2, "0b"), ("oct", 8, "0o"), ("hex", 16, "0x")] {
            builtin(name) { rt, args throws(PyError) in
                try args.expect(rt, name, 1, 1)
                guard let i = try rt.indexValue(args[0]).map({ BigInt($0) }) ?? rt.bigInt(args[0]) else {
                    throw rt.typeError("can't convert \(rt.typeName(args[0])) to int")
                }
                let big = rt.bigInt(args[0]) ?? i
                return rt.str((big < 0 ? "-" : "") + prefix + String(big.magnitude, radix: radix))
            }
        }
        builtin("chr") { rt, args throws(PyError) in
            try args.expect(rt, "chr", 1, 1)
            let i = try rt.intArg(args[0])
            guard i >= 0, i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else {
                throw rt.valueError("chr() arg not in range(0x110000)")
            }
            return rt.str(String(Character(u)))
        }
        builtin("ord") { rt, args throws(PyError) in
            try args.expect(rt, "ord", 1, 1)
            if args[0].isObject, let s = args[0].object as? PyStr {
                guard s.count == 1 else {
                    throw rt.typeError("ord() expected a character, but string of length \(s.count) found")
                }
                return rt.int(Int(s.value.unicodeScalars.first!.value))
            }
            if args[0].isObject, let b = args[0].object as? PyBytes, b.bytes.count == 1 {
                return rt.int(Int(b.bytes[0]))
            }
            throw rt.typeError("ord() expected a character")
        }
        builtin("callable") { rt, args throws(PyError) in
            try args.expect(rt, "callable", 1, 1)
            let v = args[0]
            guard v.isObject else { return .false }
            let o = v.object
            if o is PyFunction || o is PyNativeFunction || o is PyBoundMethod || o is PyType { return .true }
            return Value(bool: !o.type.lookup(rt.names.__call__).isNull)
        }
        builtin("getattr") { rt, args throws(PyError) in
            try args.expect(rt, "getattr", 2, 3)
            let name = try rt.strArg(args[1])
            let key = rt.intern(name.value)
            if args.count == 3 {
                do throws(PyError) {
                    let v = try rt.findAttribute(args[0], key)
                    return v.isNull ? args[2] : v
                } catch let e where e.exception.type.isSubtype(of: rt.types.AttributeError) {
                    return args[2]
                }
            }
            return try rt.getAttribute(args[0], key)
        }
        builtin("setattr") { rt, args throws(PyError) in
            try args.expect(rt, "setattr", 3, 3)
            try rt.setAttribute(args[0], rt.intern(try rt.strArg(args[1]).value), args[2])
            return .none
        }
        builtin("delattr") { rt, args throws(PyError) in
            try args.expect(rt, "delattr", 2, 2)
            try rt.deleteAttribute(args[0], rt.intern(try rt.strArg(args[1]).value))
            return .none
        }
        builtin("hasattr") { rt, args throws(PyError) in
            try args.expect(rt, "hasattr", 2, 2)
            do throws(PyError) {
                return Value(bool: !(try rt.findAttribute(args[0], rt.intern(try rt.strArg(args[1]).value))).isNull)
            } catch let e where e.exception.type.isSubtype(of: rt.types.AttributeError) {
                return .false
            }
        }
        builtin("dir") { rt, args throws(PyError) in
            try args.expect(rt, "dir", 0, 1)
            var names = Set<String>()
            if args.count == 0 {
                let d = rt.currentFrame?.locals ?? rt.currentFrame?.globals ?? rt.mainDict
                for k in d.liveKeys { if let s = k.object as? PyStr { names.insert(s.value) } }
            } else {
                let v = args[0]
                // An instance whose class defines __dir__ answers for itself (not
                // the class: py/modbuiltins.c looks __dir__ up as a method).
                if v.isObject, !(v.object is PyType), !rt.typeOf(v).isBuiltin {
                    let m = rt.typeOf(v).lookup(rt.intern("__dir__"))
                    if m.isObject, m.object is PyFunction { return try rt.call(m, [v]) }
                }
                if v.isObject {
                    let o = v.object
                    if let m = o as? PyModule {
                        for k in m.dict.liveKeys { if let s = k.object as? PyStr { names.insert(s.value) } }
                    } else {
                        if o.instanceDict.isObject, let d = o.instanceDict.object as? PyDict {
                            for k in d.liveKeys { if let s = k.object as? PyStr { names.insert(s.value) } }
                        }
                        let types = (o as? PyType)?.mro ?? rt.typeOf(v).mro
                        for t in types {
                            for k in t.dict.liveKeys { if let s = k.object as? PyStr { names.insert(s.value) } }
                        }
                    }
                } else {
                    for t in rt.typeOf(v).mro {
                        for k in t.dict.liveKeys { if let s = k.object as? PyStr { names.insert(s.value) } }
                    }
                }
            }
            return Value(rt.newList(ContiguousArray(names.sorted { compareCodePoints($0, $1) < 0 }.map { rt.str($0) })))
        }
        builtin("divmod") { rt, args throws(PyError) in
            try args.expect(rt, "divmod", 2, 2)
            let q = try rt.binaryOperation(args[0], args[1], .floordiv, inplace: false)
            let r = try rt.binaryOperation(args[0], args[1], .mod, inplace: false)
            return rt.tuple([q, r])
        }
        builtin("hash") { rt, args throws(PyError) in
            try args.expect(rt, "hash", 1, 1)
            return rt.int(try rt.hash(args[0]))
        }
        builtin("id") { rt, args throws(PyError) in
            try args.expect(rt, "id", 1, 1)
            let v = args[0]
            if v.isObject { return rt.int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(v.object).hashValue)) >> 3) }
            // An immediate (small int, float, None, bool) is its own identity: its whole word
            // (a shift here once made id(1) == id(2)).
            return rt.int(Int(truncatingIfNeeded: v.bits & 0x7fff_ffff_ffff_ffff))
        }
        builtin("isinstance") { rt, args throws(PyError) in
            try args.expect(rt, "isinstance", 2, 2)
            return Value(bool: try rt.isInstance(args[0], args[1]))
        }
        builtin("issubclass") { rt, args throws(PyError) in
            try args.expect(rt, "issubclass", 2, 2)
            guard args[0].isObject, let t = args[0].object as? PyType else {
                throw rt.typeError("issubclass() arg 1 must be a class")
            }
            return Value(bool: try rt.isSubclass(t, args[1]))
        }
        builtin("iter") { rt, args throws(PyError) in
            try args.expect(rt, "iter", 1, 2)
            if args.count == 2 {
                let it = rt.track(PySequenceIterator(type: rt.types.iterator, kind: .callable, source: args[0]))
                it.sentinel = args[1]
                return Value(it)
            }
            return try rt.getIterator(args[0])
        }
        builtin("next") { rt, args throws(PyError) in
            try args.expect(rt, "next", 1, 2)
            let it = args[0]
            if it.isObject, !(it.object is PySequenceIterator), !(it.object is PyGenerator), !(it.object is PyNativeIterator),
               it.object.type.lookup(rt.names.__next__).isNull {
                throw rt.typeError("'\(rt.typeName(it))' object isn't an iterator")
            }
            if args.count == 1, it.isObject, let g = it.object as? PyGenerator {
                switch try rt.resumeGenerator(g, sent: .none, throwing: nil) {
                case .yielded(let v): return v
                case .returned(let r): throw rt.stopIterationValue(r)
                }
            }
            rt.lastStopIteration = nil
            let v = try rt.nextValue(it)
            if v.isNull {
                if args.count == 2 { rt.lastStopIteration = nil; return args[1] }
                if let e = rt.lastStopIteration { rt.lastStopIteration = nil; throw e }
                throw rt.stopIteration()
            }
            return v
        }
        builtin("pow") { rt, args throws(PyError) in
            try args.expect(rt, "pow", 2, 3)
            if args.count == 3 && !args[2].isNone {
                guard let b = rt.bigInt(args[0]), let e = rt.bigInt(args[1]), let m = rt.bigInt(args[2]) else {
                    // A user class's __pow__(exp, mod).
                    let t = rt.typeOf(args[0])
                    let p = t.isBuiltin ? Value.null : t.lookup(rt.intern("__pow__"))
                    if p.isObject, p.object is PyFunction {
                        let r = try rt.call(p, [args[0], args[1], args[2]])
                        if r.bits != Value.notImplemented.bits { return r }
                    }
                    throw rt.typeError("pow() 3rd argument not allowed unless all arguments are integers")
                }
                return try rt.modularPow(b, e, m)
            }
            return try rt.binaryOperation(args[0], args[1], .pow, inplace: false)
        }
        builtin("round") { rt, args throws(PyError) in
            try args.expect(rt, "round", 1, 2, keywords: true)
            let ndigitsV = args.argument(1, "ndigits")
            return try rt.round(args[0], ndigitsV.isNull ? .none : ndigitsV)
        }
        builtin("sum") { rt, args throws(PyError) in
            try args.expect(rt, "sum", 1, 2, keywords: true)
            var total = args.argument(1, "start")
            if total.isNull { total = Value(small: 0) }
            let it = try rt.getIterator(args[0])
            while true {
                let v = try rt.nextValue(it)
                if v.isNull { return total }
                total = try rt.binaryOperation(total, v, .add, inplace: false)
            }
        }
        builtin("min") { rt, args throws(PyError) in try rt.minMax(args, .lt, "min") }
        builtin("max") { rt, args throws(PyError) in try rt.minMax(args, .gt, "max") }
        builtin("sorted") { rt, args throws(PyError) in
            guard args.count == 1 else { throw rt.typeError("sorted expected 1 argument, got \(args.count)") }
            let list = rt.newList(ContiguousArray(try rt.iterateToArray(args[0])))
            try rt.sortList(list, key: args.keyword("key"), reverse: args.keyword("reverse"))
            return Value(list)
        }
        builtin("enumerate") { rt, args throws(PyError) in
            try args.expect(rt, "enumerate", args.keyword("iterable").isNull ? 1 : 0, 2, keywords: true)
            let startV = args.argument(1, "start")
            let start = startV.isNull ? 0 : try rt.intArg(startV)
            let it = try rt.getIterator(args.argument(0, "iterable"))
            return Value(rt.track(PyNativeIterator(type: rt.types.iterator, kind: .enumerate, sources: [it], counter: start)))
        }
        builtin("zip") { rt, args throws(PyError) in
            var its: [Value] = []
            for i in 0..<args.count { its.append(try rt.getIterator(args[i])) }
            return Value(rt.track(PyNativeIterator(type: rt.types.iterator, kind: .zip, sources: its)))
        }
        builtin("map") { rt, args throws(PyError) in
            guard args.count >= 2 else { throw rt.typeError("map() must have at least two arguments.") }
            var sources = [args[0]]
            for i in 1..<args.count { sources.append(try rt.getIterator(args[i])) }
            return Value(rt.track(PyNativeIterator(type: rt.types.iterator, kind: .map, sources: sources)))
        }
        builtin("filter") { rt, args throws(PyError) in
            try args.expect(rt, "filter", 2, 2)
            let sources = [args[0], try rt.getIterator(args[1])]
            return Value(rt.track(PyNativeIterator(type: rt.types.iterator, kind: .filter, sources: sources)))
        }
        builtin("reversed") { rt, args throws(PyError) in
            try args.expect(rt, "reversed", 1, 1)
            let v = args[0]
            if v.isObject, !v.object.type.isBuiltin {
                let m = v.object.type.lookup(rt.names.__reversed__)
                if !m.isNull { return try rt.call(m, [v]) }
            }
            if v.isObject, v.object is PyDict || v.object is PySet || v.object is PyGenerator {
                throw rt.typeError("'\(rt.typeName(v))' object isn't reversible")
            }
            let n = try rt.length(v)
            return Value(rt.track(PyNativeIterator(type: rt.types.iterator, kind: .reversed, sources: [v], counter: n)))
        }
        builtin("globals") { rt, _ throws(PyError) in Value(rt.currentFrame?.globals ?? rt.mainDict) }
        builtin("locals") { rt, _ throws(PyError) in try rt.currentLocals() }
        builtin("vars") { rt, args throws(PyError) in
            try args.expect(rt, "vars", 0, 1)
            if args.count == 0 { return try rt.currentLocals() }
            let v = args[0]
            if v.isObject {
                if let m = v.object as? PyModule { return Value(m.dict) }
                if let t = v.object as? PyType { return Value(t.dict) }
                if v.object.instanceDict.isObject { return v.object.instanceDict }
            }
            throw rt.typeError("vars() argument must have __dict__ attribute")
        }
        builtin("input") { rt, args throws(PyError) in
            try args.expect(rt, "input", 0, 1)
            if args.count == 1 { rt.host.writeOutput(try rt.toStr(args[0])) }
            guard let line = rt.consoleInputLine() else {
                // A wait ended by Ctrl-C is a KeyboardInterrupt, not the end of input.
                if rt.interruptLine.take() { throw PyError(rt.newException(rt.types.KeyboardInterrupt, args: [])) }
                throw rt.error(rt.types.EOFError, "")
            }
            return rt.str(line)
        }
        builtin("eval") { rt, args throws(PyError) in try rt.evalOrExec(args, mode: .expression) }
        builtin("exec") { rt, args throws(PyError) in try rt.evalOrExec(args, mode: .module) }
        // execfile(path[, globals[, locals]]) (py/builtinevex.c, on in the boards'
        // builds): the file is read through open(), so through the mounted file
        // systems, then runs as exec would run its text.
        builtin("execfile") { rt, args throws(PyError) in
            try args.expect(rt, "execfile", 1, 3)
            let path = try rt.strArg(args[0])
            let file = try rt.call(rt.builtins.getStr(rt.intern("open")), [Value(path), rt.str("rb")])
            let source = try rt.bytesLike(try rt.readWholeStream(file))
            var all = [rt.str(String(decoding: source, as: UTF8.self))]
            for i in 1..<args.count { all.append(args[i]) }
            return try all.withUnsafeBufferPointer { (buf) throws(PyError) -> Value in
                try rt.evalOrExec(CallArguments(positional: buf), mode: .module, filename: path.value)
            }
        }
        builtin("compile") { rt, args throws(PyError) in
            try args.expect(rt, "compile", 3, 3, keywords: true)
            let source = try rt.strArg(args[0]).value
            let filename = try rt.strArg(args[1]).value
            let modeName = try rt.strArg(args[2]).value
            let mode: ParseMode
            switch modeName {
            case "exec": mode = .module
            case "eval": mode = .expression
            case "single": mode = .interactive
            default: throw rt.valueError("compile() mode must be 'exec', 'eval' or 'single'")
            }
            let code = try rt.compileProgram(source, filename: filename, mode: mode)
            return Value(rt.track(PyCode(type: rt.types.code, code)))
        }
        builtin("__import__") { rt, args throws(PyError) in
            guard args.count >= 1 else { throw rt.typeError("__import__() missing required argument 'name'") }
            let name = try rt.strArg(args[0]).value
            let fromlist = args.argument(3, "fromlist")
            let level = args.argument(4, "level")
            return try rt.importModule(name, fromlist: fromlist.isNull ? .none : fromlist,
                                       level: level.isNull ? 0 : try rt.intArg(level),
                                       globals: rt.currentFrame?.globals ?? rt.mainDict)
        }
    }

    // MARK: helpers used by several builtins

    /// `len(v)`.
    func length(_ v: Value) throws(PyError) -> Int {
        if v.isObject {
            // An exact built-in on the borrowed object (no retain around the call).
            let builtin = try v.withBorrowed(PyObject.self) { o throws(PyError) -> Int? in
                o.type.isBuiltin ? try builtinLength(o) : nil
            }
            if let n = builtin { return n }
            let o = v.object
            let m = o.type.lookup(names.__len__)
            // A native __len__ here is a built-in base's (it calls back into length()).
            if !m.isNull, !(m.isObject && m.object is PyNativeFunction) {
                let r = try call(m, [v])
                guard let n = smallInt(r) else { throw typeError("'\(typeName(r))' object cannot be interpreted as an integer") }
                if n < 0 { throw valueError("__len__() should return >= 0") }
                return n
            }
            // Built-in bases of user subclasses.
            if let n = try builtinLength(o) { return n }
        }
        throw typeError("object of type '\(typeName(v))' has no len()")
    }

    func isInstance(_ v: Value, _ spec: Value) throws(PyError) -> Bool {
        if spec.isObject, let t = spec.object as? PyType { return typeOf(v).isSubtype(of: t) }
        if spec.isObject, let tup = spec.object as? PyTuple {
            for s in tup.items where try isInstance(v, s) { return true }
            return false
        }
        throw typeError("isinstance() arg 2 must be a type or tuple of types")
    }

    func isSubclass(_ t: PyType, _ spec: Value) throws(PyError) -> Bool {
        if spec.isObject, let c = spec.object as? PyType { return t.isSubtype(of: c) }
        if spec.isObject, let tup = spec.object as? PyTuple {
            for s in tup.items where try isSubclass(t, s) { return true }
            return false
        }
        throw typeError("issubclass() arg 2 must be a class or tuple of classes")
    }

    func currentLocals() throws(PyError) -> Value {
        guard let f = currentFrame else { return Value(mainDict) }
        if let l = f.locals { return Value(l) }
        if !f.code.flags.contains(.optimized) { return Value(f.globals) }
        let d = newDict()
        for (i, name) in f.code.variableNames.enumerated() where !f.slots[i].isNull {
            d.setStr(intern(name), f.slots[i])
        }
        for i in 0..<(f.code.cellVariables.count + f.code.freeVariables.count) {
            let c = f.slots[f.code.variableNames.count + i]
            if c.isObject, let cell = c.object as? PyCell, !cell.contents.isNull {
                d.setStr(intern(cellName(f.code, i)), cell.contents)
            }
        }
        return Value(d)
    }

    func evalOrExec(_ args: CallArguments, mode: ParseMode, filename: String = "<string>") throws(PyError) -> Value {
        try args.expect(self, mode == .expression ? "eval" : "exec", 1, 3)
        var globals = currentFrame?.globals ?? mainDict
        var locals: PyDict? = currentFrame?.locals
        if args.count >= 2 && !args[1].isNone {
            guard args[1].isObject, let g = args[1].object as? PyDict else { throw typeError("globals must be a dict") }
            globals = g
            locals = nil
        } else if let f = currentFrame, f.code.flags.contains(.optimized) {
            locals = unsafeDowncast(try currentLocals().object, to: PyDict.self)
        }
        if args.count >= 3 && !args[2].isNone {
            guard args[2].isObject, let l = args[2].object as? PyDict else { throw typeError("locals must be a dict") }
            locals = l
        }
        let code: CodeObject
        if args[0].isObject, let c = args[0].object as? PyCode {
            code = c.code
        } else if args[0].isObject, !(args[0].object is PyStr), let bytes = try? bytesLike(args[0]) {
            // MicroPython compiles source given as bytes, bytearray or memoryview too.
            code = try compileProgram(String(decoding: bytes, as: UTF8.self), filename: "<string>", mode: mode)
        } else {
            code = try compileProgram(try strArg(args[0]).value, filename: filename, mode: mode)
        }
        let r = try runCode(code, globals: globals, locals: locals)
        return mode == .expression ? r : .none
    }

    func minMax(_ args: CallArguments, _ op: ComparisonKind, _ name: String) throws(PyError) -> Value {
        let key = args.keyword("key")
        let def = args.keyword("default")
        var items: [Value]
        if args.count == 1 {
            items = try iterateToArray(args[0])
        } else if args.count > 1 {
            if !def.isNull { throw typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
            items = Array(args.positional)
        } else {
            throw typeError("\(name) expected 1 argument, got 0")
        }
        if items.isEmpty {
            if !def.isNull { return def }
            throw valueError("\(name)() arg is an empty sequence")
        }
        var best = items[0]
        hold(best)
        var bestKey = key.isNull || key.isNone ? best : try call(key, [best])
        for v in items.dropFirst() {
            let k = key.isNull || key.isNone ? v : try call(key, [v])
            if try isTruthy(try richCompare(k, bestKey, op)) {
                best = v
                bestKey = k
                // The items may come from a list a key or comparison empties.
                hold(best)
            }
        }
        return best
    }

    /// `round(x, ndigits)` with round-half-even, as Python rounds.
    func round(_ x: Value, _ ndigits: Value) throws(PyError) -> Value {
        if x.isObject && !x.object.type.isBuiltin {
            let m = x.object.type.lookup(names.__round__)
            if !m.isNull { return try call(m, ndigits.isNone ? [x] : [x, ndigits]) }
        }
        if let i = bigInt(x) {
            if ndigits.isNone { return newInt(i) }
            return newInt(roundInt(i, try intArg(ndigits)))
        }
        guard let d = floatValue(x) else { throw typeError("type \(typeName(x)) doesn't define __round__ method") }
        if ndigits.isNone {
            if d.isNaN { throw valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
            return newInt(BigInt(d.rounded(.toNearestOrEven)))
        }
        return Value(float: try roundFloat(d, try intArg(ndigits)))
    }

    /// Advances an iterator made by a builtin.
    func advanceNative(_ it: PyNativeIterator) throws(PyError) -> Value {
        if it.finished { return .null }
        // Iterators nest (`map(f, map(f, ...))`), and each level recurses in Swift.
        try enterNested()
        defer { leaveNested() }
        switch it.kind {
        case .enumerate:
            let v = try nextValue(it.sources[0])
            if v.isNull { it.finished = true; return .null }
            it.counter += 1
            return tuple([int(it.counter - 1), v])
        case .zip:
            if it.sources.isEmpty { return .null }
            var items: [Value] = []
            for s in it.sources {
                let v = try nextValue(s)
                if v.isNull { it.finished = true; return .null }
                // The next source's __next__ may collect, and this item may
                // have left the container it came from.
                hold(v)
                items.append(v)
            }
            return tuple(items)
        case .map:
            var items: [Value] = []
            for s in it.sources.dropFirst() {
                let v = try nextValue(s)
                if v.isNull { it.finished = true; return .null }
                hold(v)
                items.append(v)
            }
            return try call(it.sources[0], items)
        case .filter:
            while true {
                let v = try nextValue(it.sources[1])
                if v.isNull { it.finished = true; return .null }
                let keep = it.sources[0].isNone ? try isTruthy(v) : try isTruthy(try call(it.sources[0], [v]))
                if keep { return v }
            }
        case .reversed:
            if it.counter <= 0 { it.finished = true; return .null }
            it.counter -= 1
            return try getItem(it.sources[0], int(it.counter))
        }
    }
}
