import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import HostPlatform
import XCTest

/// The CircuitPython modules driven by CircuitPython-style programs on an emulated board.
final class CircuitPythonModulesTests: XCTestCase {
    /// A Pico W running CircuitPython with `parts` wired (and a BME280 on GP4/GP5).
    func session(_ parts: [Circuit.PartSpec] = [], board id: String = "pico_w")
        throws -> (BoardSession, CircuitPythonModules, CircuitAssembly) {
        var all = parts
        if id == "pico_w" {
            all.insert(Circuit.PartSpec(id: "env", type: "bme280", pins: ["SDA": "GP4", "SCL": "GP5"]), at: 0)
        }
        let asm = try CircuitAssembly(circuit: Circuit(board: id, flavor: "circuitpython", parts: all))
        let s = BoardSession(board: asm.board)
        let cp = installCircuitPythonModules(s.runtime, board: asm.board, assembly: asm)
        return (s, cp, asm)
    }

    func part(_ id: String, _ type: String, _ pins: [String: String], _ edit: (inout Circuit.PartSpec) -> Void = { _ in })
        -> Circuit.PartSpec {
        var p = Circuit.PartSpec(id: id, type: type, pins: pins)
        edit(&p)
        return p
    }

    /// The text of the exception `source` raises.
    func error(_ s: BoardSession, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let e = s.runtime.runMain(source: source, filename: "code.py") else {
            XCTFail("no exception", file: file, line: line); return ""
        }
        return s.runtime.exceptionLine(e)
    }

    func testDigitalOutputDrivesTheLED() throws {
        let (s, _, asm) = try session([part("led", "led", ["A": "GP15"])])
        let led = try XCTUnwrap(asm.led("led"))
        XCTAssertFalse(led.isLit)
        let out = s.run("""
        import board, digitalio
        led = digitalio.DigitalInOut(board.GP15)
        led.direction = digitalio.Direction.OUTPUT
        led.value = True
        print(board.GP15, led.direction, led.value)
        """)
        XCTAssertEqual(out, "board.GP15 digitalio.Direction.OUTPUT True\n")
        XCTAssertTrue(led.isLit)
        s.run("led.value = False")
        XCTAssertFalse(led.isLit)
        XCTAssertEqual(error(s, "digitalio.DigitalInOut(board.GP15)"), "ValueError: GP15 in use")
        s.run("led.deinit()\nwith digitalio.DigitalInOut(board.GP15) as p:\n    p.switch_to_input(pull=digitalio.Pull.UP)\n    print(p.value)")
        // The on-board LED is on the CYW43.
        s.run("o = digitalio.DigitalInOut(board.LED)\no.switch_to_output(value=True)")
        XCTAssertTrue(s.board.gpio.level(.ext(0)))
    }

    func testI2CReadsBME280ChipIDWithLock() throws {
        let (s, _, _) = try session()
        let out = s.run("""
        import board, busio
        i2c = busio.I2C(board.GP5, board.GP4)
        while not i2c.try_lock():
            pass
        print([hex(a) for a in i2c.scan()])
        buf = bytearray(1)
        i2c.writeto_then_readfrom(0x77, bytes([0xD0]), buf)
        print(hex(buf[0]))
        i2c.writeto(0x77, bytes([0xD0]))
        b2 = bytearray(3)
        i2c.readfrom_into(0x77, b2, start=1, end=2)
        print(b2)
        print(i2c.try_lock())
        i2c.unlock()
        i2c.deinit()
        """)
        XCTAssertEqual(out, "['0x77']\n0x60\nbytearray(b'\\x00`\\x00')\nFalse\n")
    }

    func testI2CErrors() throws {
        let (s, _, _) = try session()
        XCTAssertEqual(error(s, "import board, busio\ni2c = busio.I2C(board.GP5, board.GP4)\ni2c.scan()"),
                       "RuntimeError: Function requires lock")
        s.run("i2c.deinit()")
        XCTAssertEqual(error(s, "import board, busio\nbusio.I2C(board.GP4, board.GP5)"), "ValueError: Invalid pins")
        XCTAssertEqual(error(s, """
        import board, busio
        i2c = busio.I2C(board.GP5, board.GP4)
        i2c.try_lock()
        i2c.readfrom_into(0x40, bytearray(2))
        """), "OSError: [Errno 19] No such device")
        XCTAssertEqual(error(s, "i2c.writeto_then_readfrom(0x40, b'\\x00', bytearray(1))"), "OSError: [Errno 19] No such device")
    }

