import BoardEmulator
@testable import FirmwareAPI
import PythonRuntime
import XCTest

/// `machine` driven by firmware-style Python on an emulated board.
final class MachineModuleTests: XCTestCase {
    func session(_ id: String = "pico_w", bme280 bus: Int? = 0) throws -> BoardSession {
        let s = try BoardSession(board: id)
        installMachineModule(s.runtime, board: s.board)
        if let bus {
            s.board.i2cController(bus)!.attach(BME280(clock: s.board.clock, environment: Environment()))
        }
        return s
    }

    /// The text of the exception `source` raises.
    func error(_ s: BoardSession, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let e = s.runtime.runMain(source: source, filename: "main.py") else {
            XCTFail("no exception", file: file, line: line); return ""
        }
        return s.runtime.exceptionLine(e)
    }

    // MARK: Pin

    func testLEDPinDrivesCYW43Pin() throws {
        let s = try session()
        s.run("from machine import Pin\nled = Pin('LED', Pin.OUT)\nled.on()")
        XCTAssertTrue(s.board.gpio.level(.ext(0)))
        XCTAssertEqual(s.run("led.toggle()\nprint(led.value(), led)"), "0 Pin(EXT_GPIO0, mode=OUT)\n")
        XCTAssertFalse(s.board.gpio.level(.ext(0)))
        XCTAssertEqual(s.run("print(Pin('WL_GPIO0') == led)"), "True\n")
    }

    func testNumberedPinOutputAndRepr() throws {
        let s = try session()
        XCTAssertEqual(s.run("from machine import Pin\np = Pin(15, Pin.OUT)\np.value(1)\nprint(p(), p)"), "1 Pin(GPIO15, mode=OUT)\n")
        XCTAssertTrue(s.board.gpio.level(.gpio(15)))
        XCTAssertEqual(s.board.gpio.state(.gpio(15))?.direction, .output)
        s.run("p.off()")
        XCTAssertFalse(s.board.gpio.level(.gpio(15)))
        XCTAssertEqual(s.run("print(Pin(4, mode=Pin.OUT))"), "Pin(GPIO4, mode=OUT)\n")
        XCTAssertEqual(s.run("print(Pin(3, Pin.IN, Pin.PULL_UP).value())"), "1\n")
    }

    func testInvalidPinsRaiseThePortsText() throws {
        let s = try session()
        XCTAssertEqual(error(s, "import machine\nmachine.Pin('X')"), "ValueError: unknown named pin \"X\"")
        XCTAssertEqual(error(s, "import machine\nmachine.Pin(99)"), "ValueError: invalid pin")
        let e = try session("esp32s3", bme280: nil)
        XCTAssertEqual(error(e, "import machine\nmachine.Pin(22)"), "ValueError: invalid pin")
    }

    func testPinIRQRunsHandlerWhenAPartDrivesThePin() throws {
        let s = try session()
        s.run("""
        import time
        from machine import Pin
        hits = []
        b = Pin(14, Pin.IN, Pin.PULL_UP)
        b.irq(lambda p: hits.append(p.value()), trigger=Pin.IRQ_FALLING)
        """)
        s.board.clock.schedule(after: 20_000_000) { s.board.gpio.drive(.gpio(14), by: "button", false) }
        s.board.clock.schedule(after: 40_000_000) { s.board.gpio.drive(.gpio(14), by: "button", nil) }
        s.board.clock.schedule(after: 60_000_000) { s.board.gpio.drive(.gpio(14), by: "button", false) }
        XCTAssertEqual(s.run("time.sleep_ms(100)\nprint(hits)"), "[0, 0]\n")
    }

    /// ports/rp2/machine_pin.c: the constants, and Pin.ALT selecting one of the
    /// pin's functions from rp2_af.csv (GPCK on GPIO20-25 only) or raising.
    func testRP2PinConstantsAndAlternateFunctions() throws {
        let s = try session()
        XCTAssertEqual(s.run("""
        from machine import Pin
        print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.ALT, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_FALLING, Pin.IRQ_RISING)
        print(Pin.ALT_SPI, Pin.ALT_UART, Pin.ALT_I2C, Pin.ALT_PWM, Pin.ALT_SIO, Pin.ALT_PIO0, Pin.ALT_PIO1, Pin.ALT_GPCK, Pin.ALT_USB)
        print(Pin(21, Pin.ALT, alt=Pin.ALT_GPCK))
        print(Pin(4, Pin.ALT, Pin.PULL_UP, alt=Pin.ALT_PWM), Pin(4).mode() == Pin.ALT)
        print(Pin(4, Pin.OUT), Pin(4).mode() == Pin.OUT)
        print(Pin(6, Pin.ALT))
        """), """
        0 1 2 3 1 2 4 8
        1 2 3 4 5 6 7 8 9
        Pin(GPIO21, mode=ALT, alt=GPCK)
        Pin(GPIO4, mode=ALT, pull=PULL_UP, alt=PWM) True
        Pin(GPIO4, mode=OUT) True
        Pin(GPIO6, mode=IN)

        """)
        XCTAssertEqual(error(s, "Pin(5, Pin.ALT, alt=Pin.ALT_GPCK)"), "ValueError: invalid pin af: 8")
        XCTAssertEqual(error(s, "Pin(5, Pin.ALT, alt=12)"), "ValueError: invalid pin af: 12")
        XCTAssertEqual(error(s, "Pin(5, Pin.ALT, alt=0)"), "ValueError: invalid pin af: 0")
        XCTAssertEqual(error(s, "Pin('LED', Pin.ALT, alt=Pin.ALT_PWM)"),
                       "ValueError: alternate functions are not supported for external pins")
        XCTAssertEqual(error(s, "Pin('LED', Pin.IN, Pin.PULL_UP)"), "ValueError: pulls are not supported for external pins")
    }

