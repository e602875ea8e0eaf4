#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PythonRuntime

/// A host folder that paths can never leave, however its symbolic links point.
///
/// A path is walked one component at a time from an open descriptor of the
/// folder, as a sandbox does: every component is looked at without following
/// links (`fstatat(AT_SYMLINK_NOFOLLOW)`), each directory is entered with
/// `openat(O_NOFOLLOW)` relative to the one before, and every link is read and
/// resolved here, hop by hop, against the folder's own root. A link whose
/// target climbs above the root (relative `..`, an absolute path elsewhere, or
/// a chain of links that ends outside) is refused with EACCES. The final
/// operation (open, mkdir, unlink, rename) is then made relative to the
/// descriptor of the directory that holds the name, so a directory renamed or
/// replaced by a link between the check and the use cannot redirect it.
struct SandboxedFolder {
    /// The folder's real path (links resolved), used to open it and to map
    /// absolute link targets that point inside it.
    let rootPath: String

    /// Links followed in one lookup at most, as Linux's MAXSYMLINKS.
    static let maxLinkHops = 40

    init(rootPath: String) { self.rootPath = rootPath }

    /// Where a path leads: the directory that holds its last component (an
    /// open descriptor the caller must close) and that component's name, which
    /// is "." when the path is a directory reached as a whole (the root, or a
    /// link to a directory with nothing after it).
    struct Location {
        let directory: Int32
        let name: String
        func close() { _ = Glibc.close(directory) }
    }

    /// Opens the root folder itself.
    func openRoot() throws(FileSystemError) -> Int32 {
        let fd = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw Self.error(errno) }
        return fd
    }

    /// Walks `components` (already free of "." and ".." from the caller) from
    /// the root. A link in the last place is followed only when `followLastLink`
    /// is true (open and stat follow; unlink, mkdir and rename act on the link).
    func locate(_ components: [String], followLastLink: Bool) throws(FileSystemError) -> Location {
        var directories: [Int32] = [try openRoot()]
        var pending = Array(components.reversed())
        var hops = 0
        func closeAll() { for fd in directories { _ = Glibc.close(fd) } }
        while let name = pending.popLast() {
            if name.isEmpty || name == "." { continue }
            if name == ".." {
                // Only a link's target can bring ".." here: climbing above the root is an escape.
                guard directories.count > 1 else { closeAll(); throw .permission }
                _ = Glibc.close(directories.removeLast())
                continue
            }
            let current = directories[directories.count - 1]
            let isLast = pending.isEmpty
            var info = stat()
            if fstatat(current, name, &info, AT_SYMLINK_NOFOLLOW) != 0 {
                let code = errno
                if code == ENOENT && isLast { return finish(&directories, name) }
                closeAll()
                throw Self.error(code)
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                if isLast && !followLastLink { return finish(&directories, name) }
                hops += 1
                guard hops <= Self.maxLinkHops, let target = Self.readLink(current, name) else {
                    closeAll()
                    throw hops > Self.maxLinkHops ? FileSystemError(40) : FileSystemError.permission
                }
                if target.hasPrefix("/") {
                    // An absolute target counts only when it names a place inside the root.
                    guard let inside = insideRoot(target) else { closeAll(); throw .permission }
                    while directories.count > 1 { _ = Glibc.close(directories.removeLast()) }
                    pending.append(contentsOf: inside.reversed())
                } else {
                    pending.append(contentsOf: target.split(separator: "/", omittingEmptySubsequences: true)
                                                      .map(String.init).reversed())
                }
                continue
            }
            if isLast { return finish(&directories, name) }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { closeAll(); throw .notDirectory }
            let fd = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd < 0 { let code = errno; closeAll(); throw Self.error(code) }
            directories.append(fd)
        }
        // The whole path was a directory (the root, or links that ended on one).
        return finish(&directories, ".")
    }

    /// Keeps the innermost directory open for the caller and closes the rest.
    private func finish(_ directories: inout [Int32], _ name: String) -> Location {
        let last = directories.removeLast()
        for fd in directories { _ = Glibc.close(fd) }
        return Location(directory: last, name: name)
    }

    /// The components of an absolute host path below the root, or nil when the
    /// path lies outside it.
    private func insideRoot(_ target: String) -> [String]? {
        var parts: [String] = []
        for p in target.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(String(p))
        }
        let root = rootPath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= root.count, Array(parts.prefix(root.count)) == root else { return nil }
        return Array(parts.dropFirst(root.count))
    }

    static func readLink(_ directory: Int32, _ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlinkat(directory, name, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The host's errno as the error Python code sees (Linux numbers, which are
    /// MicroPython's too).
    static func error(_ code: Int32) -> FileSystemError {
        switch code {
        case ELOOP: return .permission  // a link met where the walk allows none
        case EPERM: return .permission
        default: return FileSystemError(Int(code))
        }
    }
}
