import Foundation
import BreadboxTestSupport
import XCTest
@testable import BoardEmulator

final class TraceTests: XCTestCase {
    func pico(_ f: FirmwareFlavour = .micropython) throws -> Board { try Board(id: "pico_w", flavour: f) }

    /// GP15 output low at 1 µs, high at 2.5 µs, low at 4 µs; GP14 pulled up at 2.5 µs.
    func toggles(_ b: Board) {
        let gp15 = b.pin(named: "GP15")!, gp14 = b.pin(named: "GP14")!
        b.advance(to: 1_000)
        b.gpio.configure(gp15, direction: .output, value: false)
        b.advance(to: 2_500)
        b.gpio.configure(gp14, direction: .input, pull: .up)
        b.gpio.write(gp15, true)
        b.advance(to: 4_000)
        b.gpio.write(gp15, false)
    }

    // MARK: Recorder

    func testPinTogglesAreRecordedWithTheirVirtualTimes() throws {
        let b = try pico()
        let r = TraceRecorder(board: b)
        toggles(b)
        XCTAssertEqual(r.events, [
            .pin(time: 1_000, pin: "GP15", level: .low),
            .pin(time: 2_500, pin: "GP14", level: .high),
            .pin(time: 2_500, pin: "GP15", level: .high),
            .pin(time: 4_000, pin: "GP15", level: .low),
        ])
        XCTAssertEqual(r.changedPins, ["GP14", "GP15"])
        XCTAssertEqual(r.initialLevels["GP15"], .floating)
        XCTAssertEqual(r.dropped, 0)
    }

    func testFloatingIsRecordedEvenWhenTheLevelStays() throws {
        let b = try pico()
        let p = b.pin(named: "GP2")!
        b.gpio.configure(p, direction: .output, value: false)
        let r = TraceRecorder(board: b)
        XCTAssertEqual(r.initialLevels["GP2"], .low)
        b.advance(to: 10)
        b.gpio.configure(p, direction: .input)          // released: reads low still, but nothing drives it
        b.advance(to: 20)
        b.gpio.drive(p, by: "button", false)            // a part pulls it low
        b.advance(to: 30)
        b.gpio.drive(p, by: "button", nil)
        XCTAssertEqual(r.events, [
            .pin(time: 10, pin: "GP2", level: .floating),
            .pin(time: 20, pin: "GP2", level: .low),
            .pin(time: 30, pin: "GP2", level: .floating),
        ])
    }

    func testPinNamesFollowTheFlavour() throws {
        let b = try pico(.circuitpython)
        let r = TraceRecorder(board: b)
        b.gpio.configure(.ext(0), direction: .output, value: true)
        b.gpio.configure(.gpio(29), direction: .output, value: true)
        XCTAssertEqual(r.events.map { if case .pin(_, let n, _) = $0 { return n } else { return "" } },
                       ["LED", "VOLTAGE_MONITOR"])
    }

    func testTheCapDropsTheOldestAndFoldsThemIntoTheInitialState() throws {
        let b = try pico()
        let r = TraceRecorder(board: b, capacity: 3)
        let p = b.pin(named: "GP0")!
        b.gpio.configure(p, direction: .output)
        for i in 1...5 {
            b.advance(to: UInt64(i) * 100)
            b.gpio.write(p, i % 2 == 1)
        }
        XCTAssertEqual(r.dropped, 3)
        XCTAssertEqual(r.events, [
            .pin(time: 300, pin: "GP0", level: .high),
            .pin(time: 400, pin: "GP0", level: .low),
            .pin(time: 500, pin: "GP0", level: .high),
        ])
        XCTAssertEqual(r.initialTime, 200)
        XCTAssertEqual(r.initialLevels["GP0"], .low)
        XCTAssertTrue(r.vcd().contains("#200\n$dumpvars\n0!\n$end\n#300\n1!\n#400\n0!\n#500\n1!\n"), r.vcd())
    }

    func testStoppedRecorderHearsNothing() throws {
        let b = try pico()
        let r = TraceRecorder(board: b)
        b.gpio.configure(.gpio(1), direction: .output, value: true)
        r.stop()
        b.gpio.write(.gpio(1), false)
        _ = b.i2cController(0)!.write(0x10, [1])
        XCTAssertEqual(r.events.count, 1)
    }

