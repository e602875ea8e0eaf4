import BoardEmulator
import FirmwareAPI

/// What the firmware prints over serial around a run (docs/HARDWARE.md §2 "Boot and
/// serial texts"). Everything is emitted as the real board sends it: MicroPython
/// cooks `\n` into `\r\n`; CircuitPython's status messages are preceded by the
/// line-clear sequence `ESC[2K ESC[0G`.
public enum SupervisorTexts {
    public static let micropythonVersion = "v1.24.0"
    public static let micropythonDate = "2024-10-29"
    public static let circuitpythonVersion = "9.1.4"
    public static let circuitpythonDate = "2024-09-17"
    /// CircuitPython's status-line clear, before each supervisor message.
    public static let lineClear = "\u{1B}[2K\u{1B}[0G"

    /// MicroPython's friendly-REPL banner (printed when the REPL starts, after main.py).
    public static func micropythonBanner(_ def: BoardDefinition) -> String {
        "MicroPython \(micropythonVersion) on \(micropythonDate); \(def.bannerName(.micropython))\n"
            + "Type \"help()\" for more information.\n"
    }

    /// CircuitPython's REPL banner.
    public static func circuitpythonBanner(_ def: BoardDefinition) -> String {
        "\nAdafruit CircuitPython \(circuitpythonVersion) on \(circuitpythonDate); \(def.bannerName(.circuitpython))\n"
    }

    public static let micropythonSoftReboot = "\nMPY: soft reboot\n"
    public static let circuitpythonSoftReboot = lineClear + "soft reboot\n"
    public static func codeOutput(_ file: String) -> String { lineClear + "\(file) output:\n" }
    public static let codeDone = "\n" + lineClear + "Code done running.\n"
    public static let stoppedByAutoReload = "\n" + lineClear + "Code stopped by auto-reload. Reloading soon.\n"
    public static func autoReloadNotice(enabled: Bool) -> String {
        lineClear + (enabled ? "Auto-reload is on. Simply save files over USB to run them or enter REPL to disable.\n"
                             : "Auto-reload is off.\n")
    }
    public static let pressAnyKey = "\n" + lineClear + "Press any key to enter the REPL. Use CTRL-D to reload.\n"
    /// CircuitPython looks for these, in order.
    public static let circuitpythonCodeFiles = ["code.txt", "code.py", "main.py", "main.txt"]
}
