import BoardEmulator
import PythonRuntime

/// What `machine.reset()` / `machine.soft_reset()` ask of the supervisor.
///
/// The module cannot restart the interpreter itself: it records the request in
/// `MachineModule.pendingReset` and raises `SystemExit("machine.reset")` (or
/// `"machine.soft_reset"`), which ends the program like `sys.exit()` and which
/// `except Exception` does not catch. The supervisor, seeing `pendingReset` after
/// the run, performs `board.hardReset()` / `board.softReset()` and restarts.
public enum MachineResetRequest: Error, Equatable, Sendable {
    case hard, soft
    /// `machine.deepsleep(ms)`: the chip sleeps, then wakes as from a reset (with the
    /// deep-sleep wake cause where the board has one). nil: until a wake source.
    case deepSleep(nanoseconds: UInt64?)
}

/// The MicroPython `machine` module bound to a board.
///
/// Layout: a small native module `_machine` (pins, buses, timers by number)
/// and the Python module `machine` (`Firmware/micropython/machine.py`) that builds the
/// familiar classes on it. Python callbacks (pin IRQs, timers) are called from
/// the board event that fires them — during `time.sleep`, an I2C transfer or the
/// interpreter's instruction accounting, all safe points — and one at a time: an
/// event that fires while a callback runs waits until it returns. An exception
/// in a callback is printed (`Unhandled exception in IRQ callback handler`,
/// as MicroPython's scheduler does for hard IRQs) and does not stop the program.
public final class MachineModule {
    public unowned let runtime: Runtime
    public let board: Board
    /// The circuit's parts (for `neopixel`); nil when the board runs without a circuit.
    public let assembly: CircuitAssembly?
    /// Set by `machine.reset()` / `soft_reset()` before the program ends.
    public internal(set) var pendingReset: MachineResetRequest?
    /// State of `machine.disable_irq()`: while false, callbacks wait.
    var irqEnabled = true
    private var inCallback = false
    private var pending: [(Value, Value)] = []
    private var timers: [Int: BoardTimer] = [:]
    private var timerRoots: [Int: [Value]] = [:]
    private var irqRoots: [PinRef: [Value]] = [:]
    private var nextTimer = 1

    public var isRP2: Bool { board.definition.port == .rp2 }

    init(runtime: Runtime, board: Board, assembly: CircuitAssembly? = nil) {
        self.runtime = runtime
        self.board = board
        self.assembly = assembly
    }

    // MARK: callbacks

    func invoke(_ fn: Value, _ arg: Value) {
        pending.append((fn, arg))
        drain()
    }

    func drain() {
        guard !inCallback, irqEnabled else { return }
        inCallback = true
        defer { inCallback = false }
        while !pending.isEmpty {
            let (fn, arg) = pending.removeFirst()
            do throws(PyError) {
                _ = try runtime.call(fn, [arg])
            } catch let e {
                runtime.host.writeOutput("Unhandled exception in IRQ callback handler\n" + runtime.tracebackText(e.exception))
            }
        }
    }

    private func root(_ values: [Value]) { runtime.extraRoots.append(contentsOf: values) }
    private func unroot(_ values: [Value]) {
        for v in values {
            if let i = runtime.extraRoots.firstIndex(where: { $0 === v }) { runtime.extraRoots.remove(at: i) }
        }
    }

    // MARK: pins

    func resolvePin(_ v: Value) throws(PyError) -> PinRef {
        if let s = v.as(PyStr.self) {
            if let p = board.pin(named: s.value) { return p }
            throw runtime.valueError(isRP2 ? "unknown named pin \"\(s.value)\"" : "invalid pin")
        }
        let n = try int(v)
        if let p = board.definition.pin(number: n, flavour: board.flavour) { return p }
        throw runtime.valueError("invalid pin")
    }

    func pinRef(_ args: CallArguments) throws(PyError) -> PinRef {
        MachineCodes.PinKind.pin(kind: try int(args.positional[0]), number: try int(args.positional[1]))
    }

    func setIRQ(_ pin: PinRef, edges: GPIOBank.Edge, handler: Value, arg: Value) {
        if let old = irqRoots[pin] { unroot(old); irqRoots[pin] = nil }
        if handler.isNone || edges.isEmpty {
            board.gpio.setIRQ(pin, edges: [], handler: nil)
            return
        }
        root([handler, arg]); irqRoots[pin] = [handler, arg]
        board.gpio.setIRQ(pin, edges: edges) { [weak self] _, _ in self?.invoke(handler, arg) }
    }

    // MARK: timers

