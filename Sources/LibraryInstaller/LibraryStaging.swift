import Foundation

/// A folder inside the project where an install is put together before
/// anything touches `drive/lib`: downloads, unpacked wheels and the finished
/// `lib/` entries. `commit` moves the entries into `drive/lib` by renames
/// (same file system), putting back what it replaced if one move fails, so
/// `drive/lib` ends either as it was or with every new entry in place.
final class LibraryStaging {
    let root: URL
    let lib: URL
    private var counter = 0

    init(project: LibraryProject) throws(LibraryError) {
        root = project.folder.appendingPathComponent(".breadbox/staging-\(UUID().uuidString)")
        lib = root.appendingPathComponent("lib")
        do { try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true) } catch {
            throw LibraryError("cannot create \(root.path): \(error.localizedDescription)")
        }
    }

    /// A new empty folder for one download or unpacked wheel.
    func scratch(_ label: String) throws(LibraryError) -> URL {
        counter += 1
        let url = root.appendingPathComponent("\(counter)-\(label)")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw LibraryError("cannot create \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    /// Moves every entry of the staged `lib/` into `target`. An entry replaces
    /// the same module in either form (`name.py`, `name.mpy`, `name/`), as a
    /// module is imported from one of them only.
    func commit(into target: URL) throws(LibraryError) {
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: lib.path)) ?? []).sorted()
        let replaced = root.appendingPathComponent("replaced")
        var createdTarget = false
        var moved: [(from: URL, to: URL)] = []
        func rollBack() {
            for m in moved.reversed() { try? fm.moveItem(at: m.to, to: m.from) }
            if createdTarget { try? fm.removeItem(at: target) }
        }
        do {
            if !fm.fileExists(atPath: target.path) {
                try fm.createDirectory(at: target, withIntermediateDirectories: false)
                createdTarget = true
            }
            try fm.createDirectory(at: replaced, withIntermediateDirectories: true)
            for entry in entries {
                let module = Wheel.moduleName(entry)
                for old in [module + ".py", module + ".mpy", module] where fm.fileExists(atPath: target.appendingPathComponent(old).path) {
                    let from = target.appendingPathComponent(old), to = replaced.appendingPathComponent(old)
                    try fm.moveItem(at: from, to: to)
                    moved.append((from, to))
                }
                let from = lib.appendingPathComponent(entry), to = target.appendingPathComponent(entry)
                try fm.moveItem(at: from, to: to)
                moved.append((from, to))
            }
        } catch {
            rollBack()
            throw LibraryError("cannot move the libraries into \(target.path) (left as it was): \(error.localizedDescription)")
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        // .breadbox/ itself stays when it holds the record; an empty one goes.
        let parent = root.deletingLastPathComponent()
        if (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: parent)
        }
    }
}
