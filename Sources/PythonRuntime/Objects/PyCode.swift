/// A code object as a Python value (what `makeFunction` finds among constants).
public final class PyCode: PyObject {
    public let code: CodeObject
    public init(type: PyType, _ code: CodeObject) {
        self.code = code
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { code.traceReferences(visit) }
}

extension CodeObject {
    func traceReferences(_ visit: (Value) -> Void) {
        for v in constantValues { visit(v) }
        for v in nameValues { visit(v) }
    }
}
