/// A module: a namespace dict with a name.
public final class PyModule: PyObject {
    public let dict: PyDict
    public let name: String
    public init(type: PyType, name: String, dict: PyDict) {
        self.name = name
        self.dict = dict
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(Value(dict)) }
}
