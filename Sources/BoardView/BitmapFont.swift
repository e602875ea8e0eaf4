import Foundation

/// A monospaced bitmap font read from a text file of `#`/`.` rows
/// (`Assets/fonts/breadbox-mono-8x16.txt`, drawn for this project):
///
///     width 8
///     height 16
///     baseline 12
///
///     glyph 0x0041 A
///     ........      (height rows of width characters)
///
/// Characters without a glyph draw as `?`.
public final class BitmapFont {
    public let cellWidth: Int
    public let cellHeight: Int
    public let baseline: Int
    /// Ink rows per glyph: bit x of row y set = ink at (x, y).
    private let glyphs: [UInt32: [UInt32]]

    public var characterCount: Int { glyphs.count }
    public func hasGlyph(_ scalar: Unicode.Scalar) -> Bool { glyphs[scalar.value] != nil }

    public init(text: String, file: String) throws(AssetError) {
        func fail(_ line: Int, _ reason: String) -> AssetError {
            AssetError(file: file, field: "line \(line)", reason: reason)
        }
        var header: [String: Int] = [:]
        var table: [UInt32: [UInt32]] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var i = 0
        var current: (code: UInt32, line: Int)?
        var rows: [UInt32] = []
        func finish() throws(AssetError) {
            guard let c = current else { return }
            guard rows.count == header["height"]! else {
                throw fail(c.line, "glyph 0x\(String(c.code, radix: 16)) has \(rows.count) rows, not \(header["height"]!)")
            }
            table[c.code] = rows
            current = nil
            rows = []
        }
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            if line.isEmpty || line.hasPrefix("#") && current == nil && rows.isEmpty && !line.allSatisfy({ $0 == "#" || $0 == "." }) {
                continue
            }
            let words = line.split(separator: " ")
            if ["width", "height", "baseline"].contains(String(words[0])) {
                guard words.count == 2, let v = Int(words[1]), v > 0, v <= 32 else { throw fail(i, "\(words[0]) needs a number 1...32") }
                header[String(words[0])] = v
                continue
            }
            if words[0] == "glyph" {
                try finish()
                guard header["width"] != nil, header["height"] != nil, header["baseline"] != nil else {
                    throw fail(i, "width, height and baseline must come before the first glyph")
                }
                guard words.count >= 2, words[1].hasPrefix("0x"), let code = UInt32(words[1].dropFirst(2), radix: 16),
                      Unicode.Scalar(code) != nil else {
                    throw fail(i, "\"\(line)\" is not `glyph 0xHHHH <char>`")
                }
                guard table[code] == nil else { throw fail(i, "glyph 0x\(String(code, radix: 16)) is defined twice") }
                current = (code, i)
                continue
            }
            guard current != nil else { throw fail(i, "\"\(line)\" is outside a glyph") }
            let w = header["width"]!
            guard line.count == w, line.allSatisfy({ $0 == "#" || $0 == "." }) else {
                throw fail(i, "a glyph row is \(w) characters of # and .")
            }
            var bits: UInt32 = 0
            for (x, ch) in line.enumerated() where ch == "#" { bits |= 1 << UInt32(x) }
            rows.append(bits)
            if rows.count > header["height"]! { throw fail(i, "too many rows in a glyph") }
        }
        try finish()
        guard let w = header["width"], let h = header["height"], let b = header["baseline"] else {
            throw AssetError(file: file, field: "header", reason: "width, height and baseline are required")
        }
        guard table[0x3F] != nil else { throw AssetError(file: file, field: "glyph 0x003f", reason: "\"?\" is required") }
        cellWidth = w; cellHeight = h; baseline = b
        glyphs = table
    }

    public convenience init(contentsOf url: URL) throws(AssetError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AssetError(file: url.lastPathComponent, field: "file", reason: "cannot be read")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
    }

    /// The shipped font.
    public static func standard() throws(AssetError) -> BitmapFont {
        try BitmapFont(contentsOf: Assets.directory.appendingPathComponent("fonts/breadbox-mono-8x16.txt"))
    }

    /// Width in pixels of `text` at `scale`.
    public func width(of text: String, scale: Int = 1) -> Int { text.unicodeScalars.count * cellWidth * scale }

    /// Draws `text` with its cell's top-left at (x, y); returns the x after it.
    @discardableResult
    public func draw(_ text: String, at x: Double, _ y: Double, scale: Int = 1, _ c: Colour, on canvas: Canvas) -> Double {
        var cx = Int(x.rounded())
        let cy = Int(y.rounded())
        let fallback = glyphs[0x3F]!
        let clip = canvas.clip
        let cx0 = Int(clip.x.rounded(.up)), cy0 = Int(clip.y.rounded(.up))
        let cx1 = Int(clip.maxX.rounded(.down)), cy1 = Int(clip.maxY.rounded(.down))
        let ink = c.a == 255 ? 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b) : nil
        canvas.plotting { p, stride in
            for s in text.unicodeScalars {
                defer { cx += cellWidth * scale }
                if s == " " { continue }
                let rows = glyphs[s.value] ?? fallback
                for (ry, bits) in rows.enumerated() where bits != 0 {
                    for rx in 0..<cellWidth where bits & (1 << UInt32(rx)) != 0 {
                        for dy in 0..<scale {
                            let y = cy + ry * scale + dy
                            guard y >= cy0, y < cy1 else { continue }
                            for dx in 0..<scale {
                                let x = cx + rx * scale + dx
                                guard x >= cx0, x < cx1 else { continue }
                                p[y * stride + x] = ink ?? Canvas.over(p[y * stride + x], c, 1)
                            }
                        }
                    }
                }
            }
        }
        return Double(cx)
    }
}
