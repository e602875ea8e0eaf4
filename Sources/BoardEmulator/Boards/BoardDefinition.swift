import Foundation

/// Which firmware runs on the board. Pin names, clocks, heap sizes and errno
/// values differ between the two.
public enum FirmwareFlavour: String, Codable, CaseIterable, Sendable {
    case micropython, circuitpython
}

/// A pin of the board: a GPIO of the MCU, or a GPIO of a companion chip
/// (the Pico W's CYW43 drives the LED from its WL_GPIO0).
public enum PinRef: Hashable, Sendable, CustomStringConvertible {
    case gpio(Int)
    case ext(Int)

    /// The CPU name MicroPython prints: `GPIO4`, `EXT_GPIO0`.
    public var description: String {
        switch self {
        case .gpio(let n): return "GPIO\(n)"
        case .ext(let n): return "EXT_GPIO\(n)"
        }
    }

    public var gpioNumber: Int? { if case .gpio(let n) = self { return n } else { return nil } }
}

/// One board, as data (`BoardDefs/<id>.json`). Adding a board is writing a file.
/// Field meanings are documented on each nested type; `load(from:)` refuses unknown
/// keys, missing fields and out-of-range values, naming the file and the field.
public struct BoardDefinition: Codable, Sendable {
    public var id: String
    /// "RP2040", "ESP32S3": the MCU name in the MicroPython banner.
    public var mcu: String
    /// The MicroPython port the board's firmware is built from (`ports/rp2`,
    /// `ports/esp32`). What differs between ports and not between boards of one
    /// port follows it: error texts, I2C pin rules, clock dividers, the
    /// `rp2`/`esp32` modules.
    public var port: Port
    public var names: Names
    /// GPIO numbers of the MCU are 0..<gpioCount (RP2040: 30, ESP32-S3: 49).
    public var gpioCount: Int
    /// GPIOs on a companion chip (CYW43: 3).
    public var extPinCount: Int
    public var sramBytes: Int
    /// External PSRAM (nil or 0: none). The ESP32-S3-DevKitC-1-N8 has none; the
    /// N8R2/N8R8 variants have 2 or 8 MiB (docs/HARDWARE.md §3).
    public var psramBytes: Int?
    public var flashBytes: Int
    public var flavours: Flavours
    public var pins: [PinDef]
    public var i2c: [I2CBusDef]
    public var spi: [SPIBusDef]
    public var uart: [UARTDef]
    public var adc: ADCDef
    public var pwm: PWMDef
    /// Capacitive touch inputs (ESP32-S3 TOUCH1–14 = GPIO1–14).
    public var touchPins: [Int]
    /// Largest watchdog timeout the hardware allows (RP2040: 8388 ms; 0 = no limit).
    public var watchdogMaxMilliseconds: Int
    /// True when leaving deep sleep resets the chip (ESP32-S3) with its own reset cause.
    public var deepSleepResets: Bool
    public var layout: Layout
    /// How Wokwi's diagram.json names this board and its pins (nil: Wokwi has no such board).
    public var wokwi: WokwiBoard?

    public struct Names: Codable, Sendable {
        /// MicroPython banner / `os.uname().machine`: "<board> with <MCU>".
        public var micropython: String
        /// CircuitPython banner name.
        public var circuitpython: String
        /// `board.board_id`.
        public var circuitpythonBoardID: String
        /// CircuitPython's creator and creation ids (the web workflow's
        /// version.json): the board's USB VID and PID (supervisor/supervisor.mk).
        public var circuitpythonCreatorID: Int
        public var circuitpythonCreationID: Int
    }

    public struct Flavours: Codable, Sendable {
        public var micropython: Flavour
        public var circuitpython: Flavour
    }

    public enum Port: String, Codable, Sendable {
        case rp2, esp32
    }

    /// Facts that depend on the firmware.
    public struct Flavour: Codable, Sendable {
        /// `sys.platform`: "rp2", "esp32" (MicroPython); "RP2040", "Espressif" (CircuitPython).
        public var platform: String
        /// `os.uname().sysname`: "rp2", "esp32"; "rp2040", "esp32s3".
        public var sysname: String
        /// CPU clock at boot.
        public var cpuHz: Int
        /// `gc.mem_free()` + allocated at start (see `heapNote` for how firm the figure is).
        public var heapBytes: Int
        public var heapNote: String
        public var filesystemBytes: Int
        /// RTC value at power-on, ISO "YYYY-MM-DDTHH:MM:SS".
        public var rtcStart: String
        public var errno: ErrnoTable
        /// Buses the firmware builds without pins given (MicroPython `I2C(0)`),
        /// or board objects (CircuitPython `board.STEMMA_I2C()`).
        public var i2cDefaults: [I2CDefault]
        /// The published benchmark loop the pacing is calibrated from (docs/HARDWARE.md §4).
        public var referenceLoop: ReferenceLoop
    }

