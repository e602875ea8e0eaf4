import Foundation

/// A refused `circuit.json` or `--set`.
public typealias CircuitError = FileFieldError

/// What is wired to the board (`circuit.json`):
///
///     {"board": "pico_w", "flavor": "circuitpython",
///      "environment": {"temperature": 24.0, "humidity": 45.0, "pressure": 1013.25},
///      "parts": [{"id": "fan_relay", "type": "relay", "pins": {"IN": "GP15"}, "load": "fan"}, …]}
///
/// Pins are named as CircuitPython's `board` module names them (`GP4` on the
/// Pico W, `IO8` on the ESP32-S3); names of the chosen flavour are accepted too.
/// Part types and their fields:
///
/// | type | pins | fields |
/// |---|---|---|
/// | `bme280` | `SDA`, `SCL` | `address` (118 or 119, default 119) |
/// | `led` | `A` | `color` (name or `#rrggbb`, default red), `activeLow` |
/// | `neopixel` | `DIN` | `count` (required), `bytesPerPixel` (3 or 4) |
/// | `relay` | `IN` | `load` (id of a fan), `activeLow` |
/// | `fan` | – | `maxRPM`, `spinUpSeconds`, `coastDownSeconds` |
/// | `button` | `A` | `bounce`, `wiredTo` (`GND` default, or `3V3`), `seed` |
/// | `potentiometer` | `SIG` (an ADC pin) | `position` (0…1, default 0.5) |
/// | `slide-switch` | `1`, `2`, `3`: one a pin, others `GND`, `3V3` or absent | `value` (0 left, 1 right), `bounce`, `seed` |
/// | `dht22` | `SDA` | `temperature` (−40…80), `humidity` (0…100): what it reads; absent, the environment's |
/// | `pull-resistor` | `A` | `wiredTo` (`3V3` default, or `GND`), `ohms` (default 10000) |
public struct Circuit: Codable, Sendable, Equatable {
    public var board: String
    public var flavor: String
    public var environment: EnvironmentSpec?
    public var parts: [PartSpec]
    /// The Wi-Fi and what is reachable through it (see `NetworkSpec`).
    public var network: NetworkSpec?
    /// The board's own part id in the Wokwi diagram the circuit came from
    /// (`pico`): Wokwi scenarios name the board by it.
    public var boardPartID: String?

    public struct EnvironmentSpec: Codable, Sendable, Equatable {
        public var temperature: Double?
        public var humidity: Double?
        public var pressure: Double?
        public init(temperature: Double? = nil, humidity: Double? = nil, pressure: Double? = nil) {
            self.temperature = temperature; self.humidity = humidity; self.pressure = pressure
        }
    }

    public struct PartSpec: Codable, Sendable, Equatable {
        public var id: String
        public var type: String
        public var pins: [String: String]?
        public var address: Int?
        public var load: String?
        public var color: String?
        public var activeLow: Bool?
        public var count: Int?
        public var bytesPerPixel: Int?
        public var bounce: Bool?
        public var wiredTo: String?
        public var seed: UInt64?
        public var position: Double?
        /// A slide switch's handle: 0 left (1–2 joined), 1 right (2–3 joined), as Wokwi's `value`.
        public var value: Int?
        /// What a DHT22 reads instead of the environment's.
        public var temperature: Double?
        public var humidity: Double?
        public var maxRPM: Double?
        public var spinUpSeconds: Double?
        public var coastDownSeconds: Double?
        /// A pull resistor's value.
        public var ohms: Double?

        public init(id: String, type: String, pins: [String: String]? = nil) {
            self.id = id; self.type = type; self.pins = pins
        }
    }

    public init(board: String, flavor: String, environment: EnvironmentSpec? = nil, parts: [PartSpec]) {
        self.board = board; self.flavor = flavor; self.environment = environment; self.parts = parts
    }

