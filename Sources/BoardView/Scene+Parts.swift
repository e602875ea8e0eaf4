import BoardEmulator
import Foundation

extension Scene {
    func drawParts(_ s: BoardSnapshot, on canvas: Canvas) {
        for (i, part) in s.parts.enumerated() where i < layout.cards.count {
            drawCard(part, in: layout.cards[i], on: canvas)
        }
    }

    private func drawCard(_ part: PartView, in card: Rect, on canvas: Canvas) {
        canvas.fillRounded(card, radius: 8, Palette.card)
        canvas.strokeRounded(card, radius: 8, width: 1, Palette.cardEdge)
        let pic = layout.cardPicture(card)
        let tx = pic.maxX + 12
        canvas.clipped(to: card) {
            font.draw(part.id, at: tx, card.y + 8, Palette.text, on: canvas)
            let pins = part.wires.map { "\($0.name)→\(pinName($0.pin))" }.joined(separator: " ")
            font.draw(part.typeName + (pins.isEmpty ? "" : "  " + pins), at: tx, card.y + 26, Palette.dimText, on: canvas)
            var lines: [(String, Colour)] = []
            switch part.kind {
            case .led(let colour, let brightness):
                drawLED(colour: colour, brightness: brightness, in: pic, on: canvas)
                lines = [(brightness > 0 ? "on  \(fixed(brightness * 100, 0)) %" : "off", brightness > 0 ? Palette.good : Palette.dimText)]
            case .neoPixel(let pixels):
                drawNeoPixels(pixels, in: pic, on: canvas)
                lines = [("\(pixels.count) pixel\(pixels.count == 1 ? "" : "s")", Palette.dimText)]
                if let p = pixels.first { lines.append(("#0 = \(p)", Palette.text)) }
            case .relay(let energized, let load):
                drawRelay(energized: energized, in: pic, on: canvas)
                lines = [(energized ? "ON  (contacts closed)" : "OFF (contacts open)", energized ? Palette.good : Palette.dimText)]
                if let l = load { lines.append(("switches \(l)", Palette.dimText)) }
            case .fan(let rpm, let maxRPM, let revolutions):
                drawFan(fraction: rpm / maxRPM, revolutions: revolutions, in: pic, on: canvas)
                lines = [("\(fixed(rpm, 0)) rpm", rpm > 1 ? Palette.good : Palette.dimText),
                         ("\(fixed(rpm / maxRPM * 100, 0)) % of \(fixed(maxRPM, 0))", Palette.dimText)]
            case .bme280(let address, let t, let h, let p, _):
                drawBME280(in: pic, on: canvas)
                lines = [(EnvironmentField.temperature.format(t), Palette.text),
                         (EnvironmentField.humidity.format(h) + "  " + fixed(p, 1) + " hPa", Palette.text),
                         ("I2C 0x" + String(address, radix: 16), Palette.dimText)]
            case .button(let pressed):
                drawButton(pressed: pressed, in: pic, on: canvas)
                lines = [(pressed ? "pressed" : "released  (click to press)", pressed ? Palette.good : Palette.dimText)]
            case .slideSwitch(let right):
                drawSlideSwitch(right: right, in: pic, on: canvas)
                lines = [(right ? "right  (2–3 joined)" : "left  (1–2 joined)", Palette.text), ("click to slide", Palette.dimText)]
            case .dht22(let t, let h, let reads, let ownT, let ownH):
                drawDHT22(in: pic, on: canvas)
                let source = ownT && ownH ? "own values" : ownT || ownH ? "own + room" : "the room"
                lines = [(fixed(t, 1) + " °C  " + fixed(h, 1) + " %RH", Palette.text),
                         ("\(reads) read\(reads == 1 ? "" : "s") · \(source)", Palette.dimText),
                         ("scroll to set", Palette.dimText)]
            case .pullResistor(let value, let up):
                drawResistor(in: pic, on: canvas)
                lines = [("\(value) to \(up ? "3V3" : "GND")", Palette.text),
                         ("reads \(up ? "high" : "low") when undriven", Palette.dimText)]
            case .potentiometer(let position):
                drawKnob(position: position, in: pic, on: canvas)
                lines = [("\(fixed(position * 100, 0)) %  (drag or scroll)", Palette.text)]
                let t = knobTrack(card)
                canvas.fillRounded(t, radius: 4, Colour(20, 22, 26))
                canvas.fillRounded(Rect(t.x, t.y, t.width * position, t.height), radius: 4, Palette.accent)
                canvas.fillCircle(Point(t.x + t.width * position, t.y + 4), radius: 7, Palette.text)
            }
            for (k, line) in lines.enumerated() {
                font.draw(line.0, at: tx, card.y + 48 + Double(k) * 18, line.1, on: canvas)
            }
        }
    }

