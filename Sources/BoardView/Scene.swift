import BoardEmulator

/// The window's picture and its controls, independent of SDL: `render` draws
/// a snapshot onto a canvas; `handle(pointer:)` and `handle(key:)` turn the
/// person's input into `UserAction`s. The same scene draws the live window and
/// the off-screen screenshots, so tests of one are tests of the other.
public final class Scene {
    public let definition: BoardDefinition
    public let art: BoardArt
    public let font: BitmapFont
    public let flavour: FirmwareFlavour
    /// "thermostat": the project folder's name.
    public let projectName: String

    /// The serial console's text (fed by the simulator).
    public var console = ConsoleBuffer()
    /// What the speed is set to ("×1", "×4", "max").
    public var speedSetting = "×1"
    /// Virtual seconds per wall second, as measured (nil until known).
    public var measuredSpeed: Double?
    /// A line shown in the status bar for a while ("copied blink.py to lib/").
    public var notice: String?
    /// The room as the controls show it; follows the snapshot except while a slider is held.
    public var environment = EnvironmentView()

    public private(set) var layout: SceneLayout
    private var dragging: ControlID?
    private var heldButton: String?
    private var lastSnapshot = BoardSnapshot()

    /// What can be clicked.
    public enum ControlID: Hashable, Sendable {
        case slider(EnvironmentField)
        case stepDown(EnvironmentField), stepUp(EnvironmentField)
        case pause, reload, slower, faster, screenshot
        case button(String)
        case knob(String)
        case slideSwitch(String)
        /// A DHT22 card's upper half (its temperature) and lower half (its humidity), for the wheel.
        case dhtTemperature(String), dhtHumidity(String)
        /// The network panel's switch for every access point.
        case accessPoints
    }

    public init(definition: BoardDefinition, art: BoardArt, font: BitmapFont, flavour: FirmwareFlavour,
                projectName: String, width: Int = 1280, height: Int = 800, partCount: Int = 0) {
        self.definition = definition; self.art = art; self.font = font
        self.flavour = flavour; self.projectName = projectName
        layout = SceneLayout(width: width, height: height, definition: definition, partCount: partCount)
    }

    /// A scene with the shipped art for the board and the shipped font.
    public static func standard(definition: BoardDefinition, flavour: FirmwareFlavour, projectName: String) throws(AssetError) -> Scene {
        Scene(definition: definition, art: try BoardArt.load(boardID: definition.id), font: try BitmapFont.standard(),
              flavour: flavour, projectName: projectName)
    }

    /// Recomputes the layout for a new window size or part list.
    public func resize(width: Int, height: Int, partCount: Int) {
        layout = SceneLayout(width: width, height: height, definition: definition, partCount: partCount)
    }

    // MARK: Control geometry

    static let sliderRowHeight = 58.0
    static let buttonHeight = 28.0

    /// The slider track of an environment field.
    public func sliderTrack(_ f: EnvironmentField) -> Rect {
        let a = layout.controlsArea.inset(16)
        let i = Double(EnvironmentField.allCases.firstIndex(of: f)!)
        let rowTop = a.y + 30 + i * Scene.sliderRowHeight
        return Rect(a.x + 30, rowTop + 30, a.width - 60, 8)
    }

    /// Every clickable rectangle, for drawing and hit-testing.
    public func controlRects() -> [(ControlID, Rect)] {
        var out: [(ControlID, Rect)] = []
        for f in EnvironmentField.allCases {
            let t = sliderTrack(f)
            out.append((.slider(f), Rect(t.x - 6, t.y - 10, t.width + 12, t.height + 20)))
            out.append((.stepDown(f), Rect(t.x - 30, t.y - 9, 24, 26)))
            out.append((.stepUp(f), Rect(t.maxX + 6, t.y - 9, 24, 26)))
        }
        let a = layout.controlsArea.inset(16)
        let top = a.y + 30 + 3 * Scene.sliderRowHeight + 56
        let w = (a.width - 8) / 2
        let ids: [ControlID] = [.pause, .reload, .slower, .faster, .screenshot]
        for (i, id) in ids.enumerated() {
            let r = i / 2, c = i % 2
            out.append((id, Rect(a.x + Double(c) * (w + 8), top + Double(r) * (Scene.buttonHeight + 8), w, Scene.buttonHeight)))
        }
        out.append((.accessPoints, accessPointSwitch()))
        for (i, p) in lastSnapshot.parts.enumerated() where i < layout.cards.count {
            switch p.kind {
            case .button: out.append((.button(p.id), layout.cardPicture(layout.cards[i])))
            case .potentiometer: out.append((.knob(p.id), layout.cards[i]))
            case .slideSwitch: out.append((.slideSwitch(p.id), layout.cardPicture(layout.cards[i])))
            case .dht22:
                let c = layout.cards[i]
                out.append((.dhtTemperature(p.id), Rect(c.x, c.y, c.width, c.height / 2)))
                out.append((.dhtHumidity(p.id), Rect(c.x, c.y + c.height / 2, c.width, c.height / 2)))
            default: break
            }
        }
        return out
    }

