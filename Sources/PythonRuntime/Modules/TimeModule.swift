import CivilTime
import BigInt
import Foundation

/// The `time` module, MicroPython's flavour: `sleep*`, wrapping `ticks_*`,
/// integer `time()`, 8-tuples from `gmtime`/`localtime` (local time is UTC, as
/// on a board). Everything reads the runtime's injected clock (`rt.host.clock`),
/// so on a board time is virtual and `sleep` advances it without waiting.
extension Runtime {
    /// Ticks live in a period of 2**30, like MicroPython's (`MICROPY_PY_TIME_TICKS_PERIOD`).
    static let ticksPeriod = 1 << 30
    static let ticksMask = (1 << 30) - 1

    func installTimeModule() {
        registerNativeModule("time") { rt, module throws(PyError) in
            rt.installTimeFunctions(module)
        }
    }

    /// The clock's time after charging the instructions run so far.
    func currentNanoseconds(_ clock: RuntimeClock) -> UInt64 {
        reportPendingInstructions()
        return clock.monotonicNanoseconds
    }

    func currentEpochSeconds(_ clock: RuntimeClock) -> Double {
        reportPendingInstructions()
        return clock.epochSeconds
    }

    /// Lets `nanoseconds` pass on the runtime's clock; raises KeyboardInterrupt
    /// when Ctrl-C arrives during the wait.
    func sleepNanoseconds(_ nanoseconds: UInt64) throws(PyError) {
        reportPendingInstructions()
        if nanoseconds > 0 {
            host.clock.sleep(nanoseconds: nanoseconds) { [unowned self] in
                self.interruptLine.isRaised
            }
        }
        if interruptLine.take() {
            throw PyError(newException(types.KeyboardInterrupt, args: []))
        }
    }

    /// An int argument of a time function (no floats).
    func timeInt(_ v: Value) throws(PyError) -> Int {
        guard isIntLike(v), let i = smallInt(v) else {
            if isIntLike(v) { throw overflowError("overflow converting long int to machine word") }
            throw typeError("can't convert \(typeName(v)) to int")
        }
        return i
    }

    /// A number of seconds (int or float) as a double.
    func timeSeconds(_ v: Value) throws(PyError) -> Double {
        guard let d = floatValue(v), !(v.isObject && !isFloatLike(v) && !isIntLike(v)) else {
            throw typeError("can't convert \(typeName(v)) to float")
        }
        return d
    }