    /// errno values the firmware raises as `OSError` for bus failures (docs/HARDWARE.md §5).
    public struct ErrnoTable: Codable, Sendable {
        /// NACK on a transfer with data (MicroPython rp2: EIO 5; esp32 and CircuitPython: ENODEV 19).
        public var i2cNack: Int
        /// NACK on a zero-length write (MicroPython rp2's bit-banged path: ENODEV 19).
        public var i2cProbeNack: Int
        /// Bus timeout (ETIMEDOUT: 110 newlib-less ports, 116 on esp32's newlib).
        public var i2cTimeout: Int
        /// The port's ETIMEDOUT, which every wait that runs out raises (MP's
        /// `drivers/dht/dht.c` when no sensor answers); the I2C timeout is one.
        public var timedOut: Int { i2cTimeout }
    }

    public struct I2CDefault: Codable, Sendable {
        public var bus: Int
        /// A `board` object name (`STEMMA_I2C`), or nil for a numbered bus.
        public var name: String?
        public var scl: Int
        public var sda: Int
        public var frequency: Int
    }

    public struct ReferenceLoop: Codable, Sendable {
        /// Wall time of one iteration of `for i in range(N): C = p[1] + p[2]`.
        public var secondsPerIteration: Double
        /// Bytecode instructions per iteration of that loop.
        public var instructionsPerIteration: Double
        /// CPU clock during the measurement.
        public var measuredAtHz: Int
        public var source: String
        /// The extra work of a float result, in instructions: MicroPython and
        /// CircuitPython allocate a boxed float for each one, which this VM
        /// (whose floats are unboxed) would otherwise count as free.
        public var floatResultInstructions: Int
        public var floatResultSource: String
    }

    public struct PinDef: Codable, Sendable {
        /// MCU GPIO number (exactly one of `gpio` / `ext`).
        public var gpio: Int?
        /// Companion-chip GPIO number.
        public var ext: Int?
        /// Names `machine.Pin("…")` accepts.
        public var micropython: [String]
        /// Names in CircuitPython's `board` module.
        public var circuitpython: [String]
        /// Whether `machine.Pin(n)` accepts the number (default true for MCU GPIOs).
        public var micropythonNumber: Bool?
        /// What the board uses the pin for, if anything.
        public var reservedFor: String?

        public var ref: PinRef { if let g = gpio { return .gpio(g) } else { return .ext(ext ?? 0) } }
    }

    /// Which pins each controller may use; nil lists mean any GPIO (ESP32 GPIO matrix).
    public struct I2CBusDef: Codable, Sendable {
        public var id: Int
        public var sda: [Int]?
        public var scl: [Int]?
    }

    public struct SPIBusDef: Codable, Sendable {
        public var id: Int
        public var sck: [Int]?
        public var mosi: [Int]?
        public var miso: [Int]?
    }

    public struct UARTDef: Codable, Sendable {
        public var id: Int
        public var tx: [Int]?
        public var rx: [Int]?
    }

    public struct ADCDef: Codable, Sendable {
        public var bits: Int
        /// Voltage giving the full-scale reading.
        public var fullScaleVolts: Double
        /// Conversion time charged to the clock per sample.
        public var sampleNanoseconds: Int
        public var channels: [ADCChannelDef]
        public var temperatureSensor: TemperatureSensorDef?
        /// Voltages the board itself puts on pins (Pico W: VSYS/3 on GPIO29).
        public var boardVoltages: [BoardVoltage]
    }

    public struct ADCChannelDef: Codable, Sendable {
        public var unit: Int
        public var channel: Int
        public var gpio: Int?
        /// "coreTemperature" for the internal sensor.
        public var source: String?
        public var note: String?
    }

    /// V = voltsAt27C + (T − 27)·voltsPerDegree (RP2040: 0.706 V, −1.721 mV/°C).
    public struct TemperatureSensorDef: Codable, Sendable {
        public var voltsAt27C: Double
        public var voltsPerDegree: Double
    }

    public struct BoardVoltage: Codable, Sendable {
        public var gpio: Int
        public var volts: Double
        public var note: String?
    }

    public enum PWMKind: String, Codable, Sendable {
        /// RP2040: slice = (gpio >> 1) % slices, channel A on even pins, B on odd;
        /// the two channels of a slice share its frequency.
        case slices
        /// ESP32 LEDC: each pin gets a channel of its own (up to `slices` of them).
        case channels
    }

