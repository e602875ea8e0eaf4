import Foundation

/// A Wokwi diagram as a Breadbox circuit: the board part chooses the board and
/// the firmware, each part that Breadbox models becomes the same part under the
/// same id, on the GPIO its net reaches. Whatever cannot be mapped is named, all
/// of it at once, in one `WokwiRefusal`; what is left out because it has no
/// electrical role is listed in `notes`.
public struct WokwiConversion {
    public var circuit: Circuit
    /// What was left out, and why (a label, an unwired part, the serial monitor's wires).
    public var notes: [String]

    /// The firmware named by the board's `env` attribute
    /// (`micropython-20231227-v1.22.0`, `circuitpython-8.0.2`).
    public static func flavour(env: String) -> FirmwareFlavour? {
        if env.hasPrefix("micropython") { return .micropython }
        if env.hasPrefix("circuitpython") { return .circuitpython }
        return nil
    }

    /// Part types that only join nets: a breadboard's holes in one strip are one net.
    static let breadboards: Set<String> = ["wokwi-breadboard", "wokwi-breadboard-half", "wokwi-breadboard-mini"]
    /// Part types with no electrical role: left out, with a note.
    static let labels: Set<String> = ["wokwi-text"]

    /// - Parameters:
    ///   - flavourHint: the firmware when the board has no `env` (from wokwi.toml's
    ///     firmware file); MicroPython when nil too.
    public static func convert(_ diagram: WokwiDiagram, file: String = "diagram.json", flavourHint: FirmwareFlavour? = nil,
                               boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(WokwiRefusal) -> WokwiConversion {
        var problems: [WokwiRefusal.Problem] = []
        var notes: [String] = []
        func refuse(_ p: WokwiDiagram.Part, _ reason: String) { problems.append(.init(partID: p.id, partType: p.type, reason: reason)) }

        // The board.
        let definitions = BoardDefinition.availableIDs(in: boardDirectory).compactMap { try? BoardDefinition.load(id: $0, in: boardDirectory) }
        let known = definitions.compactMap { d in d.wokwi.map { ($0.partType, d) } }
        let boardTypes = known.map(\.0).sorted().joined(separator: ", ")
        let isBoardType = { (t: String) in t.hasPrefix("board-") || ["wokwi-pi-pico", "wokwi-esp32-devkit-v1", "wokwi-arduino-uno",
                                                                     "wokwi-arduino-nano", "wokwi-arduino-mega", "wokwi-attiny85"].contains(t) }
        var board: (part: WokwiDiagram.Part, def: BoardDefinition, map: WokwiBoard)?
        for p in diagram.parts where isBoardType(p.type) {
            guard let (_, def) = known.first(where: { $0.0 == p.type }) else {
                refuse(p, "Breadbox emulates only these boards: \(boardTypes)")
                continue
            }
            if let b = board { refuse(p, "a second board (\(b.part.id) is the first): Breadbox runs one board per project"); continue }
            board = (p, def, def.wokwi!)
        }
        guard let board else {
            if problems.isEmpty { problems.append(.init(partID: "", partType: "", reason: "no board part (one of \(boardTypes))")) }
            throw WokwiRefusal(file: file, problems: problems)
        }
        var flavour = flavourHint ?? .micropython
        if let env = board.part.attrs["env"] {
            if let f = Self.flavour(env: env) { flavour = f } else {
                refuse(board.part, "env \"\(env)\" is not a MicroPython or CircuitPython firmware (micropython-…, circuitpython-…)")
            }
        } else if let builder = board.part.attrs["builder"] {
            refuse(board.part, "builder \"\(builder)\" builds C or Arduino firmware; Breadbox runs MicroPython and CircuitPython")
        }

        // The nets.
        let partsByID = Dictionary(diagram.parts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let passive = Set(diagram.parts.filter { breadboards.contains($0.type) }.map(\.id))
        var net = WokwiNetlist()
        var badBoardPins = Set<String>()
        func node(_ pin: WokwiDiagram.Pin) -> WokwiNetlist.Node? {
            if pin.part == board.part.id {
                if board.map.ground.contains(pin.pin) { return .ground }
                if board.map.supply.contains(pin.pin) { return .supply }
                if let g = board.map.gpio(named: pin.pin, in: board.def) { return .gpio(g) }
                badBoardPins.insert(pin.pin)
                return nil
            }
            guard let part = partsByID[pin.part] else { return .pin(part: pin.part, name: pin.pin) }
            if passive.contains(part.id) { return breadboardStrip(part.id, pin.pin) }
            // A push button's two pins of one contact are always joined.
            if part.type.hasPrefix("wokwi-pushbutton"), let dot = pin.pin.firstIndex(of: ".") {
                return .pin(part: part.id, name: String(pin.pin[..<dot]))
            }
            return .pin(part: part.id, name: pin.pin)
        }
        var wired = Set<String>()  // parts with at least one wire
        for (a, b) in diagram.connections {
            if a.part == "$serialMonitor" || b.part == "$serialMonitor" { continue }
            for end in [a, b] where partsByID[end.part] == nil && end.part != board.part.id {
                problems.append(.init(partID: end.part, partType: "", reason: "a wire goes to \(end), but no part has id \"\(end.part)\""))
            }
            guard let na = node(a), let nb = node(b) else { continue }
            wired.insert(a.part); wired.insert(b.part)
            net.join(na, nb)
        }
        if diagram.connections.contains(where: { $0.0.part == "$serialMonitor" || $0.1.part == "$serialMonitor" }) {
            notes.append("the $serialMonitor wires: the serial console is always there")
        }
        for pin in badBoardPins.sorted() {
            problems.append(.init(partID: board.part.id, partType: board.part.type,
                                  reason: "pin \(pin) is not one Breadbox models (GPIOs, ground and supply pins only)"))
        }

        // Resistors. Between two signal nets one joins them (in series with an
        // LED, say); between a rail and a net with no GPIO it is in series with
        // the part on that net (an LED's cathode to GND through one is on GND).
        // Between a rail and a GPIO's net it is a pull resistor (a part of its own).
        let resistors = diagram.parts.filter { $0.type == "wokwi-resistor" }
        func ends(_ r: WokwiDiagram.Part) -> (WokwiNetlist.Node, WokwiNetlist.Node) {
            (.pin(part: r.id, name: "1"), .pin(part: r.id, name: "2"))
        }
        var pulls: [(id: String, gpio: Int, toSupply: Bool, ohms: Double)] = []
        var joinedOne = true
        while joinedOne {
            joinedOne = false
            for r in resistors {
                let (a, b) = ends(r)
                if net.root(a) == net.root(b) { continue }
                if !net.facts(of: a, from: r.id, passive: passive).isPower && !net.facts(of: b, from: r.id, passive: passive).isPower {
                    net.join(a, b)
                    joinedOne = true
                }
            }
        }
        for r in resistors {
            let (a, b) = ends(r)
            if net.root(a) == net.root(b) { continue }
            let fa = net.facts(of: a, from: r.id, passive: passive), fb = net.facts(of: b, from: r.id, passive: passive)
            if fa.isPower && fb.isPower {
                notes.append("\(r.id) (wokwi-resistor): between \(describe(fa)) and \(describe(fb)), it changes no level")
                continue
            }
            let (signal, power) = fa.isPower ? (fb, fa) : (fa, fb)
            if signal.gpios.isEmpty { net.join(a, b); continue }
            // A pull-up or pull-down: the GPIO's net reads its rail when nothing drives it.
            guard signal.gpios.count == 1, power.ground != power.supply else {
                refuse(r, "it pulls \(describe(signal)) to \(describe(power)); Breadbox models a pull resistor from one GPIO to GND or 3V3")
                continue
            }
            guard let ohms = Double(r.attrs["value"] ?? "1000"), ohms > 0 else {
                refuse(r, "value \"\(r.attrs["value"] ?? "")\" is not a resistance in ohms")
                continue
            }
            pulls.append((r.id, signal.gpios[0], power.supply, ohms))
        }

        // The parts.
        var parts: [Circuit.PartSpec] = []
        func gpioName(_ g: Int) -> String {
            // The plainest of CircuitPython's names for it (GP27 rather than GP27_A1 or A1).
            let pin = board.def.pins.first { $0.gpio == g }
            let plain = pin?.circuitpython.filter { $0.hasSuffix(String(g)) }.min { $0.count < $1.count }
            return plain ?? pin?.circuitpython.first ?? pin?.micropython.first ?? "\(g)"
        }
        /// The one GPIO on a net, or a reason why there is not one.
        func signal(_ f: WokwiNetlist.NetFacts, _ what: String) -> Result<Int, WokwiRefusal.Problem.Reason> {
            if f.gpios.count > 1 { return .failure(.init("\(what) joins \(f.gpios.map(gpioName).joined(separator: " and ")), which shorts them")) }
            guard let g = f.gpios.first else { return .failure(.init("\(what) reaches no GPIO of \(board.part.id)")) }
            if f.isPower { return .failure(.init("\(what) ties \(gpioName(g)) straight to \(f.ground ? "GND" : "3V3")")) }
            return .success(g)
        }
        for p in diagram.parts where p.id != board.part.id && !isBoardType(p.type) {
            if passive.contains(p.id) || p.type == "wokwi-resistor" { continue }
            if labels.contains(p.type) { notes.append("\(p.id) (\(p.type)): a label"); continue }
            func facts(_ pin: String) -> WokwiNetlist.NetFacts { net.facts(of: .pin(part: p.id, name: pin), from: p.id, passive: passive) }
            let handled: Set<String> = ["wokwi-led", "wokwi-pushbutton", "wokwi-pushbutton-6mm", "wokwi-potentiometer",
                                        "wokwi-slide-potentiometer", "wokwi-relay-module", "wokwi-neopixel", "wokwi-led-ring", "wokwi-led-strip",
                                        "wokwi-slide-switch", "wokwi-dht22"]
            guard handled.contains(p.type) else {
                refuse(p, "Breadbox has no such part (it models \(handled.sorted().joined(separator: ", ")), wokwi-resistor and the breadboards)")
                continue
            }
            if !wired.contains(p.id) { notes.append("\(p.id) (\(p.type)): not wired to anything"); continue }
            var spec = Circuit.PartSpec(id: p.id, type: "")
            switch p.type {
            case "wokwi-led":
                let a = facts("A"), c = facts("C")
                if c.ground && !a.isPower, case .success(let g) = signal(a, "its anode") {
                    spec.type = "led"; spec.pins = ["A": gpioName(g)]
                } else if a.supply && !c.isPower, case .success(let g) = signal(c, "its cathode") {
                    spec.type = "led"; spec.pins = ["A": gpioName(g)]; spec.activeLow = true
                } else {
                    refuse(p, "its anode is on \(describe(a)) and its cathode on \(describe(c)); Breadbox models an LED from a GPIO to GND, or from 3V3 to a GPIO")
                    continue
                }
                spec.color = p.attrs["color"] ?? "red"
            case "wokwi-pushbutton", "wokwi-pushbutton-6mm":
                let one = facts("1"), two = facts("2")
                let (sig, other) = one.gpios.isEmpty ? (two, one) : (one, two)
                guard other.isPower else {
                    refuse(p, "its contacts join \(describe(one)) and \(describe(two)); Breadbox models a button from a GPIO to GND or 3V3")
                    continue
                }
                switch signal(sig, "its contact") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): spec.pins = ["A": gpioName(g)]
                }
                spec.type = "button"
                spec.wiredTo = other.ground ? "GND" : "3V3"
                // Wokwi bounces buttons unless bounce is "0" (wokwi-pushbutton's docs, Bouncing).
                spec.bounce = p.attrs["bounce"] != "0"
            case "wokwi-potentiometer", "wokwi-slide-potentiometer":
                switch signal(facts("SIG"), "its wiper (SIG)") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): spec.pins = ["SIG": gpioName(g)]
                }
                spec.type = "potentiometer"
                // Wokwi's value runs 0…1023, default 0 (wokwi-potentiometer's docs).
                let value = Double(p.attrs["value"] ?? "0") ?? -1
                guard (0...1023).contains(value) else { refuse(p, "value \"\(p.attrs["value"] ?? "")\" is not a number from 0 to 1023"); continue }
                spec.position = value / 1023
            case "wokwi-relay-module":
                switch signal(facts("IN"), "its IN pin") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): spec.pins = ["IN": gpioName(g)]
                }
                // A contact on a rail shares it with every powered part; a part on a
                // contact's own net is what the relay switches.
                let switched = ["COM", "NO", "NC"].map(facts).filter { !$0.isPower }.flatMap(\.partPins)
                if !switched.isEmpty {
                    refuse(p, "its contacts switch \(Set(switched.map { "\($0)".split(separator: ":")[0] }).sorted().joined(separator: ", ")); Breadbox's relay switches only its own fan part, which Wokwi has not")
                    continue
                }
                spec.type = "relay"
                // "npn" (the default) is active-high, "pnp" active-low (wokwi-relay-module's attribute table).
                switch p.attrs["transistor"] ?? "npn" {
                case "npn": break
                case "pnp": spec.activeLow = true
                case let t: refuse(p, "transistor \"\(t)\" is not npn or pnp"); continue
                }
            case "wokwi-slide-switch":
                // One terminal on a GPIO; the others on GND, 3V3 or nothing (wokwi-slide-switch's docs: 2 is common).
                let terminals = SlideSwitch.Terminal.allCases.map { ($0.rawValue, facts($0.rawValue)) }
                let onGPIOs = terminals.filter { !$0.1.gpios.isEmpty }
                guard onGPIOs.count == 1, let (key, sig) = onGPIOs.first else {
                    refuse(p, onGPIOs.isEmpty ? "no terminal reaches a GPIO of \(board.part.id)"
                                              : "terminals \(onGPIOs.map(\.0).joined(separator: ", ")) each reach a GPIO; Breadbox models a switch between a GPIO and GND, 3V3 or nothing")
                    continue
                }
                var pins: [String: String] = [:]
                switch signal(sig, "its terminal \(key)") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): pins[key] = gpioName(g)
                }
                var wrong: [String] = []
                for (k, f) in terminals where k != key {
                    if f.ground && f.supply { wrong.append("terminal \(k) joins GND and 3V3"); continue }
                    if f.ground { pins[k] = SlideSwitch.Rail.ground.rawValue } else if f.supply { pins[k] = SlideSwitch.Rail.supply.rawValue }
                    else if !f.partPins.isEmpty { wrong.append("terminal \(k) reaches \(describe(f))") }
                }
                if !wrong.isEmpty {
                    refuse(p, "\(wrong.joined(separator: "; ")); Breadbox models a switch between a GPIO and GND, 3V3 or nothing")
                    continue
                }
                spec.type = "slide-switch"; spec.pins = pins
                // value "" is left, "1" right (wokwi-slide-switch's attribute table).
                switch p.attrs["value"] ?? "" {
                case "", "0": spec.value = 0
                case "1": spec.value = 1
                case let v: refuse(p, "value \"\(v)\" is not \"\" (left) or \"1\" (right)"); continue
                }
                // Wokwi bounces the switch unless bounce is "0" (wokwi-slide-switch's docs, Bouncing).
                spec.bounce = p.attrs["bounce"] != "0"
            case "wokwi-dht22":
                switch signal(facts("SDA"), "its data pin (SDA)") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): spec.pins = ["SDA": gpioName(g)]
                }
                spec.type = "dht22"
                // Wokwi's DHT22 reads its own attributes (defaults "24" and "40", wokwi-dht22's
                // attribute table), never a room: so does the converted one.
                let t = Double(p.attrs["temperature"] ?? "24"), h = Double(p.attrs["humidity"] ?? "40")
                guard let t, DHT22.temperatureRange.contains(t) else {
                    refuse(p, "temperature \"\(p.attrs["temperature"] ?? "")\" is not a number from -40 to 80"); continue
                }
                guard let h, DHT22.humidityRange.contains(h) else {
                    refuse(p, "humidity \"\(p.attrs["humidity"] ?? "")\" is not a number from 0 to 100"); continue
                }
                spec.temperature = t; spec.humidity = h
            default:  // the NeoPixel family
                switch signal(facts("DIN"), "its data input (DIN)") {
                case .failure(let r): refuse(p, r.text); continue
                case .success(let g): spec.pins = ["DIN": gpioName(g)]
                }
                if !facts("DOUT").partPins.isEmpty {
                    refuse(p, "it is chained on to \(describe(facts("DOUT"))); Breadbox models one strip per data pin")
                    continue
                }
                spec.type = "neopixel"
                // Defaults from Wokwi's docs: a ring has 16 pixels, a strip 8, a NeoPixel 1.
                let defaults = ["wokwi-led-ring": "16", "wokwi-led-strip": "8"]
                guard let n = Int(p.attrs["pixels"] ?? defaults[p.type] ?? "1") else { refuse(p, "pixels is not a whole number"); continue }
                spec.count = n
            }
            parts.append(spec)
        }
        for pull in pulls {
            var spec = Circuit.PartSpec(id: pull.id, type: "pull-resistor", pins: ["A": gpioName(pull.gpio)])
            spec.wiredTo = pull.toSupply ? "3V3" : "GND"
            spec.ohms = pull.ohms
            parts.append(spec)
        }

        var circuit = Circuit(board: board.def.id, flavor: flavour.rawValue, parts: parts)
        circuit.boardPartID = board.part.id
        // What circuit.json would refuse (a wiper on a pin with no ADC, a colour
        // Breadbox does not know), said of the Wokwi part.
        if problems.isEmpty {
            do throws(CircuitError) {
                try circuit.validate(file: file, boardDirectory: boardDirectory)
            } catch {
                let index = error.field.dropFirst("parts[".count).prefix { $0.isNumber }
                if error.field.hasPrefix("parts["), let i = Int(index), i < parts.count, let p = partsByID[parts[i].id] {
                    refuse(p, error.reason)
                } else {
                    problems.append(.init(partID: "", partType: "", reason: error.description))
                }
            }
        }
        if !problems.isEmpty { throw WokwiRefusal(file: file, problems: problems) }
        return WokwiConversion(circuit: circuit, notes: notes)
    }

    static func breadboardStrip(_ id: String, _ hole: String) -> WokwiNetlist.Node {
        // "13t.b": row 13, top half (holes a–e of a row are one strip); "tp.25":
        // the top positive rail, all one strip.
        let parts = hole.split(separator: ".", maxSplits: 1)
        guard let head = parts.first else { return .pin(part: id, name: hole) }
        return .pin(part: id, name: String(head))
    }

    static func describe(_ f: WokwiNetlist.NetFacts) -> String {
        var things: [String] = f.gpios.map { "GPIO\($0)" }
        if f.ground { things.append("GND") }
        if f.supply { things.append("3V3") }
        things += f.partPins.map(\.description)
        return things.isEmpty ? "nothing" : things.joined(separator: ", ")
    }
}
