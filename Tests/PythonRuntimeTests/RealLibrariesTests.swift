import Foundation
import BreadboxTestSupport
import XCTest
@testable import PythonRuntime
import HostPlatform

/// Real MicroPython/CircuitPython libraries, downloaded from PyPI at test time,
/// imported and run unmodified on the bare runtime: Adafruit's BME280 driver
/// (with BusDevice and Register) against a Python fake of an I2C bus and a
/// BME280 written here, and micropython-lib's umqtt.simple over `socket`.
///
/// The packages are fetched with pip into `<build folder>/pypi-cache` (kept
/// between runs, so only a clean build downloads them) and laid out in the
/// drive's `lib/` as circup and mip install them. When pip cannot fetch them
/// the tests fail with pip's message.
final class RealLibrariesTests: XCTestCase {
    /// The pinned releases these tests were written against (the newest when
    /// written). umqtt.simple has no wheel: its sdist is used.
    static let packages = [
        ("adafruit-circuitpython-busdevice", "5.2.17"),
        ("adafruit-circuitpython-register", "1.13.0"),
        ("adafruit-circuitpython-bme280", "2.6.32"),
        ("micropython-umqtt.simple", "1.3.4"),
    ]

    /// `<cache>/lib` with the libraries, or pip's message.
    static let libraries = PyPI.libraries(packages, into: "lib")

    /// A fresh drive with the libraries in `lib/`, the fakes beside them and `files`.
    private func makeDrive(_ files: [String: String] = [:]) throws -> URL {
        let lib: URL
        switch Self.libraries {
        case .success(let url): lib = url
        case .failure(let e):
            XCTFail("pip could not fetch the libraries from PyPI:\n\(e.message)")
            throw e
        }
        let drive = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("breadbox-libs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: drive) }
        try FileManager.default.copyItem(at: lib, to: drive.appendingPathComponent("lib"))
        var all = Self.fakes
        for (k, v) in files { all[k] = v }
        for (path, text) in all {
            let url = drive.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return drive
    }

    /// Runs the drive's `code.py` as the board would.
    private func runCode(_ drive: URL, network: RuntimeNetwork? = nil, timeout: TimeInterval = 30) throws -> PythonResult {
        let session = PythonSession(root: drive.path)
        session.host.network = network
        let source = try String(contentsOf: drive.appendingPathComponent("code.py"), encoding: .utf8)
        return session.run(source, filename: "code.py", timeout: timeout)
    }

    func testLibrariesAreLaidOutAsCircupAndMipInstallThem() throws {
        let lib = try makeDrive().appendingPathComponent("lib")
        for path in ["adafruit_bus_device/i2c_device.py", "adafruit_register/i2c_struct.py",
                     "adafruit_bme280/basic.py", "adafruit_bme280/protocol.py", "umqtt/simple.py"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: lib.appendingPathComponent(path).path), path)
        }
        // The runtime's own micropython module serves `const`: no stand-in needed.
        XCTAssertFalse(FileManager.default.fileExists(atPath: lib.appendingPathComponent("micropython.py").path))
    }

