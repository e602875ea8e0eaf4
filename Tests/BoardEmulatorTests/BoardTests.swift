import XCTest
@testable import BoardEmulator

/// A register-file I2C device: a write sets the register pointer (and stores any data),
/// reads auto-increment.
final class FakeI2CTarget: I2CTarget {
    let address: UInt8
    var registers = [UInt8](repeating: 0, count: 256)
    var pointer = 0
    var writes: [[UInt8]] = []
    init(address: UInt8) { self.address = address }
    func i2cWrite(_ bytes: [UInt8]) -> Int {
        writes.append(bytes)
        if let r = bytes.first { pointer = Int(r) }
        for (i, b) in bytes.dropFirst().enumerated() { registers[(pointer + i) & 0xFF] = b }
        return bytes.count
    }
    func i2cRead(count: Int) -> [UInt8] {
        let out = (0..<count).map { registers[(pointer + $0) & 0xFF] }
        pointer = (pointer + count) & 0xFF
        return out
    }
}

final class BoardTests: XCTestCase {
    func pico(_ f: FirmwareFlavour = .micropython) throws -> Board { try Board(id: "pico_w", flavour: f) }

    // MARK: I2C

    func testI2CToAnAbsentAddressNACKs() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        XCTAssertEqual(bus.readMemory(0x76, register: [0xD0], count: 1), .failure(.nack(acked: 0)))
        XCTAssertEqual(bus.write(0x76, [0xF4, 0x27]), .failure(.nack(acked: 0)))
        XCTAssertEqual(b.errno(for: .nack(acked: 0)), 5)
        XCTAssertEqual(try self.pico(.circuitpython).errno(for: .nack(acked: 0)), 19)
    }

    func testScanFindsTheTargetAtItsAddress() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        XCTAssertEqual(bus.scan(), [])
        let t = FakeI2CTarget(address: 0x76)
        t.registers[0xD0] = 0x60
        bus.attach(t)
        XCTAssertEqual(bus.scan(), [118])
        XCTAssertEqual(bus.readMemory(0x76, register: [0xD0], count: 1), .success([0x60]))
        XCTAssertEqual(b.i2cController(1)!.scan(), [], "the other bus does not see it")
        bus.attach(FakeI2CTarget(address: 0x08)); bus.attach(FakeI2CTarget(address: 0x77)); bus.attach(FakeI2CTarget(address: 0x78))
        XCTAssertEqual(bus.scan(), [8, 118, 119], "0x78 is outside the probed range")
    }

    func testWriteReturnsAcknowledgedByteCount() throws {
        let bus = try pico().i2cController(0)!
        let t = FakeI2CTarget(address: 0x3C)
        bus.attach(t)
        XCTAssertEqual(bus.write(0x3C, [0x00, 0xAF]), .success(2))
        XCTAssertEqual(bus.writeMemory(0x3C, register: [0x10], [1, 2, 3]), .success(3))
        XCTAssertEqual(Array(t.registers[0x10...0x12]), [1, 2, 3])
    }

    func testEightByteBurstReadAt400kHzTakesAQuarterMillisecond() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        XCTAssertEqual(bus.frequency, 400_000)
        bus.attach(FakeI2CTarget(address: 0x76))
        let before = b.clock.now
        _ = bus.readMemory(0x76, register: [0xF7], count: 8)
        let ns = b.clock.now - before
        XCTAssertEqual(Double(ns) / 1e6, 0.25, accuracy: 0.01)   // 102 SCL clocks = 0.255 ms
        // A plain 8-byte read: (9 × 9 + 2) / 400 kHz.
        let t0 = b.clock.now
        _ = bus.read(0x76, count: 8)
        XCTAssertEqual(b.clock.now - t0, 207_500)
        // At CircuitPython's 100 kHz it takes four times as long.
        bus.frequency = 100_000
        let t1 = b.clock.now
        _ = bus.readMemory(0x76, register: [0xF7], count: 8)
        XCTAssertEqual(Double(b.clock.now - t1) / 1e6, 1.0, accuracy: 0.05)
    }

    // MARK: GPIO

    func testEdgeIRQsFireOnTheClockNotInsideTheWrite() throws {
        let b = try pico()
        let p = PinRef.gpio(15)
        b.gpio.configure(p, direction: .input, pull: .up)
        XCTAssertTrue(b.gpio.read(p))
        var seen: [(GPIOBank.Edge, UInt64)] = []
        b.gpio.setIRQ(p, edges: .falling) { _, e in seen.append((e, b.clock.now)) }
        b.clock.advance(to: 1_000)
        b.gpio.drive(p, by: "button", false)            // pressed
        XCTAssertFalse(b.gpio.read(p))
        XCTAssertTrue(seen.isEmpty, "the handler waits for the clock")
        b.clock.advance(by: 10)
        XCTAssertEqual(seen.count, 1); XCTAssertEqual(seen.first?.0, .falling); XCTAssertEqual(seen.first?.1, 1_000)
        b.gpio.drive(p, by: "button", nil)               // released: rising, not subscribed
        b.clock.advance(by: 10)
        XCTAssertEqual(seen.count, 1)
        b.gpio.setIRQ(p, edges: [.rising, .falling]) { _, e in seen.append((e, b.clock.now)) }
        b.gpio.drive(p, by: "button", false); b.gpio.drive(p, by: "button", nil)
        b.clock.advance(by: 10)
        XCTAssertEqual(seen.map { $0.0 }, [.falling, .falling, .rising])
    }

    func testListenersHearOutputChangesAndNetsResolve() throws {
        let b = try pico()
        var heard: [Bool] = []
        b.gpio.addListener(.ext(0)) { _, l in heard.append(l) }
        let led = b.pin(named: "LED")!
        b.gpio.configure(led, direction: .output, value: true)
        b.gpio.write(led, false)
        b.gpio.write(led, false)
        XCTAssertEqual(heard, [true, false])
        // Open drain: released line follows the pull-up; a part can pull it low.
        let p = PinRef.gpio(2)
        b.gpio.configure(p, direction: .openDrain, pull: .up, value: true)
        XCTAssertTrue(b.gpio.read(p))
        b.gpio.drive(p, by: "part", false)
        XCTAssertFalse(b.gpio.read(p))
        b.gpio.drive(p, by: "part", nil)
        b.gpio.write(p, false)
        XCTAssertFalse(b.gpio.read(p))
        // Pull-down input.
        b.gpio.configure(.gpio(3), direction: .input, pull: .down)
        XCTAssertFalse(b.gpio.read(.gpio(3)))
        b.gpio.drive(.gpio(3), by: "switch", true)
        XCTAssertTrue(b.gpio.read(.gpio(3)))
    }

    // MARK: PWM

    func testRP2040PWMSliceSharesFrequencyBetweenChannels() throws {
        let b = try pico()
        for g in [0, 1, 16] { b.pwm.attach(gpio: g) }
        b.pwm.setFrequency(gpio: 0, 1000)
        XCTAssertEqual(b.pwm.frequency(gpio: 1), 1000, "GP1 is slice 0 channel B")
        b.pwm.setFrequency(gpio: 1, 50)
        XCTAssertEqual(b.pwm.frequency(gpio: 0), 50)
        XCTAssertEqual(b.pwm.frequency(gpio: 16), 50, "GP16 is PWM0_A again")
        XCTAssertEqual(b.pwm.frequency(gpio: 2), 0, "slice 1 is untouched")
        b.pwm.setDutyU16(gpio: 0, 16384)
        b.pwm.setDutyU16(gpio: 1, 65535)
        XCTAssertEqual(b.pwm.dutyFraction(gpio: 0)!, 0.25, accuracy: 0.001)
        XCTAssertEqual(b.pwm.dutyFraction(gpio: 1)!, 1.0)
        XCTAssertEqual(b.pwm.dutyFraction(gpio: 16)!, 0.25, accuracy: 0.001, "GP16 shares GP0's compare register")
        XCTAssertNil(b.pwm.dutyFraction(gpio: 2))
        // ESP32-S3 LEDC: pins are independent.
        let s3 = try Board(id: "esp32s3", flavour: .micropython)
        s3.pwm.attach(gpio: 0); s3.pwm.attach(gpio: 1)
        s3.pwm.setFrequency(gpio: 0, 1000); s3.pwm.setFrequency(gpio: 1, 5)
        XCTAssertEqual(s3.pwm.frequency(gpio: 0), 1000)
    }

    // MARK: ADC

    func testADCTemperatureSensorFollowsTheRP2040Formula() throws {
        let b = try pico()
        let sensor = b.definition.adc.temperatureSensor!
        let ch4 = b.definition.adcChannel(unit: 0, channel: 4)!
        b.adc.coreTemperatureC = 27
        let raw27 = b.adc.readRaw(ch4)
        XCTAssertEqual(raw27, Int((0.706 / 3.3 * 4095).rounded()))   // 876
        for t in [-10.0, 27, 45.5] {
            b.adc.coreTemperatureC = t
            let u16 = b.adc.readU16(ch4)
            let back = ADC.celsius(fromU16: u16, sensor: sensor)
            XCTAssertEqual(back, t, accuracy: 0.6, "one LSB is about 0.47 °C")
        }
        b.adc.coreTemperatureC = 40
        XCTAssertLessThan(b.adc.readRaw(ch4), raw27, "hotter means lower voltage")
    }

    func testReadU16ScalesTwelveBitsLikeMicroPython() throws {
        XCTAssertEqual(ADC.u16(fromRaw12: 4095), 65535)
        XCTAssertEqual(ADC.u16(fromRaw12: 0), 0)
        XCTAssertEqual(ADC.u16(fromRaw12: 2048), 32776)
        let b = try pico()
        b.gpio.setAnalogVoltage(.gpio(26), 1.65)
        XCTAssertEqual(b.adc.readRaw(b.definition.adcChannel(forGPIO: 26)!), 2048)
        XCTAssertEqual(b.adc.readU16(b.definition.adcChannel(forGPIO: 29)!) >> 4, Int((1.6667 / 3.3 * 4095).rounded()), "VSYS/3")
    }

    // MARK: Timers, watchdog, RTC, UART

    func testOneShotAndPeriodicTimers() throws {
        let b = try pico()
        var once: [UInt64] = [], every: [UInt64] = []
        let t1 = b.makeTimer(), t2 = b.makeTimer()
        t1.start(period: 5_000_000, mode: .oneShot) { once.append(b.clock.now) }
        t2.start(period: 2_000_000, mode: .periodic) { every.append(b.clock.now) }
        b.clock.advance(by: 9_000_000)
        XCTAssertEqual(once, [5_000_000])
        XCTAssertEqual(every, [2_000_000, 4_000_000, 6_000_000, 8_000_000])
        XCTAssertFalse(t1.isRunning); XCTAssertTrue(t2.isRunning)
        t2.stop()
        b.clock.advance(by: 9_000_000)
        XCTAssertEqual(every.count, 4)
    }

    func testWatchdogResetsTheBoardUnlessFed() throws {
        let b = try pico()
        var causes: [ResetCause] = []
        b.onReset = { causes.append($0) }
        b.watchdog.start(timeoutMilliseconds: 100)
        for _ in 0..<10 { b.clock.advance(by: 90_000_000); b.watchdog.feed() }
        XCTAssertEqual(causes, [])
        XCTAssertEqual(b.resetCause, .powerOn)
        b.clock.advance(by: 99_000_000)
        XCTAssertEqual(causes, [])
        b.clock.advance(by: 2_000_000)
        XCTAssertEqual(causes, [.watchdog])
        XCTAssertEqual(b.resetCause, .watchdog)
        XCTAssertFalse(b.watchdog.isRunning)
        XCTAssertEqual(b.uptimeNanoseconds, 1_000_000, "uptime restarts at the reset")
    }

    func testWatchdogTimeoutIsClampedToTheRP2040Maximum() throws {
        let b = try pico()
        b.watchdog.start(timeoutMilliseconds: 20_000)
        XCTAssertEqual(b.watchdog.timeoutNanoseconds, 8_388_000_000)
    }

    func testSoftResetKeepsTheWatchdogAndHardResetClearsPins() throws {
        let b = try pico()
        b.watchdog.start(timeoutMilliseconds: 1000)
        b.gpio.configure(.gpio(4), direction: .output, value: true)
        let t = b.makeTimer()
        var fired = false
        t.start(period: 1_000, mode: .periodic) { fired = true }
        b.softReset()
        XCTAssertEqual(b.resetCause, .soft)
        XCTAssertTrue(b.watchdog.isRunning)
        XCTAssertTrue(b.gpio.read(.gpio(4)))
        b.clock.advance(by: 10_000)
        XCTAssertFalse(fired, "soft reset stops timers")
        b.hardReset()
        XCTAssertEqual(b.resetCause, .hard)
        XCTAssertFalse(b.gpio.read(.gpio(4)))
        XCTAssertEqual(b.gpio.state(.gpio(4))?.direction, .input)
    }

    func testDeepSleepOnTheESP32S3WakesWithItsOwnResetCause() throws {
        let b = try Board(id: "esp32s3", flavour: .micropython)
        var causes: [ResetCause] = []
        b.onReset = { causes.append($0) }
        b.rtc.datetime = RTC.DateTime(year: 2024, month: 5, day: 6, hour: 12)
        b.deepSleep(nanoseconds: 10_000_000_000)
        XCTAssertTrue(b.isInDeepSleep)
        b.clock.advance(by: 10_000_000_000)
        XCTAssertEqual(causes, [.deepSleepWake])
        XCTAssertEqual(b.rtc.datetime.description, "2024-05-06T12:00:10", "the RTC keeps time through deep sleep")
    }

    func testRTCAdvancesWithTheClock() throws {
        let b = try pico()
        XCTAssertEqual(b.rtc.datetime.description, "2021-01-01T00:00:00")
        b.rtc.datetime = RTC.DateTime(year: 2024, month: 2, day: 28, hour: 23, minute: 59, second: 30)
        b.clock.advance(by: 24 * 3600 * 1_000_000_000 + 45_000_000_000)
        XCTAssertEqual(b.rtc.datetime.description, "2024-03-01T00:00:15", "2024 is a leap year")
        XCTAssertEqual(b.rtc.datetime.weekday, 4, "Friday")
        XCTAssertEqual(b.rtc.datetime.dayOfYear, 61)
    }

    func testUARTRecordsTransmitTimesAndAcceptsInjectedBytes() throws {
        let b = try pico()
        let u = b.uart(0)!
        u.baudrate = 9600
        b.clock.advance(to: 1_000)
        u.write(Array("hi".utf8))
        XCTAssertEqual(u.transmitted.map { $0.byte }, Array("hi".utf8))
        XCTAssertEqual(u.transmitted.map { $0.time }, [1_000 + 1_041_666, 1_000 + 2 * 1_041_666])
        XCTAssertTrue(u.isTransmitting)
        u.inject([1, 2, 3], at: b.clock.now)
        XCTAssertEqual(u.available, 0)
        b.clock.advance(by: 5_000_000)
        XCTAssertEqual(u.read(2), [1, 2]); XCTAssertEqual(u.read(), [3])
        u.inject([9]); XCTAssertEqual(u.read(), [9])
    }

    /// An hour of sleep with a 1 ms periodic timer delivers every tick, but the
    /// clock dispatches only a handful of events: the cost does not grow with
    /// virtual time. (Wall-clock speed is measured by benchmarks, not here.)
    func testOneHourVirtualSleepWithAMillisecondTimerBatchesTheTicks() throws {
        let b = try pico()
        let runner = BoardRunner(board: b)
        var ticks = 0
        b.makeTimer().start(period: 1_000_000, mode: .periodic) { ticks += 1 }
        let before = b.clock.eventsFired
        runner.sleep(nanoseconds: 3600 * 1_000_000_000)
        XCTAssertEqual(ticks, 3_600_000)
        XCTAssertEqual(b.clock.now, 3600 * 1_000_000_000)
        XCTAssertLessThan(b.clock.eventsFired - before, 100)
    }
}
