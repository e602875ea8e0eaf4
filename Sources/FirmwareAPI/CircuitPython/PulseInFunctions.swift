import BoardEmulator
import PythonRuntime

/// `_cpboard`'s pulse capture for `pulseio.PulseIn` (Firmware/circuitpython/pulseio.py):
/// the capture itself is `PulseCapture` on the board; the trigger pulse of
/// `resume(trigger_duration)` is driven here, on the virtual clock, as
/// CP `ports/raspberrypi/common-hal/pulseio/PulseIn.c` drives it.
func installPulseInFunctions(_ rt: Runtime, _ module: PyModule, _ cp: CircuitPythonModules) {
    let m = cp.machine, gpio = cp.board.gpio
    func fn(_ name: String, _ body: @escaping NativeFunction) { rt.moduleFunction(module, name, body) }
    func a(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
    func capture(_ args: CallArguments) throws(PyError) -> PulseCapture {
        guard let c = cp.pulseCaptures[try m.int(a(args, 0))] else {
            throw rt.valueError("Object has been deinitialized and can no longer be used. Create a new object.")
        }
        return c
    }

    // pulsein_open(k, n, maxlen, idle_state) -> id: the pin an input with no pull, capture paused then resumed.
    fn("pulsein_open") { rt, args throws(PyError) in
        let p = MachineCodes.PinKind.pin(kind: try m.int(a(args, 0)), number: try m.int(a(args, 1)))
        let maxlen = try m.int(a(args, 2)), idle = try m.int(a(args, 3)) != 0
        if maxlen < 1 || maxlen > 0xFFFF { throw rt.valueError("maxlen must be 1-65535") }
        gpio.configure(p, direction: .input, pull: GPIOBank.Pull.none)
        let c = PulseCapture(gpio: gpio, pin: p, maxlen: maxlen, idleState: idle)
        c.resume()
        let id = cp.nextPulseCapture
        cp.nextPulseCapture += 1
        cp.pulseCaptures[id] = c
        return rt.int(id)
    }
    fn("pulsein_close") { rt, args throws(PyError) in
        let id = try m.int(a(args, 0))
        if let c = cp.pulseCaptures.removeValue(forKey: id) {
            c.close()
            gpio.configure(c.pin, direction: .input, pull: GPIOBank.Pull.none)
        }
        return .none
    }
    fn("pulsein_pause") { rt, args throws(PyError) in try capture(args).pause(); return .none }
    // pulsein_resume(id, trigger_us): the pin driven to the non-idle level for trigger_us, then let go.
    fn("pulsein_resume") { rt, args throws(PyError) in
        let c = try capture(args)
        let trigger = try m.int(a(args, 1))
        c.pause()
        rt.reportPendingInstructions()
        if trigger > 0 {
            gpio.configure(c.pin, value: !c.idleState)
            gpio.configure(c.pin, direction: .output)
            rt.host.clock.sleep(nanoseconds: UInt64(min(trigger, 0xFFFF)) * 1_000) { false }
            gpio.configure(c.pin, direction: .input, pull: GPIOBank.Pull.none)
        }
        c.resume()
        return .none
    }
    fn("pulsein_clear") { rt, args throws(PyError) in try capture(args).clear(); return .none }
    fn("pulsein_popleft") { rt, args throws(PyError) in
        guard let v = try capture(args).popLeft() else { throw rt.error(rt.types.IndexError, "pop from empty PulseIn") }
        return rt.int(Int(v))
    }
    fn("pulsein_len") { rt, args throws(PyError) in rt.int(try capture(args).count) }
    fn("pulsein_paused") { rt, args throws(PyError) in Value(bool: try capture(args).isPaused) }
    fn("pulsein_maxlen") { rt, args throws(PyError) in rt.int(try capture(args).maxlen) }
    // pulsein_get(id, index): index already checked against the length by the caller.
    fn("pulsein_get") { rt, args throws(PyError) in
        let c = try capture(args), i = try m.int(a(args, 1))
        guard (0..<c.count).contains(i) else { throw rt.error(rt.types.IndexError, "PulseIn index out of range") }
        return rt.int(Int(c[i]))
    }
}
