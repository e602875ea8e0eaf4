import PythonRuntime

/// A small drive held in memory, so fuzzed programs can open, write, list and
/// import files (and load a `.mpy`) without touching the host's disk. Its
/// capacity bounds what a program can store, as a board's drive does.
final class FuzzFileSystem: VirtualFileSystem {
    static let capacityBytes = 64 * 1024
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = ["/"]

    init(files: [String: [UInt8]] = [:]) {
        for (path, bytes) in files { self.files[path] = bytes }
    }

    private var usedBytes: Int { files.values.reduce(0) { $0 + $1.count } }
    var capacity: (total: Int, free: Int) { (Self.capacityBytes, max(0, Self.capacityBytes - usedBytes)) }

    private func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private func checkParent(_ path: String) throws(FileSystemError) {
        if files[parent(path)] != nil { throw .notDirectory }
        guard directories.contains(parent(path)) else { throw .notFound }
    }

    func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        if directories.contains(path) { throw .isDirectory }
        guard let bytes = files[path] else { throw .notFound }
        return bytes
    }

    func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError) {
        if directories.contains(path) { throw .isDirectory }
        try checkParent(path)
        let old = files[path] ?? []
        let kept = append ? old.count : 0
        guard usedBytes - old.count + kept + bytes.count <= Self.capacityBytes else { throw .noSpace }
        files[path] = (append ? old : []) + bytes
    }

    func writeFile(_ path: String, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        var all = try readFile(path)
        guard offset >= 0 else { throw .invalid }
        // Checked before growing: a seek far past the end must not size an allocation.
        guard offset <= Self.capacityBytes, bytes.count <= Self.capacityBytes,
              usedBytes - all.count + max(all.count, offset + bytes.count) <= Self.capacityBytes else { throw .noSpace }
        if all.count < offset + bytes.count { all += [UInt8](repeating: 0, count: offset + bytes.count - all.count) }
        all.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
        files[path] = all
    }

    func status(_ path: String) throws(FileSystemError) -> FileStatus {
        if directories.contains(path) { return FileStatus(isDirectory: true, size: 0, modified: 0) }
        guard let bytes = files[path] else { throw .notFound }
        return FileStatus(isDirectory: false, size: bytes.count, modified: 0)
    }

    func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard directories.contains(path) else { throw files[path] == nil ? .notFound : .notDirectory }
        let names = (Array(files.keys) + Array(directories)).filter { $0 != "/" && parent($0) == path }
        return names.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.sorted()
    }

    func makeDirectory(_ path: String) throws(FileSystemError) {
        if directories.contains(path) || files[path] != nil { throw .exists }
        try checkParent(path)
        directories.insert(path)
    }

    func removeFile(_ path: String) throws(FileSystemError) {
        if directories.contains(path) { throw .isDirectory }
        guard files.removeValue(forKey: path) != nil else { throw .notFound }
    }

    func removeDirectory(_ path: String) throws(FileSystemError) {
        guard directories.contains(path), path != "/" else { throw files[path] == nil ? .notFound : .notDirectory }
        guard try listDirectory(path).isEmpty else { throw .notEmpty }
        directories.remove(path)
    }

    func rename(_ from: String, _ to: String) throws(FileSystemError) {
        if directories.contains(from) {
            // Whole folders move rarely in fuzzed programs; refusing keeps this small.
            throw .permission
        }
        guard let bytes = files[from] else { throw .notFound }
        if directories.contains(to) { throw .isDirectory }
        try checkParent(to)
        files[from] = nil
        files[to] = bytes
    }
}
