/// A potentiometer between GND and 3V3 with its wiper (`SIG`) on an ADC pin.
/// `position` 0…1 puts 0…3.3 V (the bank's supply) on the pin; the ADC reads it.
public final class Potentiometer {
    public let id: String
    public let gpio: GPIOBank
    public let pin: PinRef
    /// 0 (GND end) … 1 (3V3 end); values outside are clamped.
    public var position: Double {
        didSet {
            position = min(max(position, 0), 1)
            apply()
        }
    }
    public var onChange: ((Potentiometer) -> Void)?

    public init(id: String, gpio: GPIOBank, pin: PinRef, position: Double = 0.5) {
        self.id = id; self.gpio = gpio; self.pin = pin
        self.position = min(max(position, 0), 1)
        apply()
    }

    /// The wiper voltage.
    public var volts: Double { position * gpio.supplyVolts }

    private func apply() {
        gpio.setAnalogVoltage(pin, volts)
        onChange?(self)
    }
}
