import BoardEmulator

/// The network panel, right of the serial console: the board's Wi-Fi in one
/// line, the access points' switch, and the traffic log's newest lines.
extension Scene {
    static let switchSize = (width: 36.0, height: 18.0)

    /// The access points' switch: the pill and its label, one clickable row.
    public func accessPointSwitch() -> Rect {
        let r = layout.network
        let label = Double(font.width(of: Scene.switchLabel(up: false)))
        return Rect(r.x + 12, r.y + 50, Scene.switchSize.width + 10 + label, 22)
    }

    static func switchLabel(up: Bool) -> String { "Access points: " + (up ? "on" : "off") }

    /// Where the traffic lines start, and how many fit below.
    func trafficTop() -> Double { layout.network.y + 86 }

    public func trafficRowsFit() -> Int {
        max(0, Int((layout.network.maxY - 6 - trafficTop()) / Double(font.cellHeight)))
    }

    /// A traffic line as the panel writes it: virtual seconds, then the event.
    public static func trafficText(_ line: WiFiView.TrafficLine) -> String {
        var t = fixed(Double(line.time) / 1e9, 3)
        while t.count < trafficIndent - 2 { t = " " + t }
        return t + "  " + line.text
    }

    /// Columns before an event's text (its time), kept clear on wrapped rows.
    static let trafficIndent = 9

    /// The newest traffic as rows of at most `columns` characters: a long
    /// event wraps (at a space when it can) under its own text rather than
    /// losing its end — the address is what a person looks for.
    public static func trafficRows(_ lines: [WiFiView.TrafficLine], columns: Int, rows: Int) -> [String] {
        let width = max(trafficIndent + 8, columns)
        var out: [String] = []
        for line in lines.reversed() where out.count < rows {
            var rest = Substring(trafficText(line)), wrapped: [String] = []
            while rest.count > width {
                let cut = rest.index(rest.startIndex, offsetBy: width)
                let head = rest[..<cut]
                let space = head.lastIndex(of: " ").flatMap { head.distance(from: head.startIndex, to: $0) > trafficIndent ? $0 : nil }
                wrapped.append(String(rest[..<(space ?? cut)]))
                rest = Substring(String(repeating: " ", count: trafficIndent)) + rest[(space.map { rest.index(after: $0) } ?? cut)...]
            }
            wrapped.append(String(rest))
            out.insert(contentsOf: wrapped.suffix(rows - out.count), at: 0)
        }
        return out
    }

    func drawNetwork(_ s: BoardSnapshot, on canvas: Canvas) {
        let r = layout.network, wifi = s.wifi
        canvas.fill(r, Palette.panel)
        canvas.fill(Rect(r.x, r.y, r.width, 1), Palette.cardEdge)
        canvas.fill(Rect(r.x, r.y, 1, r.height), Palette.cardEdge)
        canvas.clipped(to: r) {
            let x = r.x + 12
            font.draw("Network", at: x, r.y + 6, Palette.accent, on: canvas)
            if let ap = wifi.softAccessPoint {
                let text = "soft AP " + ap
                font.draw(text, at: r.maxX - 12 - Double(font.width(of: text)), r.y + 6, Palette.dimText, on: canvas)
            }
            // In a narrow window the panel's title says "Network": the line drops its "Wi-Fi: ".
            var line = wifi.statusLine
            if Double(font.width(of: line)) > r.width - 24, line.hasPrefix("Wi-Fi: ") { line.removeFirst(7) }
            font.draw(line, at: x, r.y + 28, Scene.colour(of: wifi.station), on: canvas)

            let sw = accessPointSwitch()
            let pill = Rect(sw.x, sw.y + 2, Scene.switchSize.width, Scene.switchSize.height)
            let up = wifi.accessPointsUp
            canvas.fillRounded(pill, radius: pill.height / 2, up ? Palette.good : Colour(20, 22, 26))
            canvas.strokeRounded(pill, radius: pill.height / 2, width: 1, Palette.cardEdge)
            let knobX = up ? pill.maxX - pill.height / 2 : pill.x + pill.height / 2
            canvas.fillCircle(Point(knobX, pill.center.y), radius: pill.height / 2 - 3, Palette.text)
            font.draw(Scene.switchLabel(up: up), at: pill.maxX + 10, sw.y + 3, up ? Palette.text : Palette.bad, on: canvas)

            canvas.fill(Rect(x, r.y + 80, r.width - 24, 1), Palette.cardEdge)
            let columns = Int((r.width - 24) / Double(font.cellWidth))
            let rows = Scene.trafficRows(wifi.traffic, columns: columns, rows: trafficRowsFit())
            if wifi.traffic.isEmpty && trafficRowsFit() > 0 {
                font.draw("no traffic yet", at: x, trafficTop(), Palette.dimText, on: canvas)
            }
            for (i, row) in rows.enumerated() {
                font.draw(row, at: x, trafficTop() + Double(i * font.cellHeight), Palette.consoleText, on: canvas)
            }
        }
    }

    static func colour(of station: WiFiView.Station) -> Colour {
        switch station {
        case .connected: return Palette.good
        case .joining, .linkLost: return Palette.accent
        case .noNetwork, .wrongPassword: return Palette.bad
        case .off, .idle: return Palette.dimText
        }
    }
}
