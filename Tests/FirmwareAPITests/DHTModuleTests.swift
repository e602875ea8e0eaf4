import BoardEmulator
@testable import FirmwareAPI
import PythonRuntime
import XCTest

/// MicroPython's `dht` driver (and `machine.dht_readinto`, `time_pulse_us`)
/// reading a DHT22 part over its wire on both boards, and a slide switch read as a pin.
final class DHTModuleTests: XCTestCase {
    /// A MicroPython session on `board` with a DHT22 on `sda` and a slide switch
    /// (common on `switchPin`, 1 on GND, 3 on 3V3), in a room at `room`.
    func session(_ board: String, sda: String, switchPin: String, room: (Double, Double),
                 own: (Double?, Double?) = (nil, nil)) throws -> (BoardSession, CircuitAssembly) {
        var dht = Circuit.PartSpec(id: "dht", type: "dht22", pins: ["SDA": sda])
        dht.temperature = own.0; dht.humidity = own.1
        let sw = Circuit.PartSpec(id: "sw", type: "slide-switch", pins: ["1": "GND", "2": switchPin, "3": "3V3"])
        let circuit = Circuit(board: board, flavor: "micropython",
                              environment: .init(temperature: room.0, humidity: room.1), parts: [dht, sw])
        let a = try CircuitAssembly(circuit: circuit)
        let s = BoardSession(board: a.board)
        installMachineModule(s.runtime, board: a.board, assembly: a)
        return (s, a)
    }

    func testDHT22ReadsTheRoomBelowFreezingOnThePicoW() throws {
        let (s, _) = try session("pico_w", sda: "GP2", switchPin: "GP14", room: (-12.5, 63.4))
        let out = s.run("""
        import dht, machine, time
        d = dht.DHT22(machine.Pin(2))
        t0 = time.ticks_ms()
        d.measure()
        print("%.1f %.1f" % (d.temperature(), d.humidity()), time.ticks_diff(time.ticks_ms(), t0), list(d.buf))
        """)
        // 250 ms high + 18 ms start + ~4.5 ms answer (dht.c and the AM2302's timings);
        // 634 = 0x027A, 125 | 0x80 (below zero) = 0x807D.
        XCTAssertEqual(out, "-12.5 63.4 272 [2, 122, 128, 125, 121]\n")
    }

    func testDHT22ReadsItsOwnValuesOnTheESP32S3() throws {
        let (s, _) = try session("esp32s3", sda: "IO15", switchPin: "IO5", room: (20, 40), own: (-0.5, 99.9))
        XCTAssertEqual(s.run("""
        import dht
        from machine import Pin
        d = dht.DHT22(Pin(15))
        d.measure()
        print(d.temperature(), d.humidity())
        """), "-0.5 99.9\n")
    }

    func testNoSensorRaisesTheBoardsETIMEDOUT() throws {
        let (p, _) = try session("pico_w", sda: "GP2", switchPin: "GP14", room: (20, 40))
        XCTAssertEqual(p.run("""
        import dht, machine
        try:
            dht.DHT22(machine.Pin(3)).measure()
        except OSError as e:
            print(e.errno, e)
        """), "110 [Errno 110] ETIMEDOUT\n")
        // esp32 raises newlib's ETIMEDOUT (MICROPY_USE_INTERNAL_ERRNO 0, ports/esp32/mpconfigport.h).
        let (e, _) = try session("esp32s3", sda: "IO15", switchPin: "IO5", room: (20, 40))
        XCTAssertTrue(e.run("""
        import dht, machine
        try:
            dht.DHT22(machine.Pin(16)).measure()
        except OSError as e:
            print(e.errno)
        """).hasPrefix("116"))
    }

    func testAChangeShowsUpOneReadLateAndNotBeforeTwoSeconds() throws {
        let (s, a) = try session("pico_w", sda: "GP2", switchPin: "GP14", room: (20, 40))
        s.run("import dht, machine, time\nd = dht.DHT22(machine.Pin(2))\nd.measure()")
        a.dht22("dht")?.temperature = 30
        XCTAssertEqual(s.run("d.measure()\nprint(d.temperature())"), "20.0\n", "no new measurement within 2 s")
        XCTAssertEqual(s.run("time.sleep(2)\nd.measure()\nprint(d.temperature())"), "30.0\n")
    }

    func testBadArgumentsRaiseAsDhtCDoes() throws {
        let (s, _) = try session("pico_w", sda: "GP2", switchPin: "GP14", room: (20, 40))
        XCTAssertEqual(s.run("""
        import machine, time
        for buf in (bytearray(4), b'12345'):
            try:
                machine.dht_readinto(machine.Pin(2), buf)
            except Exception as e:
                print(type(e).__name__, e)
        try:
            machine.dht_readinto(machine.Pin('LED'), bytearray(5))
        except ValueError as e:
            print(e)
        b = bytearray(5)
        machine.dht_readinto(2, b)
        print(b)
        time.sleep(2)
        m = bytearray(7)
        machine.dht_readinto(machine.Pin(2), memoryview(m)[1:6])
        print(m)
        """), "ValueError buffer too small\nTypeError object with buffer protocol required\nexpecting a regular GPIO Pin\nbytearray(b'\\x01\\x90\\x00\\xc8Y')\nbytearray(b'\\x00\\x01\\x90\\x00\\xc8Y\\x00')\n")
    }

    func testTimePulseUsTimesTheSensorsResponseAndTimesOut() throws {
        let (s, _) = try session("pico_w", sda: "GP2", switchPin: "GP14", room: (20, 40))
        let out = s.run("""
        import machine, time
        p = machine.Pin(2, machine.Pin.OPEN_DRAIN, value=0)
        time.sleep_ms(18)
        p.value(1)
        # The answer's 80 µs low and 80 µs high: Python's own µs between the calls eat into them.
        print(machine.time_pulse_us(p, 0, 200), machine.time_pulse_us(p, 1, 200))
        print(machine.time_pulse_us(machine.Pin(3, machine.Pin.IN, machine.Pin.PULL_UP), 0, 500))
        print(machine.time_pulse_us(machine.Pin(3), 1, 500))
        """)
        let lines = out.split(separator: "\n").map(String.init)
        guard lines.count == 3 else { return XCTFail(out) }
        let pulses = lines[0].split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(pulses.count, 2, out)
        for p in pulses { XCTAssertTrue((1...80).contains(p), out) }
        XCTAssertEqual(lines[1], "-2", "a pulled-up pin never goes low")
        XCTAssertEqual(lines[2], "-1", "and never ends its high")
    }

    func testTheSlideSwitchReadsAsAPin() throws {
        for (board, pin, n) in [("pico_w", "GP14", 14), ("esp32s3", "IO5", 5)] {
            let (s, a) = try session(board, sda: board == "pico_w" ? "GP2" : "IO15", switchPin: pin, room: (20, 40))
            s.run("from machine import Pin\nsw = Pin(\(n), Pin.IN)")
            XCTAssertEqual(s.run("print(sw.value())"), "0\n", board)
            a.slideSwitch("sw")?.setRight(true)
            XCTAssertEqual(s.run("print(sw.value())"), "1\n", board)
        }
    }
}
