/// A point in window pixels (x right, y down).
public struct Point: Equatable, Sendable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in window pixels.
public struct Rect: Equatable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: Point { Point(x + width / 2, y + height / 2) }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    /// Shrunk by `d` on every side.
    public func inset(_ d: Double) -> Rect { Rect(x + d, y + d, max(0, width - 2 * d), max(0, height - 2 * d)) }
}

/// A colour with alpha, 8 bits per channel.
public struct Colour: Equatable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8, a: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) { self.r = r; self.g = g; self.b = b; self.a = a }

    /// `#rrggbb` or `#rrggbbaa`; nil otherwise.
    public init?(hex: String) {
        guard hex.hasPrefix("#"), hex.count == 7 || hex.count == 9,
              let v = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        if hex.count == 7 {
            self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        } else {
            self.init(UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
    }

    public func withAlpha(_ a: Double) -> Colour {
        Colour(r, g, b, UInt8(max(0, min(255, (Double(self.a) * a).rounded()))))
    }

    /// Mixed toward `other` by `t` (0 = self, 1 = other).
    public func mixed(with other: Colour, _ t: Double) -> Colour {
        let k = max(0, min(1, t))
        func m(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * k).rounded()) }
        return Colour(m(r, other.r), m(g, other.g), m(b, other.b), m(a, other.a))
    }

    public static let black = Colour(0, 0, 0)
    public static let white = Colour(255, 255, 255)
}