    func startTimer(periodNanoseconds: UInt64, periodic: Bool, callback: Value, arg: Value) -> Int {
        let id = nextTimer; nextTimer += 1
        let t = board.makeTimer()
        timers[id] = t
        if !callback.isNone { root([callback, arg]); timerRoots[id] = [callback, arg] }
        t.start(period: periodNanoseconds, mode: periodic ? .periodic : .oneShot) { [weak self] in
            guard let self else { return }
            if !callback.isNone { self.invoke(callback, arg) }
        }
        return id
    }

    func stopTimer(_ id: Int) {
        timers[id]?.stop(); timers[id] = nil
        if let r = timerRoots[id] { unroot(r); timerRoots[id] = nil }
    }

    // MARK: I2C

    func controller(_ bus: Int) throws(PyError) -> I2CController {
        guard let c = board.i2cController(bus) else { throw runtime.valueError("I2C(\(bus)) doesn't exist") }
        return c
    }

    /// The rate the controller really runs at: the RP2040 divides clk_sys by a
    /// whole period (400 kHz at 125 MHz → 399361); the ESP32 reports the request.
    func actualFrequency(_ hz: Int) -> Int {
        guard isRP2, hz > 0 else { return hz }
        let period = (board.cpuHz + hz / 2) / hz
        return period > 0 ? board.cpuHz / period : hz
    }

    func i2cError(_ f: I2CFailure, zeroLength: Bool = false, soft: Bool = false) -> PyError {
        if soft, case .nack = f { return runtime.osError(19) }
        return runtime.osError(board.errno(for: f, zeroLengthWrite: zeroLength))
    }

    /// The die temperature in °C: through the ADC's temperature channel when the
    /// board has one (as CircuitPython's `microcontroller.cpu.temperature`), else the model's value.
    func coreTemperatureC() -> Double {
        if let ch = board.definition.adc.channels.first(where: { $0.source == "coreTemperature" }),
           let s = board.definition.adc.temperatureSensor {
            return ADC.celsius(fromU16: board.adc.readU16(ch), fullScaleVolts: board.definition.adc.fullScaleVolts, sensor: s)
        }
        return board.adc.coreTemperatureC
    }

    // MARK: arguments

    func int(_ v: Value) throws(PyError) -> Int {
        if v.isSmallInt { return v.asSmallInt }
        if v === Value.true { return 1 }
        if v === Value.false { return 0 }
        // Beyond 47 bits an int is boxed: a long timer period in nanoseconds is one.
        if let big = v.as(PyBigInt.self) {
            guard let i = big.exactInt else { throw runtime.error(runtime.types.OverflowError, "overflow converting long int to machine word") }
            return i
        }
        throw runtime.typeError("can't convert \(runtime.typeName(v)) to int")
    }

    func bytes(_ v: Value) throws(PyError) -> [UInt8] {
        if let b = v.as(PyBytes.self) { return b.bytes }
        throw runtime.typeError("object with buffer protocol required")
    }
}

/// Makes `import machine` (and `neopixel`) work on `rt`, bound to `board`; the
/// NeoPixel parts are found through `assembly`. Returns the module's state (the
/// supervisor reads `pendingReset` from it).
@discardableResult
public func installMachineModule(_ rt: Runtime, board: Board, assembly: CircuitAssembly? = nil) -> MachineModule {
    let m = MachineModule(runtime: rt, board: board, assembly: assembly)
    // Port modules: `rp2` only on RP2040 boards, `esp32` only on ESP32 boards (ImportError elsewhere).
    let otherPort = m.isRP2 ? "esp32" : "rp2"
    for (name, source) in microPythonModuleSources where name != otherPort { rt.frozenModules[name] = source }
    rt.frozenPackageNames.formUnion(microPythonPackages)
    // C modules in MicroPython's rp2 and esp32 firmware (here Python over natives):
    // importing them takes no heap on the board. The frozen Python libraries
    // (requests, umqtt, neopixel...) are charged as on the board.
    rt.romModules.formUnion(["machine", "network", "esp32", "socket", "tls", "collections", "re", "array",
                             "functools", "itertools", "micropython"])
    rt.registerNativeModule("_machine") { rt, module throws(PyError) in
        module.dict.setStr(rt.intern("port"), rt.str(m.isRP2 ? "rp2" : "esp32"))
        installMachineFunctions(rt, module, m)
        func a(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
        // neopixel_write(k, n, bytes, timing): the strip whose DIN is on that pin latches
        // the frame; the transfer takes 1.25 µs a bit (timing 1, 800 kHz) or 2.5 µs (timing 0).
        rt.moduleFunction(module, "neopixel_write") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            let data = try m.bytes(a(args, 2))
            let timing = args.positional.count > 3 ? try m.int(a(args, 3)) : 1
            rt.reportPendingInstructions()
            m.assembly?.neoPixel(on: p)?.receive(bytes: data)
            let nsPerByte: UInt64 = timing == 0 ? 20_000 : 10_000
            if !data.isEmpty { rt.host.clock.sleep(nanoseconds: UInt64(data.count) * nsPerByte) { false } }
            return .none
        }
        // time_pulse_us(k, n, level, timeout_us) and dht_readinto(k, n, buf): MachineModule+Pulses.swift.
        rt.moduleFunction(module, "time_pulse_us") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            let level = try m.int(a(args, 2)) != 0, timeout = try m.int(a(args, 3))
            rt.reportPendingInstructions()
            return rt.int(m.timePulse(p, level: level, timeoutMicroseconds: timeout))
        }
        rt.moduleFunction(module, "dht_readinto") { rt, args throws(PyError) in
            try m.dhtReadInto(try m.pinRef(args), a(args, 2))
            return .none
        }
        // The die temperature in °C from the board's temperature model (esp32.mcu_temperature).
        rt.moduleFunction(module, "mcu_temperature") { rt, _ throws(PyError) in Value(float: m.coreTemperatureC()) }
    }
    return m
}

