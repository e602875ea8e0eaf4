/// The clock a runtime reads time from: the host's wall clock for
/// `breadbox python`, a board's virtual clock on a board.
public protocol RuntimeClock: AnyObject {
    /// Nanoseconds since the runtime (or board) started; never goes backwards.
    /// `time.ticks_*`, `time.monotonic*` and asyncio's scheduler read this.
    var monotonicNanoseconds: UInt64 { get }
    /// Seconds since the Unix epoch (UTC), for `time.time()` and `time.localtime()`.
    var epochSeconds: Double { get }
    /// Lets `nanoseconds` pass: a board advances its virtual clock (firing its
    /// timers on the way); the host clock sleeps. Returns early when `interrupted()`
    /// becomes true (Ctrl-C), which the runtime then raises as KeyboardInterrupt.
    func sleep(nanoseconds: UInt64, interrupted: () -> Bool)
}

/// What `stat` reports about a path.
public struct FileStatus: Equatable {
    public var isDirectory: Bool
    public var size: Int
    /// Seconds since the epoch.
    public var modified: Int
    public init(isDirectory: Bool, size: Int, modified: Int) {
        self.isDirectory = isDirectory
        self.size = size
        self.modified = modified
    }
}

/// A file-system error carrying the errno Python code sees (`OSError: [Errno 2] ENOENT`).
public struct FileSystemError: Error, Equatable {
    public var errno: Int
    public init(_ errno: Int) { self.errno = errno }
    public static let notFound = FileSystemError(2)
    public static let exists = FileSystemError(17)
    public static let notDirectory = FileSystemError(20)
    public static let isDirectory = FileSystemError(21)
    public static let invalid = FileSystemError(22)
    public static let noSpace = FileSystemError(28)
    public static let readOnly = FileSystemError(30)
    public static let notEmpty = FileSystemError(39)
    public static let permission = FileSystemError(13)
}

/// The only file system Python code sees (`open`, `os`, imports). Paths are
/// absolute within it, '/'-separated and already normalised by the runtime
/// (no `.` or `..` components); an implementation must still never touch
/// anything outside its root.
public protocol VirtualFileSystem: AnyObject {
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8]
    /// Writes the whole file (creating it), or appends when `append` is true.
    func writeFile(_ path: String, _ bytes: [UInt8], append: Bool) throws(FileSystemError)
    /// Up to `count` bytes of the file from `offset` (fewer at its end): an open
    /// file reads through a small window, as the firmware's file systems do.
    func readFile(_ path: String, offset: Int, count: Int) throws(FileSystemError) -> [UInt8]
    /// Writes `bytes` into the existing file at `offset`, growing it (with
    /// zeros before `offset` if it was shorter).
    func writeFile(_ path: String, _ bytes: [UInt8], at offset: Int) throws(FileSystemError)
    func status(_ path: String) throws(FileSystemError) -> FileStatus
    /// Names in a directory, sorted.
    func listDirectory(_ path: String) throws(FileSystemError) -> [String]
    func makeDirectory(_ path: String) throws(FileSystemError)
    func removeFile(_ path: String) throws(FileSystemError)
    func removeDirectory(_ path: String) throws(FileSystemError)
    func rename(_ from: String, _ to: String) throws(FileSystemError)
    /// Total and free bytes, for `os.statvfs`.
    var capacity: (total: Int, free: Int) { get }
    /// Where `os.getcwd()` starts: "/" on a board's drive; the process's own
    /// directory when this is the host's file system (the CLI, as MicroPython's
    /// unix port does). Must name an existing directory.
    var initialDirectory: String { get }
}

extension VirtualFileSystem {
    public var initialDirectory: String { "/" }

    /// Through the whole file, for file systems that hold files whole (in memory).
    public func readFile(_ path: String, offset: Int, count: Int) throws(FileSystemError) -> [UInt8] {
        let all = try readFile(path)
        let start = min(max(0, offset), all.count)
        return Array(all[start..<min(all.count, start + max(0, count))])
    }

    public func writeFile(_ path: String, _ bytes: [UInt8], at offset: Int) throws(FileSystemError) {
        var all = try readFile(path)
        if all.count < offset + bytes.count { all += [UInt8](repeating: 0, count: offset + bytes.count - all.count) }
        all.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
        try writeFile(path, all, append: false)
    }
}