    func testI2CTransfersAreRecorded() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        let t = FakeI2CTarget(address: 0x76)
        t.registers[0xD0] = 0x60
        bus.attach(t)
        let r = TraceRecorder(board: b)
        b.advance(to: 1_000)
        XCTAssertEqual(bus.readMemory(0x76, register: [0xD0], count: 1), .success([0x60]))
        let afterRead = b.clock.now
        XCTAssertEqual(bus.write(0x3C, [0x00]), .failure(.nack(acked: 0)))
        let x = r.i2cTransfers
        guard x.count == 2 else { return XCTFail("expected 2 transfers, got \(x)") }
        XCTAssertEqual(x[0], I2CTransfer(controller: 0, address: 0x76, segments: [
            .init(read: false, addressAcked: true, bytes: [0xD0], acked: 1),
            .init(read: true, addressAcked: true, bytes: [0x60], acked: 0),
        ], stop: true, frequency: 400_000, start: 1_000, end: afterRead))
        XCTAssertEqual(afterRead - 1_000, bus.duration(bytes: 4, conditions: 3))
        XCTAssertTrue(x[0].isRead)
        XCTAssertTrue(x[0].acknowledged)
        XCTAssertEqual(x[1].address, 0x3C)
        XCTAssertFalse(x[1].acknowledged)
        XCTAssertEqual(x[1].bytes, [], "a NACKed address puts no data byte on the bus")
        XCTAssertEqual(x[1].end, b.clock.now)
    }

    func testADataNACKKeepsTheNACKedByte() throws {
        final class Picky: I2CTarget {
            let address: UInt8 = 0x20
            func i2cWrite(_ bytes: [UInt8]) -> Int { min(bytes.count, 1) }
            func i2cRead(count: Int) -> [UInt8] { [] }
        }
        let b = try pico()
        let bus = b.i2cController(1)!
        bus.attach(Picky())
        let r = TraceRecorder(board: b)
        XCTAssertEqual(bus.write(0x20, [1, 2, 3]), .failure(.nack(acked: 1)))
        XCTAssertEqual(r.i2cTransfers.first?.segments, [.init(read: false, addressAcked: true, bytes: [1, 2], acked: 1)])
        XCTAssertEqual(r.i2cTransfers.first?.controller, 1)
    }

    // MARK: VCD

    func testPinTogglesGiveTheExactVCD() throws {
        let b = try pico()
        let r = TraceRecorder(board: b)
        toggles(b)
        XCTAssertEqual(r.vcd(), """
        $version Breadbox $end
        $timescale 1 ns $end
        $scope module pico_w $end
        $var wire 1 ! GP14 $end
        $var wire 1 " GP15 $end
        $upscope $end
        $enddefinitions $end
        #0
        $dumpvars
        z!
        z"
        $end
        #1000
        0"
        #2500
        1!
        1"
        #4000
        0"

        """)
    }

    func testI2CLinesAtOneHundredKilohertz() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        bus.frequency = 100_000                     // 10 µs a clock, 2.5 µs a quarter
        let r = TraceRecorder(board: b)
        _ = bus.write(0x7F, [])                     // nobody there: START, 0xFE, NACK, STOP
        let v = r.vcd()
        let sections = v.components(separatedBy: "$enddefinitions $end\n")
        guard sections.count == 2 else { return XCTFail("no header end in:\n\(v)") }
        let body = sections[1]
        // START: SDA falls at q2 (5 µs), SCL at q3; bits 1111111 0 then NACK (1); STOP in the 11th clock.
        XCTAssertTrue(body.hasPrefix("#0\n$dumpvars\n1!\n1\"\n$end\n#5000\n0\"\n#7500\n0!\n#10000\n1\"\n#12500\n1!\n#17500\n0!\n"), body)
        XCTAssertTrue(body.hasSuffix("#100000\n0\"\n#102500\n1!\n#105000\n1\"\n"), body)
        XCTAssertEqual(bus.busyNanoseconds, 110_000)
    }

    func testIdentifiersArePrintableAndDistinct() {
        XCTAssertEqual(VCDWriter.identifier(0), "!")
        XCTAssertEqual(VCDWriter.identifier(93), "~")
        XCTAssertEqual(VCDWriter.identifier(94), "!!")
        XCTAssertEqual(VCDWriter.identifier(95), "\"!")
        let ids = (0..<20_000).map(VCDWriter.identifier)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertTrue(ids.allSatisfy { $0.unicodeScalars.allSatisfy { (33...126).contains($0.value) } })
    }

    func testManySignalsGetMultiCharacterIdentifiers() {
        let signals = (0..<100).map { VCDWriter.Signal(name: "s\($0)", initial: "0") }
        let v = VCDWriter(module: "m").write(signals: signals, start: 0, changes: [.init(time: 5, signal: 99, value: "1")])
        XCTAssertTrue(v.contains("$var wire 1 &! s99 $end\n"))
        XCTAssertTrue(v.hasSuffix("#5\n1&!\n"))
    }

    /// A busy run: pins toggling from a timer while I2C transfers go on.
    func busyRun() throws -> String {
        let b = try pico()
        let bus = b.i2cController(0)!
        let t = FakeI2CTarget(address: 0x76)
        for i in 0..<256 { t.registers[i] = UInt8(i ^ 0x5A) }
        bus.attach(t)
        let r = TraceRecorder(board: b, capacity: 500)
        let led = b.pin(named: "LED")!
        b.gpio.configure(led, direction: .output)
        let timer = b.makeTimer()
        var on = false
        timer.start(period: 7_000, mode: .periodic) { on.toggle(); b.gpio.write(led, on) }
        for k in 0..<20 {
            _ = bus.readMemory(0x76, register: [UInt8(0xF7 &+ UInt8(k))], count: 3)
            _ = bus.write(0x76, [0x10, UInt8(k)])
            b.advance(by: 30_000)
        }
        return r.vcd()
    }

    func testTwoIdenticalRunsGiveByteIdenticalFiles() throws {
        let a = try busyRun(), c = try busyRun()
        XCTAssertEqual(Array(a.utf8), Array(c.utf8))
        XCTAssertTrue(a.contains("LED"))
        XCTAssertTrue(a.contains("I2C0_SDA"))
    }

    // MARK: A real VCD reader

    static let pyvcdVersion = "0.5.1"

    /// pyvcd from PyPI, installed once under `<build folder>/pypi-cache`, or pip's message.
    static let pyvcd = PyPI.install("pyvcd", pyvcdVersion, marker: "vcd/reader.py")

    /// Reads a VCD with pyvcd's tokenizer; one line per header item and per value change.
    static let readerScript = #"""
    import sys
    from vcd.reader import TokenKind, tokenize
    names = {}
    scope = []
    time = None
    with open(sys.argv[1], "rb") as f:
        for tok in tokenize(f):
            k = tok.kind
            if k is TokenKind.VERSION:
                print("version", tok.version.strip())
            elif k is TokenKind.TIMESCALE:
                print("timescale", int(tok.timescale.magnitude), tok.timescale.unit.value)
            elif k is TokenKind.SCOPE:
                scope.append(tok.scope.ident)
                print("scope", tok.scope.type_.value, tok.scope.ident)
            elif k is TokenKind.UPSCOPE:
                scope.pop()
            elif k is TokenKind.VAR:
                v = tok.var
                names[v.id_code] = v.reference
                print("var", v.type_.value, v.size, ".".join(scope + [v.reference]))
            elif k is TokenKind.CHANGE_TIME:
                time = tok.time_change
            elif k is TokenKind.CHANGE_SCALAR:
                print("change", time, names[tok.scalar_change.id_code], tok.scalar_change.value)
            elif k is TokenKind.DATE:
                print("date", tok.date)
    """#

    /// The lines pyvcd prints for `vcd`; fails (never skips) when pip cannot install it.
    func readWithPyvcd(_ vcd: String) throws -> [String] {
        let lib: URL
        switch Self.pyvcd {
        case .success(let url): lib = url
        case .failure(let e):
            XCTFail("pip could not install pyvcd from PyPI:\n\(e.message)")
            throw e
        }
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("breadbox-trace-\(UUID().uuidString).vcd")
        try Data(vcd.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = PyPI.run(["python3", "-c", Self.readerScript, file.path], env: ["PYTHONPATH": lib.path])
        XCTAssertEqual(r.status, 0, r.output)
        return r.output.split(separator: "\n").map(String.init)
    }

    func testPyvcdReadsThePinToggles() throws {
        let b = try pico()
        let r = TraceRecorder(board: b)
        toggles(b)
        XCTAssertEqual(try readWithPyvcd(r.vcd()), [
            "version Breadbox",
            "timescale 1 ns",
            "scope module pico_w",
            "var wire 1 pico_w.GP14",
            "var wire 1 pico_w.GP15",
            "change 0 GP14 z",
            "change 0 GP15 z",
            "change 1000 GP15 0",
            "change 2500 GP14 1",
            "change 2500 GP15 1",
            "change 4000 GP15 0",
        ])
    }

    /// pyvcd reads a busy run; decoding its SCL/SDA transitions as a logic
    /// analyser's I2C decoder would gives back the recorded transfers, and the
    /// LED transitions are the recorded ones.
    func testPyvcdReadsTheI2CLinesBackIntoTheTransfers() throws {
        let b = try pico()
        let bus = b.i2cController(0)!
        let t = FakeI2CTarget(address: 0x76)
        for i in 0..<256 { t.registers[i] = UInt8(i ^ 0x5A) }
        bus.attach(t)
        let r = TraceRecorder(board: b)
        let led = b.pin(named: "LED")!
        b.gpio.configure(led, direction: .output)
        let timer = b.makeTimer()
        var on = false
        timer.start(period: 7_000, mode: .periodic) { on.toggle(); b.gpio.write(led, on) }
        _ = bus.readMemory(0x76, register: [0xF7], count: 3)
        _ = bus.write(0x76, [0x10, 0x42])
        _ = bus.write(0x11, [0x01])                      // NACK
        b.advance(by: 20_000)

        let lines = try readWithPyvcd(r.vcd())
        XCTAssertTrue(lines.contains("var wire 1 pico_w.I2C0_SCL"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("var wire 1 pico_w.I2C0_SDA"))
        var scl = true, sda = true
        var decoded: [String] = []
        var bits: [Int] = []
        var ledChanges: [String] = []
        for l in lines where l.hasPrefix("change ") {
            let f = l.split(separator: " ")
            guard f.count >= 4 else { XCTFail("short change line: \(l)"); continue }
            let (time, name, value) = (f[1], f[2], f[3])
            switch name {
            case "I2C0_SCL":
                let v = value == "1"
                if v && !scl { bits.append(sda ? 1 : 0) }    // sample SDA on the rising edge
                scl = v
            case "I2C0_SDA":
                let v = value == "1"
                if scl && time != "0" {
                    if !v && sda { decoded.append("S"); bits = [] }      // START / repeated START
                    else if v && !sda { decoded.append("P") }            // STOP
                }
                sda = v
            case "LED":
                ledChanges.append("\(time):\(value)")
            default: XCTFail("unexpected signal \(name)")
            }
            if bits.count == 9 {
                let byte = bits[0..<8].reduce(0) { $0 << 1 | $1 }
                decoded.append(String(format: "%02X%@", byte, bits[8] == 0 ? "+" : "-"))
                bits = []
            }
        }
        // 0x76 write → EC, register F7; repeated START; 0x76 read → ED, three bytes, the last NACKed.
        XCTAssertEqual(decoded.joined(separator: " "),
                       "S EC+ F7+ S ED+ AD+ A2+ A3- P S EC+ 10+ 42+ P S 22- P")
        let expectedLED = r.events.compactMap { e -> String? in
            if case .pin(let time, "LED", let l) = e { return "\(time):\(l.rawValue)" } else { return nil }
        }
        XCTAssertEqual(Array(ledChanges.dropFirst()), expectedLED)
        XCTAssertGreaterThan(expectedLED.count, 10)
    }
}
