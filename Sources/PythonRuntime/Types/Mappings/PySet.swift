/// `set` and `frozenset`: a hash table of keys, kept as a dict whose values are unused.
public final class PySet: PyObject {
    public let storage: PyDict
    public init(type: PyType, storage: PyDict) {
        self.storage = storage
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(Value(storage)) }
    public override var accountedSize: Int { 16 }
}