    /// ports/esp32/machine_pin.c: ESP-IDF's values (GPIO_MODE_INPUT_OUTPUT...),
    /// no ALT, and a pull left alone unless given.
    func testESP32PinConstantsAreTheIDFValues() throws {
        let s = try session("esp32s3", bme280: nil)
        XCTAssertEqual(s.run("""
        from machine import Pin
        print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_RISING, Pin.IRQ_FALLING)
        print(Pin.WAKE_LOW, Pin.WAKE_HIGH, Pin.DRIVE_0, Pin.DRIVE_3, hasattr(Pin, 'ALT'))
        p = Pin(6, Pin.IN, Pin.PULL_UP)
        print(p, p.mode() == Pin.IN, p.pull() == Pin.PULL_UP, p.value())
        p.init(Pin.OPEN_DRAIN, value=0)
        print(p.mode() == Pin.OPEN_DRAIN, p.pull() == Pin.PULL_UP)
        """), """
        1 3 7 2 1 1 2
        4 5 0 3 False
        Pin(6) True True 1
        True True

        """)
        XCTAssertEqual(s.board.gpio.state(.gpio(6))?.direction, .openDrain)
        XCTAssertEqual(s.board.gpio.state(.gpio(6))?.pull, .up)
        s.run("Pin(7, Pin.OUT, value=1)")
        XCTAssertEqual(s.board.gpio.state(.gpio(7))?.direction, .output)
        XCTAssertTrue(s.board.gpio.level(.gpio(7)))
    }

    /// The native modules export every code of MachineCodes under its name.
    func testNativeModulesExportTheMachineCodes() throws {
        let s = try session()
        let names = MachineCodes.exported.map(\.0)
        let expected = MachineCodes.exported.map { String($0.1) }.joined(separator: " ") + "\n"
        XCTAssertEqual(s.run("import _machine\nprint(*[getattr(_machine, n) for n in \(names)])"), expected)
        XCTAssertEqual(Set(names).count, names.count, "a name exported twice")
    }

    // MARK: I2C

    func testI2CScanAndReadBME280ChipID() throws {
        let s = try session()
        let out = s.run("""
        from machine import I2C, Pin
        i2c = I2C(0)
        print(i2c)
        print(i2c.scan())
        print(i2c.readfrom_mem(0x77, 0xD0, 1))
        buf = bytearray(1)
        i2c.readfrom_mem_into(0x77, 0xD0, buf)
        print(buf)
        i2c2 = I2C(0, scl=Pin(5), sda=Pin(4), freq=100000)
        print(i2c2.readfrom_mem(0x77, 0xD0, 1))
        print(i2c.writeto(0x77, b'\\xd0'), i2c.readfrom(0x77, 1))
        """)
        XCTAssertEqual(out, """
        I2C(0, freq=399361, scl=5, sda=4, timeout=50000)
        [119]
        b'`'
        bytearray(b'`')
        b'`'
        1 b'`'

        """)
    }

    func testI2CNackErrnoPerPort() throws {
        let s = try session()
        XCTAssertEqual(error(s, "from machine import I2C\nI2C(0).readfrom_mem(0x40, 0, 1)"), "OSError: [Errno 5] EIO")
        XCTAssertEqual(error(s, "from machine import I2C\nI2C(0).writeto(0x40, b'')"), "OSError: [Errno 19] ENODEV")
        let e = try session("esp32s3", bme280: 0)
        XCTAssertEqual(e.run("from machine import I2C\ni2c = I2C(0)\nprint(i2c)\nprint(i2c.scan())"),
                       "I2C(0, scl=9, sda=8, freq=400000, timeout=50000)\n[119]\n")
        XCTAssertEqual(error(e, "from machine import I2C\nI2C(0).readfrom_mem(0x40, 0, 1)"), "OSError: [Errno 19] ENODEV")
    }

