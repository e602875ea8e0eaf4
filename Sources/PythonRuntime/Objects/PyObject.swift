/// The base of every heap object. Subclasses are `final` Swift classes, one per
/// Python type family (PyList, PyDict, PyFunction...); instances of user classes
/// are `PyInstance`. References between objects are `Value`s, which the Heap's
/// collector traces with `traceReferences`.
open class PyObject {
    /// The object's Python type. Types live as long as the runtime.
    public unowned(unsafe) var type: PyType
    /// Set by the collector's mark phase.
    var marked = false
    /// The instance's `__dict__` (a PyDict) when its class gives instances one, else `.null`.
    public var instanceDict: Value = .null

    public init(type: PyType) { self.type = type }

    /// Calls `visit` on every Value this object holds, so the collector can mark them.
    open func traceReferences(_ visit: (Value) -> Void) {}

    /// Approximate size in bytes, as MicroPython would account it (for gc.mem_alloc).
    open var accountedSize: Int { 16 }
}

/// Identity of two objects. The standard library's `===` takes optional
/// AnyObjects and is called out of line, so each use retained and released
/// both operands (`x.type === types.str` on every sort comparison); this one
/// compares the addresses in place.
@inline(__always) public func === (a: PyObject, b: PyObject) -> Bool {
    unsafeBitCast(a, to: UInt.self) == unsafeBitCast(b, to: UInt.self)
}

@inline(__always) public func !== (a: PyObject, b: PyObject) -> Bool {
    unsafeBitCast(a, to: UInt.self) != unsafeBitCast(b, to: UInt.self)
}
