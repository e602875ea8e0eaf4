import Foundation

/// `breadbox lib list`: every module and package in `drive/lib`, with the
/// version `breadbox lib` recorded for it, or else the `__version__` its file
/// declares (as circup reads it), or `?`.
public struct LibraryListing {
    public struct Row: Equatable {
        public var module: String
        public var version: String
        /// The distribution it came from, or how the version was found.
        public var origin: String
    }

    public static func rows(_ project: LibraryProject) throws(LibraryError) -> [Row] {
        let installed = try InstalledLibraries.load(project)
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: project.lib.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var rows: [Row] = []
        for entry in entries {
            let url = project.lib.appendingPathComponent(entry)
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDir)
            guard isDir.boolValue || entry.hasSuffix(".py") || entry.hasSuffix(".mpy") else { continue }
            let module = Wheel.moduleName(entry)
            if let e = installed.entry(module: module) {
                rows.append(Row(module: module, version: e.version, origin: "\(e.distribution), .\(e.format)"))
            } else {
                let v = declaredVersion(url, isPackage: isDir.boolValue)
                rows.append(Row(module: module, version: v ?? "?", origin: v == nil ? "not installed by breadbox lib"
                                : "__version__, not installed by breadbox lib"))
            }
        }
        return rows
    }

    public static func format(_ rows: [Row]) -> String {
        let w = max(6, rows.map(\.module.count).max() ?? 0), v = max(7, rows.map(\.version.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var out = pad("module", w) + "  " + pad("version", v) + "  from\n"
        for r in rows { out += pad(r.module, w) + "  " + pad(r.version, v) + "  " + r.origin + "\n" }
        return out
    }

    /// `__version__ = "..."` in a module's source, or the string stored after
    /// the name `__version__` in a `.mpy` (circup's reading of a bundle file);
    /// a package is read from its `__init__` and then its other modules.
    static func declaredVersion(_ url: URL, isPackage: Bool) -> String? {
        var files: [URL] = []
        if isPackage {
            let all = ((try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [])
                .filter { ["py", "mpy"].contains($0.pathExtension) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            files = all.filter { $0.deletingPathExtension().lastPathComponent == "__init__" } + all
        } else {
            files = [url]
        }
        for f in files {
            guard let data = FileManager.default.contents(atPath: f.path) else { continue }
            if f.pathExtension == "py", let v = sourceVersion(String(decoding: data, as: UTF8.self)) { return v }
            if f.pathExtension == "mpy", let v = mpyVersion([UInt8](data)) { return v }
        }
        return nil
    }

    static func sourceVersion(_ text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("__version__") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                return String(value.dropFirst().dropLast())
            }
        }
        return nil
    }

    /// A version-like run of printable bytes following `__version__` in the
    /// file's string table (qstrs and constants are stored as length-prefixed text).
    static func mpyVersion(_ bytes: [UInt8]) -> String? {
        let key = Array("__version__".utf8)
        guard let at = (0...(max(0, bytes.count - key.count))).first(where: { Array(bytes[$0..<min(bytes.count, $0 + key.count)]) == key })
        else { return nil }
        var runs: [String] = []
        var current: [UInt8] = []
        for b in bytes[(at + key.count)...] {
            if (0x2B...0x7A).contains(b) { current.append(b) } else {
                if current.count >= 3 { runs.append(String(decoding: current, as: UTF8.self)) }
                current = []
                if runs.count > 8 { break }
            }
        }
        return runs.first { $0.range(of: #"^\d+\.\d+(\.\d+)?([.+-][0-9A-Za-z.+-]*)?$"#, options: .regularExpression) != nil }
    }
}