    public func control(at p: Point) -> ControlID? {
        controlRects().first { $0.1.contains(p) }?.0
    }

    // MARK: Input

    public enum Pointer: Equatable, Sendable {
        case down(Point), move(Point), up(Point)
        /// Wheel notches over a point (positive: up / more).
        case wheel(Point, Int)
    }

    public func handle(pointer e: Pointer) -> [UserAction] {
        switch e {
        case .down(let p):
            guard let id = control(at: p) else { return [] }
            switch id {
            case .slider(let f):
                dragging = id
                return [setEnvironment(f, value(of: f, atX: p.x))]
            case .stepDown(let f): return [setEnvironment(f, value(f) - f.step)]
            case .stepUp(let f): return [setEnvironment(f, value(f) + f.step)]
            case .pause: return [.togglePause]
            case .reload: return [.reload]
            case .slower: return [.slower]
            case .faster: return [.faster]
            case .screenshot: return [.screenshot]
            case .accessPoints: return [.setAccessPoints(up: !lastSnapshot.wifi.accessPointsUp)]
            case .button(let partID):
                heldButton = partID
                return [.setButton(id: partID, pressed: true)]
            case .knob(let partID):
                dragging = id
                return [.setPotentiometer(id: partID, position: knobPosition(atX: p.x, card: partID))]
            case .slideSwitch(let partID):
                // A click moves the handle to the other side.
                guard case .slideSwitch(let right)? = lastSnapshot.parts.first(where: { $0.id == partID })?.kind else { return [] }
                return [.setSlideSwitch(id: partID, right: !right)]
            case .dhtTemperature, .dhtHumidity:
                return []
            }
        case .move(let p):
            switch dragging {
            case .slider(let f)?: return [setEnvironment(f, value(of: f, atX: p.x))]
            case .knob(let partID)?: return [.setPotentiometer(id: partID, position: knobPosition(atX: p.x, card: partID))]
            default: return []
            }
        case .up:
            dragging = nil
            if let b = heldButton {
                heldButton = nil
                return [.setButton(id: b, pressed: false)]
            }
            return []
        case .wheel(let p, let notches):
            switch control(at: p) {
            case .slider(let f)?, .stepDown(let f)?, .stepUp(let f)?:
                return [setEnvironment(f, value(f) + Double(notches) * f.step)]
            case .dhtTemperature(let partID)?, .dhtHumidity(let partID)?:
                // The wheel sets what the sensor reads: 0.5 °C or 1 %RH a notch, from its reading now.
                guard case .dht22(let t, let h, _, _, _)? = lastSnapshot.parts.first(where: { $0.id == partID })?.kind else { return [] }
                if case .dhtTemperature? = control(at: p) {
                    return [.setDHT22(id: partID, temperature: ((t + Double(notches) * 0.5) * 10).rounded() / 10, humidity: nil)]
                }
                return [.setDHT22(id: partID, temperature: nil, humidity: (h + Double(notches)).rounded())]
            case .knob(let partID)?:
                if case .potentiometer(let pos)? = lastSnapshot.parts.first(where: { $0.id == partID })?.kind {
                    return [.setPotentiometer(id: partID, position: min(1, max(0, pos + Double(notches) * 0.02)))]
                }
                return []
            default: return []
            }
        }
    }

