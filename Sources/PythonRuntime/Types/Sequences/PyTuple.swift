/// `tuple`: an immutable sequence.
public final class PyTuple: PyObject {
    public private(set) var items: ContiguousArray<Value>
    public init(type: PyType, _ items: ContiguousArray<Value>) {
        self.items = items
        super.init(type: type)
    }

    /// Makes this tuple, dead and emptied (see `Heap`'s spare objects), a new
    /// one of `values`, in the storage it kept when it can.
    func refill(_ values: UnsafeBufferPointer<Value>) {
        items.append(contentsOf: values)
    }

    /// Lets go of the items of a dead tuple, keeping small storage for its reuse.
    func empty() { items.removeSpareItems() }
    public override func traceReferences(_ visit: (Value) -> Void) { for v in items { visit(v) } }
    public override var accountedSize: Int { 16 + items.count * 8 }
}