    /// Part types, with their pins and the optional fields they accept.
    public static let partTypes: [String: (pins: [String], fields: Set<String>)] = [
        "bme280": (["SDA", "SCL"], ["address"]),
        "led": (["A"], ["color", "activeLow"]),
        "neopixel": (["DIN"], ["count", "bytesPerPixel"]),
        "relay": (["IN"], ["load", "activeLow"]),
        "fan": ([], ["maxRPM", "spinUpSeconds", "coastDownSeconds"]),
        "button": (["A"], ["bounce", "wiredTo", "seed"]),
        "potentiometer": (["SIG"], ["position"]),
        "slide-switch": (SlideSwitch.Terminal.allCases.map(\.rawValue), ["value", "bounce", "seed"]),
        "dht22": (["SDA"], ["temperature", "humidity"]),
        "pull-resistor": (["A"], ["wiredTo", "ohms"]),
    ]

    public var firmwareFlavour: FirmwareFlavour? { FirmwareFlavour(rawValue: flavor) }

    // MARK: Loading

    /// Reads, decodes and validates a circuit file against its board definition.
    public static func load(from url: URL, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) -> Circuit {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CircuitError(file: file, field: "", reason: "cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, file: file, boardDirectory: boardDirectory)
    }

    public static func decode(_ data: Data, file: String, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) -> Circuit {
        let c: Circuit
        do {
            c = try JSONDecoder().decode(Circuit.self, from: data)
        } catch let e as DecodingError {
            let b = BoardDefinition.describe(e, file: file)
            throw CircuitError(file: file, field: b.field, reason: b.reason)
        } catch {
            throw CircuitError(file: file, field: "", reason: "\(error)")
        }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw CircuitError(file: file, field: "", reason: "is not valid JSON")
        }
        if let (path, key) = BoardDefinition.firstUnknownKey(json: json, value: c, path: "") {
            throw CircuitError(file: file, field: path.isEmpty ? key : "\(path).\(key)", reason: "unknown key")
        }
        _ = try c.validate(file: file, boardDirectory: boardDirectory)
        return c
    }

    /// The board definition the circuit names.
    public func boardDefinition(file: String, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) -> BoardDefinition {
        let known = BoardDefinition.availableIDs(in: boardDirectory)
        guard known.contains(board) else {
            throw CircuitError(file: file, field: "board", reason: "unknown board \"\(board)\" (known: \(known.joined(separator: ", ")))")
        }
        do { return try BoardDefinition.load(id: board, in: boardDirectory) } catch {
            throw CircuitError(file: file, field: "board", reason: "board definition refused: \(error)")
        }
    }

    /// A pin name as the circuit file gives it: CircuitPython's `board` name,
    /// or a name of the circuit's flavour.
    public static func resolvePin(_ name: String, definition: BoardDefinition, flavour: FirmwareFlavour) -> PinRef? {
        definition.pin(named: name, flavour: .circuitpython) ?? definition.pin(named: name, flavour: flavour)
    }

    /// A slide switch's terminals: exactly one on a pin of the board, each other
    /// on a rail (`GND`, `3V3`) or absent (wired to nothing).
    private func validateSwitchPins(_ pins: [String: String], _ f: String, _ def: BoardDefinition, _ fl: FirmwareFlavour,
                                    _ fail: (String, String) -> CircuitError) throws(CircuitError) {
        var onPins: [String] = []
        for (key, name) in pins.sorted(by: { $0.key < $1.key }) {
            if SlideSwitch.Rail(rawValue: name) != nil { continue }
            guard Circuit.resolvePin(name, definition: def, flavour: fl) != nil else {
                throw fail("\(f).pins.\(key)", "\"\(name)\" is not a pin of \(def.id) under \(fl.rawValue), GND or 3V3")
            }
            onPins.append(key)
        }
        if onPins.count != 1 {
            throw fail("\(f).pins", onPins.isEmpty ? "no terminal is on a pin of \(def.id)"
                                                    : "terminals \(onPins.joined(separator: ", ")) are each on a pin: a switch between pins is not modelled")
        }
    }

