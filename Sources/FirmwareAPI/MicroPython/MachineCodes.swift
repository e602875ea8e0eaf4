import BoardEmulator
import PythonRuntime

/// The integers that cross between the native helper modules (`_machine`,
/// `_cpboard`) and the Python modules over them (`Firmware/micropython`,
/// `Firmware/circuitpython`). Each is defined here once: the native modules
/// export them by name (`_machine.MODE_OUT`...), so the `.py` files never
/// repeat a number. The user-facing constants (`Pin.OUT`, `Pin.PULL_UP`...)
/// are the ports' own values, which the `.py` files map onto these.
enum MachineCodes {
    /// A pin is (kind, number): a GPIO of the MCU or a pin of the companion chip.
    enum PinKind: Int {
        case gpio = 0, ext = 1

        /// The (kind, number) pair naming `pin`.
        static func pair(_ pin: PinRef) -> (kind: Int, number: Int) {
            switch pin {
            case .gpio(let n): return (gpio.rawValue, n)
            case .ext(let n): return (ext.rawValue, n)
            }
        }
        /// The pin a (kind, number) pair names.
        static func pin(kind: Int, number: Int) -> PinRef {
            kind == ext.rawValue ? .ext(number) : .gpio(number)
        }
    }

    /// `pin_config`'s mode, and the mode `pin_state` reports.
    enum PinMode: Int {
        case keep = -1, input = 0, output = 1, openDrain = 2

        var direction: GPIOBank.Direction? {
            switch self {
            case .keep: return nil
            case .input: return .input
            case .output: return .output
            case .openDrain: return .openDrain
            }
        }
        init(_ d: GPIOBank.Direction) {
            switch d {
            case .input: self = .input
            case .output: self = .output
            case .openDrain: self = .openDrain
            }
        }
    }

    /// `pin_config`'s pull, and the pull `pin_state` reports.
    enum PinPull: Int {
        case keep = -1, none = 0, up = 1, down = 2

        var pull: GPIOBank.Pull? {
            switch self {
            case .keep: return nil
            case .none: return GPIOBank.Pull.none
            case .up: return .up
            case .down: return .down
            }
        }
        init(_ p: GPIOBank.Pull) {
            switch p {
            case .none: self = .none
            case .up: self = .up
            case .down: self = .down
            }
        }
    }

    /// Bits of `pin_irq`'s edges argument.
    static let edgeFalling = 1, edgeRising = 2

    /// What `reset_cause()` returns. These equal the ports' `machine.*_RESET`
    /// constants (rp2 has no DEEPSLEEP/SOFT ones upstream; it gets these too).
    static func resetCause(_ c: ResetCause) -> Int {
        switch c {
        case .powerOn: return 1
        case .hard: return 2
        case .watchdog: return 3
        case .deepSleepWake: return 4
        case .soft: return 5
        }
    }

    /// Every code by the name the native helper modules export it under.
    static let exported: [(String, Int)] = [
        ("KIND_GPIO", PinKind.gpio.rawValue), ("KIND_EXT", PinKind.ext.rawValue),
        ("MODE_KEEP", PinMode.keep.rawValue), ("MODE_IN", PinMode.input.rawValue),
        ("MODE_OUT", PinMode.output.rawValue), ("MODE_OPEN_DRAIN", PinMode.openDrain.rawValue),
        ("PULL_KEEP", PinPull.keep.rawValue), ("PULL_NONE", PinPull.none.rawValue),
        ("PULL_UP", PinPull.up.rawValue), ("PULL_DOWN", PinPull.down.rawValue),
        ("EDGE_FALLING", edgeFalling), ("EDGE_RISING", edgeRising),
        ("RESET_PWRON", resetCause(.powerOn)), ("RESET_HARD", resetCause(.hard)),
        ("RESET_WDT", resetCause(.watchdog)), ("RESET_DEEPSLEEP", resetCause(.deepSleepWake)),
        ("RESET_SOFT", resetCause(.soft)),
    ]

    /// Puts every code into `module`'s namespace.
    static func export(to module: PyModule, _ rt: Runtime) {
        for (name, value) in exported { module.dict.setStr(rt.intern(name), rt.int(value)) }
    }
}
