import BoardEmulator
import Foundation

/// A file dropped on the window goes into the board's drive, as a person
/// would copy it onto CIRCUITPY: a `code.py` or `main.py` becomes the program
/// the board runs (whatever that file is called on this drive and firmware),
/// another `.py` or `.mpy` goes to `lib/`, a folder (a library package) is
/// copied into `lib/`, and any other file lands at the top of the drive. The
/// drive watcher then reloads the board, exactly as for a save from an editor.
public enum DriveDrop {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var reason: String
        public var description: String { reason }
    }

    /// Where `name` goes on a drive (a path relative to the drive folder).
    public static func destination(for name: String, isDirectory: Bool, driveFolder: URL,
                                   flavour: FirmwareFlavour) -> String {
        let lower = name.lowercased()
        if isDirectory { return "lib/" + name }
        if lower == "code.py" || lower == "main.py" { return programFile(driveFolder: driveFolder, flavour: flavour) }
        if lower.hasSuffix(".py") || lower.hasSuffix(".mpy") { return "lib/" + name }
        return name
    }

    /// The file the board runs: MicroPython's `main.py`; on CircuitPython the
    /// first of code.txt, code.py, main.txt, main.py present (code.py if none).
    static func programFile(driveFolder: URL, flavour: FirmwareFlavour) -> String {
        if flavour == .micropython { return "main.py" }
        for n in ["code.txt", "code.py", "main.txt", "main.py"]
        where FileManager.default.fileExists(atPath: driveFolder.appendingPathComponent(n).path) {
            return n
        }
        return "code.py"
    }

    /// Copies `source` into the drive; returns the drive path it was written to.
    /// Refuses what would not fit in `freeBytes` (the drive's free space).
    @discardableResult
    public static func copy(_ source: URL, into driveFolder: URL, flavour: FirmwareFlavour, freeBytes: Int) throws(Failure) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDir) else {
            throw Failure(reason: "\(source.path): no such file")
        }
        let dest = destination(for: source.lastPathComponent, isDirectory: isDir.boolValue,
                               driveFolder: driveFolder, flavour: flavour)
        let target = driveFolder.appendingPathComponent(dest)
        let size = byteCount(source)
        let replaced = byteCount(target)
        guard size - replaced <= freeBytes else {
            throw Failure(reason: "\(source.lastPathComponent) (\(size) bytes) does not fit on the drive (\(freeBytes) bytes free)")
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if isDir.boolValue {
                if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
                try FileManager.default.copyItem(at: source, to: target)
            } else {
                // Written in place (not replaced by rename), as a host writes to a FAT drive.
                try Data(contentsOf: source).write(to: target)
            }
        } catch {
            throw Failure(reason: "cannot copy \(source.lastPathComponent) to the drive: \(error.localizedDescription)")
        }
        return dest
    }

    static func byteCount(_ url: URL) -> Int {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return 0 }
        if !isDir.boolValue {
            return (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
        var total = 0
        if let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey]) {
            for case let f as URL in e { total += (try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        }
        return total
    }
}
