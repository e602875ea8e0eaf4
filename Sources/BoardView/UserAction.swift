/// A quantity of the room the user can change.
public enum EnvironmentField: String, CaseIterable, Sendable {
    case temperature, humidity, pressure

    /// What `--set environment.<field>` accepts.
    public var range: ClosedRange<Double> {
        switch self {
        case .temperature: return -40...85
        case .humidity: return 0...100
        case .pressure: return 300...1100
        }
    }
    /// One click of − / + or one wheel notch.
    public var step: Double {
        switch self {
        case .temperature: return 0.5
        case .humidity: return 1
        case .pressure: return 1
        }
    }
    public var title: String {
        switch self {
        case .temperature: return "Temperature"
        case .humidity: return "Humidity"
        case .pressure: return "Pressure"
        }
    }
    public func format(_ v: Double) -> String {
        switch self {
        case .temperature: return fixed(v, 1) + " °C"
        case .humidity: return fixed(v, 0) + " %RH"
        case .pressure: return fixed(v, 1) + " hPa"
        }
    }
    public func clamped(_ v: Double) -> Double {
        let stepped = (v / step).rounded() * step
        return min(range.upperBound, max(range.lowerBound, stepped))
    }
}

/// What the person at the window asked for; the simulator carries it out on
/// the firmware's thread.
public enum UserAction: Equatable, Sendable {
    case setEnvironment(EnvironmentField, Double)
    case setButton(id: String, pressed: Bool)
    case setPotentiometer(id: String, position: Double)
    case setSlideSwitch(id: String, right: Bool)
    /// What a DHT22 reads from now on (nil: leave as it is).
    case setDHT22(id: String, temperature: Double?, humidity: Double?)
    case togglePause
    case reload
    case slower
    case faster
    case screenshot
    /// Every access point of the simulated network on the air, or none.
    case setAccessPoints(up: Bool)
    /// Bytes typed into the serial console (Ctrl-C is 0x03, Ctrl-D 0x04).
    case serialInput([UInt8])
    /// A file dropped on the window.
    case dropFile(path: String)
    case quit
}

/// A key press as the scene understands it (the window translates its own events).
public enum KeyPress: Equatable, Sendable {
    /// Text typed (after the keyboard layout).
    case text(String)
    /// Ctrl plus a letter or symbol, lower case: `c`, `d`, `r`, `=`, `-`.
    case control(Character)
    case enter, backspace, tab, escape, up, down, left, right
    case function(Int)
}

/// `12.3` with exactly `digits` decimals (no Foundation formatting in the draw loop).
func fixed(_ v: Double, _ digits: Int) -> String {
    guard v.isFinite else { return "\(v)" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = (abs(v) * scale).rounded()
    let whole = Int(n / scale), frac = Int(n.truncatingRemainder(dividingBy: scale))
    var s = (v < 0 && n != 0 ? "-" : "") + String(whole)
    if digits > 0 {
        var f = String(frac)
        while f.count < digits { f = "0" + f }
        s += "." + f
    }
    return s
}
