/// The heap's table of the objects it owns: one word per slot, holding either
/// an object (the heap's +1 reference) or, in a free slot, the number of the
/// next free slot (shifted, with the low bit set, which no object address has).
///
/// A new object's reference moves into its slot (`insert` consumes it), so
/// registering costs no retain/release pair; the sweep reads slots as words
/// and releases only what it frees.
struct ObjectRegistry {
    private var words: UnsafeMutablePointer<UInt>
    private var capacity: Int
    /// Slots handed out so far, live or free.
    private(set) var slotCount = 0
    private(set) var freeCount = 0
    /// One more than the first free slot's number; 0 when none is free.
    private var freeHead = 0

    init() {
        capacity = 256
        words = .allocate(capacity: capacity)
    }

    /// Releases every object left (the owning heap is going away).
    func releaseAll() {
        for i in 0..<slotCount where words[i] & 1 == 0 {
            Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(bitPattern: words[i])!).release()
        }
        words.deallocate()
    }

    var objectCount: Int { slotCount - freeCount }

    /// Takes over the caller's reference to `object`.
    @inline(__always) mutating func insert(_ object: consuming PyObject) {
        let slot: Int
        if freeHead != 0 {
            slot = freeHead - 1
            freeHead = Int(words[slot] >> 1)
            freeCount -= 1
        } else {
            if slotCount == capacity { grow() }
            slot = slotCount
            slotCount += 1
        }
        UnsafeMutableRawPointer(words + slot).initializeMemory(as: PyObject.self, to: object)
    }

    private mutating func grow() {
        words = doubledStorage(words, count: slotCount, capacity: &capacity)
    }

    /// Frees every object `isLive` says is dead (it sees each object once,
    /// borrowed); returns nothing, the caller sums what it keeps.
    @inline(__always) mutating func sweep(_ isLive: (PyObject) -> Bool) {
        for i in 0..<slotCount {
            let word = words[i]
            if word & 1 != 0 { continue }
            let object = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(bitPattern: word)!)
            if object._withUnsafeGuaranteedRef(isLive) { continue }
            words[i] = UInt(freeHead) << 1 | 1
            freeHead = i + 1
            freeCount += 1
            object.release()
        }
    }
}
