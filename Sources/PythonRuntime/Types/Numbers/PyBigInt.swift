import BigInt

/// An `int` too large for a small-int Value (beyond 48 bits).
public final class PyBigInt: PyObject {
    public let value: BigInt
    public init(type: PyType, _ value: BigInt) {
        self.value = value
        super.init(type: type)
    }
    public override var accountedSize: Int { 16 + value.words.count * 8 }
    /// The value as an Int, or nil when it does not fit in 64 bits.
    public var exactInt: Int? { Int(exactly: value) }
}
