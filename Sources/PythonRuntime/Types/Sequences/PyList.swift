/// `list`: a mutable sequence.
public final class PyList: PyObject {
    public var items: ContiguousArray<Value>
    public init(type: PyType, _ items: ContiguousArray<Value> = []) {
        self.items = items
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { for v in items { visit(v) } }
    public override var accountedSize: Int { 32 + items.capacity * 8 }
}
