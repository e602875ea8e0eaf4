/// `property`: a data descriptor built from getter, setter and deleter functions.
public final class PyProperty: PyObject {
    public var getter: Value = .none
    public var setter: Value = .none
    public var deleter: Value = .none
    public var doc: Value = .none
    public override func traceReferences(_ visit: (Value) -> Void) {
        visit(getter); visit(setter); visit(deleter); visit(doc)
    }
}

/// `classmethod` and `staticmethod`: wrappers that change how a function binds.
public final class PyMethodWrapper: PyObject {
    public let function: Value
    public init(type: PyType, function: Value) {
        self.function = function
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(function) }
}

/// `super()`: attribute lookup that starts after `startType` in the MRO of `object`'s type.
public final class PySuper: PyObject {
    public let startType: PyType
    public let receiver: Value
    /// The type whose MRO is searched (type(receiver), or receiver itself for classes).
    public let receiverType: PyType
    public init(type: PyType, startType: PyType, receiver: Value, receiverType: PyType) {
        self.startType = startType
        self.receiver = receiver
        self.receiverType = receiverType
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) {
        visit(Value(startType)); visit(receiver); visit(Value(receiverType))
    }
}
