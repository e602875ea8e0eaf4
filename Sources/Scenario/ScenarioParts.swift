import BoardEmulator

/// What a scenario may name in the circuit: parts and the board by id, their
/// pins, and the parts' user controls. One place, for the check before the
/// run and for the run itself.
enum ScenarioParts {
    /// Ids that name the board itself (there is no board part in circuit.json):
    /// `board`, the board's id (`pico_w`, `esp32s3`), or its part id in the
    /// Wokwi diagram the project came from (`pico`).
    static func boardIDs(_ assembly: CircuitAssembly) -> [String] {
        ["board", assembly.board.definition.id] + (assembly.circuit.boardPartID.map { [$0] } ?? [])
    }

    static func isBoard(_ id: String, _ assembly: CircuitAssembly) -> Bool {
        boardIDs(assembly).contains(id) && assembly.part(id) == nil
    }

    /// Every id a scenario may use, for error messages.
    static func knownIDs(_ assembly: CircuitAssembly) -> String {
        (assembly.parts.map(\.id) + boardIDs(assembly)).joined(separator: ", ")
    }

    /// The board pin behind `pin`, or why there is none.
    static func resolve(_ pin: ScenarioPin, _ assembly: CircuitAssembly) -> Result<PinRef, Refusal> {
        let def = assembly.board.definition, flavour = assembly.board.flavour
        if isBoard(pin.partID, assembly) {
            guard let ref = Circuit.resolvePin(pin.pin, definition: def, flavour: flavour) else {
                return .failure(Refusal("\"\(pin.pin)\" is not a pin of \(def.id)"))
            }
            return .success(ref)
        }
        guard let spec = assembly.circuit.parts.first(where: { $0.id == pin.partID }) else {
            return .failure(Refusal("no part has id \"\(pin.partID)\" (ids: \(knownIDs(assembly)))"))
        }
        let pins = spec.pins ?? [:]
        if let rail = pins[pin.pin], SlideSwitch.Rail(rawValue: rail) != nil {
            return .failure(Refusal("pin \(pin.pin) of \(spec.id) is on \(rail), not on a pin of the board"))
        }
        guard let wired = pins[pin.pin], let ref = Circuit.resolvePin(wired, definition: def, flavour: flavour) else {
            let names = pins.keys.sorted()
            return .failure(Refusal("a \(spec.type) has no pin \"\(pin.pin)\"" + (names.isEmpty ? " (it has no pins)" : " (pins: \(names.joined(separator: ", ")))")))
        }
        return .success(ref)
    }

    /// A part type's user controls and the values each accepts (as in the window:
    /// a button is pressed or not, a knob turns from 0 to 1, a BME280 senses the room).
    static let controls: [String: [String: ClosedRange<Double>]] = [
        "button": ["pressed": 0...1],
        "potentiometer": ["position": 0...1],
        "bme280": ["temperature": -40...85, "humidity": 0...100, "pressure": 300...1100],
        // Wokwi's controls: the switch's attribute `value` (0 left, 1 right), the
        // DHT22's sliders (wokwi-part-tests' dht22.test.yaml sets both) over its range,
        // which set what it reads rather than the room.
        "slide-switch": ["value": 0...1],
        "dht22": ["temperature": -40...80, "humidity": 0...100],
    ]

    /// Why `control` of part `partID` cannot be set to `value`, or nil when it can.
    static func refusal(partID: String, control: String, value: Double, _ assembly: CircuitAssembly) -> String? {
        if isBoard(partID, assembly) { return "the board has no controls" }
        guard let part = assembly.part(partID) else { return "no part has id \"\(partID)\" (ids: \(knownIDs(assembly)))" }
        guard let allowed = controls[part.typeName] else {
            return "a \(part.typeName) has no controls: the board drives it (read it with expect-pin)"
        }
        guard let range = allowed[control] else {
            return "a \(part.typeName) has no control \"\(control)\" (controls: \(allowed.keys.sorted().joined(separator: ", ")))"
        }
        guard range.contains(value) else { return "\(control) \(value) is outside \(range.lowerBound)...\(range.upperBound)" }
        if control == "pressed" && value != 0 && value != 1 { return "pressed is 0 or 1" }
        if part.typeName == "slide-switch" && value != 0 && value != 1 { return "value is 0 (left) or 1 (right)" }
        return nil
    }
}