    /// CircuitPython's own modules are C in the firmware's flash: importing them
    /// takes nothing from the heap (here they are frozen Python; see romModules),
    /// while the objects a program makes with them do.
    func testImportingTheFirmwaresModulesTakesNoHeap() throws {
        let (s, _, _) = try session()
        let out = s.run("""
            import gc
            gc.collect()
            before = gc.mem_free()
            import board, digitalio, busio, analogio, pwmio, microcontroller, supervisor, storage, rtc, ipaddress
            gc.collect()
            print(before - gc.mem_free() < 1024)  # sys.modules and the globals' new names; was 30 KB
            pins = [digitalio.DigitalInOut(p) for p in (board.GP14, board.GP15, board.GP16)]
            gc.collect()
            print(before - gc.mem_free() > 0)
            """)
        XCTAssertEqual(out, "True\nTrue\n")
    }

    func testBoardNamesOnThePicoW() throws {
        let (s, _, _) = try session()
        let out = s.run("""
        import board
        print(board.board_id, board.GP15, board.A0 is board.GP26_A0, hasattr(board, 'SDA'), hasattr(board, 'SCL'), hasattr(board, 'I2C'))
        i2c = board.STEMMA_I2C()
        print(i2c is board.STEMMA_I2C(), i2c.frequency)
        i2c.try_lock()
        print(i2c.scan())
        """)
        XCTAssertEqual(out, "raspberry_pi_pico_w board.GP15 True False False False\nTrue 100000\n[119]\n")
        XCTAssertEqual(error(s, "board.GP23"), "AttributeError: module 'board' has no attribute 'GP23'")
    }

    func testAnalogInReadsPotentiometer() throws {
        let (s, _, asm) = try session([part("knob", "potentiometer", ["SIG": "GP26_A0"]) { $0.position = 0.25 }])
        let v = s.run("import board, analogio\nknob = analogio.AnalogIn(board.A0)\nprint(knob.value, knob.reference_voltage)")
        let parts = v.split(separator: " ")
        guard parts.count == 2 else { return XCTFail("expected 'value voltage', got \(v.debugDescription)") }
        let value = try XCTUnwrap(Int(parts[0]))
        XCTAssertEqual(Double(value) / 65535, 0.25, accuracy: 0.01)
        XCTAssertEqual(parts[1], "3.3\n")
        asm.potentiometer("knob")!.position = 1
        XCTAssertEqual(s.run("print(knob.value > 65000)"), "True\n")
        XCTAssertEqual(error(s, "import analogio\nanalogio.AnalogOut"), "AttributeError: module 'analogio' has no attribute 'AnalogOut'")
    }

    func testPWMOutDutyChangesLEDBrightness() throws {
        let (s, _, asm) = try session([part("led", "led", ["A": "GP16"])])
        let led = try XCTUnwrap(asm.led("led"))
        XCTAssertEqual(s.run("import board, pwmio\np = pwmio.PWMOut(board.GP16, frequency=1000)\nprint(p.frequency, p.duty_cycle)"),
                       "1000 0\n")
        XCTAssertEqual(led.brightness, 0, accuracy: 0.001)
        s.run("p.duty_cycle = 2 ** 15")
        XCTAssertEqual(led.brightness, 0.5, accuracy: 0.01)
        s.run("p.duty_cycle = 65535")
        XCTAssertEqual(led.brightness, 1, accuracy: 0.001)
        XCTAssertTrue(error(s, "p.frequency = 2000").hasPrefix("AttributeError"))
    }

    func testNeoPixelWriteSetsColoursInGRBOrder() throws {
        let (s, _, asm) = try session([part("strip", "neopixel", ["DIN": "GP18"]) { $0.count = 2 }])
        s.run("""
        import board, digitalio, neopixel_write
        pin = digitalio.DigitalInOut(board.GP18)
        pin.direction = digitalio.Direction.OUTPUT
        neopixel_write.neopixel_write(pin, bytearray([255, 0, 0, 0, 0, 128]))
        """)
        let strip = try XCTUnwrap(asm.neoPixel("strip"))
        XCTAssertEqual(strip.pixels, [RGBColor(0, 255, 0), RGBColor(0, 0, 128)])
    }

    /// requests, umqtt, ntptime and mip are MicroPython's frozen modules, not CircuitPython's.
    func testTracebackModule() throws {
        let (s, _, _) = try session()
        XCTAssertEqual(s.run("""
            import traceback
            def fail():
                raise ValueError('bad')
            try:
                fail()
            except ValueError as e:
                lines = traceback.format_exception(e)
                print(len(lines), lines[0].splitlines()[0], lines[0].splitlines()[-1])
                traceback.print_exception(e, limit=0)
                traceback.print_exception(None, e, None)
            try:
                traceback.print_exception(1)
            except TypeError as e:
                print(e)
            """), """
            1 Traceback (most recent call last): ValueError: bad
            ValueError: bad
            ValueError: bad
            invalid exception

            """)
    }

