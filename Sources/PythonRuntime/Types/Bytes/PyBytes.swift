/// `bytes` (immutable) and `bytearray` (mutable, `isMutable`).
public final class PyBytes: PyObject {
    public var bytes: [UInt8]
    public let isMutable: Bool
    public init(type: PyType, _ bytes: [UInt8], mutable: Bool) {
        self.bytes = bytes
        self.isMutable = mutable
        super.init(type: type)
    }
    public override var accountedSize: Int { 16 + ((bytes.count + 15) & ~15) }
}