    func testI2CBadBusAndPins() throws {
        let s = try session()
        XCTAssertEqual(error(s, "from machine import I2C\nI2C(2)"), "ValueError: I2C(2) doesn't exist")
        XCTAssertEqual(error(s, "from machine import I2C, Pin\nI2C(0, scl=Pin(4), sda=Pin(6))"), "ValueError: bad SCL pin")
        XCTAssertEqual(error(s, "from machine import I2C, Pin\nI2C(0, scl=Pin(5), sda=Pin(6))"), "ValueError: bad SDA pin")
    }

    func testSoftI2CReachesTheBus() throws {
        let s = try session()
        XCTAssertEqual(s.run("from machine import SoftI2C, Pin\nprint(SoftI2C(scl=Pin(5), sda=Pin(4)).scan())"), "[119]\n")
    }

    // MARK: Timers and the rest

    func testPeriodicTimerRunsTenTimesPerVirtualSecond() throws {
        let s = try session()
        XCTAssertEqual(s.run("""
        import time
        from machine import Timer
        n = 0
        def tick(t):
            global n
            n += 1
        t = Timer(-1, mode=Timer.PERIODIC, period=100, callback=tick)
        time.sleep_ms(1050)
        t.deinit()
        time.sleep_ms(500)
        print(n)
        """), "10\n")
    }

    func testMiscFunctions() throws {
        let s = try session()
        XCTAssertEqual(s.run("""
        import machine
        print(machine.freq(), len(machine.unique_id()), machine.reset_cause() == machine.PWRON_RESET)
        print(machine.ADC.CORE_TEMP, 0 < machine.ADC(4).read_u16() < 65536)
        r = machine.RTC()
        r.datetime((2024, 5, 6, 0, 7, 8, 9, 0))
        print(r.datetime()[:3], r.datetime()[4:7])
        p = machine.PWM(machine.Pin(16), freq=1000, duty_u16=32768)
        print(p.freq(), p.duty_u16())
        s = machine.disable_irq()
        machine.enable_irq(s)
        """), "125000000 8 True\n4 True\n(2024, 5, 6) (7, 8, 9)\n1000 32768\n")
        let t0 = s.board.clock.now
        s.run("machine.lightsleep(250)")
        XCTAssertGreaterThanOrEqual(s.board.clock.now - t0, 250_000_000)
    }

    func testResetRecordsRequestAndEndsProgram() throws {
        let s = try BoardSession(board: "pico_w")
        let m = installMachineModule(s.runtime, board: s.board)
        let e = s.runtime.runMain(source: "import machine\ntry:\n    machine.reset()\nexcept Exception:\n    print('caught')", filename: "main.py")
        XCTAssertNotNil(e)
        XCTAssertEqual(m.pendingReset, .hard)
        XCTAssertEqual(s.host.stdout, "")
    }

    func testTimerFiresDuringBusyLoopAndCallbackErrorsArePrinted() throws {
        let s = try session()
        let out = s.run("""
        import time
        from machine import Timer
        n = [0]
        t = Timer(period=5, callback=lambda t: n.__setitem__(0, n[0] + 1))
        start = time.ticks_ms()
        while time.ticks_diff(time.ticks_ms(), start) < 100:
            pass
        t.deinit()
        print(n[0] >= 15)
        Timer(mode=Timer.ONE_SHOT, period=1, callback=lambda t: 1 / 0)
        time.sleep_ms(5)
        print('after')
        """)
        XCTAssertTrue(out.hasPrefix("True\nUnhandled exception in IRQ callback handler\n"), out)
        XCTAssertTrue(out.contains("ZeroDivisionError"), out)
        XCTAssertTrue(out.hasSuffix("after\n"), out)
    }

    /// ports/rp2/machine_timer.c (v1.24): the soft timer only, its period printed
    /// in microseconds (past 32 bits as milliseconds and "000").
    func testRP2TimerReprFollowsThePort() throws {
        let s = try session()
        XCTAssertEqual(s.run("""
        from machine import Timer
        t = Timer()
        print(t)
        t.init(mode=Timer.ONE_SHOT, period=250)
        print(t)
        t.init(period=5, tick_hz=10)
        print(t)
        t.init(freq=1000)
        t.deinit()
        print(t)
        t.init(mode=Timer.PERIODIC)
        print(t)
        t.deinit()
        """), """
        Timer(mode=ONE_SHOT, tick_hz=1000000, period=0)
        Timer(mode=ONE_SHOT, tick_hz=1000000, period=250000)
        Timer(mode=PERIODIC, tick_hz=1000000, period=500000)
        Timer(mode=PERIODIC, tick_hz=1000000, period=1000)
        Timer(mode=PERIODIC, tick_hz=1000000, period=4294967295000)

        """)
        XCTAssertEqual(error(s, "Timer(0)"), "ValueError: Timer doesn't exist")
    }

