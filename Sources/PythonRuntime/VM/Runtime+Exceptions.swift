/// Making, matching and printing exceptions.
extension Runtime {
    /// The exception a `raise X` statement raises: an instance, or a class called
    /// with no arguments.
    func makeException(_ v: Value) throws(PyError) -> PyBaseException {
        if v.isObject {
            if let e = v.object as? PyBaseException, !e.incomplete { return e }
            if let t = v.object as? PyType, t.isSubtype(of: types.BaseException) {
                let e = try call(v, [])
                if e.isObject, let x = e.object as? PyBaseException { return x }
            }
        }
        throw typeError("exceptions must derive from BaseException")
    }

    /// `isinstance(exc, spec)` for an except clause; spec is a class or tuple of classes.
    func exceptionMatches(_ exc: Value, _ spec: Value) throws(PyError) -> Bool {
        let t = typeOf(exc)
        if spec.isObject, let c = spec.object as? PyType {
            guard c.isSubtype(of: types.BaseException) else {
                throw typeError("catching classes that do not inherit from BaseException is not allowed")
            }
            return t.isSubtype(of: c)
        }
        if spec.isObject, let tup = spec.object as? PyTuple {
            for item in tup.items where try exceptionMatches(exc, item) { return true }
            return false
        }
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    /// The text MicroPython prints for an uncaught exception: context/cause chain,
    /// `Traceback (most recent call last):`, one line per frame, then `Type: message`.
    public func formatException(_ e: PyBaseException) -> String {
        var out = ""
        var seen = Set<ObjectIdentifier>()
        formatChain(e, &out, &seen)
        return out
    }

    private func formatChain(_ e: PyBaseException, _ out: inout String, _ seen: inout Set<ObjectIdentifier>) {
        seen.insert(ObjectIdentifier(e))
        if e.cause.isObject, let c = e.cause.object as? PyBaseException, !seen.contains(ObjectIdentifier(c)) {
            formatChain(c, &out, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if !e.suppressContext, e.context.isObject, let c = e.context.object as? PyBaseException,
                  !seen.contains(ObjectIdentifier(c)) {
            formatChain(c, &out, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        out += "Traceback (most recent call last):\n"
        for entry in e.traceback.reversed() {
            out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
        }
        out += exceptionLine(e) + "\n"
    }

    /// `Type: message` (or just `Type` when there is no message).
    public func exceptionLine(_ e: PyBaseException) -> String {
        var name = e.type.name
        let module = e.type.dict?.getStr(names.__module__) ?? .null
        if !e.type.isBuiltin, module.isObject, let m = module.object as? PyStr, m.value != "__main__", m.value != "builtins" {
            name = "\(m.value).\(name)"
        }
        let message = (try? toStr(Value(e))) ?? "?"
        // MicroPython prints the colon even with no message (`KeyboardInterrupt: `).
        return "\(name): \(message)"
    }

    /// str() of a built-in exception as MicroPython's mp_obj_exception_print
    /// makes it: nothing without args, the one arg's str, and for an OSError
    /// whose first arg is a known errno `[Errno 2] ENOENT` — CircuitPython's
    /// `[Errno 2] No such file/directory` for its common ones — (`: detail` with
    /// a second arg). Nil: the args tuple's repr.
    func exceptionText(_ e: PyBaseException, _ args: ContiguousArray<Value>) throws(PyError) -> String? {
        if args.isEmpty { return "" }
        if e.type.isSubtype(of: types.OSError), args.count < 3, let n = smallInt(args[0]),
           let name = errnoDescriptions[n] ?? errnoNames[n] {
            return "[Errno \(n)] \(name)" + (args.count == 2 ? ": " + (try toStr(args[1])) : "")
        }
        if args.count == 1 { return try toStr(args[0]) }
        return nil
    }

    /// The names `str(OSError(n))` shows: the errno module's table.
    var errnoNames: [Int: String] {
        var names: [Int: String] = [:]
        for (name, n) in errnoTable { names[n] = name }
        return names
    }
}
