import Foundation

/// What `breadbox lib` put in `drive/lib`: per distribution, its version, the
/// top-level modules it brought and whether it was asked for (or came as a
/// dependency). circup keeps no record and reads `__version__` from the files,
/// but Adafruit's PyPI wheels do not always carry their own version there
/// (adafruit-circuitpython-bme280 2.6.32 says `__version__ = "2.6.4"`), so the
/// version pip fetched is written down beside the drive. Modules put in
/// `lib/` by hand are listed from their `__version__`, as circup lists them.
public struct InstalledLibraries: Codable, Equatable {
    public struct Entry: Codable, Equatable {
        /// PyPI's name, or the micropython-lib package name.
        public var distribution: String
        public var version: String
        public var modules: [String]
        /// The name the user asked for; nil for a dependency.
        public var requested: String?
        /// "py" or "mpy".
        public var format: String
        /// "pypi" or the mip index URL.
        public var source: String
    }

    public var libraries: [Entry] = []

    public init() {}

    public static func load(_ project: LibraryProject) throws(LibraryError) -> InstalledLibraries {
        guard let data = FileManager.default.contents(atPath: project.recordFile.path) else { return InstalledLibraries() }
        do { return try JSONDecoder().decode(InstalledLibraries.self, from: data) } catch {
            throw LibraryError("\(project.recordFile.path): not a record breadbox lib wrote (\(error))")
        }
    }

    /// Writes the record beside its final place; `commit` renames it there
    /// (rename(2) replaces the old one at once), so it is never half written
    /// and goes in only after the libraries did.
    func prepare(_ project: LibraryProject) throws(LibraryError) -> PreparedRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let tmp = project.recordFile.appendingPathExtension("part")
        do {
            try FileManager.default.createDirectory(at: project.recordFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(self).write(to: tmp)
        } catch {
            throw LibraryError("cannot write \(tmp.path): \(error.localizedDescription); nothing was installed")
        }
        return PreparedRecord(written: tmp, final: project.recordFile)
    }

    struct PreparedRecord {
        let written: URL
        let final: URL

        func commit() throws(LibraryError) {
            guard rename(written.path, final.path) == 0 else {
                throw LibraryError("the libraries are in place, but \(final.path) could not be written: \(String(cString: strerror(errno)))")
            }
        }

        func discard() { try? FileManager.default.removeItem(at: written) }
    }

    func entry(distribution: String) -> Entry? {
        libraries.first { Requirement.normalize($0.distribution) == Requirement.normalize(distribution) }
    }

    func entry(module: String) -> Entry? {
        libraries.first { $0.modules.contains(module) }
    }

    /// Records `installed`, replacing earlier entries for the same distributions
    /// or modules; a distribution asked for before stays marked as asked for.
    mutating func record(_ installed: [Entry]) {
        for var new in installed {
            if let old = entry(distribution: new.distribution), new.requested == nil { new.requested = old.requested }
            libraries.removeAll { Requirement.normalize($0.distribution) == Requirement.normalize(new.distribution) }
            for i in libraries.indices { libraries[i].modules.removeAll { new.modules.contains($0) } }
            libraries.removeAll { $0.modules.isEmpty }
            libraries.append(new)
        }
        libraries.sort { $0.distribution < $1.distribution }
    }
}
