import CLibc

/// `d` as C's printf writes it with `%.<precision><conversion>` (conversion is
/// one of f, F, e, E, g, G), straight through snprintf: Foundation's
/// `String(format:)` goes through CFString and took a third of a
/// report-building loop's time.
func printfDouble(_ d: Double, precision: Int, _ conversion: Character) -> String {
    // Digits before the point (up to 309), the precision, sign, point and exponent.
    let capacity = precision + 330
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String in
        let written = breadbox_format_double(buffer.baseAddress!, capacity, Int32(precision),
                                             CChar(bitPattern: conversion.asciiValue!), d)
        let length = Int(max(0, min(written, Int32(capacity - 1))))
        return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: length), as: UTF8.self)
    }
}
