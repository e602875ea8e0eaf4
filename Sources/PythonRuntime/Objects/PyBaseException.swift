/// An exception instance (BaseException and every subclass, built-in or not).
public final class PyBaseException: PyObject {
    /// A tuple.
    public var args: Value
    public var context: Value = .none
    public var cause: Value = .none
    public var suppressContext = false
    /// Frames the exception passed through, innermost last, as tracebacks print them.
    public var traceback: [TracebackEntry] = []
    /// The frame that added the last traceback entry, so a frame adds one entry per pass.
    var tracebackFrame: ObjectIdentifier?
    /// True while a Python `__init__` runs before BaseException.__init__ did:
    /// MicroPython's native part does not exist yet, so raising it is a
    /// TypeError (py/objtype.c, native_base_init_wrapper; py/runtime.c, mp_make_raise_obj).
    var incomplete = false

    public init(type: PyType, args: Value) {
        self.args = args
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) {
        visit(args); visit(context); visit(cause)
    }
    public override var accountedSize: Int { 48 }
}

/// One line of a traceback: `File "name", line N, in function`.
public struct TracebackEntry: Equatable {
    public var filename: String
    public var line: Int
    public var function: String
}

/// A Python exception travelling through Swift code.
public struct PyError: Error {
    public let exception: PyBaseException
    public init(_ exception: PyBaseException) { self.exception = exception }
}
