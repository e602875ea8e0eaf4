/// The iterator kinds the VM advances natively in `forIter` without calling `__next__`.
/// One step of a range iterator, for FOR_ITER's fast path.
enum RangeStep: Equatable {
    case value(Int), exhausted, notARange
}

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

extension PySequenceIterator {
    /// Advances a range iterator by one; `.notARange` for the other kinds.
    @inline(__always)
    func rangeStep() -> RangeStep {
        guard kind == .range else { return .notARange }
        guard remaining > 0 else { return .exhausted }
        remaining -= 1
        let v = current
        current &+= step
        return .value(v)
    }
}
