/// Why the board last started (MicroPython `machine.reset_cause()`,
/// CircuitPython `microcontroller.cpu.reset_reason`; the firmware layer maps the constants).
public enum ResetCause: String, Sendable, Equatable {
    case powerOn, hard, soft, watchdog, deepSleepWake
}

/// One powered board: its clock, pins and peripherals under one firmware flavour.
public final class Board {
    public let definition: BoardDefinition
    public let flavour: FirmwareFlavour
    public let clock: VirtualClock
    public let gpio: GPIOBank
    public let i2c: [I2CController]
    public let adc: ADC
    public let pwm: PWM
    public let rtc: RTC
    public let watchdog: Watchdog
    public let uarts: [UART]
    public private(set) var timers: [BoardTimer] = []
    /// The target of the `advance` in progress (see `AdvanceHorizon`).
    public let horizon = AdvanceHorizon()
    /// Current CPU clock (`machine.freq()`); the cost model scales with it.
    public var cpuHz: Int
    public private(set) var resetCause: ResetCause = .powerOn
    /// Clock time of the last reset: `ticks_ms()` counts from here.
    public private(set) var bootTime: UInt64
    /// True between `deepSleep` and the wake-up reset.
    public private(set) var isInDeepSleep = false
    private var wakeEvent: VirtualClock.EventID?
    /// The owner (the firmware layer) restarts the interpreter here.
    public var onReset: ((ResetCause) -> Void)?

    public init(definition: BoardDefinition, flavour: FirmwareFlavour, clock: VirtualClock = VirtualClock()) {
        self.definition = definition
        self.flavour = flavour
        self.clock = clock
        let fl = definition.flavour(flavour)
        cpuHz = fl.cpuHz
        gpio = GPIOBank(clock: clock, pins: definition.pins.map { $0.ref })
        i2c = definition.i2c.map { I2CController(id: $0.id, clock: clock, frequency: 400_000) }
        adc = ADC(definition: definition.adc, gpio: gpio, clock: clock)
        pwm = PWM(definition: definition, gpio: gpio)
        rtc = RTC(clock: clock, start: RTC.parseISO(fl.rtcStart) ?? RTC.DateTime(year: 2000, month: 1, day: 1))
        watchdog = Watchdog(clock: clock, maxTimeoutMilliseconds: definition.watchdogMaxMilliseconds)
        uarts = definition.uart.map { UART(id: $0.id, clock: clock) }
        bootTime = clock.now
        watchdog.onExpire = { [weak self] in self?.hardReset(cause: .watchdog) }
        applyBoardVoltages()
        applyDefaultBusSettings()
    }

    /// Loads `BoardDefs/<id>.json` and powers the board.
    public convenience init(id: String, flavour: FirmwareFlavour, clock: VirtualClock = VirtualClock()) throws(BoardDefinitionError) {
        self.init(definition: try BoardDefinition.load(id: id), flavour: flavour, clock: clock)
    }

    public var flavourFacts: BoardDefinition.Flavour { definition.flavour(flavour) }

    /// Nanoseconds since the last reset.
    public var uptimeNanoseconds: UInt64 { clock.now &- bootTime }

    public func i2cController(_ bus: Int) -> I2CController? { i2c.first { $0.id == bus } }
    public func uart(_ id: Int) -> UART? { uarts.first { $0.id == id } }

    /// Resolves a firmware pin name (`"LED"`, `"GP15"`) under this board's flavour.
    public func pin(named name: String) -> PinRef? { definition.pin(named: name, flavour: flavour) }

    /// A new timer on the board clock; soft and hard resets stop it.
    public func makeTimer() -> BoardTimer {
        let t = BoardTimer(clock: clock, horizon: horizon)
        timers.append(t)
        return t
    }

    /// errno for an I2C failure under this firmware.
    public func errno(for failure: I2CFailure, zeroLengthWrite: Bool = false) -> Int {
        definition.errno(for: failure, flavour: flavour, zeroLengthWrite: zeroLengthWrite)
    }

    /// Moves the clock to `target`, firing events; periodic timers batch their
    /// periods. Prefer this to `clock.advance` for long idles.
    public func advance(to target: UInt64) {
        let outer = horizon.target
        horizon.target = min(target, outer ?? .max)
        clock.advance(to: target)
        horizon.target = outer
    }

    public func advance(by delta: UInt64) { advance(to: clock.now &+ delta) }

    // MARK: Resets

    /// MicroPython soft reboot / CircuitPython reload: the interpreter restarts;
    /// timers, IRQs, PWM and UART buffers are released; pins keep their state,
    /// the RTC keeps time and a running watchdog keeps running.
    public func softReset() {
        stopSoftware()
        resetCause = .soft
        bootTime = clock.now
        onReset?(.soft)
    }

    /// A chip reset (reset button, `machine.reset()`, watchdog, deep-sleep wake):
    /// every peripheral returns to its power-on state. Virtual time goes on; the
    /// uptime restarts. Parts on the pins stay wired.
    public func hardReset(cause: ResetCause = .hard) {
        stopSoftware()
        if let w = wakeEvent { clock.cancel(w); wakeEvent = nil }
        isInDeepSleep = false
        watchdog.reset()
        gpio.reset()
        cpuHz = flavourFacts.cpuHz
        if cause != .deepSleepWake {
            rtc.datetime = RTC.parseISO(flavourFacts.rtcStart) ?? rtc.datetime
        }
        applyBoardVoltages()
        applyDefaultBusSettings()
        resetCause = cause
        bootTime = clock.now
        onReset?(cause)
    }

    /// `machine.deepsleep(ms)`: everything stops; on the ESP32-S3 the chip wakes
    /// with a reset whose cause is `.deepSleepWake`. Boards without that behaviour
    /// wake with a hard reset.
    public func deepSleep(nanoseconds: UInt64) {
        stopSoftware()
        isInDeepSleep = true
        let cause: ResetCause = definition.deepSleepResets ? .deepSleepWake : .hard
        wakeEvent = clock.schedule(after: nanoseconds) { [weak self] in
            self?.wakeEvent = nil
            self?.hardReset(cause: cause)
        }
    }

    private func stopSoftware() {
        for t in timers { t.stop() }
        timers.removeAll()
        gpio.clearIRQs()
        pwm.reset()
        for u in uarts { u.reset() }
    }

    private func applyBoardVoltages() {
        for v in definition.adc.boardVoltages { gpio.setAnalogVoltage(.gpio(v.gpio), v.volts) }
    }

    private func applyDefaultBusSettings() {
        for d in flavourFacts.i2cDefaults where d.name == nil {
            if let c = i2cController(d.bus), c.scl == nil {
                c.frequency = d.frequency; c.scl = d.scl; c.sda = d.sda
            }
        }
    }
}
