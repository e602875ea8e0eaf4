import Foundation

/// How a board looks, in millimetres from its top-left corner
/// (`Assets/boards/<board id>.json`, drawn for this project from the boards'
/// published dimensions). The header pins themselves come from the board
/// definition's layout; the art adds the PCB, the parts on it and the lights.
///
///     { "board": "pico_w", "pcb": "#1d6b3b", "pcbEdge": "#12492a", "cornerMM": 1,
///       "pad": "#d8b24a", "silkscreen": "#f2f2f2",
///       "shapes": [ {"kind": "rect", "x": 7, "y": 0, "w": 8, "h": 5, "colour": "#c0c0c0", "radiusMM": 0.5},
///                   {"kind": "circle", "x": 10.5, "y": 25, "r": 1, "colour": "#222"},
///                   {"kind": "text", "x": 10.5, "y": 30, "text": "RP2040", "colour": "#aaa"} ],
///       "lights": [ {"pin": "LED", "x": 4, "y": 6, "w": 1.6, "h": 1, "kind": "led", "colour": "#3cff5a"} ] }
///
/// `kind` of a light: `led` (lit by the pin's level or PWM) or `rgb` (the
/// NeoPixel on that pin). Text is centred on (x, y).
public struct BoardArt: Codable, Sendable {
    public var board: String
    public var pcb: String
    public var pcbEdge: String
    public var cornerMM: Double
    public var pad: String
    public var silkscreen: String
    public var shapes: [Shape]
    public var lights: [Light]

    public struct Shape: Codable, Sendable {
        public var kind: String
        public var x: Double
        public var y: Double
        public var w: Double?
        public var h: Double?
        public var r: Double?
        public var radiusMM: Double?
        public var text: String?
        public var colour: String
    }

    public struct Light: Codable, Sendable {
        /// A pin name of the board (`LED`, `NEOPIXEL`) under either firmware.
        public var pin: String
        public var kind: String
        public var x: Double
        public var y: Double
        public var w: Double
        public var h: Double
        public var colour: String?
    }

    /// Reads and checks `Assets/boards/<id>.json`.
    public static func load(boardID: String, directory: URL = Assets.directory.appendingPathComponent("boards")) throws(AssetError) -> BoardArt {
        let url = directory.appendingPathComponent("\(boardID).json")
        let file = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AssetError(file: file, field: "file", reason: "no art for board \"\(boardID)\" (\(url.path))")
        }
        let art: BoardArt
        do {
            art = try JSONDecoder().decode(BoardArt.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw AssetError(file: file, field: (ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."), reason: "missing")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw AssetError(file: file, field: ctx.codingPath.map(\.stringValue).joined(separator: "."), reason: "wrong type")
        } catch {
            throw AssetError(file: file, field: "file", reason: "not valid JSON (\(error))")
        }
        try art.validate(file: file)
        return art
    }

    func validate(file: String) throws(AssetError) {
        func colour(_ s: String, _ field: String) throws(AssetError) {
            guard Colour(hex: s) != nil else { throw AssetError(file: file, field: field, reason: "\"\(s)\" is not #rrggbb or #rrggbbaa") }
        }
        try colour(pcb, "pcb"); try colour(pcbEdge, "pcbEdge"); try colour(pad, "pad"); try colour(silkscreen, "silkscreen")
        for (i, s) in shapes.enumerated() {
            let f = "shapes[\(i)]"
            try colour(s.colour, f + ".colour")
            switch s.kind {
            case "rect":
                guard let w = s.w, let h = s.h, w > 0, h > 0 else { throw AssetError(file: file, field: f, reason: "a rect needs w and h > 0") }
            case "circle":
                guard let r = s.r, r > 0 else { throw AssetError(file: file, field: f, reason: "a circle needs r > 0") }
            case "text":
                guard let t = s.text, !t.isEmpty else { throw AssetError(file: file, field: f, reason: "a text needs text") }
            default:
                throw AssetError(file: file, field: f + ".kind", reason: "\"\(s.kind)\" is not rect, circle or text")
            }
        }
        for (i, l) in lights.enumerated() {
            let f = "lights[\(i)]"
            guard ["led", "rgb"].contains(l.kind) else { throw AssetError(file: file, field: f + ".kind", reason: "\"\(l.kind)\" is not led or rgb") }
            if let c = l.colour { try colour(c, f + ".colour") }
            guard l.w > 0, l.h > 0 else { throw AssetError(file: file, field: f, reason: "w and h must be > 0") }
        }
    }
}
