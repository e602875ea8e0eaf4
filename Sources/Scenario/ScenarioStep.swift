/// One step of a scenario file: an optional name and exactly one command.
public struct ScenarioStep: Equatable, Sendable {
    /// Its number in the file, from 1 (failure messages say "step N").
    public var number: Int
    public var name: String?
    /// The line of the file it starts on.
    public var line: Int
    public var command: Command

    /// What a step does. Wokwi's commands first, then ours (CI needs them).
    public enum Command: Equatable, Sendable {
        /// Lets virtual time run for this many nanoseconds.
        case delay(UInt64)
        /// Lets virtual time run until this text appears on serial (output from now on).
        case waitSerial(String)
        /// Types these bytes on the serial console.
        case writeSerial([UInt8])
        /// A part's pin (or the board's) is at this level now.
        case expectPin(ScenarioPin, Bool)
        /// Sets one of a part's user controls (a button's `pressed`, a knob's `position`).
        case setControl(partID: String, control: String, value: Double)
        /// Renders a part (or the whole board) and saves it and/or compares it pixel for pixel.
        case takeScreenshot(partID: String, saveTo: String?, compareWith: String?)

        /// Lets virtual time run until the pin is at the level, failing after `timeout` nanoseconds.
        case waitPin(ScenarioPin, Bool, timeout: UInt64)
        /// The serial output so far contains (or, negated, does not contain) the text.
        case expectSerial(String)
        case expectNoSerial(String)
        /// The room around the board: temperature, humidity and/or pressure.
        case setEnvironment([String: Double])
        /// Every access point off the air (down) or back (up).
        case network(up: Bool)
        /// The board has looked up or connected to this host so far.
        case expectRequest(host: String)
        /// Publishes a message to the broker the board uses (`broker`: the name
        /// the board knows it by; nil: the broker of its latest MQTT connection).
        case mqttPublish(topic: String, payload: [UInt8], retain: Bool, broker: String?)
        /// The board has published on a topic matching the filter, with exactly
        /// `payload` or a payload containing `contains` when given.
        case expectMQTT(topic: String, payload: String?, contains: String?)
        /// The reset button: the board powers up again and boots.
        case reset
        /// Writes a file on the board's drive (a save from the host: the board reloads).
        case writeFile(path: String, content: [UInt8])
    }

    /// The command's name as the file spells it.
    public var keyword: String {
        switch command {
        case .delay: return "delay"
        case .waitSerial: return "wait-serial"
        case .writeSerial: return "write-serial"
        case .expectPin: return "expect-pin"
        case .setControl: return "set-control"
        case .takeScreenshot: return "take-screenshot"
        case .waitPin: return "wait-pin"
        case .expectSerial: return "expect-serial"
        case .expectNoSerial: return "expect-no-serial"
        case .setEnvironment: return "set-environment"
        case .network(let up): return up ? "network-up" : "network-down"
        case .expectRequest: return "expect-request"
        case .mqttPublish: return "mqtt-publish"
        case .expectMQTT: return "expect-mqtt"
        case .reset: return "reset"
        case .writeFile: return "write-file"
        }
    }

    /// Whether virtual time runs during the step (Wokwi: only `delay` and
    /// `wait-serial`; ours: `wait-pin`). Every other step acts with the board paused.
    public var letsTimeRun: Bool {
        switch command {
        case .delay, .waitSerial, .waitPin: return true
        default: return false
        }
    }

    /// "step 3 (press the button)" or "step 3 (set-control)".
    public var title: String { "step \(number) (\(name ?? keyword))" }
}

/// A pin a scenario reads: a part's pin (`led`, `A`) or one of the board's
/// (`pico`, `GP15`), resolved to the board pin it is wired to.
public struct ScenarioPin: Equatable, Sendable, CustomStringConvertible {
    public var partID: String
    public var pin: String
    public var description: String { "\(partID):\(pin)" }
}
