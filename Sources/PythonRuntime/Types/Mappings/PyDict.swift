/// `dict`: an insertion-ordered hash table (CPython's compact layout): entries in
/// insertion order, plus an open-addressing index of entry numbers. Small dicts
/// (most instance and class dicts) have no index: a linear scan of at most
/// `linearLimit` entries, comparing interned keys by identity, is faster.
public final class PyDict: PyObject {
    struct Entry {
        var hash: Int
        /// `.null` once deleted.
        var key: Value
        var value: Value
    }

    private(set) var entries: ContiguousArray<Entry> = []
    /// Entry number per index slot; -1 empty. Deleted entries keep their slot and
    /// have a `.null` key, so probing continues past them. Empty while small.
    private var index: ContiguousArray<Int32> = []
    public private(set) var count = 0
    static let linearLimit = 8
    /// Set for a class's namespace: changing it invalidates every type's lookup cache.
    var isTypeNamespace = false

    /// Changes on every mutation, to a value no dict has had before, so an inline
    /// cache that saw (dict, version) knows the dict still holds what it saw.
    var version: UInt64
    /// The runtime's cache stamps (the dict's type's). Unowned: the runtime's
    /// types keep them for as long as any of its objects is used, and a strong
    /// reference cost an atomic retain/release pair on every dict made.
    unowned(unsafe) let counters: CacheCounters
    /// Called on every mutation, after `version` has moved on.
    @inline(__always) private func mutated() {
        if isTypeNamespace { counters.typeEpoch &+= 1 }
    }

    public init(type: PyType, capacity: Int = 0) {
        counters = type.counters
        version = counters.nextDictVersion()
        super.init(type: type)
        if capacity > 0 { entries.reserveCapacity(capacity) }
    }

    public override func traceReferences(_ visit: (Value) -> Void) {
        for e in entries {
            visit(e.key)
            visit(e.value)
        }
    }

    public override var accountedSize: Int { 32 + entries.capacity * 24 + index.count * 4 }

    /// Entry positions 0..<entryCount, some of them deleted (key `.null`).
    var entryCount: Int { entries.count }

    // MARK: string keys (attributes, globals): no user code can run

    /// Value for a str key, or `.null`. Compares interned strings by identity first.
    @inline(__always) public func getStr(_ key: PyStr) -> Value {
        if index.isEmpty {
            let k = Value(key).bits
            for e in entries where e.key.bits == k { return e.value }
            if key.isInterned && entriesHoldOnlyInternedStrings { return .null }
        }
        guard let e = findStr(key, key.strHash) else { return .null }
        return entries[e].value
    }

    /// True while every key is an interned str, so identity decides equality.
    private var entriesHoldOnlyInternedStrings = true

    /// Sets a str key (attributes, globals).
    public func setStr(_ key: PyStr, _ value: Value) {
        let h = key.strHash
        if let e = findStr(key, h) {
            entries[e].value = value
            version = counters.nextDictVersion(); mutated()
            return
        }
        appendEntry(Value(key), h, value)
    }

    /// The entry number of a str key (for an inline cache's hint), or -1.
    func positionOfStr(_ key: PyStr) -> Int { findStr(key, key.strHash) ?? -1 }

    /// The value at entry `position` when its key is exactly `key` (an
    /// inline cache's hint still right), else `.null`.
    @inline(__always) func value(at position: Int, ifKey key: Value) -> Value {
        guard position < entries.count else { return .null }
        return entries[position].key.bits == key.bits ? entries[position].value : .null
    }

    /// Replaces the value at entry `position` when its key is exactly `key`,
    /// as setStr would; false (nothing changed) when the hint is stale.
    @inline(__always) func replaceValue(at position: Int, ifKey key: Value, _ value: Value) -> Bool {
        guard position < entries.count, entries[position].key.bits == key.bits else { return false }
        entries[position].value = value
        version = counters.nextDictVersion(); mutated()
        return true
    }

    @discardableResult
    public func removeStr(_ key: PyStr) -> Value {
        guard let e = findStr(key, key.strHash) else { return .null }
        return removeEntry(e)
    }

