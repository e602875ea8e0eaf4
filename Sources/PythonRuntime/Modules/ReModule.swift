/// The `re` module: the matching engine (RegexEngine.swift) is Swift; the
/// Pattern and Match classes, sub/split/findall are Python over three native
/// helpers (`_compile`, `_info`, `_exec`).
final class PyRegexHandle: PyObject {
    let program: RegexProgram
    let isBytes: Bool
    /// The last subject searched, as code points (findall/sub call `_exec`
    /// repeatedly on one string).
    var lastSubject: PyObject?
    var lastCodes: [UInt32] = []
    init(type: PyType, program: RegexProgram, isBytes: Bool) {
        self.program = program
        self.isBytes = isBytes
        super.init(type: type)
    }
    override func traceReferences(_ visit: (Value) -> Void) {
        if let o = lastSubject { visit(Value(o)) }
    }
}

extension Runtime {
    func installReModule() {
        let handleType = makeNativeType("regex_program", module: "re")
        registerPythonModule("re") { rt, m throws(PyError) in
            rt.moduleFunction(m, "_compile") { rt, args throws(PyError) in
                try args.expect(rt, "_compile", 2, 2)
                let flags = try rt.intArg(args[1])
                let codes: [UInt32], isBytes: Bool
                if args[0].isObject, let s = args[0].object as? PyStr {
                    codes = s.value.unicodeScalars.map { $0.value }
                    isBytes = false
                } else if args[0].isObject, let b = args[0].object as? PyBytes {
                    codes = b.bytes.map { UInt32($0) }
                    isBytes = true
                } else {
                    throw rt.typeError("first argument must be string or compiled pattern")
                }
                do {
                    let prog = try RegexCompile.compile(codes, flags: flags, isBytes: isBytes)
                    return Value(rt.track(PyRegexHandle(type: handleType, program: prog, isBytes: isBytes)))
                } catch {
                    throw rt.valueError("error in regex")
                }
            }
            rt.moduleFunction(m, "_info") { rt, args throws(PyError) in
                try args.expect(rt, "_info", 1, 1)
                guard args[0].isObject, let h = args[0].object as? PyRegexHandle else { throw rt.typeError("bad handle") }
                let d = rt.newDict()
                for (name, index) in h.program.groupNames { try d.set(rt.str(name), rt.int(index), rt) }
                return rt.tuple([rt.int(h.program.groupCount), Value(d), rt.int(h.program.flags)])
            }
            rt.moduleFunction(m, "_exec") { rt, args throws(PyError) in
                // _exec(handle, subject, pos, endpos, mode, forbid_empty): mode 0 search, 1 match, 2 fullmatch
                try args.expect(rt, "_exec", 6, 6)
                guard args[0].isObject, let h = args[0].object as? PyRegexHandle else { throw rt.typeError("bad handle") }
                let subject = args[1]
                guard subject.isObject else { throw rt.typeError("expected string or bytes-like object") }
                let so = subject.object
                if h.lastSubject !== so {
                    if let s = so as? PyStr {
                        if h.isBytes { throw rt.typeError("cannot use a bytes pattern on a string-like object") }
                        h.lastCodes = s.value.unicodeScalars.map { $0.value }
                    } else if let b = so as? PyBytes {
                        if !h.isBytes { throw rt.typeError("cannot use a string pattern on a bytes-like object") }
                        h.lastCodes = b.bytes.map { UInt32($0) }
                    } else {
                        throw rt.typeError("expected string or bytes-like object")
                    }
                    h.lastSubject = so
                }
                let n = h.lastCodes.count
                var pos = try rt.intArg(args[2]), endpos = try rt.intArg(args[3])
                pos = max(0, min(pos, n))
                endpos = max(0, min(endpos, n))
                let mode = try rt.intArg(args[4])
                let forbid = try rt.isTruthy(args[5])
                if pos > endpos { return .none }
                let matcher = RegexMatcher(prog: h.program, subject: h.lastCodes, end: endpos, isBytes: h.isBytes) { () throws(PyError) in
                    if rt.interruptLine.take() {
                        throw PyError(rt.newException(rt.types.KeyboardInterrupt, args: []))
                    }
                }
                guard let slots = try matcher.exec(from: pos, anchored: mode != 0, fullMatch: mode == 2,
                                                   forbidEmptyAtStart: forbid) else { return .none }
                return rt.tuple(slots.map { Value(small: $0) })
            }
        }
    }
}
