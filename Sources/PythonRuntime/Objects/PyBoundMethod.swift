/// A function bound to an object: calling it passes `receiver` first.
public final class PyBoundMethod: PyObject {
    public let function: Value
    public let receiver: Value
    public init(type: PyType, function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(function); visit(receiver) }
}
