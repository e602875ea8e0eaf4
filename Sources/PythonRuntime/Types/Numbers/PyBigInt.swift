import BigInt

/// An `int` too large for a small-int Value (beyond 48 bits).
public final class PyBigInt: PyObject {
    public let value: BigInt
    /// The value as an Int, or nil when it does not fit in 64 bits: ints
    /// between 48 and 64 bits (products of 32-bit masks, CRCs, timestamps in
    /// microseconds) calculate in machine arithmetic (`machineIntBinary`).
    public let exactInt: Int?
    public init(type: PyType, _ value: BigInt) {
        self.value = value
        exactInt = Int(exactly: value)
        super.init(type: type)
    }
    public override var accountedSize: Int { 16 + value.words.count * 8 }
}
