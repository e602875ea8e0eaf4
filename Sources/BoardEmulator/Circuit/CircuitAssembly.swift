import Foundation

/// One built part of a circuit.
public enum AssembledPart {
    case bme280(BME280, buses: [Int])
    case led(LED)
    case neoPixel(NeoPixel)
    case relay(Relay)
    case fan(Fan)
    case button(PushButton)
    case potentiometer(Potentiometer)
    case slideSwitch(SlideSwitch)
    case dht22(DHT22)
    case pullResistor(PullResistor)

    public var typeName: String {
        switch self {
        case .bme280: return "bme280"
        case .led: return "led"
        case .neoPixel: return "neopixel"
        case .relay: return "relay"
        case .fan: return "fan"
        case .button: return "button"
        case .potentiometer: return "potentiometer"
        case .slideSwitch: return "slide-switch"
        case .dht22: return "dht22"
        case .pullResistor: return "pull-resistor"
        }
    }
}

/// A powered board, its environment and the parts of a circuit, wired.
///
/// A BME280 goes on the I2C controller whose pin rules accept its SDA/SCL pins
/// (the Pico W has exactly one per pin pair); where any controller can route
/// any pins (ESP32-S3 GPIO matrix) it is attached to every controller, since
/// whichever one the firmware routes to those pins will see it. `i2cWiring`
/// records the pins so the firmware layer can check them.
public final class CircuitAssembly {
    public let circuit: Circuit
    public let board: Board
    public let environment: Environment
    /// Parts in file order.
    public private(set) var parts: [(id: String, part: AssembledPart)] = []
    /// Each BME280's bus pins and address: (part id, SDA, SCL, address).
    public private(set) var i2cWiring: [(id: String, sda: Int, scl: Int, address: UInt8)] = []
    /// Where the circuit came from (names errors).
    public let file: String
    /// The board's own RGB LED (the ESP32-S3-DevKitC-1's WS2812, the pin CircuitPython
    /// calls `NEOPIXEL`) when no part of the circuit is wired to that pin.
    public private(set) var onboardNeoPixel: NeoPixel?

