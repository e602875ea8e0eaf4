#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PythonRuntime
import Foundation

/// A `VirtualFileSystem` backed by a host folder: `/` inside is `root` outside.
/// Every path is walked and every link resolved inside the folder by
/// `SandboxedFolder`, so code can never read, create, rename or delete a host
/// file beyond it, whatever links the folder holds.
public final class DirectoryFileSystem: VirtualFileSystem {
    /// The host folder, its own links resolved: a drive folder that is itself
    /// a link is wherever the link points (the user's choice).
    public let root: String
    private let folder: SandboxedFolder
    /// Bytes the drive holds at most (os.statvfs), like a board's flash.
    public var capacityBytes: Int
    /// Top-level entries of the folder that are not on the drive.
    public let exclusions: FolderExclusions

    public init(root: String, capacityBytes: Int = 1 << 30, exclusions: FolderExclusions = .none) {
        self.exclusions = exclusions
        let resolved = (root as NSString).resolvingSymlinksInPath
        self.root = resolved.hasSuffix("/") && resolved.count > 1 ? String(resolved.dropLast()) : resolved
        folder = SandboxedFolder(rootPath: self.root)
        self.capacityBytes = capacityBytes
    }

    /// A virtual path's components. The runtime normalises paths before they
    /// get here; a ".." that still arrives is refused rather than interpreted.
    /// An excluded entry is absent to a reader and out of bounds to a writer.
    private func components(_ path: String, writing: Bool) throws(FileSystemError) -> [String] {
        let parts = path.split(separator: "/").filter { !$0.isEmpty && $0 != "." }.map(String.init)
        if parts.contains("..") || parts.contains(where: { $0.utf8.contains(0) }) { throw .permission }
        if let first = parts.first, exclusions.excludes(topLevelName: first) { throw writing ? .permission : .notFound }
        return parts
    }

    private func locate(_ path: String, followLastLink: Bool = true, writing: Bool = false) throws(FileSystemError) -> SandboxedFolder.Location {
        try folder.locate(try components(path, writing: writing), followLastLink: followLastLink)
    }

    private static func statAt(_ at: SandboxedFolder.Location) -> stat? {
        var info = stat()
        return fstatat(at.directory, at.name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    private static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let at = try locate(path)
        defer { at.close() }
        let fd = openat(at.directory, at.name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw errno == ENOENT ? .notFound : SandboxedFolder.error(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SandboxedFolder.error(errno) }
        if Self.isDirectory(info) { throw .isDirectory }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .permission }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw SandboxedFolder.error(errno) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return bytes
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError) {
        let at = try locate(path, writing: true)
        defer { at.close() }
        if at.name == "." { throw .isDirectory }
        if let info = Self.statAt(at), Self.isDirectory(info) { throw .isDirectory }
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (append ? O_APPEND : O_TRUNC)
        let fd = openat(at.directory, at.name, flags, 0o644)
        if fd < 0 { throw SandboxedFolder.error(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .permission }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; throw SandboxedFolder.error(errno) }
            offset += n
        }
    }

