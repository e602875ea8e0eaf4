import Foundation

/// A `VirtualFileSystem` backed by a host folder: `/` inside is `root` outside.
/// Symbolic links that lead outside the root are refused, so code can never
/// reach host files beyond it.
public final class DirectoryFileSystem: VirtualFileSystem {
    public let root: String
    private let fm = FileManager.default
    /// Bytes the drive holds at most (os.statvfs), like a board's flash.
    public var capacityBytes: Int

    public init(root: String, capacityBytes: Int = 1 << 30) {
        let resolved = (root as NSString).resolvingSymlinksInPath
        self.root = resolved.hasSuffix("/") && resolved.count > 1 ? String(resolved.dropLast()) : resolved
        self.capacityBytes = capacityBytes
    }

    /// The host path for a virtual path, after checking it stays inside the root.
    func hostPath(_ path: String) throws(FileSystemError) -> String {
        let parts = path.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        if parts.contains("..") { throw .permission }
        let joined = root == "/" ? "/" + parts.joined(separator: "/") : root + (parts.isEmpty ? "" : "/" + parts.joined(separator: "/"))
        // Resolve links in the part that exists; it must still be under the root.
        let resolved = (joined as NSString).resolvingSymlinksInPath
        if root != "/" && resolved != root && !resolved.hasPrefix(root + "/") { throw .permission }
        return joined
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let p = try hostPath(path)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .notFound }
        if isDir.boolValue { throw .isDirectory }
        guard let data = fm.contents(atPath: p) else { throw .permission }
        return [UInt8](data)
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError) {
        let p = try hostPath(path)
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { throw .isDirectory }
        let parent = (p as NSString).deletingLastPathComponent
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else { throw .notFound }
        if append, let h = FileHandle(forWritingAtPath: p) {
            h.seekToEndOfFile()
            h.write(Data(bytes))
            h.closeFile()
            return
        }
        guard fm.createFile(atPath: p, contents: Data(bytes)) else { throw .permission }
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus {
        let p = try hostPath(path)
        guard let attrs = try? fm.attributesOfItem(atPath: p) else { throw .notFound }
        let isDir = (attrs[.type] as? FileAttributeType) == .typeDirectory
        let size = (attrs[.size] as? NSNumber)?.intValue ?? 0
        let modified = Int((attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        return FileStatus(isDirectory: isDir, size: isDir ? 0 : size, modified: modified)
    }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let p = try hostPath(path)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .notFound }
        guard isDir.boolValue else { throw .notDirectory }
        guard let names = try? fm.contentsOfDirectory(atPath: p) else { throw .permission }
        return names.sorted()
    }

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        let p = try hostPath(path)
        if fm.fileExists(atPath: p) { throw .exists }
        do { try fm.createDirectory(atPath: p, withIntermediateDirectories: false) } catch { throw .notFound }
    }

    public func removeFile(_ path: String) throws(FileSystemError) {
        let p = try hostPath(path)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .notFound }
        if isDir.boolValue { throw .isDirectory }
        do { try fm.removeItem(atPath: p) } catch { throw .permission }
    }

    public func removeDirectory(_ path: String) throws(FileSystemError) {
        let p = try hostPath(path)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw .notFound }
        guard isDir.boolValue else { throw .notDirectory }
        if let items = try? fm.contentsOfDirectory(atPath: p), !items.isEmpty { throw .notEmpty }
        do { try fm.removeItem(atPath: p) } catch { throw .permission }
    }

    public func rename(_ from: String, _ to: String) throws(FileSystemError) {
        let a = try hostPath(from), b = try hostPath(to)
        guard fm.fileExists(atPath: a) else { throw .notFound }
        if fm.fileExists(atPath: b) {
            var isDir: ObjCBool = false
            fm.fileExists(atPath: b, isDirectory: &isDir)
            if isDir.boolValue { throw .isDirectory }
            try? fm.removeItem(atPath: b)
        }
        do { try fm.moveItem(atPath: a, toPath: b) } catch { throw .permission }
    }

    public var capacity: (total: Int, free: Int) {
        var used = 0
        if let e = fm.enumerator(atPath: root) {
            while let name = e.nextObject() as? String {
                if let attrs = try? fm.attributesOfItem(atPath: root + "/" + name),
                   let s = (attrs[.size] as? NSNumber)?.intValue { used += s }
                if used > capacityBytes { break }
            }
        }
        return (capacityBytes, max(0, capacityBytes - used))
    }
}