    /// Builds the circuit (validating it first, so a hand-made `Circuit` is checked too).
    public init(circuit: Circuit, file: String = "circuit.json", clock: VirtualClock = VirtualClock(),
                boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) {
        let def = try circuit.validate(file: file, boardDirectory: boardDirectory)
        let fl = circuit.firmwareFlavour!
        self.circuit = circuit
        self.file = file
        board = Board(definition: def, flavour: fl, clock: clock)
        let defaults = Environment()
        environment = Environment(temperature: circuit.environment?.temperature ?? defaults.temperature,
                                  humidity: circuit.environment?.humidity ?? defaults.humidity,
                                  pressure: circuit.environment?.pressure ?? defaults.pressure)
        environment.update(to: clock.now)

        func pin(_ p: Circuit.PartSpec, _ key: String) -> PinRef {
            Circuit.resolvePin(p.pins![key]!, definition: def, flavour: fl)!
        }
        for p in circuit.parts {
            let built: AssembledPart
            switch p.type {
            case "bme280":
                let sda = pin(p, "SDA").gpioNumber!, scl = pin(p, "SCL").gpioNumber!
                let address = UInt8(p.address ?? 0x77)
                let sensor = BME280(address: address, clock: clock, environment: environment)
                let buses = def.i2c.filter { def.checkI2CPins(bus: $0.id, scl: scl, sda: sda) == .ok }.map(\.id)
                for b in buses { board.i2cController(b)?.attach(sensor) }
                i2cWiring.append((p.id, sda, scl, address))
                built = .bme280(sensor, buses: buses)
            case "led":
                built = .led(LED(id: p.id, board: board, pin: pin(p, "A"), color: p.color ?? "red", activeLow: p.activeLow ?? false)!)
            case "neopixel":
                built = .neoPixel(NeoPixel(id: p.id, pin: pin(p, "DIN"), count: p.count!, bytesPerPixel: p.bytesPerPixel ?? 3))
            case "relay":
                built = .relay(Relay(id: p.id, gpio: board.gpio, pin: pin(p, "IN"), activeLow: p.activeLow ?? false))
            case "fan":
                built = .fan(Fan(id: p.id, clock: clock, environment: environment, maxRPM: p.maxRPM ?? 3000,
                                 spinUpSeconds: p.spinUpSeconds ?? 1.5, coastDownSeconds: p.coastDownSeconds ?? 4))
            case "button":
                built = .button(PushButton(id: p.id, gpio: board.gpio, pin: pin(p, "A"),
                                           wiring: PushButton.Wiring(rawValue: p.wiredTo ?? "GND")!,
                                           bounce: p.bounce ?? false, seed: p.seed))
            case "potentiometer":
                built = .potentiometer(Potentiometer(id: p.id, gpio: board.gpio, pin: pin(p, "SIG"), position: p.position ?? 0.5))
            case "slide-switch":
                // Validated: exactly one terminal on a pin, the others on rails or absent.
                var rails: [SlideSwitch.Terminal: SlideSwitch.Rail] = [:]
                var gpioPin: (PinRef, SlideSwitch.Terminal)?
                for (key, name) in p.pins ?? [:] {
                    guard let terminal = SlideSwitch.Terminal(rawValue: key) else { continue }
                    if let r = SlideSwitch.Rail(rawValue: name) { rails[terminal] = r }
                    else if let ref = Circuit.resolvePin(name, definition: def, flavour: fl) { gpioPin = (ref, terminal) }
                }
                guard let (ref, terminal) = gpioPin else { fatalError("validated slide switch \(p.id)") }
                built = .slideSwitch(SlideSwitch(id: p.id, gpio: board.gpio, pin: ref, on: terminal, rails: rails,
                                                 right: p.value == 1, bounce: p.bounce ?? false, seed: p.seed))
            case "dht22":
                built = .dht22(DHT22(id: p.id, gpio: board.gpio, pin: pin(p, "SDA"), environment: environment,
                                     temperature: p.temperature, humidity: p.humidity))
            case "pull-resistor":
                built = .pullResistor(PullResistor(id: p.id, gpio: board.gpio, pin: pin(p, "A"),
                                                   toSupply: (p.wiredTo ?? "3V3") == "3V3", ohms: p.ohms ?? 10_000))
            default:
                fatalError("validated part type \(p.type)")
            }
            parts.append((p.id, built))
        }
        if let ref = def.pin(named: "NEOPIXEL", flavour: .circuitpython), neoPixel(on: ref) == nil {
            onboardNeoPixel = NeoPixel(id: "NEOPIXEL", pin: ref, count: 1)
        }
        // Loads last: every part exists by now.
        for p in circuit.parts where p.type == "relay" {
            if let l = p.load, let r = relay(p.id) { r.load = fan(l) }
        }
    }

    /// Loads `circuit.json` and builds it.
    public convenience init(contentsOf url: URL, clock: VirtualClock = VirtualClock(),
                            boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) {
        let c = try Circuit.load(from: url, boardDirectory: boardDirectory)
        try self.init(circuit: c, file: url.lastPathComponent, clock: clock, boardDirectory: boardDirectory)
    }

    // MARK: Lookup

    public func part(_ id: String) -> AssembledPart? { parts.first { $0.id == id }?.part }

    public func led(_ id: String) -> LED? { if case .led(let x)? = part(id) { return x }; return nil }
    public func neoPixel(_ id: String) -> NeoPixel? { if case .neoPixel(let x)? = part(id) { return x }; return nil }
    public func relay(_ id: String) -> Relay? { if case .relay(let x)? = part(id) { return x }; return nil }
    public func fan(_ id: String) -> Fan? { if case .fan(let x)? = part(id) { return x }; return nil }
    public func button(_ id: String) -> PushButton? { if case .button(let x)? = part(id) { return x }; return nil }
    public func potentiometer(_ id: String) -> Potentiometer? { if case .potentiometer(let x)? = part(id) { return x }; return nil }
    public func slideSwitch(_ id: String) -> SlideSwitch? { if case .slideSwitch(let x)? = part(id) { return x }; return nil }
    public func dht22(_ id: String) -> DHT22? { if case .dht22(let x)? = part(id) { return x }; return nil }
    /// The DHT22 whose data wire is on `pin` (for `dht_readinto`).
    public func dht22(on pin: PinRef) -> DHT22? {
        for (_, p) in parts { if case .dht22(let d) = p, d.pin == pin { return d } }
        return nil
    }
    public func bme280(_ id: String) -> BME280? { if case .bme280(let x, _)? = part(id) { return x }; return nil }

