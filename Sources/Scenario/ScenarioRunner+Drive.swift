import Foundation

/// Ours: `write-file` puts a file on the drive as a save from the host does:
/// the board reloads at its next safe point (the same path as the drive watcher's).
extension ScenarioRunner {
    func writeFile(_ step: ScenarioStep, _ path: String, _ content: [UInt8]) {
        let url = supervisor.project.appendingPathComponent("drive").appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content).write(to: url)
        } catch {
            return fail(step, "cannot write drive/\(path): \(error.localizedDescription)")
        }
        supervisor.inbox.postDriveChange([path])
    }
}
