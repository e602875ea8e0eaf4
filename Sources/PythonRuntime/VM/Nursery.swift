/// The heap's nursery (see `Heap`): the values allocated since the running
/// interpreter loop was entered from Swift code, kept as roots until its next
/// safe point. Every new object is appended and every native call and safe
/// point cuts it back, so both are a store and a count here: as a
/// ContiguousArray, each append checked the buffer's uniqueness and each cut
/// went through the generic `replaceSubrange`.
struct Nursery {
    private var base: UnsafeMutablePointer<Value>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 1024
        base = .allocate(capacity: capacity)
    }

    /// Frees the storage (the owning heap is going away).
    func deallocate() { base.deallocate() }

    @inline(__always) subscript(i: Int) -> Value { base[i] }

    @inline(__always) mutating func append(_ value: Value) {
        if count == capacity { grow() }
        base[count] = value
        count &+= 1
    }

    /// Forgets everything from `floor` on.
    @inline(__always) mutating func truncate(to floor: Int) {
        if count > floor { count = max(floor, 0) }
    }

    private mutating func grow() {
        base = doubledStorage(base, count: count, capacity: &capacity)
    }
}
