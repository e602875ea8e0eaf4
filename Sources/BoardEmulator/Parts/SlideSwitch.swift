/// A single-pole double-throw slide switch (Wokwi's `wokwi-slide-switch`): the
/// common terminal `2` touches terminal `1` with the handle left and `3` with it
/// right (wokwi-slide-switch's docs, Pin names). One terminal is on a GPIO; each
/// other is on GND, on 3V3, or on nothing. The GPIO sees the rail its terminal is
/// joined to in the current position, or nothing at all (it floats, and the
/// firmware's pull decides), e.g. common on GP14, 1 on GND, 3 on 3V3: left reads
/// 0, right reads 1; common on 3V3, 1 on GP14: left reads 1, right floats.
///
/// With `bounce`, the contact that closes chatters (`ContactBounce`), as Wokwi's
/// switch does unless its `bounce` attribute is "0" (wokwi-slide-switch's docs,
/// Bouncing); the contact that opens opens at once.
public final class SlideSwitch {
    /// The three terminals, by the names Wokwi and circuit.json give them.
    public enum Terminal: String, Sendable, CaseIterable {
        case left = "1", common = "2", right = "3"
    }
    /// What a terminal other than the GPIO's is wired to.
    public enum Rail: String, Sendable {
        case ground = "GND"
        case supply = "3V3"
    }

    public let id: String
    public let gpio: GPIOBank
    /// The GPIO and the terminal it is wired to.
    public let pin: PinRef
    public let pinTerminal: Terminal
    /// The rails on the other terminals (absent: wired to nothing).
    public let rails: [Terminal: Rail]
    public var bounce: Bool
    /// What the user does: false left, true right (Wokwi's `value` "" or "1").
    public private(set) var isRight: Bool
    /// Whether the GPIO's contact is closed now (differs from the position while bouncing).
    public private(set) var contactClosed = false
    public var onChange: ((SlideSwitch) -> Void)?

    private let chatter: ContactBounce
    private var driverName: String { "slide-switch:\(id)" }

    public init(id: String, gpio: GPIOBank, pin: PinRef, on terminal: Terminal, rails: [Terminal: Rail],
                right: Bool = false, bounce: Bool = false, seed: UInt64? = nil) {
        self.id = id; self.gpio = gpio; self.pin = pin; self.pinTerminal = terminal
        self.rails = rails.filter { $0.key != terminal }
        self.isRight = right; self.bounce = bounce
        chatter = ContactBounce(id: id, seed: seed)
        setContact(rail(whenRight: right) != nil)
    }

    /// The rail the GPIO is joined to with the handle on that side, if any.
    public func rail(whenRight right: Bool) -> Rail? {
        switch pinTerminal {
        case .common: return rails[right ? .right : .left]
        case .left: return right ? nil : rails[.common]
        case .right: return right ? rails[.common] : nil
        }
    }

    /// What the GPIO's net is driven to now (nil: the switch leaves it floating).
    public var drivenLevel: Bool? { contactClosed ? rail(whenRight: isRight).map { $0 == .supply } : nil }

    public func setRight(_ right: Bool) {
        guard right != isRight else { return }
        isRight = right
        chatter.cancel(on: gpio.clock)
        let closes = rail(whenRight: right) != nil
        setContact(closes)
        // Only a contact that closes onto a rail can chatter on the pin.
        if bounce && closes { chatter.chatter(from: true, on: gpio.clock) { [weak self] in self?.setContact($0) } }
        onChange?(self)
    }

    private func setContact(_ closed: Bool) {
        contactClosed = closed
        gpio.drive(pin, by: driverName, drivenLevel)
    }
}
