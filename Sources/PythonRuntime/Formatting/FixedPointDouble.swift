/// `%.<precision>f` of a double the way C's printf rounds it (the exact binary
/// value, halves to even), computed in integers: `d · 10^precision` exactly as
/// a 128-bit product of the significand, shifted by the exponent and rounded.
/// glibc's printf takes some 3,000 instructions for `'%.2f' % x` (its
/// multiple-precision path), this some 200; report lines format many floats.
///
/// Answers for finite d ≥ 0, precision ≤ 15 and d · 10^precision below 2^63;
/// nil otherwise (the caller asks printf).
func fixedPointDigits(_ d: Double, precision: Int) -> String? {
    guard precision >= 0, precision <= 15, d >= 0, d.isFinite else { return nil }
    let scale = powersOfTen[precision]
    guard d < 9.2e18 / Double(scale) else { return nil }
    // d = significand · 2^exponent exactly.
    let bits = d.exponentBitPattern
    let significand = bits == 0 ? d.significandBitPattern : d.significandBitPattern | (1 << 52)
    let exponent = bits == 0 ? -1074 : Int(bits) - 1075
    var scaled: UInt64
    if exponent >= 0 {
        // An integer already (below 2^63 by the guard): no rounding.
        scaled = (significand << UInt64(exponent)) &* scale
    } else {
        // significand · 10^p < 2^53 · 2^50: exact in 128 bits.
        let (high, low) = significand.multipliedFullWidth(by: scale)
        let shift = -exponent
        if shift >= 128 {
            scaled = 0   // below 2^103 / 2^128: less than half a unit
        } else {
            let (quotient, remainderAboveHalf, remainderIsHalf) = shiftRight(high: high, low: low, by: shift)
            scaled = quotient
            if remainderAboveHalf || (remainderIsHalf && quotient & 1 == 1) { scaled += 1 }
        }
    }
    // The digits right to left into a buffer, the point `precision` from the
    // end, zeros up to one before it: "0.05", "12.50", "3".
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer -> String in
        var end = buffer.count
        var value = scaled
        var written = 0
        while value > 0 || written <= precision {
            if written == precision && precision > 0 {
                end -= 1
                buffer[end] = UInt8(ascii: ".")
            }
            end -= 1
            buffer[end] = UInt8(truncatingIfNeeded: value % 10) + UInt8(ascii: "0")
            value /= 10
            written += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
    }
}

private let powersOfTen: [UInt64] = (0...15).map { p in (0..<p).reduce(1) { r, _ in r * 10 } }

/// (high:low) >> shift (0 < shift < 128) as a UInt64 (the caller knows it fits),
/// and how the bits shifted out compare with half a unit.
private func shiftRight(high: UInt64, low: UInt64, by shift: Int) -> (UInt64, Bool, Bool) {
    let quotient: UInt64
    let remainderHigh: UInt64, remainderLow: UInt64   // the bits shifted out
    let halfHigh: UInt64, halfLow: UInt64              // 1 << (shift - 1)
    if shift < 64 {
        quotient = (low >> UInt64(shift)) | (high << UInt64(64 - shift))
        remainderHigh = 0
        remainderLow = low & ((1 << UInt64(shift)) - 1)
        halfHigh = 0
        halfLow = 1 << UInt64(shift - 1)
    } else if shift == 64 {
        quotient = high
        remainderHigh = 0
        remainderLow = low
        halfHigh = 0
        halfLow = 1 << 63
    } else {
        let s = UInt64(shift - 64)
        quotient = high >> s
        remainderHigh = high & ((1 << s) - 1)
        remainderLow = low
        halfHigh = 1 << (s - 1)
        halfLow = 0
    }
    let above = remainderHigh > halfHigh || (remainderHigh == halfHigh && remainderLow > halfLow)
    let half = remainderHigh == halfHigh && remainderLow == halfLow
    return (quotient, above, half)
}
