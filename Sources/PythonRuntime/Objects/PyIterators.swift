/// The iterator kinds the VM advances natively in `forIter` without calling `__next__`.
public final class PySequenceIterator: PyObject {
    public enum Kind { case list, tuple, str, bytes, range, dictKeys, dictValues, dictItems, set, callable }
    public let kind: Kind
    /// The list, tuple, str, bytes, dict or set being iterated (or the callable).
    public let source: Value
    public var position: Int = 0
    /// For ranges: the next value and the step; for dicts: the version when made,
    /// so changes during iteration are caught. For `iter(callable, sentinel)`: unused.
    public var current: Int = 0
    public var step: Int = 0
    public var remaining: Int = 0
    /// For `iter(callable, sentinel)`.
    public var sentinel: Value = .null

    public init(type: PyType, kind: Kind, source: Value) {
        self.kind = kind
        self.source = source
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(source); visit(sentinel) }
}
