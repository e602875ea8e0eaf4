/// `memoryview`: a window (`start`, `count`) onto a bytes or bytearray object.
/// Slicing makes a new view over the same base; nothing is copied.
public final class PyMemoryView: PyObject {
    public let base: PyBytes
    public let start: Int
    public let count: Int
    public let readonly: Bool
    public var released = false
    public init(type: PyType, base: PyBytes, start: Int, count: Int, readonly: Bool) {
        self.base = base
        self.start = start
        self.count = count
        self.readonly = readonly
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(Value(base)) }
    public override var accountedSize: Int { 32 }
}
