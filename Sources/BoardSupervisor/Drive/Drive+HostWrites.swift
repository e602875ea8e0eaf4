import PythonRuntime

/// Writes that come from outside the program, as the host's own over USB:
/// CircuitPython's web workflow writes CIRCUITPY this way. The mount that is
/// read-only to code does not apply, and the write is not the code's own (so
/// it reloads the board as a save does); the drive's size still applies.
extension Drive {
    /// Whether `count` bytes would fit at `path` (replacing what is there).
    func fitsFromHost(_ path: String, count: Int) -> Bool {
        var existing = 0
        if let s = try? fileSystem.status(path), !s.isDirectory { existing = s.size }
        return usedBytes - existing + count <= capacityBytes
    }

    /// Writes the whole file, refusing with ENOSPC what would overfill the drive.
    func writeFromHost(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        guard fitsFromHost(path, count: bytes.count) else { throw .noSpace }
        try fileSystem.writeFile(path, bytes, append: false)
    }

    /// `path` and everything below it, deepest first (what a recursive delete
    /// or a move of a folder changes), as drive paths.
    func subtree(_ path: String, depth: Int = 0) -> [String] {
        guard depth < 32, let status = try? fileSystem.status(path) else { return [] }
        var paths: [String] = []
        if status.isDirectory, let names = try? fileSystem.listDirectory(path) {
            for name in names { paths += subtree(path == "/" ? "/" + name : path + "/" + name, depth: depth + 1) }
        }
        return paths + [path]
    }
}
