import Foundation

/// What crossed the simulated network, newest last: joins, lookups,
/// connections and their byte counts. The window's traffic panel reads it
/// from another thread, so it is locked; it keeps the last `capacity` entries.
public final class TrafficLog: @unchecked Sendable {
    public struct Entry: Equatable, Sendable {
        /// Virtual time of the board that did it, nanoseconds.
        public var time: UInt64
        public var text: String
        /// The whole message when the entry is an MQTT publish.
        public var message: MQTTMessage?

        /// "  12.345  text": seconds of virtual time, then the text.
        public var line: String {
            let ms = time / 1_000_000
            let frac = String(ms % 1000)
            return "\(ms / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)  \(text)"
        }
    }

    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Entry] = []
    private var _count = 0

    /// Also sees every entry as it is added (`--network-log`), under the log's lock.
    public var sink: ((Entry) -> Void)?

    public init(capacity: Int = 200) { self.capacity = capacity }

    public func add(_ text: String, at time: UInt64, message: MQTTMessage? = nil) {
        lock.lock()
        defer { lock.unlock() }
        let entry = Entry(time: time, text: text, message: message)
        sink?(entry)
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        _count += 1
    }

    /// The kept entries, oldest first.
    public var recent: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// Entries added since the log began (kept or not).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return _count
    }
}
