/// Dead objects of one class kept for reuse (see `Heap`'s spare strs): a
/// stack of references the heap owns, taken back one at a time by the code
/// that makes a new object of the class, which refills its fields.
struct SpareObjects<Object: AnyObject> {
    private var base: UnsafeMutablePointer<Unmanaged<Object>>?
    private var capacity = 0
    private(set) var count = 0

    var hasRoom: Bool { count < capacity }

    /// Keeps at most `newCapacity` objects (releasing any above it).
    mutating func setCapacity(_ newCapacity: Int) {
        if newCapacity == capacity { return }
        while count > newCapacity {
            count -= 1
            base![count].release()
        }
        let storage = UnsafeMutablePointer<Unmanaged<Object>>.allocate(capacity: max(newCapacity, 1))
        if let base {
            storage.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = storage
        capacity = newCapacity
    }

    /// Takes over the reference to `object` (there must be room).
    @inline(__always) mutating func keep(_ object: Unmanaged<Object>) {
        base![count] = object
        count &+= 1
    }

    /// Hands the caller a kept object's reference, or nil.
    @inline(__always) mutating func take() -> Object? {
        guard count > 0 else { return nil }
        count &-= 1
        return base![count].takeRetainedValue()
    }

    func releaseAll() {
        for i in 0..<count { base![i].release() }
        base?.deallocate()
    }
}
