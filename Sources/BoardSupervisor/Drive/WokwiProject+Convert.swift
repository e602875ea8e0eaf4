import BoardEmulator
import Foundation

extension WokwiProject {
    /// `breadbox convert`: writes the Breadbox project this Wokwi project runs
    /// as: `circuit.json` for the converted circuit, and `drive/` holding
    /// copies of the files the board sees. The Wokwi folder is left as it is.
    /// Refuses a destination that exists and is not empty. Returns the lines
    /// that say what was done.
    public func writeBreadboxProject(to destination: URL) throws(SupervisorError) -> [String] {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: destination.path), !existing.isEmpty {
            throw SupervisorError("\(destination.path) exists and is not empty")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let drive = destination.appendingPathComponent("drive")
        var copied: [String] = []
        let json: Data
        do { json = try encoder.encode(circuit) } catch { throw SupervisorError("cannot encode the circuit: \(error)") }
        // The file must load back as the circuit it was made from.
        do throws(CircuitError) { _ = try Circuit.decode(json, file: "circuit.json") } catch {
            throw SupervisorError("the converted circuit does not load: \(error)")
        }
        do {
            try fm.createDirectory(at: drive, withIntermediateDirectories: true)
            try (json + Data("\n".utf8)).write(to: destination.appendingPathComponent("circuit.json"))
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted() where !exclusions.excludes(topLevelName: name) {
                // A folder of the project is the folder of the destination when converting in place.
                if folder.appendingPathComponent(name).standardizedFileURL == destination.standardizedFileURL { continue }
                try fm.copyItem(at: folder.appendingPathComponent(name), to: drive.appendingPathComponent(name))
                copied.append(name)
            }
        } catch {
            throw SupervisorError("cannot write \(destination.path): \(error.localizedDescription)")
        }
        var lines = ["board: \(circuit.board), \(circuit.flavor)"]
        for p in circuit.parts {
            let pins = (p.pins ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.append("part \(p.id): \(p.type)\(pins.isEmpty ? "" : " on \(pins)")")
        }
        lines.append("drive/: " + (copied.isEmpty ? "(empty)" : copied.joined(separator: ", ")))
        lines += notes.map { "left out: \($0)" }
        return lines
    }
}
