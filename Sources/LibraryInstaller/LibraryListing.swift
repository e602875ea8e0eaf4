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

    /// The version a format-6 `.mpy` assigns to `__version__`. circup reads it
    /// from the text just before the name in the qstr table (circup/shared.py,
    /// extract_metadata), which misses when the compiler interned another name
    /// in between; here the assignment itself is found: `LOAD_CONST_STRING v;
    /// STORE_NAME __version__` (opcodes 0x10 and 0x16, py/bc0.h), each naming a
    /// qstr by its index in the file's table. The table follows the 4-byte
    /// header and two counts; each entry is a varint `length << 1` (low bit
    /// set: a static qstr, no text), the text and a NUL (py/persistentcode.c).
    static func mpyVersion(_ bytes: [UInt8]) -> String? {
        guard bytes.count > 4, bytes[1] == 6 else { return nil }
        var at = 4
        func varuint() -> Int? {
            var v = 0
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                v = (v << 7) | Int(b & 0x7F)
                if b & 0x80 == 0 { return v }
            }
            return nil
        }
        func encoded(_ n: Int) -> [UInt8] {
            var out = [UInt8(n & 0x7F)]
            var rest = n >> 7
            while rest > 0 { out.insert(UInt8(rest & 0x7F) | 0x80, at: 0); rest >>= 7 }
            return out
        }
        guard let count = varuint(), varuint() != nil else { return nil }
        var qstrs: [String?] = []
        for _ in 0..<count {
            guard let v = varuint() else { return nil }
            if v & 1 == 1 { qstrs.append(nil); continue }
            let n = v >> 1
            guard at + n < bytes.count else { return nil }
            qstrs.append(String(decoding: bytes[at..<(at + n)], as: UTF8.self))
            at += n + 1
        }
        guard let name = qstrs.firstIndex(of: "__version__") else { return nil }
        let code = Array(bytes[at...])
        for (i, q) in qstrs.enumerated() {
            guard let q, q.range(of: #"^\d+(\.\d+)*([.+-][0-9A-Za-z.+-]*)?$"#, options: .regularExpression) != nil else { continue }
            let needle = [0x10] + encoded(i) + [0x16] + encoded(name)
            if code.count >= needle.count, (0...(code.count - needle.count)).contains(where: { Array(code[$0..<($0 + needle.count)]) == needle }) {
                return q
            }
        }
        return nil
    }
}
