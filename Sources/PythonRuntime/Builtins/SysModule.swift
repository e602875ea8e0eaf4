/// The `sys` module (MicroPython's set of names).
extension Runtime {
    func installSysModule() {
        let streamType = PyType(metatype: types.type, name: "TextIOWrapper")
        streamType.isBuiltin = true
        streamType.bases = [types.object]
        _ = streamType.computeMRO()
        streamType.dict = PyDict(type: types.dict)
        heap.makePermanent(streamType)
        heap.makePermanent(streamType.dict)
        method(streamType, "write") { rt, args throws(PyError) in
            try args.expect(rt, "write", 2, 2)
            let stream = args[0].object
            let text: String
            if args[1].isObject, let b = args[1].object as? PyBytes { text = String(decoding: b.bytes, as: UTF8.self) }
            else { text = try rt.strArg(args[1]).value }
            if stream === rt.stderrObject { rt.host.writeError(text) } else { rt.host.writeOutput(text) }
            return rt.int(text.unicodeScalars.count)
        }
        method(streamType, "flush") { _, _ throws(PyError) in .none }
        method(streamType, "readline") { rt, args throws(PyError) in
            guard let line = rt.host.readLine() else { return rt.str("") }
            return rt.str(line + "\n")
        }
        method(streamType, "read") { rt, args throws(PyError) in
            var out = ""
            while let line = rt.host.readLine() { out += line + "\n" }
            return rt.str(out)
        }
        let stdout = PyInstance(type: streamType), stderr = PyInstance(type: streamType), stdin = PyInstance(type: streamType)
        for s in [stdout, stderr, stdin] { heap.makePermanent(s) }
        stdoutObject = stdout
        stderrObject = stderr
        let path = PyList(type: types.list, [])
        heap.makePermanent(path)
        sysPath = path
        registerNativeModule("sys") { rt, m throws(PyError) in
            let d = m.dict
            rt.sysModule = m
            d.setStr(rt.intern("argv"), Value(rt.newList(ContiguousArray(rt.configuration.argv.map { rt.str($0) }))))
            d.setStr(rt.intern("path"), Value(rt.sysPath))
            d.setStr(rt.intern("modules"), Value(rt.modules))
            d.setStr(rt.intern("platform"), rt.str(rt.configuration.platform))
            d.setStr(rt.intern("byteorder"), rt.str("little"))
            d.setStr(rt.intern("maxsize"), rt.int(Int.max))
            d.setStr(rt.intern("version"), rt.str("3.4.0; Breadbox"))
            d.setStr(rt.intern("version_info"), rt.tuple([Value(small: 3), Value(small: 4), Value(small: 0)]))
            d.setStr(rt.intern("stdout"), Value(stdout))
            d.setStr(rt.intern("stderr"), Value(stderr))
            d.setStr(rt.intern("stdin"), Value(stdin))
            rt.moduleFunction(m, "exit") { rt, args throws(PyError) in
                try args.expect(rt, "exit", 0, 1)
                throw PyError(rt.newException(rt.types.SystemExit, args: args.count == 1 ? [args[0]] : []))
            }
            rt.moduleFunction(m, "print_exception") { rt, args throws(PyError) in
                try args.expect(rt, "print_exception", 1, 2)
                guard args[0].isObject, let e = args[0].object as? PyBaseException else {
                    throw rt.typeError("print_exception needs an exception")
                }
                let text = rt.tracebackText(e)
                if args.count == 2 { try rt.callMethod(args[1], "write", [rt.str(text)]) } else { rt.host.writeOutput(text) }
                return .none
            }
            rt.moduleFunction(m, "exc_info") { rt, _ throws(PyError) in
                let e = rt.handledException
                if e.isNone { return rt.tuple([.none, .none, .none]) }
                return rt.tuple([Value(rt.typeOf(e)), e, .none])
            }
            rt.moduleFunction(m, "getrecursionlimit") { rt, _ throws(PyError) in rt.int(rt.configuration.recursionLimit) }
        }
        sysPath.items = [str(""), str(".frozen"), str("/lib")]
    }
}