    /// The name the firmware uses for a pin (`GP16`, `IO4`), else its CPU name.
    func pinName(_ ref: PinRef) -> String {
        if let hp = headerPin(ref) { return hp.label }
        return ref.description
    }

    private func drawLED(colour: RGBColor, brightness: Double, in pic: Rect, on canvas: Canvas) {
        let c = Colour(colour.r, colour.g, colour.b)
        let centre = Point(pic.center.x, pic.y + pic.height * 0.42)
        let r = pic.width * 0.22
        // Legs.
        canvas.line(Point(centre.x - r * 0.4, centre.y + r), Point(centre.x - r * 0.4, pic.maxY - 4), width: 3, Colour(170, 170, 175))
        canvas.line(Point(centre.x + r * 0.4, centre.y + r), Point(centre.x + r * 0.4, pic.maxY - 10), width: 3, Colour(170, 170, 175))
        if brightness > 0 { canvas.glow(centre, radius: r * 3.2, c.withAlpha(0.7 * brightness)) }
        let body = c.mixed(with: Colour(60, 60, 60), 0.7).mixed(with: c, brightness)
        canvas.fill(Rect(centre.x - r * 1.15, centre.y + r * 0.55, r * 2.3, r * 0.45), body.mixed(with: .black, 0.2))
        canvas.fillCircle(centre, radius: r, body)
        canvas.fill(Rect(centre.x - r, centre.y, r * 2, r * 0.7), body)
        canvas.fillCircle(Point(centre.x - r * 0.35, centre.y - r * 0.35), radius: r * 0.25, Colour(255, 255, 255, 90))
    }

    private func drawNeoPixels(_ pixels: [RGBColor], in pic: Rect, on canvas: Canvas) {
        let n = max(1, pixels.count)
        let perRow = Int(Double(n).squareRoot().rounded(.up))
        let cell = pic.width / Double(perRow)
        for (i, p) in pixels.enumerated() {
            let x = pic.x + Double(i % perRow) * cell, y = pic.y + Double(i / perRow) * cell
            let r = Rect(x + 2, y + 2, cell - 4, cell - 4)
            canvas.fillRounded(r, radius: 2, Colour(235, 235, 228))
            let c = Colour(p.r, p.g, p.b)
            let k = Double(max(p.r, p.g, p.b)) / 255
            if k > 0 {
                canvas.fillCircle(r.center, radius: r.width * 0.3, c.mixed(with: .white, 0.15))
                canvas.glow(r.center, radius: r.width * 0.75, c.withAlpha(0.8 * k))
            } else {
                canvas.fillRounded(r.inset(r.width * 0.25), radius: 2, Colour(70, 70, 70))
            }
        }
    }

    private func drawRelay(energized: Bool, in pic: Rect, on canvas: Canvas) {
        let board = Rect(pic.x, pic.y + pic.height * 0.1, pic.width, pic.height * 0.8)
        canvas.fillRounded(board, radius: 4, Colour(30, 90, 170))
        let cube = Rect(board.x + board.width * 0.12, board.y + board.height * 0.15, board.width * 0.55, board.height * 0.7)
        canvas.fillRounded(cube, radius: 3, Colour(25, 30, 40))
        font.draw("5V", at: cube.x + 4, cube.y + 4, Colour(200, 200, 210), on: canvas)
        // Contact: a blade that closes on the terminal when energised.
        let pivot = Point(cube.x + cube.width * 0.2, cube.maxY - 10)
        let end = energized ? Point(cube.maxX - 8, cube.maxY - 10) : Point(cube.maxX - 12, cube.maxY - 26)
        canvas.line(pivot, end, width: 3, Colour(220, 220, 225))
        canvas.fillCircle(Point(cube.maxX - 6, cube.maxY - 10), radius: 3, Colour(210, 170, 60))
        let ledC = Point(board.maxX - board.width * 0.14, board.y + board.height * 0.25)
        if energized { canvas.glow(ledC, radius: 14, Colour(255, 40, 40, 220)) }
        canvas.fillCircle(ledC, radius: 4, energized ? Colour(255, 60, 50) : Colour(90, 30, 30))
        for k in 0..<3 {
            canvas.fillRounded(Rect(board.maxX - board.width * 0.22, board.y + board.height * (0.5 + 0.15 * Double(k)), 12, 9), radius: 1, Colour(40, 120, 60))
        }
    }

