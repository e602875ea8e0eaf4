import XCTest
@testable import BoardEmulator

/// The DHT22 on its wire, driven as a host drives it: a start signal, then the
/// answer's levels timed edge by edge.
final class DHT22Tests: XCTestCase {
    let pin = PinRef.gpio(2)
    let us: UInt64 = 1_000

    func sensor(temperature: Double? = nil, humidity: Double? = nil, room: Environment = Environment(temperature: 22, humidity: 45))
        throws -> (Board, DHT22) {
        let b = try Board(id: "pico_w", flavour: .micropython)
        return (b, DHT22(id: "dht", gpio: b.gpio, pin: pin, environment: room, temperature: temperature, humidity: humidity))
    }

    /// Pulls the wire low for `lowFor`, lets go, and records every edge the sensor
    /// makes in the next 10 ms: (ns after letting go, level).
    func startSignal(_ b: Board, lowFor: UInt64 = 18_000_000) -> [(UInt64, Bool)] {
        var edges: [(UInt64, Bool)] = []
        b.gpio.configure(pin, direction: .openDrain, value: false)
        b.advance(by: lowFor)
        let released = b.clock.now
        let id = b.gpio.addListener(pin) { _, level in
            if b.clock.now > released { edges.append((b.clock.now - released, level)) }
        }
        b.gpio.write(pin, true)
        b.advance(by: 10_000_000)
        b.gpio.removeListener(id)
        return edges
    }

    /// The bytes in the edges, decoded as dht.c does (a high over 48 µs is a 1).
    func decode(_ edges: [(UInt64, Bool)]) -> [UInt8] {
        // Rises after the response: the first is the 80 µs high, then one per bit.
        let rises = edges.indices.filter { edges[$0].1 && $0 + 1 < edges.count }
        var bytes = [UInt8](repeating: 0, count: 5)
        for (i, r) in rises.dropFirst().prefix(40).enumerated() {
            let high = edges[r + 1].0 - edges[r].0
            bytes[i / 8] = bytes[i / 8] << 1 | (high > 48 * us ? 1 : 0)
        }
        return bytes
    }

    func testTheFrameEncodesTenthsTheSignBitAndTheChecksum() {
        XCTAssertEqual(DHT22.encode(temperature: 35.1, humidity: 65.2), [0x02, 0x8C, 0x01, 0x5F, 0xEE], "the AM2302 datasheet's example")
        XCTAssertEqual(DHT22.encode(temperature: -10.1, humidity: 0), [0x00, 0x00, 0x80, 0x65, 0xE5], "below 0 °C the top bit is set")
        XCTAssertEqual(DHT22.decode([0x00, 0x00, 0x80, 0x65, 0xE5]).temperature, -10.1, accuracy: 1e-9)
        XCTAssertEqual(DHT22.encode(temperature: 95, humidity: 120), DHT22.encode(temperature: 80, humidity: 100), "clamped to its range")
        XCTAssertEqual(DHT22.encode(temperature: -0.01, humidity: 50)[2], 0, "rounded to 0.0 there is no sign")
    }

    func testAStartSignalIsAnsweredWithTheResponseAndFortyBits() throws {
        let (b, d) = try sensor(temperature: -12.5, humidity: 63.4)
        b.gpio.configure(pin, direction: .input)
        XCTAssertTrue(b.gpio.read(pin), "the module's pull-up holds the idle wire high")
        let edges = startSignal(b)
        XCTAssertEqual(edges.count, 3 + 80 + 1, "response low, high and the first bit's low; 40 × (high, low); the release")
        XCTAssertEqual(edges.first?.0, 30 * us, "T_go after the host lets go")
        XCTAssertEqual(edges[1].0 - edges[0].0, 80 * us)
        XCTAssertEqual(edges[2].0 - edges[1].0, 80 * us)
        let bytes = decode(edges)
        XCTAssertEqual(bytes, DHT22.encode(temperature: -12.5, humidity: 63.4))
        XCTAssertEqual(DHT22.decode(bytes).temperature, -12.5, accuracy: 1e-9)
        let total = try XCTUnwrap(edges.last?.0)
        XCTAssertGreaterThan(total, 4_000 * us, "a transaction takes the datasheet's ~5 ms")
        XCTAssertLessThan(total, 5_500 * us)
        XCTAssertTrue(b.gpio.read(pin), "and the wire is let go")
        XCTAssertEqual(d.readsAnswered, 1)
    }

    func testAShortLowIsNotAStartSignal() throws {
        let (b, d) = try sensor()
        XCTAssertTrue(startSignal(b, lowFor: 500_000).isEmpty)
        XCTAssertEqual(d.readsAnswered, 0)
    }

    func testAReadSendsTheLastMeasurementAndANewOneTakesTwoSeconds() throws {
        let room = Environment(temperature: 20, humidity: 50)
        let (b, d) = try sensor(room: room)
        room.ambientTimeConstant = 0
        XCTAssertEqual(DHT22.decode(decode(startSignal(b))).temperature, 20, "the power-on measurement")
        room.temperature = 30; room.humidity = 70
        XCTAssertEqual(DHT22.decode(decode(startSignal(b))).temperature, 20, "0.03 s later: no new measurement yet")
        b.advance(by: 2_000_000_000)
        let third = DHT22.decode(decode(startSignal(b)))
        XCTAssertEqual(third.temperature, 30, "measured after the first read, 2 s ago")
        XCTAssertEqual(third.humidity, 70)
        XCTAssertEqual(d.readsAnswered, 3)
    }

    func testItsOwnValuesOverrideTheRoomOneQuantityAtATime() throws {
        let room = Environment(temperature: 20, humidity: 50)
        let (b, d) = try sensor(temperature: -5.5, room: room)
        let r = DHT22.decode(decode(startSignal(b)))
        XCTAssertEqual(r.temperature, -5.5, accuracy: 1e-9)
        XCTAssertEqual(r.humidity, 50, "humidity is still the room's")
        d.temperature = nil
        b.advance(by: 2_100_000_000)
        XCTAssertEqual(DHT22.decode(decode(startSignal(b))).temperature, 20, "given back to the room")
    }

    func testNothingAnswersOnAnotherPin() throws {
        let (b, d) = try sensor()
        b.gpio.configure(.gpio(3), direction: .openDrain, value: false)
        var edges = 0
        let id = b.gpio.addListener(.gpio(3)) { _, _ in edges += 1 }
        b.advance(by: 18_000_000)
        b.gpio.write(.gpio(3), true)
        b.advance(by: 10_000_000)
        b.gpio.removeListener(id)
        XCTAssertEqual(edges, 0, "released with no pull-up and no sensor, the wire floats where it was")
        XCTAssertEqual(d.readsAnswered, 0)
    }
}
