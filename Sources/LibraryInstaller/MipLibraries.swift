import Foundation

/// Installs micropython-lib packages into a project's `drive/lib` as `mip`
/// does on the board (micropython-lib's mip/mip/__init__.py): the package's
/// `INDEX/package/MPY/NAME/VERSION.json` lists its files by short hash
/// (`hashes`), fetched from `INDEX/file/HH/HASH`, and its `deps`, installed
/// the same way. MPY is `6` (the `.mpy` format MicroPython 1.2x and this
/// runtime load, `sys.implementation._mpy & 0xff`) or `py` for source.
/// Staged like the CircuitPython installer: all or nothing in `drive/lib`.
public struct MipLibraries {
    public static let defaultIndex = "https://micropython.org/pi/v2"

    public let project: LibraryProject
    public var index: String = MipLibraries.defaultIndex
    public var sourceOnly = false
    public var say: (String) -> Void = { print($0) }

    public init(project: LibraryProject) {
        self.project = project
    }

    struct Package {
        var name: String
        var version: String
        var files: [(path: String, hash: String)]
        var deps: [(name: String, version: String)]
        var requested: String?
    }

    public func install(_ requests: [Requirement]) throws(LibraryError) {
        var installed = try InstalledLibraries.load(project)
        var wanted: [(String, String)] = []
        for r in requests {
            if let e = installed.entry(distribution: r.name), e.source == index {
                say("\(r.name): already installed (\(e.version)); `breadbox lib update` fetches a newer one")
            } else {
                wanted.append((r.name, r.specifier.hasPrefix("==") ? String(r.specifier.dropFirst(2)) : "latest"))
            }
        }
        guard !wanted.isEmpty else { return }
        try run(wanted, record: &installed, onlyNewer: false)
    }

    public func update() throws(LibraryError) {
        var installed = try InstalledLibraries.load(project)
        let asked = installed.libraries.filter { $0.requested != nil && $0.source == index }
        guard !asked.isEmpty else {
            say("Nothing to update: no package in \(project.lib.path) was installed by breadbox lib from \(index)")
            return
        }
        try run(asked.map { ($0.distribution, "latest") }, record: &installed, onlyNewer: true)
    }

    private func run(_ requests: [(String, String)], record installed: inout InstalledLibraries, onlyNewer: Bool) throws(LibraryError) {
        let staging = try LibraryStaging(project: project)
        defer { staging.remove() }
        var packages: [Package] = []
        var queue = requests.map { ($0.0, $0.1, true) }
        var seen: Set<String> = []
        while !queue.isEmpty {
            let (name, version, asked) = queue.removeFirst()
            if seen.contains(name) { continue }
            seen.insert(name)
            if !asked, !onlyNewer, installed.entry(distribution: name)?.source == index { continue }
            var p = try packageJSON(name, version)
            p.requested = asked ? name : nil
            packages.append(p)
            queue += p.deps.map { ($0.name, $0.version, false) }
        }
        var entries: [InstalledLibraries.Entry] = []
        var upToDate: [String] = []
        for p in packages {
            if onlyNewer, installed.entry(distribution: p.name)?.version == p.version {
                upToDate.append("\(p.name) \(p.version)")
                continue
            }
            for f in p.files {
                guard !f.path.hasPrefix("/"), !f.path.split(separator: "/").contains("..") else {
                    throw LibraryError("\(p.name): the index names a file outside lib/ (\(f.path)); nothing was installed")
                }
                let data = try fetch("file/\(f.hash.prefix(2))/\(f.hash)", what: "\(p.name)'s \(f.path)")
                let dest = staging.lib.appendingPathComponent(f.path)
                do {
                    try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: dest)
                } catch {
                    throw LibraryError("cannot stage \(f.path): \(error.localizedDescription)")
                }
            }
            let modules = Array(Set(p.files.map { Wheel.moduleName(String($0.path.split(separator: "/").first ?? "")) })).sorted()
            entries.append(.init(distribution: p.name, version: p.version, modules: modules, requested: p.requested,
                                 format: p.files.contains { $0.path.hasSuffix(".mpy") } ? "mpy" : "py", source: index))
        }
        if !upToDate.isEmpty { say("Up to date: \(upToDate.joined(separator: ", "))") }
        guard !entries.isEmpty else { return }
        installed.record(entries)
        let record = try installed.prepare(project)
        do { try staging.commit(into: project.lib) } catch {
            record.discard()
            throw error
        }
        try record.commit()
        for e in entries {
            say("Installed \(e.distribution) \(e.version) (\(e.modules.joined(separator: ", ")), .\(e.format)) in lib/ from \(index)")
        }
    }

    /// mip's `_install_package`: `package/MPY/NAME/VERSION.json`.
    func packageJSON(_ name: String, _ version: String) throws(LibraryError) -> Package {
        let data = try fetch("package/\(sourceOnly ? "py" : "6")/\(name)/\(version).json", what: "package \(name)",
                             notFound: "no package \(name) (version \(version)) in the micropython-lib index \(index)")
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LibraryError("\(index): the answer for \(name) is not a mip package description; nothing was installed")
        }
        if let urls = json["urls"] as? [[String]], !urls.isEmpty {
            throw LibraryError("\(name) lists files by URL (\(urls.map { $0.last ?? "" }.joined(separator: ", "))), which breadbox lib does not fetch; nothing was installed")
        }
        let files = (json["hashes"] as? [[String]] ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        let deps = (json["deps"] as? [[String]] ?? []).compactMap { $0.count >= 1 ? ($0[0], $0.count > 1 ? $0[1] : "latest") : nil }
        return Package(name: name, version: json["version"] as? String ?? version, files: files, deps: deps)
    }

    func fetch(_ path: String, what: String, notFound: String? = nil) throws(LibraryError) -> Data {
        guard let url = URL(string: index.hasSuffix("/") ? index + path : index + "/" + path) else {
            throw LibraryError("--index \(index) is not a URL", isUsage: true)
        }
        switch HTTPFetch.get(url) {
        case .success(let d): return d
        case .failure(.status(404)):
            throw LibraryError((notFound ?? "\(what): not in the index (\(url.absoluteString): 404)") + "; nothing was installed")
        case .failure(.status(let s)):
            throw LibraryError("\(what): the index answered \(s) for \(url.absoluteString); nothing was installed")
        case .failure(.unreachable(let why)):
            throw LibraryError("cannot reach the micropython-lib index \(index) (\(why)); nothing was installed. "
                               + "(Some micropython-lib packages are also on PyPI as micropython-NAME, in old versions.)")
        }
    }
}