    /// The NeoPixel strip whose data input is on `pin` (for `neopixel_write`).
    public func neoPixel(on pin: PinRef) -> NeoPixel? {
        for (_, p) in parts { if case .neoPixel(let s) = p, s.pin == pin { return s } }
        if let o = onboardNeoPixel, o.pin == pin { return o }
        return nil
    }

    // MARK: Changing things while it runs (`--set id.name=value`)

    /// Attributes `setAttribute` accepts, per part type.
    public static let settableAttributes: [String: [String]] = [
        "led": ["color", "activeLow"],
        "button": ["pressed", "bounce"],
        "potentiometer": ["position"],
        "slide-switch": ["value", "bounce"],
        "fan": [], "relay": [], "neopixel": [], "bme280": [],
        "dht22": ["temperature", "humidity"],
    ]

    /// `--set alarm.color=green`, `--set knob.position=0.25`, `--set btn.pressed=true`.
    public func setAttribute(partID: String, name: String, value: String) throws(CircuitError) {
        let field = "\(partID).\(name)"
        func fail(_ reason: String) -> CircuitError { CircuitError(file: "--set", field: field, reason: reason) }
        guard let p = part(partID) else {
            throw fail("no part has id \"\(partID)\" (parts: \(parts.map(\.id).joined(separator: ", ")))")
        }
        let allowed = CircuitAssembly.settableAttributes[p.typeName] ?? []
        guard allowed.contains(name) else {
            throw fail(allowed.isEmpty ? "a \(p.typeName) has no settable attributes"
                                       : "a \(p.typeName) has no settable \"\(name)\" (settable: \(allowed.joined(separator: ", ")))")
        }
        func bool() throws(CircuitError) -> Bool {
            switch value.lowercased() {
            case "true", "1", "on", "yes": return true
            case "false", "0", "off", "no": return false
            default: throw fail("\"\(value)\" is not true or false")
            }
        }
        switch (p, name) {
        case (.led(let l), "color"):
            if !l.setColor(value) {
                throw fail("\"\(value)\" is not a colour (names: \(RGBColor.named.keys.sorted().joined(separator: ", ")), or #rrggbb)")
            }
        case (.led(let l), "activeLow"): l.activeLow = try bool()
        case (.button(let b), "pressed"): b.setPressed(try bool())
        case (.button(let b), "bounce"): b.bounce = try bool()
        case (.slideSwitch(let s), "value"):
            switch value.lowercased() {
            case "0", "left": s.setRight(false)
            case "1", "right": s.setRight(true)
            default: throw fail("\"\(value)\" is not 0 (left) or 1 (right)")
            }
        case (.slideSwitch(let s), "bounce"): s.bounce = try bool()
        // "room" gives the reading back to the environment.
        case (.dht22(let d), "temperature"):
            if value == "room" { d.temperature = nil; return }
            guard let v = Double(value), DHT22.temperatureRange.contains(v) else { throw fail("\"\(value)\" is not a number in -40...80 (or room)") }
            d.temperature = v
        case (.dht22(let d), "humidity"):
            if value == "room" { d.humidity = nil; return }
            guard let v = Double(value), DHT22.humidityRange.contains(v) else { throw fail("\"\(value)\" is not a number in 0...100 (or room)") }
            d.humidity = v
        case (.potentiometer(let k), "position"):
            guard let v = Double(value), (0...1).contains(v) else { throw fail("\"\(value)\" is not a number in 0...1") }
            k.position = v
        default:
            throw fail("cannot be set")
        }
    }

    /// `--set environment.temperature=31.5` (also `humidity`, `pressure`). The
    /// thermal model is brought up to now first, so the change counts from now.
    public func setEnvironment(name: String, value: String) throws(CircuitError) {
        func fail(_ reason: String) -> CircuitError { CircuitError(file: "--set", field: "environment.\(name)", reason: reason) }
        let ranges: [String: ClosedRange<Double>] = ["temperature": -40...85, "humidity": 0...100, "pressure": 300...1100]
        guard let range = ranges[name] else {
            throw fail("the environment has no \"\(name)\" (settable: humidity, pressure, temperature)")
        }
        guard let v = Double(value), v.isFinite else { throw fail("\"\(value)\" is not a number") }
        guard range.contains(v) else { throw fail("\(v) is outside \(range.lowerBound)...\(range.upperBound)") }
        environment.update(to: board.clock.now)
        switch name {
        case "temperature": environment.temperature = v
        case "humidity": environment.humidity = v
        default: environment.pressure = v
        }
    }
}
