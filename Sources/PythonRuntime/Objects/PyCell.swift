/// A cell: the box a closure shares with the function that defined a variable.
public final class PyCell: PyObject {
    public var contents: Value
    public init(type: PyType, _ contents: Value = .null) {
        self.contents = contents
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(contents) }
}
