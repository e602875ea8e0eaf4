/// The decimal text of a machine integer, written backwards into a stack
/// buffer: `String(n)` goes through the generic `description` of
/// BinaryInteger (some 150 instructions for a two-digit number), and `str(n)`
/// and `repr(n)` of small ints are everywhere in firmware output.
func decimalText(_ n: Int) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        var magnitude = n.magnitude
        var start = 20
        repeat {
            start -= 1
            buffer[start] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
            magnitude /= 10
        } while magnitude != 0
        if n < 0 {
            start -= 1
            buffer[start] = 45  // "-"
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<20]), as: UTF8.self)
    }
}