/// The board-by-number functions of `_machine` (pins, I2C, timers, ADC, PWM, system),
/// shared by the CircuitPython helper module `_cpboard`.
func installMachineFunctions(_ rt: Runtime, _ module: PyModule, _ m: MachineModule) {
        func fn(_ name: String, _ body: @escaping NativeFunction) { rt.moduleFunction(module, name, body) }
        func a(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
        MachineCodes.export(to: module, rt)

        // Pins: a pin is (kind, number), MachineCodes.PinKind.
        fn("pin_resolve") { rt, args throws(PyError) in
            let (k, n) = MachineCodes.PinKind.pair(try m.resolvePin(a(args, 0)))
            return rt.tuple([rt.int(k), rt.int(n)])
        }
        fn("pin_name") { rt, args throws(PyError) in rt.str(try m.pinRef(args).description) }
        // pin_config(k, n, mode, pull, value): MachineCodes.PinMode and PinPull; value None keeps.
        fn("pin_config") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            guard let mode = MachineCodes.PinMode(rawValue: try m.int(a(args, 2))),
                  let pull = MachineCodes.PinPull(rawValue: try m.int(a(args, 3))) else {
                throw rt.valueError("invalid pin mode or pull")
            }
            let dir = mode.direction, pl = pull.pull
            let v = a(args, 4)
            let value: Bool? = v.isNone ? nil : try m.int(v) != 0
            // Set the output value before switching to output so no glitch appears.
            if let value { m.board.gpio.configure(p, value: value) }
            m.board.gpio.configure(p, direction: dir, pull: pl)
            return .none
        }
        fn("pin_state") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            guard let s = m.board.gpio.state(p) else {
                return rt.tuple([rt.int(MachineCodes.PinMode.input.rawValue), rt.int(MachineCodes.PinPull.none.rawValue)])
            }
            return rt.tuple([rt.int(MachineCodes.PinMode(s.direction).rawValue), rt.int(MachineCodes.PinPull(s.pull).rawValue)])
        }
        fn("pin_read") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            return rt.int(m.board.gpio.read(p) ? 1 : 0)
        }
        fn("pin_write") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            m.board.gpio.write(p, try m.int(a(args, 2)) != 0)
            return .none
        }
        // pin_irq(k, n, edges, handler, arg): edges of MachineCodes.edgeFalling / edgeRising.
        fn("pin_irq") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            let e = try m.int(a(args, 2))
            var edges: GPIOBank.Edge = []
            if e & MachineCodes.edgeFalling != 0 { edges.insert(.falling) }
            if e & MachineCodes.edgeRising != 0 { edges.insert(.rising) }
            m.setIRQ(p, edges: edges, handler: a(args, 3), arg: a(args, 4))
            return .none
        }

        // I2C
        fn("i2c_defaults") { rt, args throws(PyError) in
            let bus = try m.int(a(args, 0))
            _ = try m.controller(bus)
            if let dflt = m.board.flavourFacts.i2cDefaults.first(where: { $0.bus == bus && $0.name == nil }) {
                return rt.tuple([rt.int(dflt.scl), rt.int(dflt.sda)])
            }
            return rt.tuple([.none, .none])
        }
        fn("i2c_setup") { rt, args throws(PyError) in
            let bus = try m.int(a(args, 0)), scl = try m.int(a(args, 1)), sda = try m.int(a(args, 2))
            let freq = try m.int(a(args, 3))
            let c = try m.controller(bus)
            if m.isRP2 {
                switch m.board.definition.checkI2CPins(bus: bus, scl: scl, sda: sda) {
                case .ok: break
                case .badSCL: throw rt.valueError("bad SCL pin")
                case .badSDA: throw rt.valueError("bad SDA pin")
                case .noSuchBus: throw rt.valueError("I2C(\(bus)) doesn't exist")
                }
            } else if !m.board.definition.isGPIO(scl) || !m.board.definition.isGPIO(sda) {
                throw rt.valueError("invalid pin")
            }
            c.scl = scl; c.sda = sda; c.frequency = max(freq, 1)
            return rt.int(m.actualFrequency(freq))
        }
        // The hardware bus a SoftI2C on these pins reaches (the parts hang on a controller).
        fn("i2c_bus_for_pins") { rt, args throws(PyError) in
            let scl = try m.int(a(args, 0)), sda = try m.int(a(args, 1))
            if let c = m.board.i2c.first(where: { $0.scl == scl && $0.sda == sda }) { return rt.int(c.id) }
            if let b = m.board.definition.i2cBus(scl: scl, sda: sda) { return rt.int(b) }
            return .none
        }
        fn("i2c_scan") { rt, args throws(PyError) in
            let c = try m.controller(try m.int(a(args, 0)))
            return Value(rt.newList(ContiguousArray(c.scan().map { rt.int($0) })))
        }
        // i2c_read(bus, addr, n, soft)
        fn("i2c_read") { rt, args throws(PyError) in
            let c = try m.controller(try m.int(a(args, 0)))
            let addr = UInt8(truncatingIfNeeded: try m.int(a(args, 1)))
            switch c.read(addr, count: max(0, try m.int(a(args, 2)))) {
            case .success(let b): return Value(rt.newBytes(b))
            case .failure(let f): throw m.i2cError(f, soft: try m.int(a(args, 3)) != 0)
            }
        }
        // i2c_write(bus, addr, bytes, stop, soft) -> ACK count
        fn("i2c_write") { rt, args throws(PyError) in
            let c = try m.controller(try m.int(a(args, 0)))
            let addr = UInt8(truncatingIfNeeded: try m.int(a(args, 1)))
            let data = try m.bytes(a(args, 2))
            switch c.write(addr, data, stop: try m.int(a(args, 3)) != 0) {
            case .success(let n): return rt.int(n)
            case .failure(let f):
                // A data NACK after the address was acknowledged returns the count.
                if case .nack(let acked) = f, acked > 0 || (!data.isEmpty && c.target(at: addr) != nil) { return rt.int(acked) }
                throw m.i2cError(f, zeroLength: data.isEmpty, soft: try m.int(a(args, 4)) != 0)
            }
        }
        // i2c_readmem(bus, addr, regbytes, n, soft)
        fn("i2c_readmem") { rt, args throws(PyError) in
            let c = try m.controller(try m.int(a(args, 0)))
            let addr = UInt8(truncatingIfNeeded: try m.int(a(args, 1)))
            switch c.readMemory(addr, register: try m.bytes(a(args, 2)), count: max(0, try m.int(a(args, 3)))) {
            case .success(let b): return Value(rt.newBytes(b))
            case .failure(let f): throw m.i2cError(f, soft: try m.int(a(args, 4)) != 0)
            }
        }
        // i2c_writemem(bus, addr, regbytes, data, soft)
        fn("i2c_writemem") { rt, args throws(PyError) in
            let c = try m.controller(try m.int(a(args, 0)))
            let addr = UInt8(truncatingIfNeeded: try m.int(a(args, 1)))
            switch c.writeMemory(addr, register: try m.bytes(a(args, 2)), try m.bytes(a(args, 3))) {
            case .success: return .none
            case .failure(let f): throw m.i2cError(f, soft: try m.int(a(args, 4)) != 0)
            }
        }

        // Timers: timer_start(period_ns, periodic, callback, arg) -> id
        fn("timer_start") { rt, args throws(PyError) in
            let ns = try m.int(a(args, 0))
            if ns <= 0 { throw rt.valueError("period must be positive") }
            return rt.int(m.startTimer(periodNanoseconds: UInt64(ns), periodic: try m.int(a(args, 1)) != 0,
                                       callback: a(args, 2), arg: a(args, 3)))
        }
        fn("timer_stop") { rt, args throws(PyError) in
            m.stopTimer(try m.int(a(args, 0))); return .none
        }

        // System
        fn("freq") { rt, args throws(PyError) in
            if args.positional.count > 0 { m.board.cpuHz = try m.int(a(args, 0)); return .none }
            return rt.int(m.board.cpuHz)
        }
        fn("unique_id") { rt, _ throws(PyError) in Value(rt.newBytes(m.board.uniqueID)) }
        fn("reset_cause") { rt, _ throws(PyError) in
            rt.int(MachineCodes.resetCause(m.board.resetCause))
        }
        fn("deepsleep") { rt, args throws(PyError) in
            let ns = try m.int(a(args, 0))
            m.pendingReset = .deepSleep(nanoseconds: ns > 0 ? UInt64(ns) : nil)
            throw PyError(rt.newException(rt.types.SystemExit, args: [rt.str("machine.deepsleep")]))
        }
        fn("reset") { rt, args throws(PyError) in
            m.pendingReset = try m.int(a(args, 0)) != 0 ? .soft : .hard
            let text = m.pendingReset == .soft ? "machine.soft_reset" : "machine.reset"
            throw PyError(rt.newException(rt.types.SystemExit, args: [rt.str(text)]))
        }
        fn("sleep_ns") { rt, args throws(PyError) in
            let ns = try m.int(a(args, 0))
            rt.reportPendingInstructions()
            if ns > 0 { rt.host.clock.sleep(nanoseconds: UInt64(ns)) { false } }
            return .none
        }
        fn("irq_state") { rt, args throws(PyError) in
            let old = m.irqEnabled
            if args.positional.count > 0 {
                m.irqEnabled = try m.int(a(args, 0)) != 0
                m.drain()
            }
            return Value(bool: old)
        }
        fn("rtc_get") { rt, _ throws(PyError) in
            let t = m.board.rtc.datetime
            return rt.tuple([t.year, t.month, t.day, t.weekday, t.hour, t.minute, t.second, t.nanosecond / 1000].map { rt.int($0) })
        }
        fn("rtc_set") { rt, args throws(PyError) in
            var v: [Int] = []
            for i in 0..<min(args.positional.count, 8) { v.append(try m.int(args.positional[i])) }
            while v.count < 8 { v.append(0) }
            m.board.rtc.datetime = RTC.DateTime(year: v[0], month: v[1], day: v[2], hour: v[4], minute: v[5],
                                                second: v[6], nanosecond: v[7] * 1000)
            return .none
        }
        fn("wdt_start") { rt, args throws(PyError) in
            m.board.watchdog.start(timeoutMilliseconds: try m.int(a(args, 0))); return .none
        }
        fn("wdt_feed") { rt, _ throws(PyError) in m.board.watchdog.feed(); return .none }
        // ADC: adc_channel(gpio or -1, channel or -1) -> (unit, channel) or raises
        fn("adc_channel") { rt, args throws(PyError) in
            let g = try m.int(a(args, 0)), ch = try m.int(a(args, 1))
            let def: BoardDefinition.ADCChannelDef?
            if g >= 0 { def = m.board.definition.adcChannel(forGPIO: g) } else { def = m.board.definition.adc.channels.first { $0.channel == ch } }
            guard let d = def else { throw rt.valueError(g >= 0 ? "Pin doesn't have ADC capabilities" : "invalid channel") }
            return rt.tuple([rt.int(d.unit), rt.int(d.channel)])
        }
        fn("adc_read_u16") { rt, args throws(PyError) in
            let unit = try m.int(a(args, 0)), ch = try m.int(a(args, 1))
            guard let d = m.board.definition.adcChannel(unit: unit, channel: ch) else { throw rt.valueError("invalid channel") }
            return rt.int(m.board.adc.readU16(d))
        }
        // PWM
        fn("pwm_attach") { rt, args throws(PyError) in m.board.pwm.attach(gpio: try m.int(a(args, 0))); return .none }
        fn("pwm_detach") { rt, args throws(PyError) in m.board.pwm.detach(gpio: try m.int(a(args, 0))); return .none }
        fn("pwm_freq") { rt, args throws(PyError) in
            let g = try m.int(a(args, 0))
            if args.positional.count > 1 { m.board.pwm.setFrequency(gpio: g, try m.int(a(args, 1))); return .none }
            return rt.int(m.board.pwm.frequency(gpio: g))
        }
        fn("pwm_duty_u16") { rt, args throws(PyError) in
            let g = try m.int(a(args, 0))
            if args.positional.count > 1 { m.board.pwm.setDutyU16(gpio: g, try m.int(a(args, 1))); return .none }
            return rt.int(m.board.pwm.dutyU16(gpio: g))
        }
}
