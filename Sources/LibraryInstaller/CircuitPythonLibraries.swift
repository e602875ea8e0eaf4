import Foundation

/// Installs CircuitPython libraries from PyPI into a project's `drive/lib`, in
/// the manner of `circup install`: a library by its module name
/// (`adafruit_bme280`) or its PyPI name (`adafruit-circuitpython-bme280`),
/// with the dependencies its wheel declares (`Requires-Dist`), less the
/// desktop-only ones (`DesktopOnlyLibraries`). Everything is fetched and put
/// together in a staging folder first; `drive/lib` changes only when all of
/// it succeeded.
public struct CircuitPythonLibraries {
    public let project: LibraryProject
    /// `--py`: source files even when CircuitPython's mpy-cross is at hand.
    public var sourceOnly = false
    /// Progress and notes, a line each (stdout for the CLI).
    public var say: (String) -> Void = { print($0) }

    public init(project: LibraryProject) {
        self.project = project
    }

    /// One resolved distribution, unpacked in the staging folder.
    struct Resolved {
        var wheel: Wheel
        var requested: String?
    }

    /// `breadbox lib install`: what is already recorded as installed stays
    /// as it is (`update` fetches newer versions).
    public func install(_ requests: [Requirement]) throws(LibraryError) {
        var installed = try InstalledLibraries.load(project)
        var wanted: [Requirement] = []
        for r in requests {
            if let e = installedEntry(for: r, in: installed) {
                say("\(r.name): already installed (\(e.distribution) \(e.version)); `breadbox lib update` fetches a newer one")
            } else {
                wanted.append(r)
            }
        }
        guard !wanted.isEmpty else { return }
        try run(wanted, record: &installed, onlyNewer: false)
    }

    /// `breadbox lib update`: every library asked for earlier, and its
    /// dependencies, at PyPI's newest version; those already at it stay.
    public func update() throws(LibraryError) {
        var installed = try InstalledLibraries.load(project)
        let asked = installed.libraries.filter { $0.requested != nil && $0.source == "pypi" }
        guard !asked.isEmpty else {
            say("Nothing to update: no library in \(project.lib.path) was installed by breadbox lib from PyPI")
            return
        }
        try run(asked.map { Requirement(name: $0.distribution) }, record: &installed, onlyNewer: true,
                requestedNames: Dictionary(asked.map { ($0.distribution, $0.requested ?? $0.distribution) }, uniquingKeysWith: { a, _ in a }))
    }

    /// An entry that already satisfies `r` (by module or distribution name, and its pin if any).
    func installedEntry(for r: Requirement, in installed: InstalledLibraries) -> InstalledLibraries.Entry? {
        let e = installed.entry(module: r.name) ?? installed.entry(distribution: r.name)
        guard let e, FileManager.default.fileExists(atPath: project.lib.path) else { return nil }
        let present = e.modules.allSatisfy { m in
            [m, m + ".py", m + ".mpy"].contains { FileManager.default.fileExists(atPath: project.lib.appendingPathComponent($0).path) }
        }
        guard present else { return nil }
        if r.specifier.hasPrefix("=="), String(r.specifier.dropFirst(2)) != e.version { return nil }
        return e
    }

