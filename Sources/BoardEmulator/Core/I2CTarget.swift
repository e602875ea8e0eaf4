/// A device on an I2C bus, as the controller sees it (the protocol of
/// transactions, not of bits). One transaction is a START, the address byte,
/// then either writes or reads, then a STOP or a repeated START.
public protocol I2CTarget: AnyObject {
    /// The 7-bit address the device answers to.
    var address: UInt8 { get }
    /// A write transaction: the controller sends `bytes` (possibly empty: a probe).
    /// Returns how many bytes were acknowledged (all of them for a device that
    /// accepts the write).
    func i2cWrite(_ bytes: [UInt8]) -> Int
    /// A read transaction of `count` bytes.
    func i2cRead(count: Int) -> [UInt8]
}
