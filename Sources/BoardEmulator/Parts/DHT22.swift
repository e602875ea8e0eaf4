/// The Aosong DHT22 (AM2302) temperature and humidity sensor on its single data
/// wire (`SDA`, as the AM2302 datasheet and Wokwi name it; docs/HARDWARE.md §8
/// gathers the facts). It senses the `Environment`, as the BME280 does, unless
/// it is given a `temperature` or `humidity` of its own, as Wokwi's DHT22 always
/// is (its attributes and sliders set what it reads, wokwi-dht22's docs).
///
/// The wire: the module's pull-up holds it high. The host pulls it low for at
/// least T_be (800 µs) and lets go; the sensor answers T_go (30 µs) later with
/// 80 µs low, 80 µs high, then 40 bits, each 50 µs low and 26 µs (0) or 70 µs (1)
/// high, and a last 50 µs low before it lets go: about 4.5 ms on the clock, every
/// edge a real level change the firmware times.
///
/// The frame: humidity ×10 and |temperature| ×10 as 16-bit big-endian numbers, the
/// temperature's top bit set below 0 °C, then the low byte of the sum of the four.
/// A read sends the result of the sensor's last measurement; after answering, the
/// sensor measures again, which takes the 2 s sampling period, and a read before
/// that gets the same result again (values "are each read out the results of
/// the last measurement", the AM2302 datasheet's notes on reading). So a change
/// shows up one read late, as on the real sensor. The first read sends what it finds then (the result of its
/// power-on measurement, in the room as it was set up before the board started).
public final class DHT22 {
    public let id: String
    public let gpio: GPIOBank
    public let pin: PinRef
    public let environment: Environment

    // Timings (AM2302 datasheet, Table "single-bus signal characteristics", typical values).
    public static let minimumStartLowNanoseconds: UInt64 = 800_000   // T_be, min
    public static let answerDelayNanoseconds: UInt64 = 30_000        // T_go
    public static let responseLowNanoseconds: UInt64 = 80_000        // T_rel
    public static let responseHighNanoseconds: UInt64 = 80_000       // T_reh
    public static let bitLowNanoseconds: UInt64 = 50_000             // T_LOW
    public static let zeroHighNanoseconds: UInt64 = 26_000           // T_H0
    public static let oneHighNanoseconds: UInt64 = 70_000            // T_H1
    public static let endLowNanoseconds: UInt64 = 50_000             // T_en
    /// The minimum time between reads, which a measurement takes (datasheet: 2 s).
    public static let samplingPeriodNanoseconds: UInt64 = 2_000_000_000
    /// The measuring range (the AM2302 datasheet): readings are clamped to it.
    public static let temperatureRange = -40.0...80.0
    public static let humidityRange = 0.0...100.0

    /// What it reads instead of the room's sensed temperature / humidity (nil: the room's).
    public var temperature: Double? { didSet { onChange?(self) } }
    public var humidity: Double? { didSet { onChange?(self) } }

    /// The five bytes the next read sends (nil until the first read: its power-on measurement).
    public private(set) var frame: [UInt8]?
    /// Reads answered since power-on.
    public private(set) var readsAnswered = 0
    /// True while the sensor drives the wire.
    public private(set) var isAnswering = false
    public var onChange: ((DHT22) -> Void)?

    private var lowSince: UInt64?
    private var measurement: VirtualClock.EventID?
    private var listener: Int?
    private var driverName: String { "dht22:\(id)" }

    public init(id: String, gpio: GPIOBank, pin: PinRef, environment: Environment,
                temperature: Double? = nil, humidity: Double? = nil) {
        self.id = id; self.gpio = gpio; self.pin = pin; self.environment = environment
        self.temperature = temperature; self.humidity = humidity
        // The module's pull-up resistor (the AM2302 has one built in).
        gpio.drive(pin, by: "\(driverName):pull-up", true)
        listener = gpio.addListener(pin) { [weak self] _, level in self?.heard(level) }
    }