    /// The 8-tuple (year, month, mday, hour, minute, second, weekday, yearday)
    /// of `seconds` since the epoch, UTC.
    func timeTuple(_ seconds: Int) -> Value {
        let days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400)
        let secs = seconds - days * 86400
        let (y, m, d) = CivilCalendar.date(days: days)
        let weekday = CivilCalendar.weekday(days: days)
        let yearday = days - CivilCalendar.days(year: y, month: 1, day: 1) + 1
        return tuple([int(y), int(m), int(d), int(secs / 3600), int(secs / 60 % 60), int(secs % 60),
                      int(weekday), int(yearday)])
    }

    func installTimeFunctions(_ m: PyModule) {
        let clock = host.clock
        moduleFunction(m, "sleep") { rt, args throws(PyError) in
            try args.expect(rt, "sleep", 1, 1)
            let s = try rt.timeSeconds(args[0])
            if s.isNaN { throw rt.valueError("Invalid value NaN (not a number)") }
            if s < 0 { throw rt.valueError("sleep length must be non-negative") }
            let ns = s * 1e9
            try rt.sleepNanoseconds(ns >= Double(UInt64.max) ? UInt64.max : UInt64(ns.rounded()))
            return .none
        }
        moduleFunction(m, "sleep_ms") { rt, args throws(PyError) in
            try args.expect(rt, "sleep_ms", 1, 1)
            let ms = try rt.timeInt(args[0])
            try rt.sleepNanoseconds(ms > 0 ? UInt64(ms).multipliedReportingOverflow(by: 1_000_000).partialValue : 0)
            return .none
        }
        moduleFunction(m, "sleep_us") { rt, args throws(PyError) in
            try args.expect(rt, "sleep_us", 1, 1)
            let us = try rt.timeInt(args[0])
            try rt.sleepNanoseconds(us > 0 ? UInt64(us).multipliedReportingOverflow(by: 1_000).partialValue : 0)
            return .none
        }
        moduleFunction(m, "ticks_ms") { rt, args throws(PyError) in
            try args.expect(rt, "ticks_ms", 0, 0)
            return Value(small: Int(rt.currentNanoseconds(clock) / 1_000_000) & Runtime.ticksMask)
        }
        moduleFunction(m, "ticks_us") { rt, args throws(PyError) in
            try args.expect(rt, "ticks_us", 0, 0)
            return Value(small: Int(rt.currentNanoseconds(clock) / 1_000) & Runtime.ticksMask)
        }
        moduleFunction(m, "ticks_cpu") { rt, args throws(PyError) in
            try args.expect(rt, "ticks_cpu", 0, 0)
            return Value(small: Int(rt.currentNanoseconds(clock) / 1_000) & Runtime.ticksMask)
        }
        moduleFunction(m, "ticks_diff") { rt, args throws(PyError) in
            try args.expect(rt, "ticks_diff", 2, 2)
            let a = try rt.timeInt(args[0]), b = try rt.timeInt(args[1])
            let half = Runtime.ticksPeriod / 2
            return Value(small: ((a &- b &+ half) & Runtime.ticksMask) - half)
        }
        moduleFunction(m, "ticks_add") { rt, args throws(PyError) in
            try args.expect(rt, "ticks_add", 2, 2)
            let a = try rt.timeInt(args[0]), b = try rt.timeInt(args[1])
            return Value(small: (a &+ b) & Runtime.ticksMask)
        }
        moduleFunction(m, "time") { rt, args throws(PyError) in
            try args.expect(rt, "time", 0, 0)
            return rt.int(Int(rt.currentEpochSeconds(clock).rounded(.down)))
        }
        moduleFunction(m, "time_ns") { rt, args throws(PyError) in
            try args.expect(rt, "time_ns", 0, 0)
            let s = rt.currentEpochSeconds(clock)
            let whole = s.rounded(.down)
            return rt.newInt(BigInt(Int(whole)) * 1_000_000_000 + BigInt(Int(((s - whole) * 1e9).rounded(.down))))
        }
        moduleFunction(m, "monotonic") { rt, args throws(PyError) in
            try args.expect(rt, "monotonic", 0, 0)
            return Value(float: Double(rt.currentNanoseconds(clock)) / 1e9)
        }
        moduleFunction(m, "monotonic_ns") { rt, args throws(PyError) in
            try args.expect(rt, "monotonic_ns", 0, 0)
            return rt.newInt(BigInt(rt.currentNanoseconds(clock)))
        }
        for name in ["gmtime", "localtime"] {
            moduleFunction(m, name) { rt, args throws(PyError) in
                try args.expect(rt, name, 0, 1)
                let secs: Int
                if args.count == 0 || args[0].isNone {
                    secs = Int(rt.currentEpochSeconds(clock).rounded(.down))
                } else if rt.isFloatLike(args[0]) {
                    let d = try rt.timeSeconds(args[0])
                    guard d.isFinite, abs(d) < 1e17 else { throw rt.overflowError("timestamp out of range for platform time_t") }
                    secs = Int(d.rounded(.down))
                } else {
                    secs = try rt.timeInt(args[0])
                }
                guard secs.magnitude < 1 << 50 else { throw rt.overflowError("timestamp out of range for platform time_t") }
                return rt.timeTuple(secs)
            }
        }
        moduleFunction(m, "mktime") { rt, args throws(PyError) in
            try args.expect(rt, "mktime", 1, 1)
            let v = args[0]
            let items: [Value]
            if v.isObject, let t = v.object as? PyTuple { items = Array(t.items) }
            else if v.isObject, let l = v.object as? PyList { items = Array(l.items) }
            else { throw rt.typeError("mktime needs a tuple") }
            guard items.count == 8 || items.count == 9 else {
                throw rt.typeError("mktime needs a tuple of length 8 or 9 (\(items.count) given)")
            }
            var f: [Int] = []
            for i in 0..<6 { f.append(try rt.timeInt(items[i])) }
            // Out-of-range fields carry over, as MicroPython's timeutils_mktime does.
            var year = f[0], month = f[1] - 1
            year += month >= 0 ? month / 12 : -((-month + 11) / 12)
            month = ((month % 12) + 12) % 12
            let days = CivilCalendar.days(year: year, month: month + 1, day: 1) + f[2] - 1
            return rt.int(days * 86400 + f[3] * 3600 + f[4] * 60 + f[5])
        }
    }
}
