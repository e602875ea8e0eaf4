import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import HostPlatform

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
    /// first present in the supervisor's own order (code.txt, code.py, main.py,
    /// main.txt: `supported_filenames` in CircuitPython's `main.c`), code.py if none.
    static func programFile(driveFolder: URL, flavour: FirmwareFlavour) -> String {
        if flavour == .micropython { return "main.py" }
        for n in SupervisorTexts.circuitpythonCodeFiles
        where FileManager.default.fileExists(atPath: driveFolder.appendingPathComponent(n).path) {
            return n
        }
        return "code.py"
    }

    /// Copies `source` into the drive; returns the drive path it was written to.
    /// Refuses what would not fit in `freeBytes` (the drive's free space).
    @discardableResult
    public static func copy(_ source: URL, into driveFolder: URL, exclusions: FolderExclusions = .none, flavour: FirmwareFlavour,
                            freeBytes: Int) throws(Failure) -> String {
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
        // Written through the drive's sandbox, so a link planted in the drive
        // (lib -> elsewhere) cannot send the copy, or the removal of an old
        // library folder, outside it.
        // A Wokwi project's diagram.json is beside its drive's files: a drop never replaces it.
        let drive = DirectoryFileSystem(root: driveFolder.path, exclusions: exclusions)
        do throws(FileSystemError) {
            try makeFolders(drive, "/" + dest)
            if isDir.boolValue {
                try drive.removeTree("/" + dest)
                try copyFolder(source, to: "/" + dest, drive)
            } else {
                // Written in place (not replaced by rename), as a host writes to a FAT drive.
                try drive.writeFile("/" + dest, readBytes(source), append: false)
            }
        } catch {
            throw Failure(reason: "cannot copy \(source.lastPathComponent) to the drive: [Errno \(error.errno)]")
        }
        return dest
    }

    /// The folders above `path` on the drive, made where missing.
    private static func makeFolders(_ drive: DirectoryFileSystem, _ path: String) throws(FileSystemError) {
        let parts = path.split(separator: "/").dropLast()
        var p = ""
        for part in parts {
            p += "/" + part
            if (try? drive.status(p))?.isDirectory != true { try drive.makeDirectory(p) }
        }
    }

    private static func copyFolder(_ source: URL, to path: String, _ drive: DirectoryFileSystem) throws(FileSystemError) {
        try drive.makeDirectory(path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
        for name in names.sorted() {
            let item = source.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                try copyFolder(item, to: path + "/" + name, drive)
            } else {
                try drive.writeFile(path + "/" + name, try readBytes(item), append: false)
            }
        }
    }

    private static func readBytes(_ url: URL) throws(FileSystemError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .permission }
        return [UInt8](data)
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