    deinit { if let l = listener { gpio.removeListener(l) } }

    /// A measurement now: its own values, or the room's.
    private func measure() -> [UInt8] {
        environment.update(to: gpio.clock.now)
        return DHT22.encode(temperature: temperature ?? environment.sensedTemperature, humidity: humidity ?? environment.humidity)
    }

    /// The reading the next read sends, decoded.
    public var pendingReading: (temperature: Double, humidity: Double) { DHT22.decode(frame ?? measure()) }

    /// The frame for a reading, clamped to the sensor's range and rounded to its 0.1 resolution.
    public static func encode(temperature: Double, humidity: Double) -> [UInt8] {
        let t = min(max(temperature.isFinite ? temperature : 0, temperatureRange.lowerBound), temperatureRange.upperBound)
        let h = min(max(humidity.isFinite ? humidity : 0, humidityRange.lowerBound), humidityRange.upperBound)
        let h10 = Int((h * 10).rounded()), t10 = Int((abs(t) * 10).rounded())
        var bytes = [UInt8(h10 >> 8), UInt8(h10 & 0xFF), UInt8(t10 >> 8), UInt8(t10 & 0xFF)]
        if t10 > 0 && t < 0 { bytes[2] |= 0x80 }
        bytes.append(UInt8(truncatingIfNeeded: bytes.reduce(0) { $0 + Int($1) }))
        return bytes
    }

    /// The reading a frame carries (as MicroPython's dht.py and Adafruit's driver decode it).
    public static func decode(_ f: [UInt8]) -> (temperature: Double, humidity: Double) {
        guard f.count >= 4 else { return (0, 0) }
        let h = Double(Int(f[0]) << 8 | Int(f[1])) / 10
        let t = Double(Int(f[2] & 0x7F) << 8 | Int(f[3])) / 10
        return (f[2] & 0x80 != 0 ? -t : t, h)
    }

    // MARK: The wire

    private func heard(_ level: Bool) {
        if isAnswering { return }   // its own edges
        if !level { lowSince = gpio.clock.now; return }
        guard let since = lowSince else { return }
        lowSince = nil
        if gpio.clock.now - since >= DHT22.minimumStartLowNanoseconds { answer() }
    }

    /// Schedules the answer's edges: (time after the start signal ended, drive low?).
    private func answer() {
        isAnswering = true
        let frame = self.frame ?? measure()
        self.frame = frame
        var t = DHT22.answerDelayNanoseconds
        var edges: [(UInt64, Bool)] = [(t, true)]
        t += DHT22.responseLowNanoseconds; edges.append((t, false))
        t += DHT22.responseHighNanoseconds; edges.append((t, true))
        for i in 0..<40 {
            let one = frame[i / 8] & (0x80 >> UInt8(i % 8)) != 0
            t += DHT22.bitLowNanoseconds; edges.append((t, false))
            t += one ? DHT22.oneHighNanoseconds : DHT22.zeroHighNanoseconds; edges.append((t, true))
        }
        t += DHT22.endLowNanoseconds
        let clock = gpio.clock, start = clock.now
        for (at, low) in edges {
            _ = clock.schedule(at: start + at) { [weak self] in
                guard let me = self else { return }
                me.gpio.drive(me.pin, by: me.driverName, low ? false : nil)
            }
        }
        _ = clock.schedule(at: start + t) { [weak self] in
            guard let me = self else { return }
            me.gpio.drive(me.pin, by: me.driverName, nil)
            me.isAnswering = false
            me.readsAnswered += 1
            me.startMeasurement()
            me.onChange?(me)
        }
    }

    /// Measures again unless a measurement is already running; its result is
    /// what the reads after it completes send.
    private func startMeasurement() {
        guard measurement == nil else { return }
        measurement = gpio.clock.schedule(after: DHT22.samplingPeriodNanoseconds) { [weak self] in
            guard let me = self else { return }
            me.measurement = nil
            me.frame = me.measure()
            me.onChange?(me)
        }
    }
}