    /// The fan's blades turn with its revolutions, slowed 20× for the eye (a
    /// 3000 rpm fan would otherwise alias to a standstill at 60 frames a second).
    private func drawFan(fraction: Double, revolutions: Double, in pic: Rect, on canvas: Canvas) {
        canvas.fillRounded(pic, radius: pic.width * 0.12, Colour(38, 38, 42))
        canvas.strokeRounded(pic, radius: pic.width * 0.12, width: 2, Colour(80, 80, 88))
        for (dx, dy) in [(0.1, 0.1), (0.9, 0.1), (0.1, 0.9), (0.9, 0.9)] {
            canvas.fillCircle(Point(pic.x + pic.width * dx, pic.y + pic.height * dy), radius: pic.width * 0.04, Colour(15, 15, 18))
        }
        let c = pic.center, R = pic.width * 0.44
        canvas.fillCircle(c, radius: R, Colour(22, 22, 26))
        if fraction > 0.05 { canvas.fillCircle(c, radius: R * 0.95, Colour(120, 125, 135, UInt8(60 * min(1, fraction)))) }
        let turn = (revolutions / 20).truncatingRemainder(dividingBy: 1) * 2 * Double.pi
        let blades = 5
        for k in 0..<blades {
            let a = turn + Double(k) * 2 * Double.pi / Double(blades)
            var pts: [Point] = []
            for s in 0...8 {
                let t = Double(s) / 8
                let ang = a + t * 0.55
                let rr = R * (0.28 + 0.62 * (1 - abs(t - 0.5) * 0.6))
                pts.append(Point(c.x + cos(ang) * rr, c.y + sin(ang) * rr))
            }
            pts.append(Point(c.x + cos(a + 0.5) * R * 0.25, c.y + sin(a + 0.5) * R * 0.25))
            pts.append(Point(c.x + cos(a) * R * 0.25, c.y + sin(a) * R * 0.25))
            canvas.fillPolygon(pts, Colour(150, 155, 165))
        }
        canvas.fillCircle(c, radius: R * 0.3, Colour(60, 62, 70))
        canvas.fillCircle(c, radius: R * 0.12, fraction > 0.01 ? Palette.accent : Colour(90, 92, 100))
    }

    private func drawBME280(in pic: Rect, on canvas: Canvas) {
        let b = Rect(pic.x + pic.width * 0.05, pic.y + pic.height * 0.1, pic.width * 0.9, pic.height * 0.8)
        canvas.fillRounded(b, radius: 5, Colour(95, 45, 140))
        let chip = Rect(b.center.x - b.width * 0.16, b.center.y - b.height * 0.22, b.width * 0.32, b.width * 0.32)
        canvas.fillRounded(chip, radius: 2, Colour(190, 190, 195))
        canvas.fillCircle(Point(chip.x + chip.width * 0.3, chip.y + chip.height * 0.3), radius: chip.width * 0.1, Colour(40, 40, 40))
        let labels = ["VIN", "GND", "SCL", "SDA"]
        for (k, _) in labels.enumerated() {
            let x = b.x + b.width * (0.2 + 0.2 * Double(k))
            canvas.fillCircle(Point(x, b.maxY - 10), radius: 4, Colour(210, 170, 60))
            canvas.fillCircle(Point(x, b.maxY - 10), radius: 2, Colour(40, 20, 60))
        }
        font.draw("BME280", at: b.center.x - Double(font.width(of: "BME280")) / 2, b.y + 4, Colour(235, 225, 245), on: canvas)
    }

