import Foundation

/// The keys of `wokwi.toml` Breadbox reads: `[wokwi] firmware` and `elf`
/// (docs.wokwi.com/vscode/project-config). Only the `key = "value"` and
/// `key = 'value'` lines of the `[wokwi]` table are read; the rest of the file
/// (ports, forwards, chips) does not concern the drive or the board.
struct WokwiConfig {
    var firmware: String?
    var elf: String?

    /// nil when the folder has no wokwi.toml.
    init?(folder: URL) {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(WokwiProject.configFile).path) else {
            return nil
        }
        var table = ""
        for raw in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { table = line; continue }
            guard table == "[wokwi]", let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard let quote = value.first, quote == "\"" || quote == "'",
                  let end = value.dropFirst().firstIndex(of: quote) else { continue }
            value = String(value[value.index(after: value.startIndex)..<end])
            switch key {
            case "firmware": firmware = value
            case "elf": elf = value
            default: break
            }
        }
    }
}
