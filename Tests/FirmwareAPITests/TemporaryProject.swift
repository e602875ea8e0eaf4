import BoardEmulator
import BoardSupervisor
import Foundation

/// A project in a new temporary folder: `circuit.json` as `breadbox new`
/// writes it for `board` and `flavour`, and `files` in `drive/`. The caller
/// removes the folder.
func makeTemporaryProject(board: String = "pico_w", flavour: FirmwareFlavour = .micropython,
                          files: [String: String] = [:], prefix: String = "project") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive"), withIntermediateDirectories: true)
    try ProjectTemplate.circuitJSON(board: board, flavour: flavour)
        .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
    for (name, text) in files {
        try text.write(to: dir.appendingPathComponent("drive/" + name), atomically: true, encoding: .utf8)
    }
    return dir
}
