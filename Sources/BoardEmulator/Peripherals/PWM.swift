/// PWM outputs. On the RP2040 a slice's frequency is shared by its two channels
/// (GP0/GP1 = slice 0 A/B, …, GP16 = slice 0 A again); duty is per channel.
/// On the ESP32-S3 (LEDC) every pin is its own group.
public final class PWM {
    public struct Slice { public var frequency: Int = 0; public var duty: [Int] = [0, 0] }

    public let definition: BoardDefinition
    public let gpio: GPIOBank
    public private(set) var slices: [Int: Slice] = [:]
    /// Pins currently muxed to PWM.
    public private(set) var attached: Set<Int> = []
    /// Called when a pin's observable duty changes (LED brightness).
    public var onChange: ((Int, Double?) -> Void)?

    public init(definition: BoardDefinition, gpio: GPIOBank) {
        self.definition = definition; self.gpio = gpio
    }

    /// Muxes a pin to PWM (MicroPython `PWM(Pin(n))`).
    public func attach(gpio g: Int) {
        attached.insert(g)
        gpio.configure(.gpio(g), direction: .output)
        notify(slice: definition.pwmSlice(ofGPIO: g).slice)
    }

    /// Back to plain GPIO (`deinit`).
    public func detach(gpio g: Int) {
        attached.remove(g)
        onChange?(g, nil)
    }

    public func setFrequency(gpio g: Int, _ hz: Int) {
        let s = definition.pwmSlice(ofGPIO: g).slice
        slices[s, default: Slice()].frequency = hz
        notify(slice: s)
    }

    public func frequency(gpio g: Int) -> Int { slices[definition.pwmSlice(ofGPIO: g).slice]?.frequency ?? 0 }

    /// Duty as a 16-bit value (0…65535 = `duty_u16`).
    public func setDutyU16(gpio g: Int, _ duty: Int) {
        let (s, c) = definition.pwmSlice(ofGPIO: g)
        slices[s, default: Slice()].duty[c] = min(max(duty, 0), 65535)
        notify(slice: s)
    }

    public func dutyU16(gpio g: Int) -> Int {
        let (s, c) = definition.pwmSlice(ofGPIO: g)
        return slices[s]?.duty[c] ?? 0
    }

    /// The fraction of time the pin is high (nil when it is not a PWM output).
    public func dutyFraction(gpio g: Int) -> Double? {
        guard attached.contains(g) else { return nil }
        return Double(dutyU16(gpio: g)) / 65535
    }

    public func reset() {
        let pins = attached
        slices.removeAll(); attached.removeAll()
        for g in pins { onChange?(g, nil) }
    }

    private func notify(slice s: Int) {
        for g in attached where definition.pwmSlice(ofGPIO: g).slice == s {
            // The average level shows on the pin for parts that look at the level.
            let f = dutyFraction(gpio: g) ?? 0
            gpio.write(.gpio(g), f >= 0.5)
            onChange?(g, f)
        }
    }
}
