/// A momentary push button on a pin (`A`). Wired to GND (default) it pulls the
/// net low while pressed (the firmware enables the pull-up); wired to 3V3 it
/// pulls it high (the firmware uses a pull-down). Released, it drives nothing.
///
/// With `bounce`, each press and release chatters (`ContactBounce`): a few
/// extra changes within `bounceWindowNanoseconds` (5 ms), the same on every run
/// for the same id (or `seed`).
public final class PushButton {
    public enum Wiring: String, Sendable, CaseIterable {
        case ground = "GND"
        case supply = "3V3"
    }

    public let id: String
    public let gpio: GPIOBank
    public let pin: PinRef
    public let wiring: Wiring
    public var bounce: Bool
    public var bounceWindowNanoseconds: UInt64 {
        get { chatter.windowNanoseconds }
        set { chatter.windowNanoseconds = newValue }
    }
    /// What the user does.
    public private(set) var isPressed = false
    /// What the contacts do (differs from `isPressed` while bouncing).
    public private(set) var contactClosed = false
    public var onChange: ((PushButton) -> Void)?

    private let chatter: ContactBounce
    private var driverName: String { "button:\(id)" }

    public init(id: String, gpio: GPIOBank, pin: PinRef, wiring: Wiring = .ground, bounce: Bool = false, seed: UInt64? = nil) {
        self.id = id; self.gpio = gpio; self.pin = pin; self.wiring = wiring; self.bounce = bounce
        chatter = ContactBounce(id: id, seed: seed)
    }

    public func press() { setPressed(true) }
    public func release() { setPressed(false) }

    public func setPressed(_ pressed: Bool) {
        guard pressed != isPressed else { return }
        isPressed = pressed
        chatter.cancel(on: gpio.clock)
        setContact(pressed)
        if bounce { chatter.chatter(from: pressed, on: gpio.clock) { [weak self] in self?.setContact($0) } }
        onChange?(self)
    }

    private func setContact(_ closed: Bool) {
        contactClosed = closed
        gpio.drive(pin, by: driverName, closed ? (wiring == .supply) : nil)
    }
}
