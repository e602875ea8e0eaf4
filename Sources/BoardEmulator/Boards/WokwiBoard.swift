/// How Wokwi's `diagram.json` names a board and its pins (a board file's
/// `wokwi` section): the part type, and which pin names are GPIOs, ground or
/// supply. Names not listed (the Pico W's RUN, ADC_VREF, TP4; the ESP32-S3's
/// RST) are pins Breadbox does not model, and a wire to them is refused.
public struct WokwiBoard: Codable, Sendable {
    /// The board's part type in diagram.json (`board-pi-pico-w`).
    public var partType: String
    /// Wokwi names GPIO n `prefix + n` (`GP15` on the Pico W, `15` on the ESP32-S3).
    public var gpioPrefix: String
    /// The GPIOs on Wokwi's drawing of the board's headers.
    public var gpios: [Int]
    /// Pins joined to the board's ground.
    public var ground: [String]
    /// Pins at a supply voltage (3V3, and the 5 V rails: high to any part).
    public var supply: [String]
    /// GPIOs Wokwi names otherwise (the ESP32-S3's `TX` and `RX`).
    public var namedGPIOs: [String: Int]
    /// Where the names come from.
    public var source: String

    /// The GPIO a Wokwi pin name stands for, if it names one of `definition`'s.
    public func gpio(named name: String, in definition: BoardDefinition) -> Int? {
        if let n = namedGPIOs[name] { return n }
        guard name.hasPrefix(gpioPrefix), let n = Int(name.dropFirst(gpioPrefix.count)),
              String(n) == name.dropFirst(gpioPrefix.count) else { return nil }
        return gpios.contains(n) && definition.pins.contains { $0.gpio == n } ? n : nil
    }
}
