import Foundation

/// A downloaded wheel, unpacked: its name and version, what it requires, and
/// the top-level modules and packages it would put on `sys.path`.
struct Wheel {
    let name: String
    let version: String
    let requiresDist: [String]
    /// The unpacked wheel.
    let root: URL
    /// Top-level entries that are code: `adafruit_requests.py`, `adafruit_bme280/`.
    let topLevel: [String]

    /// Unpacks `file` into `folder` with python3's zipfile (a wheel is a zip)
    /// and reads `*.dist-info/METADATA`.
    init(file: URL, unpackInto folder: URL) throws(LibraryError) {
        let r = HostCommand.run(["python3", "-m", "zipfile", "-e", file.path, folder.path])
        guard r.status == 0 else { throw LibraryError("cannot unpack \(file.lastPathComponent): \(r.output)") }
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        guard let distInfo = entries.first(where: { $0.hasSuffix(".dist-info") }),
              let metadata = try? String(contentsOf: folder.appendingPathComponent("\(distInfo)/METADATA"), encoding: .utf8)
        else { throw LibraryError("\(file.lastPathComponent) has no .dist-info/METADATA") }
        var name = "", version = "", requires: [String] = []
        // The header block (RFC 822 style) ends at the first blank line; the description follows.
        for line in metadata.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if line.hasPrefix("Name: ") { name = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("Version: ") { version = String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("Requires-Dist: ") { requires.append(String(line.dropFirst(15)).trimmingCharacters(in: .whitespaces)) }
        }
        self.name = name
        self.version = version
        self.requiresDist = requires
        self.root = folder
        self.topLevel = entries.filter { entry in
            if entry.hasSuffix(".dist-info") || entry.hasSuffix(".data") || entry.hasPrefix(".") { return false }
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isDir)
            return isDir.boolValue ? Wheel.containsPython(folder.appendingPathComponent(entry)) : entry.hasSuffix(".py")
        }
    }

    /// The module name a top-level entry is imported as.
    static func moduleName(_ entry: String) -> String {
        entry.hasSuffix(".py") ? String(entry.dropLast(3)) : entry.hasSuffix(".mpy") ? String(entry.dropLast(4)) : entry
    }

    static func containsPython(_ folder: URL) -> Bool {
        guard let e = FileManager.default.enumerator(atPath: folder.path) else { return false }
        return e.contains { ($0 as? String)?.hasSuffix(".py") == true }
    }
}
