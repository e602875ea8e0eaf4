/// `tuple`: an immutable sequence.
public final class PyTuple: PyObject {
    public let items: ContiguousArray<Value>
    public init(type: PyType, _ items: ContiguousArray<Value>) {
        self.items = items
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { for v in items { visit(v) } }
    public override var accountedSize: Int { 16 + items.count * 8 }
}
