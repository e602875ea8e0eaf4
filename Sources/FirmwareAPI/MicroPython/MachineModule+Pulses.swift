import BoardEmulator
import PythonRuntime

/// Timing a pin on the virtual clock, as MicroPython's busy loops do on the
/// chip: `machine.time_pulse_us` (extmod/machine_pulse.c) and
/// `machine.dht_readinto` (drivers/dht/dht.c), both in `machine` on the rp2 and
/// esp32 ports of v1.24 (MICROPY_PY_MACHINE_PULSE, MICROPY_PY_MACHINE_DHT_READINTO).
///
/// A loop that polls a pin until it changes is run as the clock stepping from
/// one board event to the next (a part's edges are events) until the level is
/// the one wanted or the timeout has passed, so the µs it measures are those of
/// the waveform the part put on the wire.
extension MachineModule {
    /// Lets virtual time pass until `pin` reads `level` or `deadline` (ns) comes;
    /// true when the level came first.
    func wait(for level: Bool, on pin: PinRef, until deadline: UInt64) -> Bool {
        let clock = board.clock
        while board.gpio.read(pin) != level {
            if clock.now >= deadline { return false }
            let next = min(clock.nextDeadline ?? deadline, deadline)
            if next <= clock.now { board.advance(to: clock.now) } else { runtime.host.clock.sleep(nanoseconds: next - clock.now) { false } }
        }
        return true
    }

    /// machine_time_pulse_us: waits up to `timeout` µs for the pin to reach
    /// `level` (-2 if it does not), then times how long it stays there, up to
    /// `timeout` µs again (-1 if it stays); returns the µs as `ticks_us` counts them.
    func timePulse(_ pin: PinRef, level: Bool, timeoutMicroseconds timeout: Int) -> Int {
        let t = UInt64(max(timeout, 0)) * 1000
        var start = board.clock.now
        if !wait(for: level, on: pin, until: start + t) { return -2 }
        start = board.clock.now
        if !wait(for: !level, on: pin, until: start + t) { return -1 }
        return Int(board.clock.now / 1000) - Int(start / 1000)
    }

    /// Sleeps on the board clock, firing events (mp_hal_delay_ms / delay_us_fast).
    private func delay(nanoseconds ns: UInt64) { runtime.host.clock.sleep(nanoseconds: ns) { false } }

    /// dht.c's dht_readinto: the start signal (250 ms high, 18 ms low), then the
    /// answer timed bit by bit, a high longer than 48 µs being a 1, shifted into
    /// `buf` in place as dht.c does. Nothing answering raises `OSError(ETIMEDOUT)`.
    func dhtReadInto(_ pin: PinRef, _ bufValue: Value) throws(PyError) {
        runtime.reportPendingInstructions()
        let gpio = board.gpio
        // mp_hal_pin_open_drain: released (high), before the buffer is looked at.
        gpio.configure(pin, value: true)
        gpio.configure(pin, direction: .openDrain)
        // mp_get_buffer_raise(MP_BUFFER_WRITE): a bytearray or a writable memoryview of
        // one; bytes and str have no writable buffer.
        var buf: PyBytes?, offset = 0, length = 0
        if bufValue.isObject, let b = bufValue.object as? PyBytes, b.isMutable {
            buf = b; length = b.bytes.count
        } else if bufValue.isObject, let v = bufValue.object as? PyMemoryView, !v.readonly, !v.released, v.base.isMutable {
            buf = v.base; offset = v.start; length = max(0, min(v.count, v.base.bytes.count - v.start))
        }
        guard let buf else { throw runtime.typeError("object with buffer protocol required") }
        if length < 5 { throw runtime.valueError("buffer too small") }
        delay(nanoseconds: 250_000_000)
        gpio.write(pin, false)
        delay(nanoseconds: 18_000_000)
        // mp_hal_quiet_timing_enter: interrupts (here, Python callbacks) wait until the end.
        let irqs = irqEnabled
        irqEnabled = false
        defer { irqEnabled = irqs; drain() }
        gpio.write(pin, true)
        delay(nanoseconds: 10_000)
        func timedOut() -> PyError { runtime.osError(board.definition.flavour(board.flavour).errno.timedOut) }
        // The sensor pulls the line low within 100 µs, then holds it high ~80 µs.
        if !wait(for: false, on: pin, until: board.clock.now + 100_000) { throw timedOut() }
        if timePulse(pin, level: true, timeoutMicroseconds: 150) < 0 { throw timedOut() }
        for i in 0..<40 {
            let us = timePulse(pin, level: true, timeoutMicroseconds: 100)
            if us < 0 { throw timedOut() }
            let at = offset + i / 8
            buf.bytes[at] = buf.bytes[at] << 1 | (us > 48 ? 1 : 0)
        }
    }
}
