/// `dict`: an insertion-ordered hash table (CPython's compact layout): entries in
/// insertion order, and an open-addressing index of entry numbers.
public final class PyDict: PyObject {
    private(set) var keys: ContiguousArray<Value> = []
    private(set) var values: ContiguousArray<Value> = []
    private var hashes: ContiguousArray<Int> = []
    /// Entry number per index slot; -1 empty. Deleted entries keep their slot and
    /// have a `.null` key, so probing continues past them.
    private var index: ContiguousArray<Int32>
    public private(set) var count = 0
    /// Changes on every mutation, to a value no dict has had before, so an inline
    /// cache that saw (dict, version) knows the dict still holds what it saw.
    var version: UInt64 = PyDict.nextVersion()
    nonisolated(unsafe) private static var versionCounter: UInt64 = 0
    @inline(__always) static func nextVersion() -> UInt64 {
        versionCounter &+= 1
        return versionCounter
    }

    public init(type: PyType, capacity: Int = 0) {
        var size = 8
        while size * 2 < capacity * 3 { size *= 2 }
        index = ContiguousArray(repeating: -1, count: size)
        super.init(type: type)
    }

    public override func traceReferences(_ visit: (Value) -> Void) {
        for k in keys { visit(k) }
        for v in values { visit(v) }
    }

    public override var accountedSize: Int { 32 + keys.capacity * 24 + index.count * 4 }

    /// Entry positions 0..<entryCount, some of them deleted (key `.null`).
    var entryCount: Int { keys.count }

    // MARK: string keys (attributes, globals): no user code can run

    /// Value for a str key, or `.null`. Compares interned strings by identity first.
    @inline(__always) public func getStr(_ key: PyStr) -> Value {
        let h = key.strHash
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = Int(index[i])
            if e < 0 { return .null }
            let k = keys[e]
            if k.bits == Value(key).bits { return values[e] }
            if hashes[e] == h, k.isObject, let ks = k.object as? PyStr, ks.equals(key) {
                return values[e]
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    /// Sets a str key (attributes, globals).
    public func setStr(_ key: PyStr, _ value: Value) {
        let h = key.strHash
        if let e = findStr(key, h) {
            values[e] = value
            version = PyDict.nextVersion()
            return
        }
        appendEntry(Value(key), h, value)
    }

    @discardableResult
    public func removeStr(_ key: PyStr) -> Value {
        guard let e = findStr(key, key.strHash) else { return .null }
        return removeEntry(e)
    }

    private func findStr(_ key: PyStr, _ h: Int) -> Int? {
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = Int(index[i])
            if e < 0 { return nil }
            let k = keys[e]
            if k.bits == Value(key).bits { return e }
            if hashes[e] == h, k.isObject, let ks = k.object as? PyStr, ks.equals(key) { return e }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    // MARK: general keys

    /// Entry number holding `key`, or nil. May run user __eq__.
    func find(_ key: Value, hash h: Int, _ rt: Runtime) throws(PyError) -> Int? {
        let mask = index.count - 1
        var i = h & mask
        var perturb = UInt(bitPattern: h)
        while true {
            let e = Int(index[i])
            if e < 0 { return nil }
            let k = keys[e]
            if k.bits == key.bits && !k.isFloat { return e }
            if !k.isNull && hashes[e] == h {
                if try rt.equals(k, key) { return e }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
        }
    }

    public func get(_ key: Value, _ rt: Runtime) throws(PyError) -> Value {
        let h = try rt.hash(key)
        guard let e = try find(key, hash: h, rt) else { return .null }
        return values[e]
    }

    public func set(_ key: Value, _ value: Value, _ rt: Runtime) throws(PyError) {
        let h = try rt.hash(key)
        if let e = try find(key, hash: h, rt) {
            values[e] = value
            version = PyDict.nextVersion()
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
        keys.removeAll()
        values.removeAll()
        hashes.removeAll()
        index = ContiguousArray(repeating: -1, count: 8)
        count = 0
        version = PyDict.nextVersion()
    }

    /// Live entries in insertion order.
    public var items: [(key: Value, value: Value)] {
        var out: [(key: Value, value: Value)] = []
        out.reserveCapacity(count)
        for e in 0..<keys.count where !keys[e].isNull { out.append((keys[e], values[e])) }
        return out
    }

    public var liveKeys: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for k in keys where !k.isNull { out.append(k) }
        return out
    }

    /// The entry at position `e` (for iterators), or nil if deleted.
    func entry(at e: Int) -> (key: Value, value: Value)? {
        guard e < keys.count, !keys[e].isNull else { return nil }
        return (keys[e], values[e])
    }

    func setValue(atEntry e: Int, _ v: Value) {
        values[e] = v
        version = PyDict.nextVersion()
    }

    /// Removes and returns the last inserted entry (popitem).
    func popLast() -> (key: Value, value: Value)? {
        var e = keys.count - 1
        while e >= 0 && keys[e].isNull { e -= 1 }
        guard e >= 0 else { return nil }
        let k = keys[e]
        let v = removeEntry(e)
        return (k, v)
    }

    // MARK: storage

    private func appendEntry(_ key: Value, _ h: Int, _ value: Value) {
        if (keys.count + 1) * 3 >= index.count * 2 { rebuild(minimum: count + 1) }
        let e = keys.count
        keys.append(key)
        values.append(value)
        hashes.append(h)
        insertIndex(h, Int32(e))
        count += 1
        version = PyDict.nextVersion()
    }

    private func removeEntry(_ e: Int) -> Value {
        let v = values[e]
        keys[e] = .null
        values[e] = .null
        count -= 1
        version = PyDict.nextVersion()
        if count == 0 { removeAll() }
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

    /// Drops deleted entries and sizes the index for `minimum` live entries.
    private func rebuild(minimum: Int) {
        var size = 8
        while size * 2 < minimum * 3 + 3 { size *= 2 }
        var newKeys = ContiguousArray<Value>()
        var newValues = ContiguousArray<Value>()
        var newHashes = ContiguousArray<Int>()
        newKeys.reserveCapacity(count)
        newValues.reserveCapacity(count)
        newHashes.reserveCapacity(count)
        for e in 0..<keys.count where !keys[e].isNull {
            newKeys.append(keys[e])
            newValues.append(values[e])
            newHashes.append(hashes[e])
        }
        keys = newKeys
        values = newValues
        hashes = newHashes
        index = ContiguousArray(repeating: -1, count: size)
        for e in 0..<keys.count { insertIndex(hashes[e], Int32(e)) }
    }
}
