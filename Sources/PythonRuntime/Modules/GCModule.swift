/// The `gc` module: MicroPython's interface to the heap's collector and accounting.
extension Runtime {
    func installGCModule() {
        registerNativeModule("gc") { rt, m throws(PyError) in
            rt.moduleFunction(m, "collect") { rt, args throws(PyError) in
                try args.expect(rt, "collect", 0, 1)
                // Safe here: what Swift code holds is in the nursery, which counts as a root.
                let before = rt.heap.objectCount
                rt.collectGarbage()
                return rt.int(max(0, before - rt.heap.objectCount))
            }
            rt.moduleFunction(m, "enable") { rt, args throws(PyError) in
                try args.expect(rt, "enable", 0, 0)
                rt.heap.enabled = true
                return .none
            }
            rt.moduleFunction(m, "disable") { rt, args throws(PyError) in
                try args.expect(rt, "disable", 0, 0)
                rt.heap.enabled = false
                return .none
            }
            rt.moduleFunction(m, "isenabled") { rt, args throws(PyError) in
                try args.expect(rt, "isenabled", 0, 0)
                return Value(bool: rt.heap.enabled)
            }
            rt.moduleFunction(m, "mem_free") { rt, args throws(PyError) in
                try args.expect(rt, "mem_free", 0, 0)
                return rt.int(max(0, rt.heap.limit - rt.heap.bytesInUse))
            }
            rt.moduleFunction(m, "mem_alloc") { rt, args throws(PyError) in
                try args.expect(rt, "mem_alloc", 0, 0)
                return rt.int(rt.heap.bytesInUse)
            }
            rt.moduleFunction(m, "threshold") { rt, args throws(PyError) in
                try args.expect(rt, "threshold", 0, 1)
                if args.count == 0 { return rt.int(rt.heap.threshold) }
                let n = try rt.intArg(args[0])
                // The heap counts in blocks of 16 bytes on the boards' 32-bit ports, so the
                // threshold is rounded down to one (py/modgc.c: gc.threshold(1) reads back 0).
                rt.heap.threshold = n < 0 ? -1 : n / 16 * 16
                return .none
            }
        }
    }
}
