/// A software framebuffer and the few shapes the scene needs, anti-aliased
/// where edges show. Pixels are 0xAARRGGBB words (SDL's ARGB8888), so the
/// window uploads them as they are and screenshots convert once.
///
/// Shapes take coverage from exact geometry (the distance of each pixel centre
/// to the edge, clamped to one pixel) rather than supersampling: cheap enough
/// to redraw the whole scene every frame.
public final class Canvas {
    public let width: Int
    public let height: Int
    public var pixels: [UInt32]
    /// Drawing outside this rectangle is discarded (panels clip their content).
    public var clip: Rect

    public init(width: Int, height: Int, background: Colour = .black) {
        self.width = max(1, width); self.height = max(1, height)
        pixels = [UInt32](repeating: Canvas.word(background), count: self.width * self.height)
        clip = Rect(0, 0, Double(self.width), Double(self.height))
    }

    static func word(_ c: Colour) -> UInt32 {
        UInt32(c.a) << 24 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
    }

    /// The colour at a pixel (tests and screenshots).
    public func pixel(_ x: Int, _ y: Int) -> Colour {
        let w = pixels[y * width + x]
        return Colour(UInt8(w >> 16 & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w & 0xFF), UInt8(w >> 24))
    }

    public func clear(_ c: Colour) {
        let w = Canvas.word(c)
        for i in pixels.indices { pixels[i] = w }
    }

    /// Runs `body` with drawing clipped to `r` (within the current clip).
    public func clipped(to r: Rect, _ body: () -> Void) {
        let saved = clip
        let x0 = max(saved.x, r.x), y0 = max(saved.y, r.y)
        clip = Rect(x0, y0, max(0, min(saved.maxX, r.maxX) - x0), max(0, min(saved.maxY, r.maxY) - y0))
        body()
        clip = saved
    }

    // MARK: Pixels

    /// Blends `c` at `coverage` (0…1) over the pixel, source-over.
    @inline(__always)
    public func blend(_ x: Int, _ y: Int, _ c: Colour, _ coverage: Double = 1) {
        guard Double(x) >= clip.x, Double(x) < clip.maxX, Double(y) >= clip.y, Double(y) < clip.maxY else { return }
        let i = y * width + x
        pixels[i] = Canvas.over(pixels[i], c, coverage)
    }

