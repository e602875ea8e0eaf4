import Foundation
import BoardEmulator

/// The line `breadbox run` adds on the host's stderr when a CircuitPython
/// program stops at an import of an Adafruit library that is not on the
/// drive. Adafruit's CircuitPython libraries are the modules named
/// `adafruit_*` (their bundle's and PyPI's naming); the firmware's own
/// message on serial stays as CircuitPython prints it.
public enum MissingLibraryHint {
    /// `lastLine` is the traceback's last line; `projectArgument` the project
    /// as the user named it.
    public static func hint(flavour: FirmwareFlavour, lastLine: String, projectArgument: String) -> String? {
        guard flavour == .circuitpython, let module = missingModule(lastLine),
              module.hasPrefix("adafruit_") else { return nil }
        return "Install it with: breadbox lib install \(module) --project \(shellQuoted(projectArgument))"
    }

    /// The top-level module of `ImportError: no module named 'a.b'` (py/builtinimport.c's wording).
    static func missingModule(_ lastLine: String) -> String? {
        let prefix = "ImportError: no module named '"
        guard lastLine.hasPrefix(prefix), lastLine.hasSuffix("'") else { return nil }
        let name = lastLine.dropFirst(prefix.count).dropLast()
        return name.split(separator: ".").first.map(String.init)
    }

    static func shellQuoted(_ s: String) -> String {
        let plain = s.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:@".contains($0) }
        return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
