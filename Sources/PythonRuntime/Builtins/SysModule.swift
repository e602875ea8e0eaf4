/// The `sys` module (MicroPython's set of names).
extension Runtime {
    func installSysModule() {
        installStreamTypes()
        let st = system
        func console(_ kind: PyStream.Kind) -> PyStream {
            let text = PyStream(type: st.textIOType, kind: kind, binary: false)
            let binary = PyStream(type: st.fileIOType, kind: kind, binary: true)
            if kind == .stdin { text.writable = false; binary.writable = false } else { text.readable = false; binary.readable = false }
            if configuration.stdioBuffers { text.buffer = Value(binary) }
            heap.makePermanent(text)
            heap.makePermanent(binary)
            return text
        }
        let stdout = console(.stdout), stderr = console(.stderr), stdin = console(.stdin)
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
            d.setStr(rt.intern("version"), rt.str("3.4.0; MicroPython v1.24.0 on Breadbox"))
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
            d.setStr(rt.intern("implementation"), try rt.attrTuple("implementation", [
                ("name", rt.str(rt.configuration.implementationName)),
                ("version", rt.tuple([rt.int(rt.configuration.implementationVersion.0), rt.int(rt.configuration.implementationVersion.1),
                                      rt.int(rt.configuration.implementationVersion.2), rt.str("")])),
                ("_machine", rt.str(rt.configuration.machine)),
                // Which .mpy files load (tools such as mip ask for builds of this version).
                ("_mpy", rt.int(rt.mpyHeaderValue)),
            ]))
            rt.moduleFunction(m, "getrecursionlimit") { rt, _ throws(PyError) in rt.int(rt.configuration.recursionLimit) }
        }
        sysPath.items = [str(configuration.firstSysPathEntry), str(".frozen"), str("/lib")]
    }
}
