import BoardEmulator
import FirmwareAPI
import Foundation
import HostPlatform
import PythonRuntime

/// A project's `drive/` folder as the board's file system: CircuitPython's
/// CIRCUITPY drive or MicroPython's flash. Wraps a `DirectoryFileSystem` (which
/// keeps every path, symlinks included, inside the folder), refuses writes that
/// would take the files beyond the board's file-system size with ENOSPC, and can
/// be read-only to code (CircuitPython's default) so writes fail with EROFS.
public final class Drive: VirtualFileSystem {
    public let fileSystem: DirectoryFileSystem
    /// Bytes of file content the drive holds at most.
    public let capacityBytes: Int
    /// CircuitPython mounts CIRCUITPY read-only to code (the host owns it over
    /// USB) unless `boot.py` calls `storage.remount("/", readonly=False)`;
    /// MicroPython's flash is always writable.
    public private(set) var isWritableByCode: Bool

    /// The host folder the drive is (symlinks resolved).
    public var root: String { fileSystem.root }

    /// Top-level entries of the folder that are not on the drive (a Wokwi project's own files).
    public var exclusions: FolderExclusions { fileSystem.exclusions }

    public init(directory: URL, capacityBytes: Int, writableByCode: Bool = true, exclusions: FolderExclusions = .none) {
        fileSystem = DirectoryFileSystem(root: directory.path, capacityBytes: capacityBytes, exclusions: exclusions)
        self.capacityBytes = capacityBytes
        isWritableByCode = writableByCode
    }

    /// `PROJECT/drive` (or `folder`, less `exclusions`) sized as the circuit's
    /// board and flavour give it, and read-only to code under CircuitPython.
    public convenience init(project: URL, circuit: Circuit, folder: URL? = nil, exclusions: FolderExclusions = .none,
                            boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(CircuitError) {
        let def = try circuit.boardDefinition(file: "circuit.json", boardDirectory: boardDirectory)
        let flavour = circuit.firmwareFlavour ?? .micropython
        let bytes = flavour == .circuitpython ? def.flavours.circuitpython.filesystemBytes
                                              : def.flavours.micropython.filesystemBytes
        self.init(directory: folder ?? project.appendingPathComponent("drive"), capacityBytes: bytes,
                  writableByCode: flavour != .circuitpython, exclusions: exclusions)
    }

    /// `storage.remount("/", readonly=...)` (CircuitPython, from boot.py).
    public func remount(readonly: Bool) { isWritableByCode = !readonly }

    /// Bytes the files take now (regular files only; links are not followed).
    public var usedBytes: Int { fileSystem.usedBytes() }

    private func requireWritable() throws(FileSystemError) {
        if !isWritableByCode { throw .readOnly }
    }

    private let codeWritesLock = NSLock()
    private var codeWrites = Set<String>()

    /// Paths (relative to the drive, as `DriveWatcher` reports them) that code
    /// changed since the last call: the board's own writes, which must not
    /// auto-reload it.
    public func takeCodeWrites() -> Set<String> {
        codeWritesLock.withLock { defer { codeWrites = [] }; return codeWrites }
    }

    private func noteCodeWrite(_ path: String) {
        var p = Substring(path)
        while true {
            if p.hasPrefix("/") { p = p.dropFirst() } else if p.hasPrefix("./") { p = p.dropFirst(2) } else { break }
        }
        var parts = p.split(separator: "/").map(String.init)
        let key = parts.joined(separator: "/")
        codeWritesLock.withLock {
            codeWrites.insert(key)
            // A new file's folders change too.
            while parts.count > 1 { parts.removeLast(); codeWrites.insert(parts.joined(separator: "/")) }
        }
    }

    // MARK: VirtualFileSystem

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try fileSystem.readFile(path) }

    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError) {
        try requireWritable()
        var existing = 0
        if let s = try? fileSystem.status(path), !s.isDirectory { existing = s.size }
        let used = usedBytes
        let after = append ? used + bytes.count : used - existing + bytes.count
        if after > capacityBytes { throw .noSpace }
        noteCodeWrite(path)
        try fileSystem.writeFile(path, bytes, append: append)
    }

    public func readFile(_ path: String, offset: Int, count: Int) throws(FileSystemError) -> [UInt8] {
        try fileSystem.readFile(path, offset: offset, count: count)
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        try requireWritable()
        // Only growth needs room (and only then is the drive walked to count it).
        let growth = max(0, offset + bytes.count - (try fileSystem.status(path).size))
        if growth > 0 && usedBytes + growth > capacityBytes { throw .noSpace }
        noteCodeWrite(path)
        try fileSystem.writeFile(path, bytes, at: offset)
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus { try fileSystem.status(path) }

    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] { try fileSystem.listDirectory(path) }

    public func makeDirectory(_ path: String) throws(FileSystemError) {
        try requireWritable()
        noteCodeWrite(path)
        try fileSystem.makeDirectory(path)
    }

    public func removeFile(_ path: String) throws(FileSystemError) {
        try requireWritable()
        noteCodeWrite(path)
        try fileSystem.removeFile(path)
    }

    public func removeDirectory(_ path: String) throws(FileSystemError) {
        try requireWritable()
        noteCodeWrite(path)
        try fileSystem.removeDirectory(path)
    }

    public func rename(_ from: String, _ to: String) throws(FileSystemError) {
        try requireWritable()
        noteCodeWrite(from)
        noteCodeWrite(to)
        try fileSystem.rename(from, to)
    }

    public var capacity: (total: Int, free: Int) {
        (capacityBytes, max(0, capacityBytes - usedBytes))
    }
}