    /// Checks everything the decoder cannot; returns the board definition.
    @discardableResult
    public func validate(file: String, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) -> BoardDefinition {
        func fail(_ field: String, _ reason: String) -> CircuitError { CircuitError(file: file, field: field, reason: reason) }
        guard let fl = firmwareFlavour else {
            throw fail("flavor", "unknown flavour \"\(flavor)\" (known: \(FirmwareFlavour.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let def = try boardDefinition(file: file, boardDirectory: boardDirectory)
        try network?.validate(file: file)
        if let e = environment {
            for (name, v, range) in [("temperature", e.temperature, -40.0...85.0), ("humidity", e.humidity, 0.0...100.0),
                                     ("pressure", e.pressure, 300.0...1100.0)] {
                if let v, !range.contains(v) { throw fail("environment.\(name)", "\(v) is outside \(range.lowerBound)...\(range.upperBound)") }
            }
        }

        var ids: [String: Int] = [:]
        for (i, p) in parts.enumerated() {
            if p.id.isEmpty { throw fail("parts[\(i)].id", "must not be empty") }
            if let j = ids[p.id] { throw fail("parts[\(i)].id", "\"\(p.id)\" is already used by parts[\(j)]") }
            ids[p.id] = i
        }

        var i2cAddresses: [String: Int] = [:]  // "bus:address" → part index
        for (i, p) in parts.enumerated() {
            let f = "parts[\(i)]"
            guard let t = Circuit.partTypes[p.type] else {
                throw fail("\(f).type", "unknown part type \"\(p.type)\" (known: \(Circuit.partTypes.keys.sorted().joined(separator: ", ")))")
            }
            // Fields that do not belong to this type.
            let given: [(String, Bool)] = [("address", p.address != nil), ("load", p.load != nil), ("color", p.color != nil),
                                           ("activeLow", p.activeLow != nil), ("count", p.count != nil),
                                           ("bytesPerPixel", p.bytesPerPixel != nil), ("bounce", p.bounce != nil),
                                           ("wiredTo", p.wiredTo != nil), ("seed", p.seed != nil), ("position", p.position != nil),
                                           ("value", p.value != nil), ("temperature", p.temperature != nil),
                                           ("humidity", p.humidity != nil),
                                           ("maxRPM", p.maxRPM != nil), ("spinUpSeconds", p.spinUpSeconds != nil),
                                           ("coastDownSeconds", p.coastDownSeconds != nil), ("ohms", p.ohms != nil)]
            for (name, present) in given where present && !t.fields.contains(name) {
                throw fail("\(f).\(name)", "a \(p.type) has no \"\(name)\"")
            }
            // Pins: exactly the type's, each a pin of the board.
            let pins = p.pins ?? [:]
            if t.pins.isEmpty, p.pins != nil, !pins.isEmpty { throw fail("\(f).pins", "a \(p.type) has no pins") }
            for key in pins.keys.sorted() where !t.pins.contains(key) {
                throw fail("\(f).pins.\(key)", "a \(p.type) has no pin \"\(key)\" (pins: \(t.pins.joined(separator: ", ")))")
            }
            var refs: [String: PinRef] = [:]
            if p.type == "slide-switch" {
                try validateSwitchPins(pins, f, def, fl, fail)
                if let v = p.value, v != 0 && v != 1 { throw fail("\(f).value", "\(v) is not 0 (left) or 1 (right)") }
                continue
            }
            for key in t.pins {
                guard let name = pins[key] else { throw fail("\(f).pins", "missing pin \"\(key)\"") }
                guard let ref = Circuit.resolvePin(name, definition: def, flavour: fl) else {
                    throw fail("\(f).pins.\(key)", "\"\(name)\" is not a pin of \(def.id) under \(fl.rawValue)")
                }
                refs[key] = ref
            }
            switch p.type {
            case "bme280":
                let a = p.address ?? 0x77
                if a != 0x76 && a != 0x77 { throw fail("\(f).address", "\(a) is not a BME280 address (118 = 0x76 or 119 = 0x77)") }
                guard let sda = refs["SDA"]!.gpioNumber, let scl = refs["SCL"]!.gpioNumber else {
                    throw fail("\(f).pins", "SDA and SCL must be MCU GPIOs")
                }
                let buses = def.i2c.filter { def.checkI2CPins(bus: $0.id, scl: scl, sda: sda) == .ok }.map(\.id)
                guard !buses.isEmpty else {
                    throw fail("\(f).pins", "\(pins["SDA"]!)/\(pins["SCL"]!) are not the SDA/SCL pins of any I2C controller of \(def.id)")
                }
                for bus in buses {
                    let k = "\(bus):\(a)"
                    if let j = i2cAddresses[k] { throw fail("\(f).address", "\(a) is already used on I2C\(bus) by parts[\(j)]") }
                    i2cAddresses[k] = i
                }
            case "led":
                if let c = p.color, RGBColor(name: c) == nil {
                    throw fail("\(f).color", "\"\(c)\" is not a colour (names: \(RGBColor.named.keys.sorted().joined(separator: ", ")), or #rrggbb)")
                }
            case "neopixel":
                guard let n = p.count else { throw fail("\(f).count", "missing") }
                if !(1...1024).contains(n) { throw fail("\(f).count", "\(n) is outside 1...1024") }
                if let b = p.bytesPerPixel, b != 3 && b != 4 { throw fail("\(f).bytesPerPixel", "\(b) is not 3 or 4") }
            case "fan":
                if let v = p.maxRPM, !(v > 0) { throw fail("\(f).maxRPM", "must be positive") }
                if let v = p.spinUpSeconds, !(v >= 0) { throw fail("\(f).spinUpSeconds", "must not be negative") }
                if let v = p.coastDownSeconds, !(v >= 0) { throw fail("\(f).coastDownSeconds", "must not be negative") }
            case "button":
                if let w = p.wiredTo, PushButton.Wiring(rawValue: w) == nil { throw fail("\(f).wiredTo", "\"\(w)\" is not GND or 3V3") }
            case "dht22":
                if let v = p.temperature, !DHT22.temperatureRange.contains(v) { throw fail("\(f).temperature", "\(v) is outside -40.0...80.0") }
                if let v = p.humidity, !DHT22.humidityRange.contains(v) { throw fail("\(f).humidity", "\(v) is outside 0.0...100.0") }
            case "pull-resistor":
                if let w = p.wiredTo, w != "3V3" && w != "GND" { throw fail("\(f).wiredTo", "\"\(w)\" is not 3V3 or GND") }
                if let o = p.ohms, !(o > 0 && o.isFinite) { throw fail("\(f).ohms", "\(o) is not a resistance in ohms") }
            case "potentiometer":
                if let v = p.position, !(0...1).contains(v) { throw fail("\(f).position", "\(v) is outside 0...1") }
                if refs["SIG"]!.gpioNumber.flatMap({ def.adcChannel(forGPIO: $0) }) == nil {
                    throw fail("\(f).pins.SIG", "\"\(pins["SIG"]!)\" has no ADC channel")
                }
            default: break
            }
        }
        // Loads, once every part is known to be sound.
        for (i, p) in parts.enumerated() where p.type == "relay" {
            guard let l = p.load else { continue }
            guard let j = ids[l] else { throw fail("parts[\(i)].load", "no part has id \"\(l)\"") }
            if parts[j].type != "fan" { throw fail("parts[\(i)].load", "\"\(l)\" is a \(parts[j].type), not a load a relay can switch (fan)") }
        }
        return def
    }
}
