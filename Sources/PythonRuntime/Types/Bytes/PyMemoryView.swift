/// `memoryview`: a window (`start`, `count`, in bytes) onto a bytes or bytearray
/// object, or an array's packed buffer, read as items of `format` (an array
/// typecode; `B` for bytes). Slicing makes a new view over the same base.
public final class PyMemoryView: PyObject {
    public let base: PyBytes
    public let start: Int
    public let count: Int
    public let readonly: Bool
    public var released = false
    /// The item format (an array typecode) and its size in bytes.
    public var format: Character = "B"
    public var itemsize = 1
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
