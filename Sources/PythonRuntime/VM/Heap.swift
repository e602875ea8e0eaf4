/// The runtime's heap: owns every Python object, accounts their sizes against a
/// limit the host sets (a board's RAM), and frees unreachable objects with a
/// mark-sweep collector that also frees cycles (as MicroPython's gc.c does).
///
/// Objects are Swift classes kept alive by `registry`; Values refer to them
/// without retaining. The collector runs only at interpreter safe points, where
/// every live value is in a frame, an object, a root, or the nursery: the
/// objects allocated since the current interpreter loop was entered from Swift
/// code, which that Swift code may still hold in locals.
final class Heap {
    /// Every object the heap owns.
    private var registry = ObjectRegistry()
    /// Objects never freed that may refer to collectable ones (types, dicts,
    /// modules...), traced as roots.
    private(set) var permanent: ContiguousArray<PyObject> = []
    /// Objects never freed that refer to nothing collectable (interned strings,
    /// constant ints and bytes, native functions): kept alive, never traced.
    private var permanentLeaves: ContiguousArray<PyObject> = []
    /// Recently allocated objects that count as roots (see the type comment).
    var nursery = Nursery()
    /// Arrays of values native code took out of a container and still works
    /// through while it runs Python code (`iterateToArray` of a list whose
    /// items a `__hash__` may remove): roots like the nursery, each at the
    /// nursery position of a placeholder, and dropped when that is trimmed.
    private var heldArrays: [(position: Int, values: [Value])] = []

    /// Keeps `values` alive as the nursery keeps an object (sharing, not copying, them).
    func hold(_ values: [Value]) {
        heldArrays.append((nursery.count, values))
        nursery.append(.none)
    }

    /// Forgets the nursery from `floor` on (with the arrays held there).
    @inline(__always) func trimNursery(to floor: Int) {
        nursery.truncate(to: floor)
        if !heldArrays.isEmpty { dropHeldArrays(from: floor) }
    }

    private func dropHeldArrays(from floor: Int) {
        while let last = heldArrays.last, last.position >= floor { heldArrays.removeLast() }
    }

    /// Bytes in use, as accounted by `PyObject.accountedSize` at allocation and
    /// recounted by each collection.
    private(set) var bytesInUse = 0
    private(set) var bytesSinceCollection = 0
    /// The heap's size, as the board's `gc.mem_free() + gc.mem_alloc()`.
    var limit: Int
    /// Collect when this many bytes were allocated since the last collection
    /// (`gc.threshold()`); -1 means only when the heap is full.
    var threshold: Int = -1
    var enabled = true
    private(set) var collections = 0
    private var liveAfterCollection = 0
    /// The most the heap held at a collection (where its peaks are), for reports.
    private(set) var peakAtCollection = 0
    /// The longest collection so far, host nanoseconds.
    var longestCollectionNanoseconds: UInt64 = 0

    init(limit: Int) { self.limit = limit }

    deinit {
        registry.releaseAll()
        nursery.deallocate()
    }

    var objectCount: Int { registry.objectCount }

    /// While above 0, new objects go to flash, not the heap (see `Runtime.romModules`):
    /// never freed, traced as roots, not counted against the limit.
    var romDepth = 0

    /// Takes ownership of a new object, which the caller hands over (its +1
    /// becomes the registry's, with no retain/release pair), and returns it as
    /// a Value. The caller checked capacity with `reserve`.
    @inline(__always) func adopt(_ object: consuming PyObject) -> Value {
        let value = Value(bits: Value.objectTag | UInt64(UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque())))
        if romDepth != 0 {
            permanent.append(object)
            return value
        }
        let size = object.accountedSize
        bytesInUse &+= size
        bytesSinceCollection &+= size
        nursery.append(value)
        registry.insert(object)
        return value
    }

    /// Takes ownership of a new object the caller goes on using. The caller
    /// checked capacity with `reserve`.
    @inline(__always) func register(_ object: PyObject) {
        _ = adopt(object)
    }

    func makePermanent(_ object: PyObject) {
        switch object {
        case is PyStr, is PyBigInt, is PyBytes:
            object.marked = true
            permanentLeaves.append(object)
        case let f as PyNativeFunction where f.boundSelf.isNull:
            // Its owner type is permanent too.
            object.marked = true
            permanentLeaves.append(object)
        default:
            permanent.append(object)
        }
    }

    /// True when a collection is due at the next safe point.
    @inline(__always) var wantsCollection: Bool {
        guard enabled else { return bytesInUse > limit }
        if threshold >= 0 && bytesSinceCollection >= threshold { return true }
        // Collect after allocating twice what survived the last collection (at
        // least 4 MiB, at most a quarter of the heap): the work stays proportional
        // to what is allocated, and freed memory is reused while it is warm.
        let pace = min(max(liveAfterCollection * 2, 4 << 20), max(limit / 4, 16 * 1024))
        return bytesInUse > limit || bytesSinceCollection > pace
    }

    /// Can `bytes` more be allocated without going over the limit?
    func hasRoom(for bytes: Int) -> Bool { bytes <= limit && bytesInUse <= limit - bytes }

    /// Marks from `roots` (plus permanent objects and the nursery below
    /// `nurseryFloor`) and frees everything unmarked. Returns bytes freed.
    @discardableResult
    func collect(nurseryFloor: Int, roots: ((Value) -> Void) -> Void) -> Int {
        collections += 1
        peakAtCollection = max(peakAtCollection, bytesInUse)
        var stack: ContiguousArray<Unmanaged<PyObject>> = []
        stack.reserveCapacity(256)
        let visit: (Value) -> Void = { v in
            guard v.isObject else { return }
            let o = Unmanaged<PyObject>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(v.bits & Value.payloadMask))!)
            o._withUnsafeGuaranteedRef { object in
                if !object.marked {
                    object.marked = true
                    stack.append(o)
                }
            }
        }
        for o in permanent where !o.marked {
            o.marked = true
            stack.append(Unmanaged.passUnretained(o))
        }
        for i in 0..<min(nurseryFloor, nursery.count) { visit(nursery[i]) }
        for held in heldArrays where held.position < nurseryFloor {
            for v in held.values { visit(v) }
        }
        roots(visit)
        while let u = stack.popLast() {
            u._withUnsafeGuaranteedRef { o in
                let type = o.type
                if !type.marked {
                    type.marked = true
                    stack.append(Unmanaged.passUnretained(type))
                }
                visit(o.instanceDict)
                o.traceReferences(visit)
            }
        }
        // Sweep.
        var live = 0
        registry.sweep { o in
            if o.marked {
                o.marked = false
                live &+= o.accountedSize
                return true
            }
            return false
        }
        for o in permanent { o.marked = false }
        trimNursery(to: nurseryFloor)
        let freed = max(0, bytesInUse - live)
        bytesInUse = live
        liveAfterCollection = live
        bytesSinceCollection = 0
        return freed
    }
}