    private func run(_ requests: [Requirement], record installed: inout InstalledLibraries, onlyNewer: Bool,
                     requestedNames: [String: String] = [:]) throws(LibraryError) {
        let staging = try LibraryStaging(project: project)
        defer { staging.remove() }
        var resolved: [String: Resolved] = [:]   // by normalised distribution name
        var order: [String] = []
        var leftOut: [String] = []
        // Asked-for libraries first, so their pins win over a dependency's plain name.
        var queue: [(Requirement, requested: String?)] = requests.map { ($0, requestedNames[$0.name] ?? $0.name) }
        while !queue.isEmpty {
            let (req, requested) = queue.removeFirst()
            if resolved[req.normalizedName] != nil { continue }
            if requested == nil, !onlyNewer, installedEntry(for: req, in: installed) != nil { continue }
            let wheel = try fetch(req, staging: staging)
            let key = Requirement.normalize(wheel.name)
            if resolved[key] != nil { continue }
            resolved[key] = Resolved(wheel: wheel, requested: requested)
            order.append(key)
            for dep in wheel.requiresDist {
                if DesktopOnlyLibraries.skips(dep) {
                    if let d = Requirement(parsing: dep), !dep.contains("extra"), !leftOut.contains(d.name) { leftOut.append(d.name) }
                    continue
                }
                if let d = Requirement(parsing: dep) { queue.append((d, nil)) }
            }
        }
        if !leftOut.isEmpty { say("Left out (desktop Python only, as circup does): \(leftOut.joined(separator: ", "))") }

        // On update, a distribution already at PyPI's newest version stays as it is.
        var upToDate: [String] = []
        let changed = order.filter { key in
            guard onlyNewer, let w = resolved[key]?.wheel, let old = installed.entry(distribution: w.name),
                  old.version == w.version else { return true }
            upToDate.append("\(w.name) \(w.version)")
            return false
        }
        if !upToDate.isEmpty { say("Up to date: \(upToDate.joined(separator: ", "))") }
        guard !changed.isEmpty else { return }
        var newEntries: [InstalledLibraries.Entry] = []
        let compiler: CircuitPythonMpyCross?
        if sourceOnly {
            compiler = nil
        } else {
            switch CircuitPythonMpyCross.find() {
            case .success(let c): compiler = c
            case .failure(let why):
                compiler = nil
                say("Installing .py source: \(why.message)")
            }
        }
        var provider: [String: String] = [:]
        for key in changed {
            guard let r = resolved[key] else { continue }
            let w = r.wheel
            for entry in w.topLevel {
                let module = Wheel.moduleName(entry)
                if let other = provider[module] {
                    throw LibraryError("\(w.name) and \(other) both provide \(module); nothing was installed")
                }
                provider[module] = w.name
                let dest = staging.lib.appendingPathComponent(entry)
                do { try FileManager.default.copyItem(at: w.root.appendingPathComponent(entry), to: dest) } catch {
                    throw LibraryError("cannot stage \(entry): \(error.localizedDescription)")
                }
                try compiler?.compile(entry: dest, relativeTo: staging.lib)
            }
            newEntries.append(.init(distribution: w.name, version: w.version, modules: w.topLevel.map(Wheel.moduleName),
                                    requested: r.requested, format: compiler == nil ? "py" : "mpy", source: "pypi"))
        }
        guard !newEntries.isEmpty else { return }
        installed.record(newEntries)
        let record = try installed.prepare(project)
        do { try staging.commit(into: project.lib) } catch {
            record.discard()
            throw error
        }
        try record.commit()
        let where_ = project.lib.path.hasPrefix(project.folder.path + "/")
            ? String(project.lib.path.dropFirst(project.folder.path.count + 1)) : project.lib.path
        for e in newEntries {
            say("Installed \(e.modules.joined(separator: ", ")) \(e.version) (\(e.distribution), .\(e.format)) in \(where_)")
        }
    }

    /// Downloads and unpacks the wheel for `req`. A module name is tried as
    /// the PyPI names Adafruit gives its libraries (`adafruit_bme280` is
    /// adafruit-circuitpython-bme280; `adafruit_bus_device` is
    /// adafruit-circuitpython-busdevice), and the wheel must hold that module.
    func fetch(_ req: Requirement, staging: LibraryStaging) throws(LibraryError) -> Wheel {
        let candidates = Self.pypiNames(for: req.name)
        var tried: [String] = []
        for name in candidates {
            let folder = try staging.scratch("download")
            say("Fetching \(name)\(req.specifier) from PyPI")
            switch PipDownload.fetch(Requirement(name: name, specifier: req.specifier), into: folder) {
            case .failed(let why):
                throw LibraryError(why + "\nNothing was installed; \(project.lib.path) is as it was.")
            case .notFound:
                tried.append(name + req.specifier)
                continue
            case .wheel(let file):
                let wheel = try Wheel(file: file, unpackInto: try staging.scratch("unpacked"))
                let isModuleName = name != req.name
                if isModuleName, !wheel.topLevel.map(Wheel.moduleName).contains(req.name) {
                    tried.append("\(name) (no module \(req.name) in it)")
                    continue
                }
                return wheel
            }
        }
        throw LibraryError("no CircuitPython library \(req.name)\(req.specifier) on PyPI (tried \(tried.joined(separator: ", "))). "
                           + "Nothing was installed; \(project.lib.path) is as it was.")
    }

    /// The PyPI names to try for what the user typed: a name with a hyphen is
    /// a PyPI name; a module name maps by Adafruit's naming
    /// (Adafruit_CircuitPython_X on GitHub, adafruit-circuitpython-x on PyPI).
    static func pypiNames(for name: String) -> [String] {
        if name.contains("-") { return [name] }
        let lower = name.lowercased()
        var names: [String] = []
        let stem = lower.hasPrefix("adafruit_") ? String(lower.dropFirst("adafruit_".count)) : lower
        names.append("adafruit-circuitpython-" + stem.replacingOccurrences(of: "_", with: "-"))
        if stem.contains("_") { names.append("adafruit-circuitpython-" + stem.replacingOccurrences(of: "_", with: "")) }
        if !lower.hasPrefix("adafruit_") { names.append(lower) }
        return names
    }
}
