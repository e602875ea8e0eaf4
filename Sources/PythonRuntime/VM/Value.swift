// A Python value in one trivially copyable 64-bit word (NaN boxing).
//
// Every double except NaNs is stored as its own bits; NaNs are canonicalised to
// 0x7FF8_0000_0000_0000. Everything else lives in the negative quiet-NaN space,
// which no canonical double uses:
//
//   0xFFF9 << 48 | payload   small int, 48-bit two's complement payload
//   0xFFFA << 48 | pointer   heap object (Unmanaged<PyObject>, not retained)
//   0xFFFB << 48 | n         singleton n: None, False, True, Ellipsis, NotImplemented, NULL
//
// Copying a Value never touches ARC: objects are kept alive by the Heap, which a
// mark-sweep collector prunes (see Heap.swift).

public struct Value: Equatable {
    public var bits: UInt64

    @inline(__always) init(bits: UInt64) { self.bits = bits }

    static let intTag: UInt64 = 0xFFF9 << 48
    static let objectTag: UInt64 = 0xFFFA << 48
    static let singletonTag: UInt64 = 0xFFFB << 48
    static let tagMask: UInt64 = 0xFFFF << 48
    static let payloadMask: UInt64 = (1 << 48) - 1
    /// Values at or above this are tagged; below are doubles.
    static let firstTagged: UInt64 = 0xFFF9 << 48
    static let canonicalNaN: UInt64 = 0x7FF8_0000_0000_0000

    /// The range of ints stored inline; others are `PyBigInt` objects.
    public static let smallIntMin = -(1 << 47)
    public static let smallIntMax = (1 << 47) - 1

    public static let none = Value(bits: singletonTag | 0)
    public static let `false` = Value(bits: singletonTag | 1)
    public static let `true` = Value(bits: singletonTag | 2)
    public static let ellipsis = Value(bits: singletonTag | 3)
    public static let notImplemented = Value(bits: singletonTag | 4)
    /// "No value": an unset local, an empty cell, a missing dict slot. Never seen by Python code.
    public static let null = Value(bits: singletonTag | 5)

    // MARK: floats

    @inline(__always) public init(float d: Double) {
        bits = d.isNaN ? Value.canonicalNaN : d.bitPattern
    }
    @inline(__always) public var isFloat: Bool { bits < Value.firstTagged }
    @inline(__always) public var asFloat: Double { Double(bitPattern: bits) }

    // MARK: small ints

    /// A small int; the caller guarantees `Value.fitsSmall(i)`.
    @inline(__always) public init(small i: Int) {
        bits = Value.intTag | (UInt64(bitPattern: Int64(i)) & Value.payloadMask)
    }
    @inline(__always) public static func fitsSmall(_ i: Int) -> Bool {
        i >= smallIntMin && i <= smallIntMax
    }
    @inline(__always) public var isSmallInt: Bool { bits & Value.tagMask == Value.intTag }
    /// The int payload, sign-extended from 48 bits.
    @inline(__always) public var asSmallInt: Int { Int(Int64(bitPattern: bits << 16) >> 16) }

    // MARK: singletons

    @inline(__always) public init(bool b: Bool) { self = b ? .true : .false }
    @inline(__always) public var isNone: Bool { bits == Value.none.bits }
    @inline(__always) public var isNull: Bool { bits == Value.null.bits }
    @inline(__always) public var isBool: Bool { bits == Value.true.bits || bits == Value.false.bits }
    @inline(__always) public var isSingleton: Bool { bits & Value.tagMask == Value.singletonTag }

    // MARK: objects

    @inline(__always) public init(_ object: PyObject) {
        bits = Value.objectTag | UInt64(UInt(bitPattern: unsafeBitCast(object, to: Int.self)))
    }
    @inline(__always) public var isObject: Bool { bits & Value.tagMask == Value.objectTag }
    /// The object this value refers to; only valid when `isObject`.
    @inline(__always) public var object: PyObject {
        // A bit cast, not Unmanaged: the reference comes back at +0 and the
        // optimizer can often skip retaining it at all.
        unsafeBitCast(UInt(bits & Value.payloadMask), to: PyObject.self)
    }
    /// Runs `body` on the object, borrowed. An object taken out by `object` and
    /// handed to a function is retained around the call (an atomic pair, on
    /// every attribute access when the object is the attribute's name); through
    /// `Unmanaged` it crosses as a plain word. The object must be a `T`.
    @inline(__always)
    func withBorrowed<T: PyObject, R>(_: T.Type, _ body: (T) throws(PyError) -> R) throws(PyError) -> R {
        try borrowedReference(T.self)._withUnsafeGuaranteedRef { o in Result { () throws(PyError) in try body(o) } }.get()
    }

    /// `withBorrowed` for a body that cannot throw: no `try`, and no Result
    /// around the body (which cost some ten instructions a call even when the
    /// error type was Never).
    @inline(__always)
    func withBorrowed<T: PyObject, R>(_: T.Type, _ body: (T) -> R) -> R {
        borrowedReference(T.self)._withUnsafeGuaranteedRef(body)
    }

    @inline(__always) private func borrowedReference<T: PyObject>(_: T.Type) -> Unmanaged<T> {
        Unmanaged<T>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(bits & Value.payloadMask))!)
    }

    /// The object as `T` if it is one (exact class or subclass).
    @inline(__always) public func `as`<T: PyObject>(_: T.Type) -> T? {
        guard isObject else { return nil }
        return object as? T
    }

    /// Identity, as Python's `is`.
    @inline(__always) public static func === (a: Value, b: Value) -> Bool { a.bits == b.bits }
}
