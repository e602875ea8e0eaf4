/// `list`: a mutable sequence.
public final class PyList: PyObject {
    public var items: ContiguousArray<Value>
    public init(type: PyType, _ items: ContiguousArray<Value> = []) {
        self.items = items
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { for v in items { visit(v) } }
    public override var accountedSize: Int { 32 + items.capacity * 8 }

    /// Lets go of the items of a dead list, keeping small storage for its reuse.
    func empty() { items.removeSpareItems() }
}

extension ContiguousArray where Element == Value {
    /// Empties a dead list's or tuple's items for its reuse: storage of up to
    /// eight items is kept (most lists and tuples made again are that small),
    /// larger storage freed.
    mutating func removeSpareItems() {
        if capacity <= 8 { removeAll(keepingCapacity: true) } else { self = [] }
    }
}
