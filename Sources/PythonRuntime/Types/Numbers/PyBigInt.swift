import BigInt

/// An `int` too large for a small-int Value (beyond 48 bits).
public final class PyBigInt: PyObject {
    /// The value. For one that fits 64 bits it is made when asked for: most
    /// such ints only pass through machine arithmetic, and BigInt's generic
    /// conversion from Int showed at 10 % of a generator pipeline's time.
    public var value: BigInt {
        if let i = exactInt { return BigInt(i) }
        return big!
    }
    private let big: BigInt?
    /// The value as an Int, or nil when it does not fit in 64 bits: ints
    /// between 48 and 64 bits (products of 32-bit masks, CRCs, timestamps in
    /// microseconds) calculate in machine arithmetic (`machineIntBinary`).
    public let exactInt: Int?
    public init(type: PyType, _ value: BigInt) {
        exactInt = Int(exactly: value)
        big = exactInt == nil ? value : nil
        super.init(type: type)
    }
    public init(type: PyType, machine: Int) {
        exactInt = machine
        big = nil
        super.init(type: type)
    }
    public override var accountedSize: Int { 16 + (exactInt != nil ? 8 : big!.words.count * 8) }
}