    /// Keys: Ctrl-R reload, Ctrl-P pause, Ctrl-= / Ctrl-- speed, F12 screenshot,
    /// F9 access points on/off (a function key: every free Ctrl letter means
    /// something to the REPL's line editor), Ctrl-Q quit; everything else is typed into the serial console (Ctrl-C,
    /// Ctrl-D and Ctrl-E as their control bytes; arrows as VT100 sequences).
    public func handle(key: KeyPress) -> [UserAction] {
        switch key {
        case .control("r"): return [.reload]
        case .control("p"): return [.togglePause]
        case .control("="), .control("+"): return [.faster]
        case .control("-"): return [.slower]
        case .control("q"): return [.quit]
        case .function(12), .control("s"): return [.screenshot]
        case .function(9): return [.setAccessPoints(up: !lastSnapshot.wifi.accessPointsUp)]
        case .control(let c):
            guard let a = c.asciiValue, (0x61...0x7A).contains(a) else { return [] }
            return [.serialInput([a - 0x60])]
        case .text(let s): return [.serialInput(Array(s.utf8))]
        case .enter: return [.serialInput([0x0D])]
        case .backspace: return [.serialInput([0x08])]
        case .tab: return [.serialInput([0x09])]
        case .escape: return []
        case .up: return [.serialInput([0x1B, 0x5B, 0x41])]
        case .down: return [.serialInput([0x1B, 0x5B, 0x42])]
        case .right: return [.serialInput([0x1B, 0x5B, 0x43])]
        case .left: return [.serialInput([0x1B, 0x5B, 0x44])]
        case .function: return []
        }
    }

    private func value(_ f: EnvironmentField) -> Double {
        switch f {
        case .temperature: return environment.temperature
        case .humidity: return environment.humidity
        case .pressure: return environment.pressure
        }
    }

    private func setEnvironment(_ f: EnvironmentField, _ v: Double) -> UserAction {
        let c = f.clamped(v)
        switch f {
        case .temperature: environment.temperature = c
        case .humidity: environment.humidity = c
        case .pressure: environment.pressure = c
        }
        return .setEnvironment(f, c)
    }

    private func value(of f: EnvironmentField, atX x: Double) -> Double {
        let t = sliderTrack(f)
        let k = min(1, max(0, (x - t.x) / t.width))
        return f.range.lowerBound + k * (f.range.upperBound - f.range.lowerBound)
    }

    /// The potentiometer card's track is its lower text row.
    func knobTrack(_ card: Rect) -> Rect {
        let pic = layout.cardPicture(card)
        return Rect(pic.maxX + 12, card.maxY - 22, max(10, card.maxX - pic.maxX - 24), 8)
    }

    private func knobPosition(atX x: Double, card partID: String) -> Double {
        guard let i = lastSnapshot.parts.firstIndex(where: { $0.id == partID }), i < layout.cards.count else { return 0.5 }
        let t = knobTrack(layout.cards[i])
        return (min(1, max(0, (x - t.x) / t.width)) * 100).rounded() / 100
    }

    // MARK: Drawing

    /// Draws the whole window for `snapshot`.
    public func render(_ snapshot: BoardSnapshot, on canvas: Canvas) {
        if snapshot.parts.count != layout.cards.count || Int(layout.width) != canvas.width || Int(layout.height) != canvas.height {
            resize(width: canvas.width, height: canvas.height, partCount: snapshot.parts.count)
        }
        lastSnapshot = snapshot
        if dragging == nil { environment = snapshot.environment }
        canvas.clear(Palette.background)
        drawTitle(snapshot, on: canvas)
        drawWires(snapshot, on: canvas)
        drawBoard(snapshot, on: canvas)
        drawWireEnds(snapshot, on: canvas)
        drawParts(snapshot, on: canvas)
        drawControls(snapshot, on: canvas)
        drawConsole(on: canvas)
        drawNetwork(snapshot, on: canvas)
        drawStatus(snapshot, on: canvas)
    }
}

/// The window's colours.
enum Palette {
    static let background = Colour(30, 33, 39)
    static let panel = Colour(38, 42, 49)
    static let card = Colour(46, 51, 59)
    static let cardEdge = Colour(66, 72, 82)
    static let text = Colour(220, 223, 228)
    static let dimText = Colour(140, 147, 158)
    static let accent = Colour(97, 175, 239)
    static let good = Colour(120, 200, 110)
    static let bad = Colour(235, 95, 90)
    static let consoleBackground = Colour(16, 18, 22)
    static let consoleText = Colour(208, 215, 208)
    static let wires: [Colour] = [Colour(230, 126, 34), Colour(52, 152, 219), Colour(46, 204, 113),
                                  Colour(231, 76, 60), Colour(155, 89, 182), Colour(241, 196, 15), Colour(26, 188, 156)]
}
