/// A function defined in Python (`def`, `lambda`, comprehension bodies).
public final class PyFunction: PyObject {
    public let code: CodeObject
    public let globals: PyDict
    public var name: Value
    public var qualifiedName: Value
    /// Positional defaults (a tuple) or `.null`.
    public var defaults: Value = .null
    /// Keyword-only defaults (a dict) or `.null`.
    public var keywordDefaults: Value = .null
    /// Cells for the code's free variables (a tuple) or `.null`.
    public var closure: Value = .null
    public var module: Value = .none
    public var doc: Value = .none

    public init(type: PyType, code: CodeObject, globals: PyDict, name: Value, qualifiedName: Value) {
        self.code = code
        self.globals = globals
        self.name = name
        self.qualifiedName = qualifiedName
        super.init(type: type)
    }

    public override func traceReferences(_ visit: (Value) -> Void) {
        visit(Value(globals))
        visit(name); visit(qualifiedName); visit(defaults); visit(keywordDefaults)
        visit(closure); visit(module); visit(doc)
        code.traceReferences(visit)
    }
    public override var accountedSize: Int { 64 }
}
