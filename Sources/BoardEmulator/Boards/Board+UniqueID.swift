extension Board {
    /// The chip's unique id (`machine.unique_id()`, `microcontroller.cpu.uid`,
    /// the web workflow's UID): FNV-1a of the board id, 8 bytes, so it is
    /// stable per board type.
    public var uniqueID: [UInt8] {
        var h: UInt64 = 0xcbf29ce484222325
        for b in definition.id.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return (0..<8).map { UInt8(truncatingIfNeeded: h >> (8 * UInt64($0))) }
    }
}
