/// Entry points for hosts: compile source, run it as `__main__`, evaluate
/// REPL input, and report uncaught exceptions the way MicroPython does.
extension Runtime {
    /// Parses and compiles source; a syntax error becomes a Python SyntaxError.
    public func compileSource(_ source: String, filename: String, mode: ParseMode) throws(PyError) -> CodeObject {
        do throws(SyntaxErrorInfo) {
            let parsed = try parsePython(source, filename: filename, mode: mode)
            return try compilePython(parsed, filename: filename, mode: mode, source: source,
                                     nativeEmitter: configuration.nativeEmitter,
                                     optimizationLevel: system.optLevel)
        } catch let info {
            throw syntaxError(info)
        }
    }

    /// Compiles a program's own source (a file, REPL input, `exec`), which the
    /// real firmware parses in its heap: a source whose parse tree would not fit
    /// the board's heap (see ParseCost) raises MemoryError before our parser,
    /// which has no such limit, starts. Frozen modules are compiled already on a
    /// board, and skip this.
    public func compileProgram(_ source: String, filename: String, mode: ParseMode) throws(PyError) -> CodeObject {
        try reserve(ParseCost.heapBytes(source, wordBytes: configuration.wordBytes))
        return try compileSource(source, filename: filename, mode: mode)
    }

    func syntaxError(_ info: SyntaxErrorInfo) -> PyError {
        // Viper's compile-time errors are not syntax errors (py/emitnative.c).
        if info.kind == "ViperTypeError" || info.kind == "NotImplementedError" {
            let e = error(info.kind == "ViperTypeError" ? types.ViperTypeError : types.NotImplementedError, info.message)
            e.exception.traceback.append(TracebackEntry(filename: info.filename, line: info.line,
                                                        function: info.function ?? "<module>"))
            return e
        }
        let type = info.kind == "IndentationError" ? types.IndentationError : types.SyntaxError
        let details = tuple([str(info.filename), int(info.line), int(info.column), str(info.lineText)])
        let e = newException(type, args: [str(info.message), details])
        return PyError(e)
    }

    /// Runs module-level code with `globals` (and `locals`, for exec/class bodies).
    public func runCode(_ code: CodeObject, globals: PyDict, locals: PyDict?) throws(PyError) -> Value {
        if !code.isMaterialized { materialize(code) }
        if globals.getStr(intern("__builtins__")).isNull {
            globals.setStr(intern("__builtins__"), Value(builtinsModule))
        }
        let slots = freeStackPointer
        let fixed = code.fixedSlotCount
        guard slots + fixed + code.stackSize + 8 < valueStack + valueStackCapacity else {
            throw error(types.RecursionError, "maximum recursion depth exceeded")
        }
        for i in 0..<fixed { slots[i] = .null }
        let frame = obtainFrame(code: code, globals: globals, slots: slots).takeUnretainedValue()
        frame.locals = locals ?? (code.flags.contains(.optimized) ? nil : globals)
        if frame.locals === globals { frame.locals = nil }
        return try execute(frame)
    }

    /// The `__main__` module's namespace (made on first use).
    public var mainDict: PyDict {
        let key = names.__main__
        let m = modules.getStr(key)
        if m.isObject, let mod = m.object as? PyModule { return mod.dict }
        let mod = newModule("__main__")
        modules.setStr(key, Value(mod))
        return mod.dict
    }

    /// Runs a program's source as `__main__`. Returns nil on success, or the
    /// uncaught exception (SystemExit included) for the host to report.
    public func runMain(source: String, filename: String) -> PyBaseException? {
        do throws(PyError) {
            let code = try compileProgram(source, filename: filename, mode: .module)
            let g = mainDict
            g.setStr(names.__file__, str(filename))
            _ = try runCode(code, globals: g, locals: nil)
            return nil
        } catch let e {
            return e.exception
        }
    }

    /// Runs statements as a file is run, in `__main__`'s namespace but
    /// without making them its file (the raw REPL and paste mode).
    public func runStatements(_ source: String, filename: String = "<stdin>") -> PyBaseException? {
        do throws(PyError) {
            let code = try compileProgram(source, filename: filename, mode: .module)
            _ = try runCode(code, globals: mainDict, locals: nil)
            return nil
        } catch let e {
            return e.exception
        }
    }

    /// Runs one REPL input: expression statements print their value.
    public func runInteractive(_ source: String, filename: String = "<stdin>") -> PyBaseException? {
        do throws(PyError) {
            let code = try compileProgram(source, filename: filename, mode: .interactive)
            _ = try runCode(code, globals: mainDict, locals: nil)
            return nil
        } catch let e {
            return e.exception
        }
    }

    /// If `e` is SystemExit, the exit status it asks for.
    public func exitStatus(of e: PyBaseException) -> Int32? {
        guard e.type.isSubtype(of: types.SystemExit) else { return nil }
        let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
        guard let code = args.first, !code.isNone else { return 0 }
        if let i = smallInt(code) { return Int32(truncatingIfNeeded: i) }
        host.writeError(((try? toStr(code)) ?? "") + "\n")
        return 1
    }

    /// Writes an uncaught exception's traceback to the host's error output.
    public func printException(_ e: PyBaseException) {
        host.writeError(tracebackText(e))
    }

    /// The full text printed for an uncaught exception; syntax errors show the
    /// offending line and a caret, as CPython does.
    public func tracebackText(_ e: PyBaseException) -> String {
        if e.type.isSubtype(of: types.SyntaxError) {
            let args = unsafeDowncast(e.args.object, to: PyTuple.self).items
            if args.count == 2, args[1].isObject, let d = args[1].object as? PyTuple, d.items.count == 4 {
                let file = (try? toStr(d.items[0])) ?? "?"
                let line = smallInt(d.items[1]) ?? 0
                let col = smallInt(d.items[2]) ?? 0
                let text = (try? toStr(d.items[3])) ?? ""
                var out = "Traceback (most recent call last):\n"
                for entry in e.traceback.reversed() where entry.filename != file || entry.line != line {
                    out += "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
                }
                out += "  File \"\(file)\", line \(line)\n"
                guard configuration.syntaxErrorsShowSource else {
                    return out + "\(e.type.name): \((try? toStr(args[0])) ?? "")\n"
                }
                let stripped = text.drop(while: { $0 == " " || $0 == "\t" })
                let removed = text.count - stripped.count
                if !stripped.isEmpty {
                    out += "    \(stripped)\n"
                    out += "    " + String(repeating: " ", count: max(0, col - 1 - removed)) + "^\n"
                }
                out += "\(e.type.name): \((try? toStr(args[0])) ?? "")\n"
                return out
            }
        }
        return formatException(e)
    }
}