    func testBME280DriverReadsTheFakeSensor() throws {
        let drive = try makeDrive(["code.py": #"""
        import board
        import busio
        from adafruit_bme280 import basic as adafruit_bme280

        i2c = busio.I2C(board.SCL, board.SDA)
        while not i2c.try_lock():
            pass
        print("scan", [hex(a) for a in i2c.scan()])
        i2c.unlock()
        bme280 = adafruit_bme280.Adafruit_BME280_I2C(i2c)
        bme280.sea_level_pressure = 1013.25
        print("temperature", bme280.temperature)
        print("humidity", bme280.relative_humidity)
        print("pressure", bme280.pressure)
        print("altitude", bme280.altitude)
        sensor = busio.DEVICES[0x77]
        print("resets", sensor.resets, "conversions", sensor.conversions, "ctrl_meas", hex(sensor.regs[0xF4]))
        """#])
        let r = try runCode(drive)
        XCTAssertNil(r.exception, r.stderr)
        var values: [String: Double] = [:]
        for line in r.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let v = Double(parts[1]) { values[String(parts[0])] = v }
        }
        // The environment the fake's raw ADC values encode (datasheet compensation).
        let temperature = 23.5, humidity = 41.0, pressure = 1002.5
        XCTAssertEqual(values["temperature"] ?? .nan, temperature, accuracy: 0.1, r.stdout)
        XCTAssertEqual(values["humidity"] ?? .nan, humidity, accuracy: 1, r.stdout)
        XCTAssertEqual(values["pressure"] ?? .nan, pressure, accuracy: 0.5, r.stdout)
        // The international barometric formula the driver documents.
        XCTAssertEqual(values["altitude"] ?? .nan, 44330 * (1 - pow(pressure / 1013.25, 0.1903)), accuracy: 5, r.stdout)
        XCTAssertTrue(r.stdout.hasPrefix("scan ['0x77']\n"), r.stdout)
        // One soft reset; a forced conversion per reading (4 readings, altitude reads
        // pressure), after which the sensor is back asleep: osrs_t x1, osrs_p x16, mode 0.
        XCTAssertTrue(r.stdout.hasSuffix("resets 1 conversions 4 ctrl_meas 0x34\n"), r.stdout)
    }

    func testRegisterDescriptorsOverBusDevice() throws {
        let drive = try makeDrive(["code.py": #"""
        import board
        import busio
        from adafruit_bus_device.i2c_device import I2CDevice
        from adafruit_register.i2c_struct import ROUnaryStruct, UnaryStruct, Struct
        from adafruit_register.i2c_bits import RWBits
        from adafruit_register.i2c_bit import ROBit


        class BME280Registers:
            chip_id = ROUnaryStruct(0xD0, "<B")
            dig_T = Struct(0x88, "<Hhh")
            dig_H2 = ROUnaryStruct(0xE1, "<h")
            ctrl_meas = UnaryStruct(0xF4, "<B")
            mode = RWBits(2, 0xF4, 0)
            osrs_t = RWBits(3, 0xF4, 5)
            osrs_p = RWBits(3, 0xF4, 2)
            osrs_h = RWBits(3, 0xF2, 0)
            measuring = ROBit(0xF3, 3)

            def __init__(self, i2c, address=0x77):
                self.i2c_device = I2CDevice(i2c, address)


        r = BME280Registers(board.I2C())
        print("chip_id", hex(r.chip_id))
        print("dig_T", r.dig_T)
        print("dig_H2", r.dig_H2)
        r.osrs_t = 2
        r.osrs_p = 5
        r.osrs_h = 1
        print("ctrl_meas", hex(r.ctrl_meas), r.osrs_t, r.osrs_p, r.osrs_h)
        r.mode = 1
        print("measuring", r.measuring, r.measuring, "mode", r.mode)
        sensor = busio.DEVICES[0x77]
        print("conversions", sensor.conversions, "adc_T", sensor.regs[0xFA] << 12 | sensor.regs[0xFB] << 4 | sensor.regs[0xFC] >> 4)
        try:
            I2CDevice(board.I2C(), 0x42)
        except ValueError as e:
            print("ValueError", e)
        """#])
        let r = try runCode(drive)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, """
        chip_id 0x60
        dig_T (28593, 27182, 50)
        dig_H2 375
        ctrl_meas 0x54 2 5 1
        measuring True False mode 0
        conversions 1 adc_T 530002
        ValueError No I2C device at address: 0x42

        """)
    }

    func testUMQTTSimpleImportsAndMakesAClient() throws {
        let drive = try makeDrive(["code.py": #"""
        import umqtt.simple
        from umqtt.simple import MQTTClient, MQTTException
        c = umqtt.simple.MQTTClient("breadbox", "192.168.4.1")
        print(type(c).__name__, c.server, c.port, c.sock, c.keepalive)
        print(MQTTClient("tls", "broker", ssl=True).port, issubclass(MQTTException, Exception))
        try:
            c.connect()
        except OSError as e:
            print("no network", e.errno)
        """#])
        let r = try runCode(drive)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "MQTTClient 192.168.4.1 1883 None 0\n8883 True\nno network 113\n")
    }

    func testUMQTTConnectsPublishesAndDisconnectsOverLoopback() throws {
        let server = try LoopbackServer { s in
            let header = s.receive(exactly: 2)          // CONNECT, remaining length < 128
            guard header.count == 2, header[0] == 0x10 else { return }
            _ = s.receive(exactly: Int(header[1]))
            s.send([0x20, 0x02, 0x00, 0x00])            // CONNACK: accepted, no session
            while !s.receive().isEmpty {}               // PUBLISH, DISCONNECT, close
        }
        let drive = try makeDrive(["code.py": #"""
        from umqtt.simple import MQTTClient
        c = MQTTClient("breadbox", "127.0.0.1", PORT, keepalive=30)
        print("session present", c.connect())
        c.publish(b"sensors/bme280", b"23.5")
        c.disconnect()
        print("done")
        """#.replacingOccurrences(of: "PORT", with: String(server.port))])
        let r = try runCode(drive, network: HostNetwork())
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "session present 0\ndone\n")
        XCTAssertTrue(server.waitUntilDone())
        let id = Array("breadbox".utf8), topic = Array("sensors/bme280".utf8), payload = Array("23.5".utf8)
        // MQTT 3.1.1: CONNECT (protocol "MQTT" level 4, clean session, keepalive 30),
        // PUBLISH QoS 0, DISCONNECT.
        let connect: [UInt8] = [0x10, UInt8(12 + id.count), 0, 4] + Array("MQTT".utf8) + [4, 0x02, 0, 30, 0, UInt8(id.count)] + id
        let publish: [UInt8] = [0x30, UInt8(2 + topic.count + payload.count), 0, UInt8(topic.count)] + topic + payload
        XCTAssertEqual(server.received, connect + publish + [0xE0, 0x00])
    }

    /// The stand-ins the issue allows in the drive's `lib/`: busio, digitalio,
    /// board, and the fake BME280 itself (no micropython.py: the runtime's serves).
    static let fakes: [String: String] = [
        "lib/fake_bme280.py": #"""
        # A Bosch BME280 on an I2C bus, as a register file (BME280 datasheet section 5).
        # Calibration: a real sensor's NVM dump. Raw ADC values: 23.5 degC, 41 %RH and
        # 1002.5 hPa, found by bisection over the datasheet's float compensation formulas
        # (section 8.1) with these trims, in CPython:
        #   adc_T = 530002 (t_fine 120320, 23.50004 degC)
        #   adc_P = 327002 (1002.49996 hPa)      adc_H = 25635 (40.99968 %RH)
        NVM_88 = bytes((0xB1, 0x6F, 0x2E, 0x6A, 0x32, 0x00, 0xE2, 0x8F, 0x0A, 0xD7, 0xD0, 0x0B, 0x75,
                        0x1F, 0xC5, 0xFF, 0xF9, 0xFF, 0xAC, 0x26, 0x0A, 0xD8, 0xBD, 0x10, 0x00, 0x4B))
        NVM_E1 = bytes((0x77, 0x01, 0x00, 0x12, 0x20, 0x03, 0x1E))
        ADC_T = 530002
        ADC_P = 327002
        ADC_H = 25635


        class FakeBME280:
            CHIP_ID = 0x60

            def __init__(self):
                self.regs = bytearray(256)
                self.regs[0x88:0x88 + len(NVM_88)] = NVM_88
                self.regs[0xE1:0xE1 + len(NVM_E1)] = NVM_E1
                self.regs[0xD0] = self.CHIP_ID
                self.pointer = 0
                self.measuring = 0      # status reads left that report "measuring"
                self.conversions = 0
                self.resets = 0
                self._reset()

            def _reset(self):
                for r in (0xF2, 0xF3, 0xF4, 0xF5):
                    self.regs[r] = 0
                # Data registers read 0x80000 / 0x8000 until a measurement ran.
                self.regs[0xF7:0xFF] = bytes((0x80, 0, 0, 0x80, 0, 0, 0x80, 0))

            def _measure(self):
                meas = self.regs[0xF4]
                self.conversions += 1
                if meas >> 2 & 7:
                    self.regs[0xF7:0xFA] = bytes((ADC_P >> 12, ADC_P >> 4 & 0xFF, (ADC_P & 0xF) << 4))
                if meas >> 5 & 7:
                    self.regs[0xFA:0xFD] = bytes((ADC_T >> 12, ADC_T >> 4 & 0xFF, (ADC_T & 0xF) << 4))
                if self.regs[0xF2] & 7:
                    self.regs[0xFD:0xFF] = bytes((ADC_H >> 8, ADC_H & 0xFF))

            # What the bus calls: a write transaction (register pointer, then data
            # written with auto-increment) and a read transaction from the pointer on.
            def i2c_write(self, data):
                if not data:
                    return
                self.pointer = data[0]
                for b in data[1:]:
                    self._write_register(self.pointer, b)
                    self.pointer = (self.pointer + 1) & 0xFF

            def _write_register(self, reg, value):
                if reg == 0xE0:
                    if value == 0xB6:
                        self.resets += 1
                        self._reset()
                elif reg == 0xF2:
                    self.regs[0xF2] = value & 7
                elif reg == 0xF4:
                    self.regs[0xF4] = value
                    mode = value & 3
                    if mode == 1 or mode == 2:      # forced: one conversion, then sleep
                        self._measure()
                        self.measuring = 1
                        self.regs[0xF4] = value & 0xFC
                    elif mode == 3:                 # normal: keeps converting
                        self._measure()
                elif reg == 0xF5:
                    self.regs[0xF5] = value & 0xFD
                # Everything else is read-only.

            def i2c_read(self, n):
                out = bytearray(n)
                for i in range(n):
                    reg = self.pointer
                    if reg == 0xF3:
                        out[i] = 0x08 if self.measuring else 0
                        if self.measuring:
                            self.measuring -= 1
                    else:
                        out[i] = self.regs[reg]
                    self.pointer = (reg + 1) & 0xFF
                return out
        """#,
        "lib/busio.py": #"""
        # A stand-in for CircuitPython's busio (shared-bindings/busio/I2C.c): the bus
        # needs the lock for every transfer, answers OSError(19) for an address nobody
        # acknowledges, and hands transfers to the fake devices attached to it.
        import fake_bme280

        DEVICES = {0x77: fake_bme280.FakeBME280()}


        class I2C:
            def __init__(self, scl=None, sda=None, *, frequency=100000, timeout=255):
                self._locked = False
                self._deinited = False
                self.transactions = 0

            def deinit(self):
                self._deinited = True

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.deinit()

            def try_lock(self):
                if self._locked:
                    return False
                self._locked = True
                return True

            def unlock(self):
                self._locked = False

            def _check(self):
                if self._deinited:
                    raise ValueError("Object has been deinitialized and can no longer be used. Create a new object.")
                if not self._locked:
                    raise RuntimeError("Function requires lock")

            def _device(self, address):
                self.transactions += 1
                dev = DEVICES.get(address)
                if dev is None:
                    raise OSError(19)
                return dev

            def scan(self):
                self._check()
                return sorted(DEVICES)

            def writeto(self, address, buffer, *, start=0, end=None):
                self._check()
                if end is None:
                    end = len(buffer)
                self._device(address).i2c_write(bytes(buffer[start:end]))

            def readfrom_into(self, address, buffer, *, start=0, end=None):
                self._check()
                if end is None:
                    end = len(buffer)
                data = self._device(address).i2c_read(end - start)
                for i in range(end - start):
                    buffer[start + i] = data[i]

            def writeto_then_readfrom(self, address, out_buffer, in_buffer, *, out_start=0, out_end=None,
                                      in_start=0, in_end=None):
                self._check()
                if out_end is None:
                    out_end = len(out_buffer)
                if in_end is None:
                    in_end = len(in_buffer)
                dev = self._device(address)
                dev.i2c_write(bytes(out_buffer[out_start:out_end]))
                data = dev.i2c_read(in_end - in_start)
                for i in range(in_end - in_start):
                    in_buffer[in_start + i] = data[i]


        class SPI:
            def __init__(self, clock, MOSI=None, MISO=None):
                raise NotImplementedError("no SPI bus in this test")
        """#,
        "lib/digitalio.py": #"""
        # The minimum of CircuitPython's digitalio that drivers import.
        class Direction:
            INPUT = 0
            OUTPUT = 1


        class Pull:
            UP = 1
            DOWN = 2


        class DigitalInOut:
            def __init__(self, pin):
                self.pin = pin
                self.direction = Direction.INPUT
                self.value = False

            def switch_to_output(self, value=False, drive_mode=None):
                self.direction = Direction.OUTPUT
                self.value = value

            def switch_to_input(self, pull=None):
                self.direction = Direction.INPUT

            def deinit(self):
                pass
        """#,
        "lib/board.py": #"""
        # A board with one I2C bus (pins named like a Pico's STEMMA QT / CircuitPython boards).
        class Pin:
            def __init__(self, name):
                self.name = name

            def __repr__(self):
                return "board." + self.name


        SDA = Pin("SDA")
        SCL = Pin("SCL")
        _i2c = None


        def I2C():
            global _i2c
            if _i2c is None:
                import busio
                _i2c = busio.I2C(SCL, SDA)
            return _i2c
        """#,
    ]
}