    /// `c` at `coverage` over the pixel word `d`.
    @inline(__always)
    static func over(_ d: UInt32, _ c: Colour, _ coverage: Double) -> UInt32 {
        let a = Double(c.a) / 255 * coverage
        if a <= 0 { return d }
        if a >= 1 { return 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b) }
        @inline(__always) func mix(_ s: UInt8, _ shift: UInt32) -> UInt32 {
            let dv = Double(d >> shift & 0xFF)
            return UInt32(dv + (Double(s) - dv) * a + 0.5) << shift
        }
        return 0xFF00_0000 | mix(c.r, 16) | mix(c.g, 8) | mix(c.b, 0)
    }

    /// Runs `body` with direct access to the pixels (shapes clip before they plot).
    @inline(__always)
    func plotting(_ body: (UnsafeMutablePointer<UInt32>, Int) -> Void) {
        let w = width
        pixels.withUnsafeMutableBufferPointer { body($0.baseAddress!, w) }
    }

    /// Integer bounds of `r` intersected with the clip.
    private func span(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> (Int, Int, Int, Int)? {
        let x0 = Int(max(minX, clip.x).rounded(.down)), y0 = Int(max(minY, clip.y).rounded(.down))
        let x1 = Int(min(maxX, clip.maxX).rounded(.up)), y1 = Int(min(maxY, clip.maxY).rounded(.up))
        guard x0 < x1, y0 < y1 else { return nil }
        return (x0, y0, x1, y1)
    }

    // MARK: Shapes

    /// A rectangle; fractional edges get partial coverage.
    public func fill(_ r: Rect, _ c: Colour) {
        guard let (x0, y0, x1, y1) = span(r.x, r.y, r.maxX, r.maxY) else { return }
        plotting { p, w in
            for y in y0..<y1 {
                let cy = min(Double(y + 1), r.maxY) - max(Double(y), r.y)
                for x in x0..<x1 {
                    let cx = min(Double(x + 1), r.maxX) - max(Double(x), r.x)
                    p[y * w + x] = Canvas.over(p[y * w + x], c, max(0, cx) * max(0, cy))
                }
            }
        }
    }

    /// A rectangle with rounded corners of `radius`.
    public func fillRounded(_ r: Rect, radius: Double, _ c: Colour) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        guard rad > 0.5 else { fill(r, c); return }
        guard let (x0, y0, x1, y1) = span(r.x, r.y, r.maxX, r.maxY) else { return }
        let ix0 = r.x + rad, ix1 = r.maxX - rad, iy0 = r.y + rad, iy1 = r.maxY - rad
        plotting { p, stride in
            for y in y0..<y1 {
                let py = Double(y) + 0.5
                // Rows clear of the corners: full coverage inside, partial at the side edges.
                let straight = py >= iy0 && py <= iy1
                for x in x0..<x1 {
                    let px = Double(x) + 0.5
                    let cov: Double
                    if straight || (px >= ix0 && px <= ix1) {
                        let cx = min(Double(x + 1), r.maxX) - max(Double(x), r.x)
                        let cy = min(Double(y + 1), r.maxY) - max(Double(y), r.y)
                        cov = max(0, min(1, cx)) * max(0, min(1, cy))
                    } else {
                        let qx = max(ix0 - px, 0, px - ix1), qy = max(iy0 - py, 0, py - iy1)
                        cov = max(0, min(1, 0.5 - ((qx * qx + qy * qy).squareRoot() - rad)))
                    }
                    if cov > 0 { p[y * stride + x] = Canvas.over(p[y * stride + x], c, cov) }
                }
            }
        }
    }

    /// An outline of `width` pixels along the inside of a rounded rectangle.
    public func strokeRounded(_ r: Rect, radius: Double, width w: Double, _ c: Colour) {
        ring(r, radius: radius, width: w) { _ in c }
    }

    private func ring(_ r: Rect, radius: Double, width w: Double, _ colour: (Double) -> Colour) {
        let rad = max(0, min(radius, r.width / 2, r.height / 2))
        guard let (x0, y0, x1, y1) = span(r.x, r.y, r.maxX, r.maxY) else { return }
        let ix0 = r.x + rad, ix1 = r.maxX - rad, iy0 = r.y + rad, iy1 = r.maxY - rad
        let band = w + rad + 1.5
        plotting { p, stride in
            for y in y0..<y1 {
                let py = Double(y) + 0.5
                let nearTopOrBottom = py < r.y + band || py > r.maxY - band
                for x in x0..<x1 {
                    let px = Double(x) + 0.5
                    // Pixels deep inside the outline are skipped without any arithmetic.
                    if !nearTopOrBottom && px > r.x + band && px < r.maxX - band { continue }
                    let qx = max(ix0 - px, 0, px - ix1), qy = max(iy0 - py, 0, py - iy1)
                    let inner = min(max(ix0 - px, px - ix1, iy0 - py, py - iy1), 0)
                    let d = (qx * qx + qy * qy).squareRoot() + (qx > 0 || qy > 0 ? 0 : inner) - rad
                    let cov = max(0, min(1, 0.5 - d)) * max(0, min(1, d + w + 0.5))
                    if cov > 0 { p[y * stride + x] = Canvas.over(p[y * stride + x], colour(d), cov) }
                }
            }
        }
    }

    /// A disc.
    public func fillCircle(_ center: Point, radius: Double, _ c: Colour) {
        radial(center, reach: radius + 1, c) { d in max(0, min(1, radius + 0.5 - d)) }
    }

    /// A ring of `width` pixels inside `radius`.
    public func strokeCircle(_ center: Point, radius: Double, width w: Double, _ c: Colour) {
        radial(center, reach: radius + 1, c) { d in
            max(0, min(1, radius + 0.5 - d)) * max(0, min(1, d - (radius - w) + 0.5))
        }
    }

    /// A soft glow: `c` fading from full at the centre to nothing at `radius`.
    public func glow(_ center: Point, radius: Double, _ c: Colour) {
        radial(center, reach: radius, c) { d in
            let t = 1 - d / radius
            return t > 0 ? t * t : 0
        }
    }

    /// Shapes round a centre: `coverage` of each pixel from its distance to it.
    @inline(__always)
    private func radial(_ center: Point, reach: Double, _ c: Colour, coverage: (Double) -> Double) {
        guard reach > 0, let (x0, y0, x1, y1) = span(center.x - reach, center.y - reach,
                                                     center.x + reach, center.y + reach) else { return }
        plotting { p, stride in
            for y in y0..<y1 {
                let dy = Double(y) + 0.5 - center.y
                for x in x0..<x1 {
                    let dx = Double(x) + 0.5 - center.x
                    let cov = coverage((dx * dx + dy * dy).squareRoot())
                    if cov > 0 { p[y * stride + x] = Canvas.over(p[y * stride + x], c, cov) }
                }
            }
        }
    }

    /// A straight line `width` pixels wide with round ends.
    public func line(_ a: Point, _ b: Point, width w: Double, _ c: Colour) {
        let h = w / 2
        guard let (x0, y0, x1, y1) = span(min(a.x, b.x) - h - 1, min(a.y, b.y) - h - 1,
                                          max(a.x, b.x) + h + 1, max(a.y, b.y) + h + 1) else { return }
        let vx = b.x - a.x, vy = b.y - a.y
        let len2 = vx * vx + vy * vy
        plotting { p, stride in
            for y in y0..<y1 {
                let py = Double(y) + 0.5
                for x in x0..<x1 {
                    let px = Double(x) + 0.5
                    let t = len2 > 0 ? max(0, min(1, ((px - a.x) * vx + (py - a.y) * vy) / len2)) : 0
                    let dx = px - (a.x + t * vx), dy = py - (a.y + t * vy)
                    let cov = max(0, min(1, h + 0.5 - (dx * dx + dy * dy).squareRoot()))
                    if cov > 0 { p[y * stride + x] = Canvas.over(p[y * stride + x], c, cov) }
                }
            }
        }
    }

    /// A polyline (wires), joints rounded.
    public func polyline(_ points: [Point], width w: Double, _ c: Colour) {
        for i in points.indices.dropLast() { line(points[i], points[i + 1], width: w, c) }
    }

    /// A convex or concave polygon, filled by the even-odd rule with 4×
    /// vertical supersampling for smooth slanted edges.
    public func fillPolygon(_ points: [Point], _ c: Colour) {
        guard points.count >= 3 else { return }
        let minY = points.map(\.y).min()!, maxY = points.map(\.y).max()!
        let minX = points.map(\.x).min()!, maxX = points.map(\.x).max()!
        guard let (x0, y0, x1, y1) = span(minX, minY, maxX, maxY) else { return }
        var coverage = [Double](repeating: 0, count: x1 - x0)
        let samples = 4
        for y in y0..<y1 {
            for i in coverage.indices { coverage[i] = 0 }
            for s in 0..<samples {
                let sy = Double(y) + (Double(s) + 0.5) / Double(samples)
                var xs: [Double] = []
                for i in points.indices {
                    let p = points[i], q = points[(i + 1) % points.count]
                    if (p.y <= sy) != (q.y <= sy) {
                        xs.append(p.x + (sy - p.y) / (q.y - p.y) * (q.x - p.x))
                    }
                }
                xs.sort()
                var k = 0
                while k + 1 < xs.count {
                    let a = max(xs[k], Double(x0)), b = min(xs[k + 1], Double(x1))
                    if a < b {
                        for x in Int(a.rounded(.down))..<Int(b.rounded(.up)) {
                            let cov = min(Double(x + 1), b) - max(Double(x), a)
                            coverage[x - x0] += max(0, cov) / Double(samples)
                        }
                    }
                    k += 2
                }
            }
            for i in coverage.indices where coverage[i] > 0 { blend(x0 + i, y, c, min(1, coverage[i])) }
        }
    }
}