    public func readFile(_ path: String, offset: Int, count: Int) throws(FileSystemError) -> [UInt8] {
        let fd = try openRegular(path, O_RDONLY)
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(offset + got)) }
            if n < 0 { if errno == EINTR { continue }; throw SandboxedFolder.error(errno) }
            if n == 0 { break }
            got += n
        }
        bytes.removeLast(bytes.count - got)
        return bytes
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        let fd = try openRegular(path, O_WRONLY, writing: true)
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            if n < 0 { if errno == EINTR { continue }; throw SandboxedFolder.error(errno) }
            done += n
        }
    }

    /// An existing regular file of the folder, opened without following a last link.
    private func openRegular(_ path: String, _ mode: Int32, writing: Bool = false) throws(FileSystemError) -> Int32 {
        let at = try locate(path, writing: writing)
        defer { at.close() }
        let fd = openat(at.directory, at.name, mode | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { throw errno == ENOENT ? .notFound : SandboxedFolder.error(errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { let e = errno; close(fd); throw SandboxedFolder.error(e) }
        if Self.isDirectory(info) { close(fd); throw .isDirectory }
        guard (info.st_mode & S_IFMT) == S_IFREG else { close(fd); throw .permission }
        return fd
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus {
        let at = try locate(path)
        defer { at.close() }
        guard let info = Self.statAt(at) else { throw .notFound }
        let isDir = Self.isDirectory(info)
        return FileStatus(isDirectory: isDir, size: isDir ? 0 : Int(info.st_size), modified: Int(info.st_mtim.tv_sec))
    }

    /// Sets a file's or folder's modification time (seconds since the epoch),
    /// as a FAT write with a given timestamp leaves it.
    public func setModified(_ path: String, seconds: Int) throws(FileSystemError) {
        let at = try locate(path, followLastLink: false, writing: true)
        defer { at.close() }
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        if utimensat(at.directory, at.name, &times, AT_SYMLINK_NOFOLLOW) != 0 { throw SandboxedFolder.error(errno) }
    }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let at = try locate(path)
        defer { at.close() }
        let fd = openat(at.directory, at.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOTDIR { throw .notDirectory }
            throw errno == ENOENT ? .notFound : SandboxedFolder.error(errno)
        }
        let names = Self.names(inDirectory: fd)
        guard try components(path, writing: false).isEmpty else { return names.sorted() }
        return names.filter { !exclusions.excludes(topLevelName: $0) }.sorted()
    }

    /// The names in an open directory (which this closes), without "." and "..".
    static func names(inDirectory fd: Int32) -> [String] {
        guard let dir = fdopendir(fd) else { close(fd); return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        let at = try locate(path, followLastLink: false, writing: true)
        defer { at.close() }
        if at.name == "." { throw .exists }
        if mkdirat(at.directory, at.name, 0o755) != 0 { throw SandboxedFolder.error(errno) }
    }

    public func removeFile(_ path: String) throws(FileSystemError) {
        let at = try locate(path, followLastLink: false, writing: true)
        defer { at.close() }
        guard let info = Self.statAt(at) else { throw .notFound }
        if Self.isDirectory(info) { throw .isDirectory }
        if unlinkat(at.directory, at.name, 0) != 0 { throw SandboxedFolder.error(errno) }
    }

    public func removeDirectory(_ path: String) throws(FileSystemError) {
        let at = try locate(path, followLastLink: false, writing: true)
        defer { at.close() }
        if at.name == "." { throw .permission }
        guard let info = Self.statAt(at) else { throw .notFound }
        guard Self.isDirectory(info) else { throw .notDirectory }
        if unlinkat(at.directory, at.name, AT_REMOVEDIR) != 0 {
            throw errno == ENOTEMPTY || errno == EEXIST ? .notEmpty : SandboxedFolder.error(errno)
        }
    }

    public func rename(_ from: String, _ to: String) throws(FileSystemError) {
        let a = try locate(from, followLastLink: false, writing: true)
        defer { a.close() }
        let b = try locate(to, followLastLink: false, writing: true)
        defer { b.close() }
        if a.name == "." || b.name == "." { throw .permission }
        guard Self.statAt(a) != nil else { throw .notFound }
        if let target = Self.statAt(b), Self.isDirectory(target) { throw .isDirectory }
        if renameat(a.directory, a.name, b.directory, b.name) != 0 { throw SandboxedFolder.error(errno) }
    }

    /// Removes a file, a link or a whole folder with everything in it (a
    /// library folder dropped on the window replaces the old one). Links are
    /// removed, never followed. A path that does not exist is no error.
    public func removeTree(_ path: String) throws(FileSystemError) {
        let at = try locate(path, followLastLink: false, writing: true)
        defer { at.close() }
        if at.name == "." { throw .permission }
        guard let info = Self.statAt(at) else { return }
        if Self.isDirectory(info) {
            let fd = openat(at.directory, at.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd < 0 { throw SandboxedFolder.error(errno) }
            try Self.empty(directory: fd, depth: 0)
            if unlinkat(at.directory, at.name, AT_REMOVEDIR) != 0 { throw SandboxedFolder.error(errno) }
        } else if unlinkat(at.directory, at.name, 0) != 0 {
            throw SandboxedFolder.error(errno)
        }
    }

    /// Removes everything in an open directory (which this closes).
    private static func empty(directory fd: Int32, depth: Int) throws(FileSystemError) {
        defer { close(fd) }
        guard depth < 64 else { throw .permission }
        let copy = dup(fd)
        guard copy >= 0 else { throw SandboxedFolder.error(errno) }
        for name in names(inDirectory: copy) {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if isDirectory(info) {
                let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if sub < 0 { throw SandboxedFolder.error(errno) }
                try empty(directory: sub, depth: depth + 1)
                if unlinkat(fd, name, AT_REMOVEDIR) != 0 { throw SandboxedFolder.error(errno) }
            } else if unlinkat(fd, name, 0) != 0 {
                throw SandboxedFolder.error(errno)
            }
        }
    }

    /// Bytes the regular files under the root take, links not followed; stops
    /// counting once past `limit`.
    public func usedBytes(limit: Int = Int.max) -> Int {
        guard let fd = try? folder.openRoot() else { return 0 }
        var used = 0
        Self.walk(fd, depth: 0, skipping: exclusions) { size in used += size; return used <= limit }
        return used
    }

    /// Calls `visit` with the size of every regular file below an open directory
    /// (which this closes); stops when `visit` returns false.
    @discardableResult
    private static func walk(_ fd: Int32, depth: Int, skipping exclusions: FolderExclusions = .none, _ visit: (Int) -> Bool) -> Bool {
        defer { close(fd) }
        guard depth < 64, let copy = Optional(dup(fd)), copy >= 0 else { return true }
        for name in names(inDirectory: copy) where depth > 0 || !exclusions.excludes(topLevelName: name) {
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if !visit(Int(info.st_size)) { return false }
            case S_IFDIR:
                let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if sub >= 0 && !walk(sub, depth: depth + 1, visit) { return false }
            default:
                continue
            }
        }
        return true
    }

    /// Rooted at `/`, this is the host's own file system: Python starts in the
    /// process's directory, as MicroPython's unix port does.
    public var initialDirectory: String {
        root == "/" ? FileManager.default.currentDirectoryPath : "/"
    }

    public var capacity: (total: Int, free: Int) {
        (capacityBytes, max(0, capacityBytes - usedBytes(limit: capacityBytes)))
    }
}
