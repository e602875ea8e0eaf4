import Foundation

/// A refused board file (`BoardDefs/<id>.json`).
public typealias BoardDefinitionError = FileFieldError

extension BoardDefinition {
    /// The `BoardDefs` folder of the source tree (found from this file's location),
    /// for tests and tools; the app passes its own resource URL.
    public static var sourceTreeDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BoardDefs")
    }

    /// The ids of the board files in a folder, sorted.
    public static func availableIDs(in directory: URL = sourceTreeDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the definition with the given id ("pico_w") from a folder.
    public static func load(id: String, in directory: URL = sourceTreeDirectory) throws(BoardDefinitionError) -> BoardDefinition {
        try load(from: directory.appendingPathComponent("\(id).json"))
    }

    /// Reads, decodes and validates one board file.
    public static func load(from url: URL) throws(BoardDefinitionError) -> BoardDefinition {
        let file = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BoardDefinitionError(file: file, field: "", reason: "cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, file: file)
    }

    /// Decodes and validates board JSON; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(BoardDefinitionError) -> BoardDefinition {
        let def: BoardDefinition
        do {
            def = try JSONDecoder().decode(BoardDefinition.self, from: data)
        } catch let e as DecodingError {
            throw describe(e, file: file)
        } catch {
            throw BoardDefinitionError(file: file, field: "", reason: "\(error)")
        }
        // Unknown keys: walk the JSON beside the decoded value; every object key
        // must be a stored property of the type it decoded into.
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw BoardDefinitionError(file: file, field: "", reason: "is not valid JSON")
        }
        if let (path, key) = firstUnknownKey(json: json, value: def, path: "") {
            throw BoardDefinitionError(file: file, field: path.isEmpty ? key : "\(path).\(key)", reason: "unknown key")
        }
        try def.validate(file: file)
        return def
    }

    static func pathString(_ path: [CodingKey]) -> String {
        var s = ""
        for k in path {
            if let i = k.intValue, k.stringValue.hasPrefix("Index") || k.stringValue == "\(i)" {
                s += "[\(i)]"
            } else {
                s += s.isEmpty ? k.stringValue : ".\(k.stringValue)"
            }
        }
        return s
    }

    static func describe(_ e: DecodingError, file: String) -> BoardDefinitionError {
        switch e {
        case .keyNotFound(let key, let ctx):
            return BoardDefinitionError(file: file, field: pathString(ctx.codingPath + [key]), reason: "missing")
        case .typeMismatch(let type, let ctx):
            return BoardDefinitionError(file: file, field: pathString(ctx.codingPath), reason: "expected \(typeName(type))")
        case .valueNotFound(let type, let ctx):
            return BoardDefinitionError(file: file, field: pathString(ctx.codingPath), reason: "expected \(typeName(type)), found null")
        case .dataCorrupted(let ctx):
            let field = pathString(ctx.codingPath)
            return BoardDefinitionError(file: file, field: field, reason: field.isEmpty ? "is not valid JSON" : ctx.debugDescription)
        @unknown default:
            return BoardDefinitionError(file: file, field: "", reason: "\(e)")
        }
    }

    static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let n = "\(t)"
            return n.hasPrefix("Array") ? "a list" : (n.hasPrefix("Dictionary") ? "an object" : "an object (\(n))")
        }
    }

    /// Finds a JSON key with no matching stored property (via Mirror, so it follows
    /// the Codable structs without a second schema).
    static func firstUnknownKey(json: Any, value: Any, path: String) -> (String, String)? {
        let v = unwrap(value)
        if let dict = json as? [String: Any] {
            let m = Mirror(reflecting: v)
            guard m.displayStyle == .struct else { return nil }
            var children: [String: Any] = [:]
            for c in m.children { if let l = c.label { children[l] = c.value } }
            for key in dict.keys.sorted() {
                guard let child = children[key] else { return (path, key) }
                let sub = path.isEmpty ? key : "\(path).\(key)"
                if let hit = firstUnknownKey(json: dict[key]!, value: child, path: sub) { return hit }
            }
        } else if let arr = json as? [Any] {
            let m = Mirror(reflecting: v)
            guard m.displayStyle == .collection else { return nil }
            for (i, (j, c)) in zip(arr, m.children.map { $0.value }).enumerated() {
                if let hit = firstUnknownKey(json: j, value: c, path: "\(path)[\(i)]") { return hit }
            }
        }
        return nil
    }

    private static func unwrap(_ v: Any) -> Any {
        let m = Mirror(reflecting: v)
        if m.displayStyle == .optional, let first = m.children.first { return unwrap(first.value) }
        return v
    }

    // MARK: Validation

    func validate(file: String) throws(BoardDefinitionError) {
        func fail(_ field: String, _ reason: String) -> BoardDefinitionError {
            BoardDefinitionError(file: file, field: field, reason: reason)
        }
        let gpioRange = 0...(max(gpioCount, 1) - 1)
        func checkGPIO(_ n: Int, _ field: String, mustExist: Bool = true) throws(BoardDefinitionError) {
            guard gpioRange.contains(n) else { throw fail(field, "\(n) is outside \(gpioRange.lowerBound)...\(gpioRange.upperBound)") }
            if mustExist && !isGPIO(n) { throw fail(field, "GPIO\(n) is not in \"pins\"") }
        }

        if id.isEmpty { throw fail("id", "must not be empty") }
        if mcu.isEmpty { throw fail("mcu", "must not be empty") }
        if !(1...64).contains(gpioCount) { throw fail("gpioCount", "\(gpioCount) is outside 1...64") }
        if extPinCount < 0 { throw fail("extPinCount", "must not be negative") }
        if sramBytes <= 0 { throw fail("sramBytes", "must be positive") }
        if flashBytes <= 0 { throw fail("flashBytes", "must be positive") }

        // Pins: numbers in range, no duplicates, names unique per flavour.
        var seen: [PinRef: Int] = [:]
        var namesSeen: [FirmwareFlavour: [String: Int]] = [.micropython: [:], .circuitpython: [:]]
        for (i, p) in pins.enumerated() {
            let f = "pins[\(i)]"
            switch (p.gpio, p.ext) {
            case (nil, nil): throw fail(f, "needs \"gpio\" or \"ext\"")
            case (.some, .some): throw fail(f, "has both \"gpio\" and \"ext\"")
            case (.some(let g), nil): try checkGPIO(g, "\(f).gpio", mustExist: false)
            case (nil, .some(let e)):
                if !(0..<max(extPinCount, 0)).contains(e) {
                    throw fail("\(f).ext", extPinCount == 0 ? "\(e): the board has no companion-chip pins" : "\(e) is outside 0...\(extPinCount - 1)")
                }
            }
            if let j = seen[p.ref] { throw fail(f, "\(p.ref) is already defined by pins[\(j)]") }
            seen[p.ref] = i
            for fl in FirmwareFlavour.allCases {
                let list = fl == .micropython ? p.micropython : p.circuitpython
                for (k, name) in list.enumerated() {
                    let nf = "\(f).\(fl.rawValue)[\(k)]"
                    if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                        throw fail(nf, "\"\(name)\" is not a valid pin name")
                    }
                    if let j = namesSeen[fl]![name] { throw fail(nf, "\"\(name)\" is already used by pins[\(j)]") }
                    namesSeen[fl]![name] = i
                }
            }
        }

        // Buses.
        var ids = Set<Int>()
        for (i, b) in i2c.enumerated() {
            if !ids.insert(b.id).inserted { throw fail("i2c[\(i)].id", "bus \(b.id) is defined twice") }
            for (k, g) in (b.sda ?? []).enumerated() { try checkGPIO(g, "i2c[\(i)].sda[\(k)]") }
            for (k, g) in (b.scl ?? []).enumerated() { try checkGPIO(g, "i2c[\(i)].scl[\(k)]") }
        }
        for (i, b) in spi.enumerated() {
            for (name, list) in [("sck", b.sck), ("mosi", b.mosi), ("miso", b.miso)] {
                for (k, g) in (list ?? []).enumerated() { try checkGPIO(g, "spi[\(i)].\(name)[\(k)]") }
            }
        }
        for (i, u) in uart.enumerated() {
            for (k, g) in (u.tx ?? []).enumerated() { try checkGPIO(g, "uart[\(i)].tx[\(k)]") }
            for (k, g) in (u.rx ?? []).enumerated() { try checkGPIO(g, "uart[\(i)].rx[\(k)]") }
        }

        // Flavours.
        for fl in FirmwareFlavour.allCases {
            let v = flavour(fl), f = "flavours.\(fl.rawValue)"
            if v.platform.isEmpty { throw fail("\(f).platform", "must not be empty") }
            if v.sysname.isEmpty { throw fail("\(f).sysname", "must not be empty") }
            if !(1_000_000...1_000_000_000).contains(v.cpuHz) { throw fail("\(f).cpuHz", "\(v.cpuHz) is outside 1000000...1000000000") }
            if v.heapBytes <= 0 || v.heapBytes > sramBytes * 64 { throw fail("\(f).heapBytes", "\(v.heapBytes) is not a plausible heap size") }
            if RTC.parseISO(v.rtcStart) == nil { throw fail("\(f).rtcStart", "\"\(v.rtcStart)\" is not YYYY-MM-DDTHH:MM:SS") }
            for (name, e) in [("i2cNack", v.errno.i2cNack), ("i2cProbeNack", v.errno.i2cProbeNack), ("i2cTimeout", v.errno.i2cTimeout)] where !(1...200).contains(e) {
                throw fail("\(f).errno.\(name)", "\(e) is outside 1...200")
            }
            for (i, d) in v.i2cDefaults.enumerated() {
                let df = "\(f).i2cDefaults[\(i)]"
                try checkGPIO(d.scl, "\(df).scl"); try checkGPIO(d.sda, "\(df).sda")
                switch checkI2CPins(bus: d.bus, scl: d.scl, sda: d.sda) {
                case .ok: break
                case .noSuchBus: throw fail("\(df).bus", "\(d.bus) is not in \"i2c\"")
                case .badSCL: throw fail("\(df).scl", "GPIO\(d.scl) cannot be SCL of I2C\(d.bus)")
                case .badSDA: throw fail("\(df).sda", "GPIO\(d.sda) cannot be SDA of I2C\(d.bus)")
                }
                if !(1_000...5_000_000).contains(d.frequency) { throw fail("\(df).frequency", "\(d.frequency) is outside 1000...5000000") }
            }
            let r = v.referenceLoop
            if !(r.secondsPerIteration > 0) { throw fail("\(f).referenceLoop.secondsPerIteration", "must be positive") }
            if !(r.instructionsPerIteration > 0) { throw fail("\(f).referenceLoop.instructionsPerIteration", "must be positive") }
            if r.measuredAtHz <= 0 { throw fail("\(f).referenceLoop.measuredAtHz", "must be positive") }
            if !(0...100).contains(r.floatResultInstructions) {
                throw fail("\(f).referenceLoop.floatResultInstructions", "must be 0 to 100")
            }
        }

        // ADC.
        if !(8...16).contains(adc.bits) { throw fail("adc.bits", "\(adc.bits) is outside 8...16") }
        if !(adc.fullScaleVolts > 0) { throw fail("adc.fullScaleVolts", "must be positive") }
        for (i, c) in adc.channels.enumerated() {
            switch (c.gpio, c.source) {
            case (.some(let g), nil): try checkGPIO(g, "adc.channels[\(i)].gpio")
            case (nil, "coreTemperature"?):
                if adc.temperatureSensor == nil { throw fail("adc.channels[\(i)].source", "coreTemperature needs adc.temperatureSensor") }
            case (nil, .some(let s)): throw fail("adc.channels[\(i)].source", "unknown source \"\(s)\"")
            case (nil, nil): throw fail("adc.channels[\(i)]", "needs \"gpio\" or \"source\"")
            case (.some, .some): throw fail("adc.channels[\(i)]", "has both \"gpio\" and \"source\"")
            }
        }
        for (i, v) in adc.boardVoltages.enumerated() { try checkGPIO(v.gpio, "adc.boardVoltages[\(i)].gpio") }
        if pwm.slices <= 0 { throw fail("pwm.slices", "must be positive") }
        for (i, g) in touchPins.enumerated() { try checkGPIO(g, "touchPins[\(i)]") }
        if watchdogMaxMilliseconds < 0 { throw fail("watchdogMaxMilliseconds", "must not be negative") }

        // Layout.
        if !(layout.widthMM > 0) { throw fail("layout.widthMM", "must be positive") }
        if !(layout.heightMM > 0) { throw fail("layout.heightMM", "must be positive") }
        for (i, h) in layout.header.enumerated() {
            let f = "layout.header[\(i)]"
            if !(0...layout.widthMM).contains(h.x) { throw fail("\(f).x", "\(h.x) is outside 0...\(layout.widthMM)") }
            if !(0...layout.heightMM).contains(h.y) { throw fail("\(f).y", "\(h.y) is outside 0...\(layout.heightMM)") }
            if let g = h.gpio { try checkGPIO(g, "\(f).gpio") }
        }
    }
}
