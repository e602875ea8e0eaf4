import BoardEmulator

/// What the window shows of the board at one instant, as plain values: the
/// firmware thread builds one, the window thread draws it. Nothing in it is
/// shared with the live emulator.
public struct BoardSnapshot: Sendable {
    public var virtualNanoseconds: UInt64 = 0
    public var state: RunState = .booting
    /// Pins the firmware set up, by reference.
    public var pins: [PinRef: PinView] = [:]
    public var parts: [PartView] = []
    /// The board's own RGB LEDs by pin (not parts of the circuit).
    public var onboardPixels: [PinRef: RGBColor] = [:]
    public var environment = EnvironmentView()
    public var wifi = WiFiView()

    public init() {}
}

/// Whether the firmware runs, and how the last run ended.
public enum RunState: String, Sendable {
    case booting, running, finished, crashed, interrupted, waiting, paused

    /// The status line's word.
    public var label: String {
        switch self {
        case .booting: return "booting"
        case .running: return "running"
        case .finished: return "finished"
        case .crashed: return "crashed"
        case .interrupted: return "stopped by Ctrl-C"
        case .waiting: return "waiting for a save"
        case .paused: return "paused"
        }
    }
}

public struct PinView: Equatable, Sendable {
    public var level: Bool
    public var isOutput: Bool
    /// PWM duty 0…1 when the pin is a PWM output.
    public var duty: Double?
    public init(level: Bool, isOutput: Bool, duty: Double? = nil) {
        self.level = level; self.isOutput = isOutput; self.duty = duty
    }
}

/// The room as the sensors see it.
public struct EnvironmentView: Equatable, Sendable {
    public var temperature = 22.0
    public var humidity = 45.0
    public var pressure = 1013.25
    /// The air at the sensor (follows the ambient, cooled by the fan).
    public var sensedTemperature = 22.0
    public init() {}
}

/// One part of the circuit and what it is doing.
public struct PartView: Sendable {
    public var id: String
    /// The part's pins and the board pins they go to: ("A", .gpio(16)).
    public var wires: [(name: String, pin: PinRef)]
    public var kind: Kind

    public enum Kind: Sendable {
        case led(colour: RGBColor, brightness: Double)
        case neoPixel(pixels: [RGBColor])
        case relay(energized: Bool, load: String?)
        case fan(rpm: Double, maxRPM: Double, revolutions: Double)
        case bme280(address: UInt8, temperature: Double, humidity: Double, pressure: Double, samples: Int)
        case button(pressed: Bool)
        case potentiometer(position: Double)
        /// The handle on the right (terminals 2–3 joined) or the left (1–2).
        case slideSwitch(right: Bool)
        /// What the next read sends, the reads answered so far, and whether its
        /// temperature / humidity are its own (else the room's).
        case dht22(temperature: Double, humidity: Double, reads: Int, ownTemperature: Bool, ownHumidity: Bool)
        /// Its value ("10 kΩ") and rail, and the level it holds its net at when nothing drives it.
        case pullResistor(value: String, toSupply: Bool)
    }

    public init(id: String, wires: [(name: String, pin: PinRef)], kind: Kind) {
        self.id = id; self.wires = wires; self.kind = kind
    }

    public var typeName: String {
        switch kind {
        case .led: return "LED"
        case .neoPixel: return "NeoPixel"
        case .relay: return "relay"
        case .fan: return "fan"
        case .bme280: return "BME280"
        case .button: return "button"
        case .potentiometer: return "potentiometer"
        case .slideSwitch: return "slide switch"
        case .dht22: return "DHT22"
        case .pullResistor(_, let up): return up ? "pull-up" : "pull-down"
        }
    }
}