    public struct PWMDef: Codable, Sendable {
        public var kind: PWMKind
        public var slices: Int
    }

    /// Drawing data for the window, in millimetres, origin at the top left.
    public struct Layout: Codable, Sendable {
        public var widthMM: Double
        public var heightMM: Double
        public var header: [HeaderPin]
    }

    public struct HeaderPin: Codable, Sendable {
        public var number: Int
        public var x: Double
        public var y: Double
        public var label: String
        public var gpio: Int?
        /// Header name when the board has several (DevKitC-1: J1, J3).
        public var header: String?
    }
}

// MARK: - Queries

extension BoardDefinition {
    public func flavour(_ f: FirmwareFlavour) -> Flavour {
        switch f {
        case .micropython: return flavours.micropython
        case .circuitpython: return flavours.circuitpython
        }
    }

    public func bannerName(_ f: FirmwareFlavour) -> String {
        f == .micropython ? names.micropython : names.circuitpython
    }

    /// The pin a name designates: `Pin("LED")` / `board.GP15`. Nil when the firmware has no such name.
    public func pin(named name: String, flavour f: FirmwareFlavour) -> PinRef? {
        for p in pins {
            let list = f == .micropython ? p.micropython : p.circuitpython
            if list.contains(name) { return p.ref }
        }
        return nil
    }

    /// The pin `machine.Pin(n)` designates (MicroPython only; CircuitPython has no numeric pins).
    public func pin(number n: Int, flavour f: FirmwareFlavour) -> PinRef? {
        guard f == .micropython else { return nil }
        guard let p = pins.first(where: { $0.gpio == n }), p.micropythonNumber ?? true else { return nil }
        return p.ref
    }

    /// All names the firmware has for a pin, in definition order.
    public func names(of pin: PinRef, flavour f: FirmwareFlavour) -> [String] {
        guard let p = pins.first(where: { $0.ref == pin }) else { return [] }
        return f == .micropython ? p.micropython : p.circuitpython
    }

    /// Every `board` attribute naming a pin (CircuitPython) or every `Pin("…")` name (MicroPython).
    public func allPinNames(flavour f: FirmwareFlavour) -> [String] {
        pins.flatMap { f == .micropython ? $0.micropython : $0.circuitpython }
    }

    public enum BusPinCheck: Equatable, Sendable { case ok, badSCL, badSDA, noSuchBus }

    /// Whether bus `id` may use these pins; SCL is checked before SDA as MicroPython rp2 does.
    public func checkI2CPins(bus id: Int, scl: Int, sda: Int) -> BusPinCheck {
        guard let b = i2c.first(where: { $0.id == id }) else { return .noSuchBus }
        if !(b.scl?.contains(scl) ?? isGPIO(scl)) { return .badSCL }
        if !(b.sda?.contains(sda) ?? isGPIO(sda)) { return .badSDA }
        return .ok
    }

    /// The bus a pin pair belongs to (CircuitPython picks the peripheral from the pins).
    public func i2cBus(scl: Int, sda: Int) -> Int? {
        i2c.first(where: { checkI2CPins(bus: $0.id, scl: scl, sda: sda) == .ok })?.id
    }

    public func isGPIO(_ n: Int) -> Bool { pins.contains { $0.gpio == n } }

    /// RP2040 PWM slice and channel (0 = A, 1 = B) of a GPIO; for per-channel
    /// hardware every pin is its own group (slice = gpio, channel 0).
    public func pwmSlice(ofGPIO g: Int) -> (slice: Int, channel: Int) {
        switch pwm.kind {
        case .slices: return ((g >> 1) % pwm.slices, g & 1)
        case .channels: return (g, 0)
        }
    }

    /// "PWM0_A" style name of a pin's PWM output (RP2040 naming).
    public func pwmName(ofGPIO g: Int) -> String {
        let s = pwmSlice(ofGPIO: g)
        return pwm.kind == .slices ? "PWM\(s.slice)_\(s.channel == 0 ? "A" : "B")" : "LEDC(GPIO\(g))"
    }

    public func adcChannel(forGPIO g: Int) -> ADCChannelDef? { adc.channels.first { $0.gpio == g } }

    public func adcChannel(unit: Int, channel: Int) -> ADCChannelDef? {
        adc.channels.first { $0.unit == unit && $0.channel == channel }
    }

    /// Error number for a failed I2C transfer under a firmware.
    public func errno(for failure: I2CFailure, flavour f: FirmwareFlavour, zeroLengthWrite: Bool = false) -> Int {
        let t = flavour(f).errno
        switch failure {
        case .nack: return zeroLengthWrite ? t.i2cProbeNack : t.i2cNack
        case .timeout: return t.i2cTimeout
        }
    }
}
