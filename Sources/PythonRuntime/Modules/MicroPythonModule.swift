/// The `micropython` module: internals of the runtime as MicroPython exposes them.
extension Runtime {
    /// Bytes of the value stack in use (what `stack_use` and `mem_info` report).
    var stackBytesInUse: Int {
        var top = stackTop
        if let f = currentFrame, f.sp > top { top = f.sp }
        return (top - valueStack) * MemoryLayout<Value>.stride + frameDepth * MemoryLayout<Frame>.stride
    }

    func installMicroPythonModule() {
        // The functions are native; RingIO is Python (Firmware/runtime/micropython.py).
        registerPythonModule("micropython") { rt, m throws(PyError) in
            rt.moduleFunction(m, "const") { rt, args throws(PyError) in
                try args.expect(rt, "const", 1, 1)
                return args[0]
            }
            rt.moduleFunction(m, "opt_level") { rt, args throws(PyError) in
                try args.expect(rt, "opt_level", 0, 1)
                if args.count == 0 { return rt.int(rt.system.optLevel) }
                let n = try rt.intArg(args[0])
                rt.system.optLevel = max(0, min(3, n))
                // __debug__ is True only at level 0 (py/compile.c folds it per level).
                rt.builtins.setStr(rt.intern("__debug__"), Value(bool: rt.system.optLevel == 0))
                return .none
            }
            rt.moduleFunction(m, "mem_info") { rt, args throws(PyError) in
                try args.expect(rt, "mem_info", 0, 1)
                let h = rt.heap
                var out = "stack: \(rt.stackBytesInUse) out of \(rt.valueStackCapacity * MemoryLayout<Value>.stride)\n"
                out += "GC: total: \(h.limit), used: \(h.bytesInUse), free: \(max(0, h.limit - h.bytesInUse))\n"
                out += " No. of objects: \(h.objectCount), collections: \(h.collections)\n"
                if args.count == 1, try rt.isTruthy(args[0]) {
                    out += "GC: enabled: \(h.enabled ? 1 : 0), threshold: \(h.threshold)\n"
                }
                rt.host.writeOutput(out)
                return .none
            }
            rt.moduleFunction(m, "qstr_info") { rt, args throws(PyError) in
                try args.expect(rt, "qstr_info", 0, 1)
                let bytes = rt.interned.keys.reduce(0) { $0 + $1.utf8.count }
                rt.host.writeOutput("qstr pool: n_pool=1, n_qstr=\(rt.interned.count), n_str_data_bytes=\(bytes), n_total_bytes=\(bytes + rt.interned.count * 16)\n")
                return .none
            }
            rt.moduleFunction(m, "stack_use") { rt, args throws(PyError) in
                try args.expect(rt, "stack_use", 0, 0)
                return rt.int(rt.stackBytesInUse)
            }
            rt.moduleFunction(m, "heap_lock") { rt, args throws(PyError) in
                try args.expect(rt, "heap_lock", 0, 0)
                rt.heapLockDepth += 1
                return .none
            }
            rt.moduleFunction(m, "heap_unlock") { rt, args throws(PyError) in
                try args.expect(rt, "heap_unlock", 0, 0)
                let s = rt.system
                if rt.heapLockDepth > 0 { rt.heapLockDepth -= 1 }
                return rt.int(rt.heapLockDepth)
            }
            rt.moduleFunction(m, "heap_locked") { rt, args throws(PyError) in
                try args.expect(rt, "heap_locked", 0, 0)
                return rt.int(rt.heapLockDepth)
            }
            rt.moduleFunction(m, "kbd_intr") { rt, args throws(PyError) in
                try args.expect(rt, "kbd_intr", 1, 1)
                let c = try rt.intArg(args[0])
                rt.keyboardInterruptCharacter = c < 0 ? -1 : c & 0xFF
                return .none
            }
            rt.moduleFunction(m, "schedule") { rt, args throws(PyError) in
                try args.expect(rt, "schedule", 2, 2)
                let f = args[0]
                let callable = f.isObject && (f.object is PyFunction || f.object is PyNativeFunction || f.object is PyBoundMethod
                                              || f.object is PyType || !f.object.type.lookup(rt.names.__call__).isNull)
                if !callable { throw rt.typeError("'\(rt.typeName(args[0]))' object isn't callable") }
                let q = rt.system.scheduled
                // MicroPython's queue holds 8 callbacks (MICROPY_SCHEDULER_DEPTH).
                if q.items.count >= 16 { throw rt.error(rt.types.RuntimeError, "schedule queue full") }
                q.items.append(args[0])
                q.items.append(args[1])
                return .none
            }
            rt.moduleFunction(m, "alloc_emergency_exception_buf") { rt, args throws(PyError) in
                try args.expect(rt, "alloc_emergency_exception_buf", 1, 1)
                _ = try rt.intArg(args[0])
                return .none
            }
            // native, viper and the assemblers are not attributes: the compiler
            // reads them as decorators (Compiler.emitterDirective).
        }
    }
}
