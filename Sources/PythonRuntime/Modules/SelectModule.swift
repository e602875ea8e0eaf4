/// The `select` module: `poll` objects over streams. Files and in-memory
/// streams are always ready; `sys.stdin` is ready when the host says input is
/// waiting; other objects answer through their `ioctl(3, mask)` method
/// (MicroPython's MP_STREAM_POLL).
public final class PyPoll: PyObject {
    /// Registered objects and their event masks, in registration order.
    var entries: [(object: Value, mask: Int)] = []
    public override func traceReferences(_ visit: (Value) -> Void) { for e in entries { visit(e.object) } }
    public override var accountedSize: Int { 32 + entries.count * 16 }
}

extension Runtime {
    static let POLLIN = 1, POLLOUT = 4, POLLERR = 8, POLLHUP = 16

    /// The events `object` reports now, among `mask` (errors and hang-ups always).
    func pollReadiness(_ object: Value, _ mask: Int) throws(PyError) -> Int {
        let always = Runtime.POLLERR | Runtime.POLLHUP
        if object.isObject, let s = object.object as? PyStream {
            if s.closed { return Runtime.POLLHUP }
            var ready = 0
            switch s.kind {
            case .stdin:
                if consoleInputReady { ready = Runtime.POLLIN }
            case .stdout, .stderr: ready = Runtime.POLLOUT
            case .file, .memory:
                ready = (s.readable ? Runtime.POLLIN : 0) | (s.writable ? Runtime.POLLOUT : 0)
            }
            return ready & (mask | always)
        }
        let ioctl = try findAttribute(object, intern("ioctl"))
        if !ioctl.isNull {
            let r = try call(ioctl, [Value(small: 3), int(mask)])
            return (try intArg(r)) & (mask | always)
        }
        throw typeError("object with stream.ioctl required")
    }

    /// The (object, events) pairs ready now, waiting up to `timeout` ms (-1: forever).
    func pollReady(_ p: PyPoll, timeout: Int, oneShot: Bool) throws(PyError) -> [(Value, Int)] {
        let clock = host.clock
        let deadline = timeout < 0 ? UInt64.max : clock.monotonicNanoseconds &+ UInt64(timeout) * 1_000_000
        while true {
            var ready: [(Value, Int)] = []
            for i in p.entries.indices {
                let e = p.entries[i]
                let events = try pollReadiness(e.object, e.mask)
                if events != 0 {
                    ready.append((e.object, events))
                    if oneShot { p.entries[i].mask = 0 }
                }
            }
            if !ready.isEmpty { return ready }
            let now = clock.monotonicNanoseconds
            if now >= deadline { return [] }
            do {
                clock.sleep(nanoseconds: min(1_000_000, deadline - now)) { [unowned self] in
                    interruptLine.isRaised
                }
            }
            if interruptLine.take() {
                throw PyError(newException(types.KeyboardInterrupt, args: []))
            }
            try runScheduledCallbacks()
        }
    }

    func installSelectModule() {
        registerNativeModule("select") { rt, m throws(PyError) in
            let d = m.dict
            d.setStr(rt.intern("POLLIN"), Value(small: Runtime.POLLIN))
            d.setStr(rt.intern("POLLOUT"), Value(small: Runtime.POLLOUT))
            d.setStr(rt.intern("POLLERR"), Value(small: Runtime.POLLERR))
            d.setStr(rt.intern("POLLHUP"), Value(small: Runtime.POLLHUP))
            let s = rt.system
            if s.pollType == nil {
                let t = rt.makeSystemType("poll", module: "select")
                s.pollType = t
                rt.installPollMethods(t)
            }
            let pollType = s.pollType!
            rt.moduleFunction(m, "poll") { rt, args throws(PyError) in
                try args.expect(rt, "poll", 0, 0)
                return Value(rt.track(PyPoll(type: pollType)))
            }
        }
    }

    private func pollArg(_ args: CallArguments, _ name: String) throws(PyError) -> PyPoll {
        guard args.count > 0, args[0].isObject, let p = args[0].object as? PyPoll else {
            throw typeError("descriptor '\(name)' requires a 'poll' object")
        }
        return p
    }

    private func installPollMethods(_ t: PyType) {
        method(t, "register") { rt, args throws(PyError) in
            try args.expect(rt, "register", 2, 3)
            let p = try rt.pollArg(args, "register")
            let mask = args.count > 2 ? try rt.intArg(args[2]) : Runtime.POLLIN | Runtime.POLLOUT
            if let i = p.entries.firstIndex(where: { $0.object.bits == args[1].bits }) {
                p.entries[i].mask = mask
            } else {
                p.entries.append((args[1], mask))
            }
            return .none
        }
        method(t, "unregister") { rt, args throws(PyError) in
            try args.expect(rt, "unregister", 2, 2)
            let p = try rt.pollArg(args, "unregister")
            p.entries.removeAll { $0.object.bits == args[1].bits }
            return .none
        }
        method(t, "modify") { rt, args throws(PyError) in
            try args.expect(rt, "modify", 3, 3)
            let p = try rt.pollArg(args, "modify")
            guard let i = p.entries.firstIndex(where: { $0.object.bits == args[1].bits }) else { throw rt.osError(2) }
            p.entries[i].mask = try rt.intArg(args[2])
            return .none
        }
        func timeoutArgs(_ rt: Runtime, _ args: CallArguments, _ name: String) throws(PyError) -> (Int, Bool) {
            try args.expect(rt, name, 1, 3)
            var timeout = -1
            if args.count > 1 && !args[1].isNone { timeout = try rt.intArg(args[1]) }
            let flags = args.count > 2 ? try rt.intArg(args[2]) : 0
            return (timeout, flags & 1 != 0)
        }
        method(t, "poll") { rt, args throws(PyError) in
            let (timeout, oneShot) = try timeoutArgs(rt, args, "poll")
            let p = try rt.pollArg(args, "poll")
            let ready = try rt.pollReady(p, timeout: timeout, oneShot: oneShot)
            return Value(rt.newList(ContiguousArray(ready.map { rt.tuple([$0.0, rt.int($0.1)]) })))
        }
        method(t, "ipoll") { rt, args throws(PyError) in
            let (timeout, oneShot) = try timeoutArgs(rt, args, "ipoll")
            let p = try rt.pollArg(args, "ipoll")
            let ready = try rt.pollReady(p, timeout: timeout, oneShot: oneShot)
            return try rt.getIterator(Value(rt.newList(ContiguousArray(ready.map { rt.tuple([$0.0, rt.int($0.1)]) }))))
        }
    }
}
