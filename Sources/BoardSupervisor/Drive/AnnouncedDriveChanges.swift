import Foundation
import HostPlatform

/// Changes the board's own services made to the drive and reported at once
/// (CircuitPython's web workflow reloads the board as soon as it has written,
/// as autoreload_trigger does). The drive watcher sees the same change on the
/// host folder half a second later; this tells its report apart, so one save
/// reloads the board once. A change is recognised by the state it left (kind,
/// size, time and, for small files, content): a later edit of the same path
/// from the host still reloads.
///
/// Recorded on the firmware thread, consulted on the watcher's.
final class AnnouncedDriveChanges: @unchecked Sendable {
    private struct Fingerprint: Equatable {
        var isDirectory: Bool
        var size: Int
        var modified: Int
        var hash: UInt64?
    }

    private let lock = NSLock()
    /// Drive path (as the watcher names it: no leading slash) → the state the
    /// service left it in (nil: removed).
    private var expected: [String: Fingerprint?] = [:]

    /// Notes the state `paths` (drive paths, "/lib/a.py") are in now.
    func record(_ paths: [String], in fs: DirectoryFileSystem) {
        let states = paths.map { (Self.key($0), Self.fingerprint($0, fs)) }
        lock.withLock { for (k, f) in states { expected[k] = .some(f) } }
    }

    /// The paths of a watcher's report that are not a recorded change still
    /// in the state the service left it.
    func unannounced(_ reported: Set<String>, in fs: DirectoryFileSystem) -> Set<String> {
        var rest = Set<String>()
        for path in reported {
            let recorded = lock.withLock { expected.removeValue(forKey: path) }
            guard let recorded, recorded == Self.fingerprint("/" + path, fs) else {
                rest.insert(path)
                continue
            }
        }
        return rest
    }

    static func key(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }

    private static func fingerprint(_ path: String, _ fs: DirectoryFileSystem) -> Fingerprint? {
        guard let s = try? fs.status(path) else { return nil }
        var hash: UInt64?
        if !s.isDirectory && s.size <= 64 * 1024, let bytes = try? fs.readFile(path) {
            hash = DriveWatcher.fnv1a(Data(bytes))
        }
        return Fingerprint(isDirectory: s.isDirectory, size: s.size, modified: s.isDirectory ? 0 : s.modified, hash: hash)
    }
}
