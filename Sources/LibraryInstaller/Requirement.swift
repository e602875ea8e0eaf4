import Foundation

/// One line of a requirements list or one name on the command line:
/// a distribution (PyPI) or module name and an optional version pin
/// (`adafruit-circuitpython-bme280==2.6.32`, `adafruit_bme280`).
public struct Requirement: Equatable {
    public var name: String
    /// What follows the name (`==2.6.32`, `>=5`), passed to pip as it is.
    public var specifier: String

    public init(name: String, specifier: String = "") {
        self.name = name
        self.specifier = specifier
    }

    /// Parses a name with an optional specifier; a `Requires-Dist` value
    /// (`Adafruit-Blinka>=7.0.0; extra == "optional"`) gives its marker too.
    public init?(parsing text: String) {
        var body = Substring(text)
        if let semi = body.firstIndex(of: ";") { body = body[..<semi] }
        body = body.drop(while: \.isWhitespace)
        let nameEnd = body.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? body.endIndex
        let name = String(body[..<nameEnd])
        guard !name.isEmpty else { return nil }
        var rest = body[nameEnd...].trimmingCharacters(in: .whitespaces)
        // Extras (`name[extra]`) choose desktop extras here; the board takes the plain package.
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            rest = String(rest[rest.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        if rest.hasPrefix("("), rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()) }
        self.name = name
        self.specifier = rest.replacingOccurrences(of: " ", with: "")
    }

    /// PEP 503's normalised form, as PyPI compares names.
    public var normalizedName: String { Requirement.normalize(name) }

    public static func normalize(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.append(c)
                lastWasSeparator = false
            }
        }
        return out
    }

    /// The lines of a requirements file as circup's `install -r` reads them:
    /// one name per line, `#` comments and blank lines ignored.
    public static func parseFile(_ text: String) -> [Requirement] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : Requirement(parsing: trimmed)
        }
    }
}