    func testNoMicroPythonNetworkModules() throws {
        let (s, _, _) = try session()
        XCTAssertEqual(s.run("""
            for name in ("requests", "urequests", "umqtt.simple", "ntptime", "mip", "socket", "usocket", "tls", "network"):
                try:
                    __import__(name)
                    print(name, "imported")
                except ImportError:
                    pass
            print("done")
            """), "done\n")
    }

    func testGetenvReadsSettingsToml() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cp-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# wifi\nCIRCUITPY_WIFI_SSID = \"home net\"\nPORT = 8080\nHEX = 0x10  # comment\n".write(
            to: dir.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8)
        let (s, _, _) = try session()
        s.host.fileSystem = DirectoryFileSystem(root: dir.path)
        XCTAssertEqual(s.run("import os\nprint(os.getenv('CIRCUITPY_WIFI_SSID'), os.getenv('PORT') + 1, os.getenv('HEX'), os.getenv('NONE'), os.getenv('NONE', 'x'))"),
                       "home net 8081 16 None x\n")
        XCTAssertEqual(s.run("print(len(os.listdir('/')))"), "1\n")
    }

    func testSupervisorTicksWrapAt2To29() throws {
        let (s, cp, _) = try session()
        XCTAssertEqual(s.run("import supervisor\nprint(supervisor.ticks_ms(), supervisor.runtime.serial_connected)"),
                       "536805376 True\n")
        s.board.advance(by: 65_536_000_000 + 5_000_000)
        let t = try XCTUnwrap(Int(s.run("print(supervisor.ticks_ms())").dropLast()))
        XCTAssertLessThan(t, 1000)
        XCTAssertFalse(cp.reloadRequested)
        XCTAssertNotNil(s.runtime.runMain(source: "import supervisor\nsupervisor.reload()", filename: "code.py"))
        XCTAssertTrue(cp.reloadRequested)
    }

    func testMicrocontrollerStorageAndReset() throws {
        let (s, cp, _) = try session()
        let out = s.run("""
        import microcontroller
        t = microcontroller.cpu.temperature
        print(10 < t < 40, microcontroller.cpu.frequency, microcontroller.cpu.voltage, len(microcontroller.cpu.uid))
        microcontroller.nvm[0:2] = b'\\x01\\x02'
        print(microcontroller.nvm[1], len(microcontroller.nvm), microcontroller.pin.GPIO15)
        """)
        XCTAssertEqual(out, "True 125000000 3.3 8\n2 4096 board.GP15\n")
        XCTAssertEqual(cp.nvm[0...1], [1, 2])
        XCTAssertEqual(error(s, "import storage\nstorage.remount('/', readonly=False)"),
                       "RuntimeError: Cannot remount '/' when visible via USB.")
        cp.inBootPy = true
        s.run("storage.remount('/', readonly=False)")
        XCTAssertTrue(cp.driveWritableByCode)
        XCTAssertNotNil(s.runtime.runMain(source: "import microcontroller\nmicrocontroller.reset()", filename: "code.py"))
        XCTAssertTrue(cp.resetRequested)
    }

    func testUARTWritesAndReads() throws {
        let (s, _, _) = try session()
        s.run("import board, busio\nu = busio.UART(board.GP0, board.GP1, baudrate=115200)\nu.write(b'hi')")
        XCTAssertEqual(s.board.uart(0)!.transmitted.map(\.byte), Array("hi".utf8))
        s.board.uart(0)!.inject(Array("ok\nrest".utf8))
        XCTAssertEqual(s.run("print(u.in_waiting, u.readline(), u.read(4))"), "7 b'ok\\n' b'rest'\n")
        XCTAssertEqual(error(s, "import busio, board\nbusio.UART(board.GP2, board.GP3)"), "ValueError: Invalid pins")
    }

    func testSPIWithNothingAttachedReadsFF() throws {
        let (s, _, _) = try session()
        XCTAssertEqual(s.run("""
        import board, busio
        spi = busio.SPI(board.GP18, MOSI=board.GP19, MISO=board.GP16)
        spi.try_lock()
        spi.configure(baudrate=1000000)
        spi.write(b'\\x01\\x02')
        b = bytearray(2)
        spi.write_readinto(b'\\x00\\x00', b)
        print(b)
        """), "bytearray(b'\\xff\\xff')\n")
    }

    func testESP32S3BoardRoutesI2CAnywhere() throws {
        let (s, _, _) = try session(board: "esp32s3")
        XCTAssertEqual(s.run("""
        import board, busio
        print(board.board_id, hasattr(board, 'STEMMA_I2C'), board.IO8)
        i2c = busio.I2C(board.IO9, board.IO8)
        i2c.try_lock()
        print(i2c.scan())
        """), "espressif_esp32s3_devkitc_1_n8 False board.IO8\n[]\n")
        XCTAssertEqual(error(s, "busio.I2C(board.IO9, board.IO8)"), "ValueError: IO9 in use")
    }
}
