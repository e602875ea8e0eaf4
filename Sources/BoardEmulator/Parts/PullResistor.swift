/// A resistor from a pin's net to a rail: the external pull-up or pull-down
/// of a button or a sensor's data line. The net reads its rail's level when
/// nothing drives it (the MCU's output or a part's), over the MCU's own pull.
public final class PullResistor {
    public let id: String
    public let pin: PinRef
    /// True: to 3V3 (a pull-up); false: to GND.
    public let toSupply: Bool
    public let ohms: Double

    public init(id: String, gpio: GPIOBank, pin: PinRef, toSupply: Bool, ohms: Double) {
        self.id = id; self.pin = pin; self.toSupply = toSupply; self.ohms = ohms
        gpio.pull(pin, by: "resistor:\(id)", toSupply)
    }

    /// "10 kΩ" or "470 Ω".
    public var valueText: String {
        if ohms >= 1_000_000 { return "\(trimmed(ohms / 1_000_000)) MΩ" }
        if ohms >= 1_000 { return "\(trimmed(ohms / 1_000)) kΩ" }
        return "\(trimmed(ohms)) Ω"
    }

    private func trimmed(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }
}
