/// An 8-bit-per-channel colour (`w` for RGBW pixels, 0 otherwise).
public struct RGBColor: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var r: UInt8, g: UInt8, b: UInt8, w: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, w: UInt8 = 0) { self.r = r; self.g = g; self.b = b; self.w = w }

    public static let off = RGBColor(0, 0, 0)

    public var description: String {
        func h(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + h(r) + h(g) + h(b) + (w == 0 ? "" : h(w))
    }

    /// LED colour names the circuit file accepts.
    public static let named: [String: RGBColor] = [
        "red": RGBColor(255, 0, 0), "green": RGBColor(0, 255, 0), "blue": RGBColor(0, 0, 255),
        "yellow": RGBColor(255, 255, 0), "orange": RGBColor(255, 140, 0), "amber": RGBColor(255, 191, 0),
        "white": RGBColor(255, 255, 255), "warm_white": RGBColor(255, 214, 170),
        "cyan": RGBColor(0, 255, 255), "magenta": RGBColor(255, 0, 255), "purple": RGBColor(128, 0, 255),
        "pink": RGBColor(255, 105, 180), "uv": RGBColor(110, 0, 255),
    ]

    /// A colour name (`red`) or `#rrggbb`; nil when neither.
    public init?(name: String) {
        let n = name.lowercased()
        if let c = RGBColor.named[n] { self = c; return }
        guard n.hasPrefix("#"), n.count == 7, let v = UInt32(n.dropFirst(), radix: 16) else { return nil }
        self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
}

/// Something a relay (or a transistor) switches on and off.
public protocol ElectricalLoad: AnyObject {
    func setPowered(_ on: Bool)
}
