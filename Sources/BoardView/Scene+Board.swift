import BoardEmulator
import Foundation

extension Scene {
    /// "Raspberry Pi Pico W", "ESP32-S3-DevKitC-1-N8": the board's name without its MCU.
    public var boardDisplayName: String {
        let n = definition.names.circuitpython
        if let r = n.range(of: " with ") { return String(n[..<r.lowerBound]) }
        return n
    }

    /// The header pin a board pin comes out on (nil for pins not on a header).
    func headerPin(_ ref: PinRef) -> BoardDefinition.HeaderPin? {
        guard let g = ref.gpioNumber else { return nil }
        return definition.layout.header.first { $0.gpio == g }
    }

    /// A pin named in the art (`LED`, `NEOPIXEL`), under either firmware.
    func artPin(_ name: String) -> PinRef? {
        definition.pin(named: name, flavour: flavour)
            ?? definition.pin(named: name, flavour: flavour == .micropython ? .circuitpython : .micropython)
    }

    /// 0…1: how much current an LED on this pin would see (level or PWM duty).
    func drive(_ view: PinView?) -> Double {
        guard let v = view, v.isOutput else { return 0 }
        if let d = v.duty { return d }
        return v.level ? 1 : 0
    }

    func drawBoard(_ s: BoardSnapshot, on canvas: Canvas) {
        let b = layout.board, mm = layout.pixelsPerMM
        let corner = art.cornerMM * mm
        canvas.fillRounded(Rect(b.x + 5, b.y + 6, b.width, b.height), radius: corner, Colour(0, 0, 0, 110))
        canvas.fillRounded(b, radius: corner, Colour(hex: art.pcb)!)
        canvas.strokeRounded(b, radius: corner, width: max(1.5, 0.25 * mm), Colour(hex: art.pcbEdge)!)

        for shape in art.shapes {
            let c = Colour(hex: shape.colour)!
            switch shape.kind {
            case "rect":
                canvas.fillRounded(layout.boardRect(x: shape.x, y: shape.y, w: shape.w!, h: shape.h!),
                                   radius: (shape.radiusMM ?? 0) * mm, c)
            case "circle":
                canvas.fillCircle(Point(b.x + shape.x * mm, b.y + shape.y * mm), radius: shape.r! * mm, c)
            default:
                let t = shape.text!
                let w = Double(font.width(of: t))
                font.draw(t, at: b.x + shape.x * mm - w / 2, b.y + shape.y * mm - Double(font.cellHeight) / 2, c, on: canvas)
            }
        }

        let pitch = 2.54 * mm
        let pad = Colour(hex: art.pad)!
        for pin in definition.layout.header {
            let p = layout.padCentre(pin)
            canvas.fillCircle(p, radius: 0.8 * mm, pad)
            let hole = Colour(20, 20, 20)
            if let g = pin.gpio, let v = s.pins[.gpio(g)], v.isOutput {
                let k = drive(v)
                canvas.fillCircle(p, radius: 0.45 * mm, hole.mixed(with: Colour(255, 120, 40), k))
            } else {
                canvas.fillCircle(p, radius: 0.45 * mm, hole)
            }
            guard pitch >= 14 else { continue }
            let label = pin.label
            let colour: Colour = label.hasPrefix("GND") ? Palette.dimText
                : (label.contains("V") && pin.gpio == nil ? Colour(235, 130, 120) : Palette.text)
            let y = p.y - Double(font.cellHeight) / 2
            let lw = Double(font.width(of: label))
            let x = pin.x < definition.layout.widthMM / 2 ? b.x - 8 - lw : b.maxX + 8
            // A backing so wires passing under a label leave it readable.
            canvas.fillRounded(Rect(x - 3, y + 1, lw + 5, Double(font.cellHeight) - 2), radius: 3, Palette.background)
            font.draw(label, at: x, y, colour, on: canvas)
        }

        for light in art.lights {
            let r = layout.boardRect(x: light.x, y: light.y, w: light.w, h: light.h)
            guard let ref = artPin(light.pin) else { continue }
            var lit = Colour(40, 40, 40)
            var k = 0.0
            if light.kind == "led" {
                k = drive(s.pins[ref])
                lit = Colour(hex: light.colour ?? "#40ff60") ?? lit
            } else if let first = s.onboardPixels[ref] ?? s.parts.first(where: { $0.wires.contains { $0.pin == ref } })
                        .flatMap({ part -> RGBColor? in if case .neoPixel(let px) = part.kind { return px.first }; return nil }) {
                lit = Colour(first.r, first.g, first.b)
                k = Double(max(first.r, first.g, first.b)) / 255
                if k > 0 { lit = Colour(UInt8(min(255, Double(first.r) / k)), UInt8(min(255, Double(first.g) / k)), UInt8(min(255, Double(first.b) / k))) }
            }
            let off = Colour(235, 235, 225)
            canvas.fillRounded(r, radius: 1, off.mixed(with: lit, k > 0 ? 0.6 + 0.4 * k : 0))
            if k > 0 { canvas.glow(r.center, radius: max(r.width, r.height) * 2.2, lit.withAlpha(0.85 * k)) }
        }
    }

    /// Wires from the pads to the cards. A pin on the right header curves
    /// straight to its card; one on the left header leaves to the left and
    /// goes round the top of the board, each wire in its own lane.
    func drawWires(_ s: BoardSnapshot, on canvas: Canvas) {
        let b = layout.board, mm = layout.pixelsPerMM
        var lane = 0.0
        for (i, part) in s.parts.enumerated() where i < layout.cards.count {
            let colour = Palette.wires[i % Palette.wires.count]
            for (j, w) in part.wires.enumerated() {
                guard let hp = headerPin(w.pin) else { continue }
                let a = layout.padCentre(hp)
                let z = layout.wireAnchor(layout.cards[i], index: j, count: part.wires.count)
                var pts: [Point] = [a]
                var from = a
                if hp.x < definition.layout.widthMM / 2 {
                    let xOut = b.x - SceneLayout.labelRoom - 8 - lane * 7
                    let yTop = b.y - 1.5 * mm - 6 - lane * 7
                    let xBack = b.maxX + SceneLayout.labelRoom + 8 + lane * 7
                    pts += [Point(xOut, a.y), Point(xOut, yTop), Point(xBack, yTop)]
                    from = Point(xBack, yTop)
                    lane += 1
                }
                let c1 = Point(from.x + 60, from.y), c2 = Point(z.x - 80, z.y)
                for k in 1...28 {
                    let t = Double(k) / 28, u = 1 - t
                    pts.append(Point(u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * z.x,
                                     u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * z.y))
                }
                canvas.polyline(pts, width: 5, Colour(0, 0, 0, 120))
                canvas.polyline(pts, width: 3, colour)
            }
        }
    }

    /// The wires' ends on the pads, drawn over the board.
    func drawWireEnds(_ s: BoardSnapshot, on canvas: Canvas) {
        for (i, part) in s.parts.enumerated() where i < layout.cards.count {
            for w in part.wires {
                guard let hp = headerPin(w.pin) else { continue }
                canvas.fillCircle(layout.padCentre(hp), radius: 0.55 * layout.pixelsPerMM,
                                  Palette.wires[i % Palette.wires.count])
            }
        }
    }
}
