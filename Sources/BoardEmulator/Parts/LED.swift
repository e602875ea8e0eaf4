/// A discrete LED on one pin, through its resistor.
///
/// Default wiring: anode (`A`) on the pin, cathode to GND, so it lights when the
/// MCU drives the pin high. `activeLow`: cathode on the pin, anode to 3V3, so it
/// lights when the pin is driven low. An input pin drives nothing: the LED is dark.
/// When the pin is a PWM output the brightness is the duty fraction (or 1 − duty
/// when active-low); otherwise it is 0 or 1 from the level.
public final class LED {
    public let id: String
    public let board: Board
    public let pin: PinRef
    /// The colour name or `#rrggbb` as given; `rgb` is what it means.
    public private(set) var colorName: String
    public private(set) var rgb: RGBColor
    public var activeLow: Bool { didSet { notify() } }
    /// Called when the brightness may have changed (level, duty, colour, polarity).
    public var onChange: ((LED) -> Void)?

    public init?(id: String, board: Board, pin: PinRef, color: String = "red", activeLow: Bool = false) {
        guard let c = RGBColor(name: color) else { return nil }
        self.id = id; self.board = board; self.pin = pin
        self.colorName = color; self.rgb = c; self.activeLow = activeLow
        board.gpio.addListener(pin) { [weak self] _, _ in self?.notify() }
        if let g = pin.gpioNumber {
            // Chain onto the PWM change hook (whoever set it before keeps hearing).
            let previous = board.pwm.onChange
            board.pwm.onChange = { [weak self] n, f in
                previous?(n, f)
                if n == g { self?.notify() }
            }
        }
    }

    /// Changes the colour; false (and no change) when the name is not a colour.
    @discardableResult
    public func setColor(_ name: String) -> Bool {
        guard let c = RGBColor(name: name) else { return false }
        colorName = name; rgb = c
        notify()
        return true
    }

    /// 0…1: the fraction of time current flows.
    public var brightness: Double {
        if let g = pin.gpioNumber, let duty = board.pwm.dutyFraction(gpio: g) {
            return activeLow ? 1 - duty : duty
        }
        guard let s = board.gpio.state(pin) else { return 0 }
        switch s.direction {
        case .input: return 0
        case .output: return s.level != activeLow ? 1 : 0
        case .openDrain:
            // Released high: only an active-high LED sees the pull; pulled low sinks current.
            return s.level != activeLow ? 1 : 0
        }
    }

    public var isLit: Bool { brightness > 0 }

    /// The colour as it looks now: `rgb` scaled by the brightness.
    public var apparentColor: RGBColor {
        let k = brightness
        func s(_ v: UInt8) -> UInt8 { UInt8((Double(v) * k).rounded()) }
        return RGBColor(s(rgb.r), s(rgb.g), s(rgb.b))
    }

    private func notify() { onChange?(self) }
}
