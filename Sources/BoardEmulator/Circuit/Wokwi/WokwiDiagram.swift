import Foundation

/// Wokwi's `diagram.json` (docs.wokwi.com/diagram-format): the parts, each
/// with an id, a type and string attributes, and the wires between their pins.
/// Keys Breadbox has no use for (position, rotation, author, serialMonitor,
/// dependencies) are read past, as Wokwi's own files carry many.
public struct WokwiDiagram: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var id: String
        public var type: String
        /// Attribute values as strings (Wokwi writes them so; a number or
        /// boolean given instead is read as its text).
        public var attrs: [String: String]
    }

    /// One end of a wire: `led1:A` is pin `A` of part `led1`.
    public struct Pin: Hashable, Sendable, CustomStringConvertible {
        public var part: String
        public var pin: String
        public var description: String { "\(part):\(pin)" }
    }

    public var parts: [Part]
    /// Wires, in file order.
    public var connections: [(Pin, Pin)] { wires }
    private var wires: [(Pin, Pin)]

    public static func == (a: WokwiDiagram, b: WokwiDiagram) -> Bool {
        a.parts == b.parts && a.wires.count == b.wires.count && zip(a.wires, b.wires).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Reads a diagram; a file that is not one is refused naming the field.
    public static func decode(_ data: Data, file: String = "diagram.json") throws(CircuitError) -> WokwiDiagram {
        func fail(_ field: String, _ reason: String) -> CircuitError { CircuitError(file: file, field: field, reason: reason) }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail("", "is not a JSON object")
        }
        guard let rawParts = root["parts"] as? [Any] else { throw fail("parts", "missing, or not a list") }
        var parts: [Part] = []
        for (i, raw) in rawParts.enumerated() {
            guard let p = raw as? [String: Any] else { throw fail("parts[\(i)]", "is not an object") }
            guard let id = p["id"] as? String, !id.isEmpty else { throw fail("parts[\(i)].id", "missing, or not a text") }
            guard let type = p["type"] as? String else { throw fail("parts[\(i)].type", "missing, or not a text") }
            var attrs: [String: String] = [:]
            for (k, v) in (p["attrs"] as? [String: Any]) ?? [:] {
                switch v {
                case let s as String: attrs[k] = s
                case let n as NSNumber: attrs[k] = n.stringValue
                default: throw fail("parts[\(i)].attrs.\(k)", "is not a text or number")
                }
            }
            parts.append(Part(id: id, type: type, attrs: attrs))
        }
        var wires: [(Pin, Pin)] = []
        for (i, raw) in ((root["connections"] as? [Any]) ?? []).enumerated() {
            guard let c = raw as? [Any], c.count >= 2, let a = c[0] as? String, let b = c[1] as? String else {
                throw fail("connections[\(i)]", "is not [\"part:pin\", \"part:pin\", colour, path]")
            }
            guard let pa = pin(a), let pb = pin(b) else {
                throw fail("connections[\(i)]", "\"\(pin(a) == nil ? a : b)\" is not \"part:pin\"")
            }
            wires.append((pa, pb))
        }
        return WokwiDiagram(parts: parts, wires: wires)
    }

    /// `led1:A` → (led1, A); the pin name may itself hold colons or dots (`bb1:13t.b`).
    static func pin(_ text: String) -> Pin? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let part = String(text[..<colon]), pin = String(text[text.index(after: colon)...])
        return part.isEmpty || pin.isEmpty ? nil : Pin(part: part, pin: pin)
    }
}
