/// The dependencies a CircuitPython library declares for desktop Python that
/// never go on a board. Adafruit's wheels list `Adafruit-Blinka` (CircuitPython's
/// API on a desktop) and typing helpers in their `Requires-Dist`; the bundle
/// circup installs from leaves them out. The rule is theirs, put together:
/// circuitpython-build-tools' `BLINKA_LIBRARIES` (dropped from the bundle's
/// requirements), circup's `NOT_MCU_LIBRARIES` (circup/shared.py) and the
/// modules circup installs nothing for without a warning (`WARNING_IGNORE_MODULES`,
/// circup/command_utils.py).
enum DesktopOnlyLibraries {
    static let names: Set<String> = [
        // circuitpython-build-tools BLINKA_LIBRARIES
        "adafruit-blinka", "adafruit-blinka-bleio", "adafruit-blinka-displayio", "adafruit-blinka-pyportal",
        "adafruit-python-extended-bus", "numpy", "pillow", "pyasn1", "pyserial", "scipy", "spidev",
        // circup NOT_MCU_LIBRARIES
        "adafruit-circuitpython-typing", "circuitpython-typing",
        // circup WARNING_IGNORE_MODULES
        "typing-extensions",
    ]

    /// Whether a `Requires-Dist` entry stays off the board: a desktop library
    /// by the rule above, or one wanted only for an extra (`extra == "optional"`).
    static func skips(_ requiresDist: String) -> Bool {
        if let semi = requiresDist.firstIndex(of: ";"), requiresDist[semi...].contains("extra") { return true }
        guard let r = Requirement(parsing: requiresDist) else { return true }
        return names.contains(r.normalizedName)
    }
}
