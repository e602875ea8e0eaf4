import BreadboxTestSupport
import Foundation
import XCTest

/// CircuitPython's `pulseio.PulseIn` timing a DHT22's answer, and Adafruit's DHT
/// driver from PyPI (unmodified in drive/lib, as circup installs it) reading it on both boards.
final class CircuitPythonDHTTests: XCTestCase {
    static let libraries = PyPI.libraries([("adafruit-circuitpython-dht", "4.0.12")], into: "circuitpython-dht-libs")
    var dirs: [URL] = []
    override func tearDown() { for d in dirs { try? FileManager.default.removeItem(at: d) } }

    /// A CircuitPython project with a DHT22 on `sda`; the program's output.
    func run(board: String, sda: String, dht: String = "", room: String = "", code: String, lib: URL? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpdht-\(UUID().uuidString)")
        dirs.append(dir)
        let drive = dir.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try """
        {"board": "\(board)", "flavor": "circuitpython"\(room),
         "parts": [{"id": "dht", "type": "dht22", "pins": {"SDA": "\(sda)"}\(dht)}]}
        """.write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try code.write(to: drive.appendingPathComponent("code.py"), atomically: true, encoding: .utf8)
        if let lib { try FileManager.default.copyItem(at: lib, to: drive.appendingPathComponent("lib")) }
        return try NetworkProjects.runHeadless(dir).printedText
    }

    func testPulseInRecordsTheAnswersPulsesAsTheSharedBindingsDescribe() throws {
        let out = try run(board: "pico_w", sda: "GP2", dht: #", "temperature": 35.1, "humidity": 65.2"#, code: """
            import board, pulseio, time
            p = pulseio.PulseIn(board.GP2, maxlen=81, idle_state=True)
            print(p.paused, len(p), p.maxlen)
            p.pause()
            p.clear()
            p.resume(1000)
            time.sleep(0.25)
            p.pause()
            print(p.paused, len(p), p[0], p[-1])
            highs = [p[i] for i in range(1, 80, 2)]
            bits = ''.join('1' if h > 51 else '0' for h in highs)
            print(hex(int(bits, 2)))
            print(p.popleft(), len(p))
            for bad in ("p[0:2]", "p[81]", "pulseio.PulseIn(board.GP2)"):
                try:
                    eval(bad)
                except Exception as e:
                    print(type(e).__name__, e)
            p.deinit()
            try:
                p.resume()
            except ValueError as e:
                print(e)
            """)
        // 83 pulses (response low, high, 40 bits' low and high, the last low): the oldest two make room.
        XCTAssertTrue(out.contains("""
            False 0 81
            True 81 50 50
            0x28c015fee
            50 80
            NotImplementedError Slices not supported
            IndexError PulseIn index out of range
            ValueError GP2 in use
            Object has been deinitialized and can no longer be used. Create a new object.
            """), out)
    }

    func testAdafruitDHTReadsADHT22BelowFreezingOnBothBoards() throws {
        let lib: URL
        switch Self.libraries {
        case .success(let url): lib = url
        case .failure(let e): return XCTFail("pip could not fetch adafruit-circuitpython-dht from PyPI:\n\(e.message)")
        }
        for (board, sda, other) in [("pico_w", "GP2", "GP3"), ("esp32s3", "IO15", "IO16")] {
            let out = try run(board: board, sda: sda, room: #", "environment": {"temperature": -7.3, "humidity": 81.2}"#, code: """
                import board, time, adafruit_dht
                d = adafruit_dht.DHT22(board.\(sda))
                print(d.temperature, d.humidity)
                t0 = time.monotonic()
                print(d.temperature, time.monotonic() - t0 < 0.01)
                d.exit()
                try:
                    adafruit_dht.DHT22(board.\(other)).temperature
                except RuntimeError as e:
                    print(e)
                """, lib: lib)
            // Within 2 s the driver keeps its last reading without reading again.
            XCTAssertTrue(out.contains("-7.3 81.2\n-7.3 True\nDHT sensor not found, check wiring\n"), "\(board): \(out)")
        }
    }
}
