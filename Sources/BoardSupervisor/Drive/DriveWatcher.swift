import Foundation
import HostPlatform

/// Watches a drive folder for changes (files added, modified or deleted) and
/// reports one only after writes have settled, as CircuitPython's auto-reload
/// waits, so a half-written file never starts a run.
///
/// It polls (every `pollInterval` on a background thread after `start()`), and
/// compares snapshots of size, modification time and, for small files, a hash of
/// the content. Time is injected: tests call `poll(now:)` themselves.
public final class DriveWatcher: @unchecked Sendable {
    public let root: URL
    /// Seconds between polls on the background thread.
    public let pollInterval: Double
    /// Seconds without a change before a change is reported.
    public let settleInterval: Double
    /// Files up to this size also have their content hashed (catches a rewrite
    /// that keeps size and mtime, as within one mtime tick).
    public let hashLimit: Int
    /// Called (on the polling thread) with the paths, relative to the root, that
    /// changed since the last report.
    public var onSettledChange: (@Sendable (Set<String>) -> Void)?
    /// Top-level entries that are not on the drive: their changes are not the drive's.
    public let exclusions: FolderExclusions

    private let clock: @Sendable () -> Double
    private let lock = NSLock()
    private var snapshot: [String: Entry]?
    private var pending: Set<String> = []
    private var lastChange: Double = 0
    private var thread: Thread?
    private var running = false

    struct Entry: Equatable {
        var isDirectory: Bool
        var size: Int
        var modified: Double
        var hash: UInt64?
    }

    /// `clock` gives seconds on any monotonic scale; the default is the host's
    /// uptime.
    public init(root: URL, exclusions: FolderExclusions = .none, pollInterval: Double = 0.1, settleInterval: Double = 0.5,
                hashLimit: Int = 64 * 1024, clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.root = root.resolvingSymlinksInPath()
        self.exclusions = exclusions
        self.pollInterval = pollInterval
        self.settleInterval = settleInterval
        self.hashLimit = hashLimit
        self.clock = clock
    }

    /// Whether a change has been seen and not yet reported.
    public var hasPendingChange: Bool { lock.withLock { !pending.isEmpty } }

    /// Takes one snapshot at time `now`: records what changed, and reports once
    /// nothing has changed for `settleInterval`. The first poll only records
    /// the baseline. Returns the paths reported, if this poll reported.
    @discardableResult
    public func poll(now: Double) -> Set<String>? {
        let current = takeSnapshot()
        let fired: Set<String>? = lock.withLock {
            if let previous = snapshot {
                let changed = Self.differences(previous, current)
                if !changed.isEmpty {
                    pending.formUnion(changed)
                    lastChange = now
                }
            }
            snapshot = current
            if !pending.isEmpty && now - lastChange >= settleInterval - 1e-9 {  // tolerate float ticks
                defer { pending = [] }
                return pending
            }
            return nil
        }
        if let fired { onSettledChange?(fired) }
        return fired
    }

    /// Polls on a background thread until `stop()`.
    public func start() {
        lock.withLock {
            guard !running else { return }
            running = true
            let t = Thread { [weak self] in
                while let self, self.isRunning {
                    self.poll(now: self.clock())
                    Thread.sleep(forTimeInterval: self.pollInterval)
                }
            }
            t.name = "DriveWatcher"
            thread = t
            t.start()
        }
    }

    public func stop() { lock.withLock { running = false; thread = nil } }

    private var isRunning: Bool { lock.withLock { running } }

    deinit { running = false }

    // MARK: Snapshots

    static func differences(_ a: [String: Entry], _ b: [String: Entry]) -> Set<String> {
        var changed = Set<String>()
        for (k, v) in a where b[k] != v { changed.insert(k) }
        for k in b.keys where a[k] == nil { changed.insert(k) }
        return changed
    }

    func takeSnapshot() -> [String: Entry] {
        var result: [String: Entry] = [:]
        let fm = FileManager.default
        let base = root.path
        guard let e = fm.enumerator(atPath: base) else { return result }
        while let name = e.nextObject() as? String {
            if exclusions.excludes(relativePath: name) {
                if exclusions.excludes(topLevelName: name) { e.skipDescendants() }
                continue
            }
            guard let attrs = try? fm.attributesOfItem(atPath: base + "/" + name) else { continue }
            let type = attrs[.type] as? FileAttributeType
            let isDir = type == .typeDirectory
            let size = isDir ? 0 : ((attrs[.size] as? NSNumber)?.intValue ?? 0)
            let modified = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var hash: UInt64?
            if type == .typeRegular && size <= hashLimit, let data = fm.contents(atPath: base + "/" + name) {
                hash = Self.fnv1a(data)
            }
            result[name] = Entry(isDirectory: isDir, size: size, modified: isDir ? 0 : modified, hash: hash)
        }
        return result
    }

    static func fnv1a(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
