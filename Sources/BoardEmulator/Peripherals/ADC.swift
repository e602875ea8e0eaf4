/// The ADC: samples the voltage on a pin (what parts set with
/// `GPIOBank.setAnalogVoltage`) or the internal temperature sensor.
public final class ADC {
    public let definition: BoardDefinition.ADCDef
    public let gpio: GPIOBank
    public let clock: VirtualClock
    /// The die temperature the internal sensor reports (the environment sets it).
    public var coreTemperatureC: Double = 27.0

    public init(definition: BoardDefinition.ADCDef, gpio: GPIOBank, clock: VirtualClock) {
        self.definition = definition; self.gpio = gpio; self.clock = clock
    }

    public var maxRaw: Int { (1 << definition.bits) - 1 }

    /// The voltage a channel sees.
    public func volts(_ ch: BoardDefinition.ADCChannelDef) -> Double {
        if let g = ch.gpio { return gpio.voltage(.gpio(g)) }
        if ch.source == "coreTemperature", let t = definition.temperatureSensor {
            return ADC.sensorVolts(celsius: coreTemperatureC, sensor: t)
        }
        return 0
    }

    /// A raw sample (12 bits on both boards), charging the conversion time.
    public func readRaw(_ ch: BoardDefinition.ADCChannelDef) -> Int {
        clock.advance(by: UInt64(definition.sampleNanoseconds))
        return rawValue(volts: volts(ch))
    }

    public func rawValue(volts v: Double) -> Int {
        let x = (v / definition.fullScaleVolts * Double(maxRaw)).rounded()
        return Int(min(max(x, 0), Double(maxRaw)))
    }

    /// MicroPython `read_u16`: the 12-bit value scaled to 16 bits as raw << 4 | raw >> 8.
    public func readU16(_ ch: BoardDefinition.ADCChannelDef) -> Int { ADC.u16(fromRaw12: readRaw(ch)) }

    public static func u16(fromRaw12 raw: Int) -> Int { (raw << 4) | (raw >> 8) }

    /// V = V27 + (T − 27)·slope (RP2040: 0.706 V at 27 °C, −1.721 mV/°C; RP-DS §4.9.5).
    public static func sensorVolts(celsius: Double, sensor s: BoardDefinition.TemperatureSensorDef) -> Double {
        s.voltsAt27C + (celsius - 27) * s.voltsPerDegree
    }

    /// The datasheet formula the firmware's users apply: T = 27 − (V − 0.706)/0.001721,
    /// V = u16·3.3/65535.
    public static func celsius(fromU16 u16: Int, fullScaleVolts: Double = 3.3,
                               sensor s: BoardDefinition.TemperatureSensorDef) -> Double {
        let v = Double(u16) * fullScaleVolts / 65535
        return 27 + (v - s.voltsAt27C) / s.voltsPerDegree
    }
}
