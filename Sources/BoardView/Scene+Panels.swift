import BoardEmulator
import Foundation

extension Scene {
    func drawTitle(_ s: BoardSnapshot, on canvas: Canvas) {
        let r = layout.titleBar
        canvas.fill(r, Palette.panel)
        canvas.fill(Rect(r.x, r.maxY - 1, r.width, 1), Palette.cardEdge)
        let flavourName = flavour == .micropython ? "MicroPython" : "CircuitPython"
        font.draw("Breadbox", at: 12, r.y + 7, Palette.accent, on: canvas)
        let end = font.draw("\(projectName)  ·  \(boardDisplayName)  ·  \(flavourName)", at: 92, r.y + 7, Palette.text, on: canvas)
        let hint = "Ctrl-R reload  Ctrl-P pause  Ctrl-+/- speed  F9 Wi-Fi  F12 screenshot"
        let w = Double(font.width(of: hint))
        if end + 24 + w < r.maxX - 12 { font.draw(hint, at: r.maxX - w - 12, r.y + 7, Palette.dimText, on: canvas) }
    }

    func drawControls(_ s: BoardSnapshot, on canvas: Canvas) {
        let area = layout.controlsArea
        canvas.fill(area, Palette.panel)
        canvas.fill(Rect(area.x, area.y, 1, area.height), Palette.cardEdge)
        canvas.clipped(to: area) {
            let a = area.inset(16)
            font.draw("Room", at: a.x, a.y, Palette.accent, on: canvas)
            let rects = Dictionary(controlRects().map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            for f in EnvironmentField.allCases {
                let t = sliderTrack(f)
                let v: Double
                switch f {
                case .temperature: v = environment.temperature
                case .humidity: v = environment.humidity
                case .pressure: v = environment.pressure
                }
                font.draw(f.title, at: t.x, t.y - 24, Palette.text, on: canvas)
                let text = f.format(v)
                font.draw(text, at: t.maxX - Double(font.width(of: text)), t.y - 24, Palette.text, on: canvas)
                let k = (v - f.range.lowerBound) / (f.range.upperBound - f.range.lowerBound)
                canvas.fillRounded(t, radius: 4, Colour(20, 22, 26))
                canvas.fillRounded(Rect(t.x, t.y, t.width * k, t.height), radius: 4, Palette.accent)
                canvas.fillCircle(Point(t.x + t.width * k, t.y + t.height / 2), radius: 8, Palette.text)
                for (id, label) in [(ControlID.stepDown(f), "-"), (.stepUp(f), "+")] {
                    if let r = rects[id] { drawButtonFace(r, label, on: canvas) }
                }
            }
            let below = sliderTrack(.pressure).maxY + 18
            font.draw("at the sensor: " + EnvironmentField.temperature.format(s.environment.sensedTemperature),
                      at: a.x, below, Palette.dimText, on: canvas)
            font.draw("Simulation", at: a.x, below + 30, Palette.accent, on: canvas)
            let labels: [ControlID: String] = [.pause: s.state == .paused ? "▶ Resume" : "‖ Pause", .reload: "Reload",
                                               .slower: "Slower", .faster: "Faster", .screenshot: "Screenshot"]
            for (id, label) in labels { if let r = rects[id] { drawButtonFace(r, label, on: canvas) } }
            if let last = rects[.screenshot] {
                var y = last.maxY + 16
                for line in ["Drop a .py file on the window:", "code.py/main.py replaces the", "program, others go to lib/."] {
                    font.draw(line, at: a.x, y, Palette.dimText, on: canvas)
                    y += 18
                }
            }
        }
    }

    private func drawButtonFace(_ r: Rect, _ label: String, on canvas: Canvas) {
        canvas.fillRounded(r, radius: 5, Palette.card)
        canvas.strokeRounded(r, radius: 5, width: 1, Palette.cardEdge)
        let w = Double(font.width(of: label))
        font.draw(label, at: r.center.x - w / 2, r.center.y - Double(font.cellHeight) / 2, Palette.text, on: canvas)
    }

    func drawConsole(on canvas: Canvas) {
        let r = layout.console
        canvas.fill(r, Palette.consoleBackground)
        canvas.fill(Rect(r.x, r.y, r.width, 1), Palette.cardEdge)
        let top = r.y + 28
        let rowsFit = max(0, Int((r.maxY - 6 - top) / Double(font.cellHeight)))
        let cols = max(1, Int((r.width - 24) / Double(font.cellWidth)))
        let rows = console.lastRows(rowsFit, width: cols)
        canvas.clipped(to: r) {
            // Clipped: in a narrow window the network panel has the console's right end.
            font.draw("Serial console — type here for the REPL (Ctrl-C interrupts, Ctrl-D reloads)",
                      at: 12, r.y + 6, Palette.dimText, on: canvas)
            for (i, line) in rows.enumerated() {
                font.draw(line, at: 12, top + Double(i * font.cellHeight), Palette.consoleText, on: canvas)
            }
            // The cursor, at the column of the last line.
            if !rows.isEmpty {
                let col = min(console.column, cols - 1) % cols
                let y = top + Double((rows.count - 1) * font.cellHeight)
                canvas.fill(Rect(12 + Double(col * font.cellWidth), y + 2, Double(font.cellWidth), Double(font.cellHeight - 3)),
                            Palette.consoleText.withAlpha(0.6))
            }
        }
    }

    func drawStatus(_ s: BoardSnapshot, on canvas: Canvas) {
        let r = layout.statusBar
        canvas.fill(r, Palette.panel)
        canvas.fill(Rect(r.x, r.y, r.width, 1), Palette.cardEdge)
        let flavourName = flavour == .micropython ? "MicroPython" : "CircuitPython"
        var speed = "speed " + speedSetting
        if let m = measuredSpeed { speed += " (\(fixed(m, m < 10 ? 2 : 0))×)" }
        let parts = [boardDisplayName, flavourName, Scene.clockText(s.virtualNanoseconds), speed]
        var x = font.draw(parts.joined(separator: "  ·  ") + "  ·  ", at: 12, r.y + 4, Palette.text, on: canvas)
        let colour: Colour = s.state == .crashed ? Palette.bad : (s.state == .running ? Palette.good : Palette.accent)
        x = font.draw(s.state.label, at: x, r.y + 4, colour, on: canvas)
        if let n = notice {
            let w = Double(font.width(of: n))
            font.draw(n, at: max(x + 24, r.maxX - w - 12), r.y + 4, Palette.dimText, on: canvas)
        }
    }

    /// Virtual time as `h:mm:ss.mmm`.
    public static func clockText(_ ns: UInt64) -> String {
        let ms = ns / 1_000_000
        let h = ms / 3_600_000, m = ms / 60_000 % 60, sec = ms / 1000 % 60, milli = ms % 1000
        func two(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let mil = milli < 10 ? "00\(milli)" : (milli < 100 ? "0\(milli)" : "\(milli)")
        return "\(h):\(two(m)):\(two(sec)).\(mil)"
    }
}

extension Scene {
    /// A project's name for the title bar: its folder, with the folder above
    /// when the folder is only a flavour or board (`thermostat/micropython`).
    public static func displayName(ofProject url: URL) -> String {
        let u = url.standardizedFileURL
        let last = u.lastPathComponent
        let generic = ["micropython", "circuitpython"].contains(last.lowercased())
            || last.lowercased().hasPrefix("pico") || last.lowercased().hasPrefix("esp32")
        return generic ? u.deletingLastPathComponent().lastPathComponent + "/" + last : last
    }
}
