/// A relay module: its coil input on a pin (`IN`) switches a load (another part,
/// e.g. the fan). Active-high modules energise when IN is high; active-low ones
/// (the common optocoupled boards) when IN is pulled low, and their input LED
/// holds an undriven IN high, which is modelled as a pull-up on the net.
public final class Relay {
    public let id: String
    public let gpio: GPIOBank
    public let pin: PinRef
    public let activeLow: Bool
    /// What the contacts switch (normally open).
    public var load: ElectricalLoad? { didSet { load?.setPowered(isEnergized) } }
    public private(set) var isEnergized = false
    /// How many times the contacts closed.
    public private(set) var closures = 0
    public var onChange: ((Relay) -> Void)?

    public init(id: String, gpio: GPIOBank, pin: PinRef, activeLow: Bool = false, load: ElectricalLoad? = nil) {
        self.id = id; self.gpio = gpio; self.pin = pin; self.activeLow = activeLow; self.load = load
        if activeLow { gpio.drive(pin, by: "relay:\(id)", true) }
        gpio.addListener(pin) { [weak self] _, level in self?.coil(level) }
        coil(gpio.level(pin))
    }

    private func coil(_ level: Bool) {
        let on = level != activeLow
        guard on != isEnergized else { return }
        isEnergized = on
        if on { closures += 1 }
        load?.setPowered(on)
        onChange?(self)
    }
}
