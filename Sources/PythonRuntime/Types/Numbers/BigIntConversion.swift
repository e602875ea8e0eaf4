import BigInt

/// Conversions into big ints in better than quadratic time: a program can ask
/// for an int as large as the heap (`int.from_bytes` of 40 kB took 16 s,
/// `int()` of a million digits 12 s, both growing with the square or worse).
enum BigIntConversion {
    /// The unsigned value of big-endian `bytes`, packed into words directly.
    static func magnitude(bigEndian bytes: [UInt8]) -> BigUInt {
        let wordBytes = MemoryLayout<UInt>.size
        var words = [UInt](repeating: 0, count: (bytes.count + wordBytes - 1) / wordBytes)
        // The last byte is the least significant: byte k from the end goes to
        // word k / wordBytes, at bit 8 * (k % wordBytes).
        for (k, b) in bytes.reversed().enumerated() where b != 0 {
            words[k / wordBytes] |= UInt(b) << (8 * (k % wordBytes))
        }
        return BigUInt(words: words)
    }

    /// The value of `text`, digits in `radix` (0-9, then letters either case),
    /// or nil when a character is not one (as `BigInt(_:radix:)`, which is quadratic).
    static func value(_ text: String, radix: Int) -> BigUInt? {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            let d: Int
            switch c {
            case 48...57: d = Int(c) - 48
            case 97...122: d = Int(c) - 87
            case 65...90: d = Int(c) - 55
            default: return nil
            }
            guard d < radix else { return nil }
            digits.append(UInt8(d))
        }
        return try? value(digits: digits[...], base: radix)
    }

    /// The value of `digits` (each below `base`, most significant first).
    /// Halves and joins (`high * base^n + low`), so the big multiplications are
    /// few and large, where the BigInt package's Karatsuba multiplication pays.
    /// `check` runs between the large steps (the runtime's Ctrl-C check).
    static func value(digits: ArraySlice<UInt8>, base: Int,
                      check: () throws(PyError) -> Void = {}) throws(PyError) -> BigUInt {
        var powers: [Int: BigUInt] = [:]
        return try value(digits, base, &powers, check)
    }

    private static func value(_ digits: ArraySlice<UInt8>, _ base: Int, _ powers: inout [Int: BigUInt],
                              _ check: () throws(PyError) -> Void) throws(PyError) -> BigUInt {
        if digits.count <= 1200 { return direct(digits, base) }
        try check()
        let lowCount = digits.count / 2
        let split = digits.endIndex - lowCount
        let high = try value(digits[digits.startIndex..<split], base, &powers, check)
        let low = try value(digits[split...], base, &powers, check)
        let scale: BigUInt
        if let p = powers[lowCount] {
            scale = p
        } else {
            scale = BigUInt(base).power(lowCount)
            powers[lowCount] = scale
        }
        return high * scale + low
    }

    /// The decimal digits of `x` (no sign). Splits at a power of ten near the
    /// middle, so a big int's digits come from a few large divisions instead of
    /// one pass per word over the whole number, and `check` runs between them.
    static func decimal(_ x: BigUInt, check: () throws(PyError) -> Void) throws(PyError) -> String {
        var powers: [Int: BigUInt] = [:]
        return try decimal(x, minimumDigits: 0, &powers, check)
    }

    private static func decimal(_ x: BigUInt, minimumDigits: Int, _ powers: inout [Int: BigUInt],
                                _ check: () throws(PyError) -> Void) throws(PyError) -> String {
        if x.words.count <= 64 {
            let s = String(x)
            return s.count < minimumDigits ? String(repeating: "0", count: minimumDigits - s.count) + s : s
        }
        try check()
        // Digits of the low half: about half of bitWidth * log10(2).
        let lowDigits = Int(Double(x.bitWidth) * 0.30102999566398120) / 2
        let scale: BigUInt
        if let p = powers[lowDigits] {
            scale = p
        } else {
            scale = BigUInt(10).power(lowDigits)
            powers[lowDigits] = scale
        }
        let (high, low) = x.quotientAndRemainder(dividingBy: scale)
        let highText = try decimal(high, minimumDigits: max(0, minimumDigits - lowDigits), &powers, check)
        return highText + (try decimal(low, minimumDigits: lowDigits, &powers, check))
    }

    /// Digits a word at a time: fine below a few thousand digits.
    private static func direct(_ digits: ArraySlice<UInt8>, _ base: Int) -> BigUInt {
        var value = BigUInt(0)
        var chunk: UInt = 0, chunkScale: UInt = 1
        for d in digits {
            chunk = chunk * UInt(base) + UInt(d)
            chunkScale *= UInt(base)
            if chunkScale > (1 << 40) {
                value = value * BigUInt(chunkScale) + BigUInt(chunk)
                chunk = 0
                chunkScale = 1
            }
        }
        return value * BigUInt(chunkScale) + BigUInt(chunk)
    }
}