    private func findStr(_ key: PyStr, _ h: Int) -> Int? {
        let kv = Value(key).bits
        if index.isEmpty {
            for i in 0..<entries.count {
                let k = entries[i].key
                if k.bits == kv { return i }
                if entries[i].hash == h, k.isObject, let ks = k.object as? PyStr, ks.equals(key) { return i }
            }
            return nil
        }
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = Int(index[i])
            if e < 0 { return nil }
            let k = entries[e].key
            if k.bits == kv { return e }
            if entries[e].hash == h, k.isObject, let ks = k.object as? PyStr, ks.equals(key) { return e }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    // MARK: general keys

    /// Entry number holding `key`, or nil. May run user __eq__; when that
    /// changes the dict, the search starts again on what it became, as
    /// CPython's lookdict does ("the dict was mutated, restart").
    func find(_ key: Value, hash h: Int, _ rt: Runtime) throws(PyError) -> Int? {
        while true {
            let seen = version
            if let e = try findOnce(key, hash: h, rt) {
                if version == seen { return e }
            } else if version == seen {
                return nil
            }
        }
    }

    private func findOnce(_ key: Value, hash h: Int, _ rt: Runtime) throws(PyError) -> Int? {
        let seen = version
        if index.isEmpty {
            var i = 0
            while i < entries.count {
                let k = entries[i].key
                if k.bits == key.bits && !k.isFloat { return i }
                if !k.isNull && entries[i].hash == h {
                    if try rt.equals(k, key) { return i }
                    if version != seen { return nil }
                }
                i += 1
            }
            return nil
        }
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = Int(index[i])
            if e < 0 { return nil }
            let k = entries[e].key
            if k.bits == key.bits && !k.isFloat { return e }
            if !k.isNull && entries[e].hash == h {
                if try rt.equals(k, key) { return e }
                if version != seen { return nil }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    public func get(_ key: Value, _ rt: Runtime) throws(PyError) -> Value {
        let h = try rt.hash(key)
        guard let e = try find(key, hash: h, rt) else { return .null }
        return entries[e].value
    }

    public func set(_ key: Value, _ value: Value, _ rt: Runtime) throws(PyError) {
        let h = try rt.hash(key)
        if let e = try find(key, hash: h, rt) {
            entries[e].value = value
            version = counters.nextDictVersion(); mutated()
            return
        }
        appendEntry(key, h, value)
    }

    /// Removes `key`, returning its value or `.null` when absent.
    @discardableResult
    public func remove(_ key: Value, _ rt: Runtime) throws(PyError) -> Value {
        let h = try rt.hash(key)
        guard let e = try find(key, hash: h, rt) else { return .null }
        return removeEntry(e)
    }

    public func contains(_ key: Value, _ rt: Runtime) throws(PyError) -> Bool {
        try find(key, hash: try rt.hash(key), rt) != nil
    }

    public func removeAll() {
        entries.removeAll()
        index = []
        count = 0
        entriesHoldOnlyInternedStrings = true
        version = counters.nextDictVersion(); mutated()
    }

    /// Live entries in insertion order.
    public var items: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(count)
        for e in entries where !e.key.isNull { out.append((e.key, e.value)) }
        return out
    }

    public var liveKeys: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for e in entries where !e.key.isNull { out.append(e.key) }
        return out
    }

    /// The entry at position `e` (for iterators), or nil if deleted.
    func entry(at e: Int) -> (key: Value, value: Value)? {
        guard e < entries.count, !entries[e].key.isNull else { return nil }
        return (entries[e].key, entries[e].value)
    }

    func setValue(atEntry e: Int, _ v: Value) {
        entries[e].value = v
        version = counters.nextDictVersion(); mutated()
    }

    /// Removes and returns the last inserted entry (popitem).
    func popLast() -> (key: Value, value: Value)? {
        var e = entries.count - 1
        while e >= 0 && entries[e].key.isNull { e -= 1 }
        guard e >= 0 else { return nil }
        let k = entries[e].key
        let v = removeEntry(e)
        return (k, v)
    }

    // MARK: storage

    private func appendEntry(_ key: Value, _ h: Int, _ value: Value) {
        if entriesHoldOnlyInternedStrings {
            if !(key.isObject && (key.object as? PyStr)?.isInterned == true) { entriesHoldOnlyInternedStrings = false }
        }
        if index.isEmpty {
            if entries.count >= PyDict.linearLimit {
                rebuild(minimum: count + 1)
            }
        } else if (entries.count + 1) * 3 >= index.count * 2 {
            rebuild(minimum: count + 1)
        }
        let e = entries.count
        entries.append(Entry(hash: h, key: key, value: value))
        if !index.isEmpty { insertIndex(h, Int32(e)) }
        count += 1
        version = counters.nextDictVersion(); mutated()
    }

    private func removeEntry(_ e: Int) -> Value {
        let v = entries[e].value
        entries[e].key = .null
        entries[e].value = .null
        count -= 1
        version = counters.nextDictVersion(); mutated()
        if count == 0 {
            removeAll()
        } else if index.isEmpty && e == entries.count - 1 {
            entries.removeLast()
        }
        return v
    }

    private func insertIndex(_ h: Int, _ e: Int32) {
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while index[i] >= 0 {
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
        index[i] = e
    }

    /// Drops deleted entries and, past the linear limit, sizes the index for
    /// `minimum` live entries.
    private func rebuild(minimum: Int) {
        var live = ContiguousArray<Entry>()
        live.reserveCapacity(max(minimum, entries.count))
        for e in entries where !e.key.isNull { live.append(e) }
        entries = live
        if minimum <= PyDict.linearLimit {
            index = []
            return
        }
        var size = 16
        while size * 2 < minimum * 3 + 3 { size *= 2 }
        index = ContiguousArray(repeating: -1, count: size)
        for e in 0..<entries.count { insertIndex(entries[e].hash, Int32(e)) }
    }
}