    private func drawButton(pressed: Bool, in pic: Rect, on canvas: Canvas) {
        let base = pic.inset(pic.width * 0.12)
        canvas.fillRounded(base, radius: 4, Colour(25, 25, 28))
        let c = base.center
        let r = base.width * (pressed ? 0.3 : 0.34)
        canvas.fillCircle(Point(c.x, c.y + 2), radius: r + 2, Colour(0, 0, 0, 120))
        canvas.fillCircle(c, radius: r, pressed ? Colour(150, 40, 35) : Colour(210, 60, 50))
        if !pressed { canvas.fillCircle(Point(c.x - r * 0.3, c.y - r * 0.3), radius: r * 0.3, Colour(255, 255, 255, 60)) }
    }

    private func drawSlideSwitch(right: Bool, in pic: Rect, on canvas: Canvas) {
        let body = Rect(pic.x + pic.width * 0.1, pic.center.y - pic.height * 0.16, pic.width * 0.8, pic.height * 0.32)
        // The three legs, 1 2 3 from the left.
        for k in 0..<3 {
            let x = body.x + body.width * (0.2 + 0.3 * Double(k))
            canvas.line(Point(x, body.maxY), Point(x, min(pic.maxY - 4, body.maxY + pic.height * 0.22)), width: 3, Colour(170, 170, 175))
        }
        canvas.fillRounded(body, radius: 3, Colour(40, 90, 170))
        let slot = body.inset(body.height * 0.25)
        canvas.fillRounded(slot, radius: 2, Colour(20, 22, 26))
        let w = slot.width * 0.45
        let handle = Rect(right ? slot.maxX - w : slot.x, slot.y - body.height * 0.35, w, slot.height + body.height * 0.7)
        canvas.fillRounded(handle, radius: 3, Colour(225, 225, 230))
    }

    /// A through-hole resistor lying across: leads, a beige body, four colour bands.
    private func drawResistor(in pic: Rect, on canvas: Canvas) {
        let y = pic.center.y
        canvas.line(Point(pic.x + 4, y), Point(pic.maxX - 4, y), width: 3, Colour(170, 170, 175))
        let body = Rect(pic.x + pic.width * 0.22, y - pic.height * 0.12, pic.width * 0.56, pic.height * 0.24)
        canvas.fillRounded(body, radius: body.height * 0.4, Colour(214, 190, 150))
        for (k, c) in [Colour(150, 90, 40), Colour(20, 20, 20), Colour(230, 130, 40), Colour(200, 170, 60)].enumerated() {
            let x = body.x + body.width * (0.18 + 0.2 * Double(k))
            canvas.fill(Rect(x, body.y, body.width * 0.08, body.height), c)
        }
    }

    private func drawDHT22(in pic: Rect, on canvas: Canvas) {
        let b = Rect(pic.x + pic.width * 0.2, pic.y + pic.height * 0.06, pic.width * 0.6, pic.height * 0.72)
        canvas.fillRounded(b, radius: 4, Colour(235, 235, 238))
        // The grille of the sensing cavity.
        for row in 0..<5 {
            for col in 0..<3 {
                let cell = Rect(b.x + b.width * (0.14 + 0.26 * Double(col)), b.y + b.height * (0.08 + 0.15 * Double(row)),
                                b.width * 0.2, b.height * 0.1)
                canvas.fillRounded(cell, radius: 1.5, Colour(150, 152, 160))
            }
        }
        for k in 0..<4 {
            let x = b.x + b.width * (0.17 + 0.22 * Double(k))
            canvas.line(Point(x, b.maxY), Point(x, pic.maxY - 4), width: 3, Colour(170, 170, 175))
        }
    }

    private func drawKnob(position: Double, in pic: Rect, on canvas: Canvas) {
        let c = pic.center, r = pic.width * 0.36
        canvas.fillCircle(c, radius: r + 4, Colour(20, 60, 140))
        canvas.fillCircle(c, radius: r, Colour(70, 70, 76))
        let a = (-225 + 270 * position) * Double.pi / 180
        canvas.line(c, Point(c.x + cos(a) * r * 0.85, c.y + sin(a) * r * 0.85), width: 4, Colour(240, 240, 240))
    }
}
