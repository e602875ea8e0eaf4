@testable import PythonRuntime

// A stand-in for MicroPython's `time` module (ticks_ms, ticks_diff, ticks_add,
// sleep_ms, sleep) for the asyncio tests, reading the host's clock. It is only
// registered when the runtime has no `time` module of its own.
extension Runtime {
    func installTimeStubIfMissing() {
        if nativeModules["time"] != nil { return }
        registerNativeModule("time") { rt, m throws(PyError) in
            let clock = rt.host.clock
            let mask = (1 << 30) - 1
            func sleep(_ ns: UInt64) throws(PyError) {
                if ns > 0 {
                    clock.sleep(nanoseconds: ns) { rt.interruptRequested.load(ordering: .relaxed) != 0 }
                }
            }
            func int(_ v: Value) throws(PyError) -> Int {
                guard let i = rt.smallInt(v) else { throw rt.typeError("int expected") }
                return i
            }
            rt.moduleFunction(m, "ticks_ms") { rt, _ throws(PyError) in
                Value(small: Int(clock.monotonicNanoseconds / 1_000_000) & mask)
            }
            rt.moduleFunction(m, "ticks_diff") { rt, args throws(PyError) in
                let a = try int(args[0]), b = try int(args[1])
                let half = (mask + 1) / 2
                return Value(small: ((a &- b &+ half) & mask) - half)
            }
            rt.moduleFunction(m, "ticks_add") { rt, args throws(PyError) in
                Value(small: (try int(args[0]) &+ int(args[1])) & mask)
            }
            rt.moduleFunction(m, "sleep_ms") { rt, args throws(PyError) in
                let ms = try int(args[0])
                try sleep(ms > 0 ? UInt64(ms) * 1_000_000 : 0)
                return .none
            }
            rt.moduleFunction(m, "sleep") { rt, args throws(PyError) in
                guard let s = rt.smallInt(args[0]) else { throw rt.typeError("int expected") }
                try sleep(s > 0 ? UInt64(s) * 1_000_000_000 : 0)
                return .none
            }
        }
    }
}
