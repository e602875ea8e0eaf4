/// A WS2812 strip of `count` pixels on a data pin (`DIN`). The firmware layer
/// hands it what `neopixel_write` sends: bytes in G, R, B order (G, R, B, W for
/// RGBW strips, `bytesPerPixel` = 4), first pixel first. Bytes beyond the strip
/// pass out of its DOUT and are dropped here; a short frame updates only the
/// pixels it reaches (the rest keep their latched colour, as the chips do).
public final class NeoPixel {
    public let id: String
    public let pin: PinRef?
    public let count: Int
    public let bytesPerPixel: Int
    /// Latched colours, in RGB(W) order.
    public private(set) var pixels: [RGBColor]
    /// How many frames were received.
    public private(set) var framesReceived = 0
    public var onChange: ((NeoPixel) -> Void)?

    public init(id: String, pin: PinRef? = nil, count: Int, bytesPerPixel: Int = 3) {
        precondition(count > 0 && (bytesPerPixel == 3 || bytesPerPixel == 4))
        self.id = id; self.pin = pin; self.count = count; self.bytesPerPixel = bytesPerPixel
        pixels = Array(repeating: .off, count: count)
    }

    /// One frame as `neopixel_write(pin, buf)` sends it (GRB byte order).
    public func receive(bytes: [UInt8]) {
        let n = min(count, bytes.count / bytesPerPixel)
        for i in 0..<n {
            let o = i * bytesPerPixel
            pixels[i] = RGBColor(bytes[o + 1], bytes[o], bytes[o + 2], w: bytesPerPixel == 4 ? bytes[o + 3] : 0)
        }
        framesReceived += 1
        onChange?(self)
    }

    /// Back to dark (power cycle of the strip).
    public func clear() {
        pixels = Array(repeating: .off, count: count)
        onChange?(self)
    }
}
