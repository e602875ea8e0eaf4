/// The stamps one runtime's inline caches are checked against: the epoch of
/// every type's attribute cache, and the source of dict versions. Each runtime
/// has its own, reached from its types and dicts, so runtimes on different
/// threads share no mutable state.
///
/// The interpreter's hot paths read these as a field of an object the reader
/// already holds (`type.counters`, `dict.counters`): one load, no reference counting.
final class CacheCounters {
    /// Bumped by any change to any class namespace of this runtime; a type's
    /// lookup cache is valid while its epoch equals this.
    var typeEpoch: UInt64 = 1
    /// The last dict version handed out (`PyDict.version`).
    private var lastDictVersion: UInt64 = 0

    /// A dict version no dict of this runtime has had before.
    @inline(__always) func nextDictVersion() -> UInt64 {
        lastDictVersion &+= 1
        return lastDictVersion
    }
}