    /// ports/esp32/machine_timer.c (v1.24): the hardware timer's number, the
    /// period in milliseconds of the 10 MHz timer clock.
    func testESP32TimerReprFollowsThePort() throws {
        let s = try session("esp32s3", bme280: nil)
        XCTAssertEqual(s.run("""
        from machine import Timer
        t = Timer(0)
        print(t)
        t.init(mode=Timer.PERIODIC, period=250)
        print(t)
        t.deinit()
        u = Timer(1, mode=Timer.ONE_SHOT, freq=3)
        print(u)
        v = Timer(2, period=3, tick_hz=1)
        print(v)
        v.deinit()
        """), """
        Timer(0, mode=ONE_SHOT, period=0)
        Timer(0, mode=PERIODIC, period=250)
        Timer(1, mode=ONE_SHOT, period=333)
        Timer(2, mode=PERIODIC, period=3000)

        """)
    }

    // MARK: neopixel

    func testNeoPixelWriteLightsThePart() throws {
        var spec = Circuit.PartSpec(id: "strip", type: "neopixel", pins: ["DIN": "GP16"])
        spec.count = 3
        let asm = try CircuitAssembly(circuit: Circuit(board: "pico_w", flavor: "micropython", parts: [spec]))
        let s = BoardSession(board: asm.board)
        installMachineModule(s.runtime, board: asm.board, assembly: asm)
        let t0 = s.board.clock.now
        XCTAssertEqual(s.run("""
        import machine, neopixel
        np = neopixel.NeoPixel(machine.Pin(16), 3)
        np[0] = (255, 0, 0)
        np.write()
        print(len(np), np[0], np[1])
        np.fill((0, 0, 9))
        print(np[2])
        """), "3 (255, 0, 0) (0, 0, 0)\n(0, 0, 9)\n")
        let strip = try XCTUnwrap(asm.neoPixel("strip"))
        XCTAssertEqual(strip.pixels, [RGBColor(255, 0, 0), .off, .off])
        // 9 bytes at 1.25 µs a bit.
        XCTAssertGreaterThanOrEqual(s.board.clock.now - t0, 90_000)
        s.run("np.write()")
        XCTAssertEqual(strip.pixels, [RGBColor(0, 0, 9), RGBColor(0, 0, 9), RGBColor(0, 0, 9)])
    }

    func testNeoPixelWithoutAPartOnlyTakesTime() throws {
        let s = try session(bme280: nil)
        let t0 = s.board.clock.now
        s.run("import machine, neopixel\nnp = neopixel.NeoPixel(machine.Pin(2), 10, bpp=4)\nnp[9] = (1, 2, 3, 4)\nnp.write()")
        XCTAssertGreaterThanOrEqual(s.board.clock.now - t0, 400_000)
        XCTAssertEqual(s.run("print(np[9])"), "(1, 2, 3, 4)\n")
    }

    // MARK: rp2, esp32

    func testRP2ModuleOnPicoOnly() throws {
        let s = try session(bme280: nil)
        XCTAssertEqual(s.run("import rp2\nprint(rp2.bootsel_button(), rp2.country())\nrp2.country('GB')\nprint(rp2.country())"), "0 XX\nGB\n")
        XCTAssertTrue(error(s, "import rp2\nrp2.PIO").hasPrefix("AttributeError"))
        XCTAssertTrue(error(s, "import rp2\nrp2.StateMachine").hasPrefix("AttributeError"))
        XCTAssertTrue(error(s, "import esp32").hasPrefix("ImportError"))
    }

    func testESP32ModuleOnESP32S3Only() throws {
        let e = try session("esp32s3", bme280: nil)
        XCTAssertEqual(e.run("""
        import esp32, machine
        t = esp32.mcu_temperature()
        print(-40 < t < 125, type(esp32.raw_temperature()))
        esp32.wake_on_ext0(machine.Pin(4), esp32.WAKEUP_ALL_LOW)
        esp32.wake_on_ext1([machine.Pin(5)], esp32.WAKEUP_ANY_HIGH)
        n = esp32.NVS('app')
        n.set_i32('boots', 7)
        n.set_blob('name', b'abc')
        n.commit()
        buf = bytearray(5)
        print(esp32.NVS('app').get_i32('boots'), n.get_blob('name', buf), buf)
        n.erase_key('boots')
        try:
            n.get_i32('boots')
        except OSError as x:
            print('gone')
        """), "True <class 'int'>\n7 3 bytearray(b'abc\\x00\\x00')\ngone\n")
        XCTAssertTrue(error(e, "import rp2").hasPrefix("ImportError"))
    }
}
