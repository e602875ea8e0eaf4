/// What Swift class a type's instances are, so a user class derived from a
/// built-in type gets instances the built-in's native code can work on.
public enum InstanceLayout {
    case object          // PyInstance
    case exception       // PyBaseException
    case list, dict, set, frozenset, tuple, str, int, float, bytes, bytearray
    case notInstantiable // created only by the runtime (function, NoneType...)
    case native          // made by its type's constructor, then retyped for a subclass (StringIO)
}

/// Which Swift class a type's instances are, for the hot paths that would
/// otherwise need a dynamic cast (`as? PyFunction`) to find out.
public enum InstanceKind: UInt8 {
    case instance, type, module, superObject, function, nativeFunction, boundMethod
    case list, tuple, dict, str, set, bytes, exception, generator, property, other
}

/// A Python class: built-in (`int`, `list`...) or defined by a `class` statement.
public final class PyType: PyObject {
    /// Which Swift class this type's instances are (subclasses inherit their base's).
    public var instanceKind: InstanceKind = .other
    public var name: String
    public var qualifiedName: String
    /// Direct bases, in declaration order.
    public var bases: [PyType] = []
    /// Method resolution order (C3), starting with this type.
    public var mro: [PyType] = []
    /// The class namespace.
    public var dict: PyDict! {
        didSet {
            dict?.isTypeNamespace = true
            counters.typeEpoch &+= 1
        }
    }
    public var layout: InstanceLayout = .object
    /// True for types whose attributes Python code may not set (built-ins).
    public var isBuiltin = false
    /// Whether `class X(ThisType)` is allowed.
    public var isSubclassable = true
    /// Instances carry a __dict__ for attributes (user classes).
    public var instancesHaveDict = false
    /// Set when this type or a base defines the named special method in Python
    /// code (or a native slot); lets the VM skip lookups for plain instances.
    /// For a built-in type, the native function `type(...)` calls to make an instance.
    var constructor: PyNativeFunction?
    var definesGetattribute = false
    var definesGetattr = false
    var definesSetattr = false
    /// Direct-mapped cache of `lookup` results for interned names, valid while
    /// `cacheEpoch == counters.typeEpoch` (any change to any class dict of this
    /// runtime bumps the epoch).
    private let cacheNames = UnsafeMutablePointer<UInt>.allocate(capacity: PyType.cacheSize)
    private let cacheValues = UnsafeMutablePointer<Value>.allocate(capacity: PyType.cacheSize)
    private var cacheEpoch: UInt64 = 0
    static let cacheSize = 32
    /// This runtime's cache stamps (shared by all its types and dicts).
    let counters: CacheCounters

    deinit {
        cacheNames.deallocate()
        cacheValues.deallocate()
    }

    /// A type whose type is `metatype` (`type` or a metaclass), in the metatype's runtime.
    public convenience init(metatype: PyType, name: String) {
        self.init(type: metatype, name: name, counters: metatype.counters)
    }

    /// `type` itself, the first type of a runtime: its own type.
    convenience init(rootNamed name: String, counters: CacheCounters) {
        self.init(type: nil, name: name, counters: counters)
    }

    private init(type metatype: PyType?, name: String, counters: CacheCounters) {
        self.name = name
        self.qualifiedName = name
        self.counters = counters
        cacheNames.initialize(repeating: 0, count: PyType.cacheSize)
        cacheValues.initialize(repeating: .null, count: PyType.cacheSize)
        super.init(type: metatype ?? PyType.placeholder)
        if metatype == nil { self.type = self }
    }

    /// Only used while `type` itself is being made.
    private static let placeholder: PyType = unsafeBitCast(PlaceholderBox.shared, to: PyType.self)

    public override func traceReferences(_ visit: (Value) -> Void) {
        if let dict { visit(Value(dict)) }
        for b in bases { visit(Value(b)) }
        for m in mro { visit(Value(m)) }
    }

    public override var accountedSize: Int { 96 }

    /// Is `self` the same as `other` or a subclass of it?
    @inline(__always) public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        for t in mro where t === other { return true }
        return false
    }

    /// The epoch inline caches of this runtime's attribute sites are checked
    /// against: it moves on with any change to any class namespace.
    @inline(__always) var attributeEpoch: UInt64 { counters.typeEpoch }

    /// Looks `name` up along the MRO (no descriptors applied). `.null` if absent.
    @inline(__always)
    public func lookup(_ name: PyStr) -> Value {
        guard name.isInterned else { return lookupUncached(name) }
        let epoch = counters.typeEpoch
        if cacheEpoch != epoch {
            cacheNames.update(repeating: 0, count: PyType.cacheSize)
            cacheEpoch = epoch
        }
        let key = UInt(bitPattern: unsafeBitCast(name, to: Int.self))
        let slot = Int((key >> 4) & UInt(PyType.cacheSize - 1))
        if cacheNames[slot] == key { return cacheValues[slot] }
        let v = lookupUncached(name)
        cacheNames[slot] = key
        cacheValues[slot] = v
        return v
    }

    func lookupUncached(_ name: PyStr) -> Value {
        for t in mro {
            let v = t.dict.getStr(name)
            if !v.isNull { return v }
        }
        return .null
    }

    /// Computes the C3 linearisation of this type's bases into `mro`.
    /// Returns false when no consistent order exists.
    func computeMRO() -> Bool {
        if bases.isEmpty {
            mro = [self]
            return true
        }
        var sequences: [[PyType]] = bases.map { $0.mro } + [bases]
        var result: [PyType] = [self]
        while true {
            sequences.removeAll { $0.isEmpty }
            if sequences.isEmpty { break }
            var candidate: PyType?
            for seq in sequences {
                let head = seq[0]
                let inTail = sequences.contains { s in s.dropFirst().contains { $0 === head } }
                if !inTail { candidate = head; break }
            }
            guard let next = candidate else { return false }
            result.append(next)
            for i in sequences.indices where sequences[i].first === next {
                sequences[i].removeFirst()
            }
        }
        mro = result
        return true
    }

    /// The nearest built-in type in the MRO whose layout this type's instances use.
    var solidBase: PyType {
        for t in mro where t.isBuiltin { return t }
        return self
    }
}

/// A bare object whose address stands in for `type` until it exists.
private final class PlaceholderBox { static let shared = PlaceholderBox() }

/// `type.lookup(name)` without retaining `type`. Calling a method on a reference
/// the hot paths hold `unowned(unsafe)`, or passing it to a function, makes Swift
/// retain and release it around the call, an atomic pair per attribute access
/// (callgrind, objects benchmark: 2M of them in findAttribute alone). Callers
/// write `typeLookup(.passUnretained(type), name)`: `passUnretained` is
/// transparent, so the reference crosses as a plain word and is borrowed here.
@inline(__always)
func typeLookup(_ type: Unmanaged<PyType>, _ name: PyStr) -> Value {
    type._withUnsafeGuaranteedRef { $0.lookup(name) }
}
