/// Turns the board's serial bytes into text for consumers that want text (the
/// terminal, the window's console, the serial log), holding back a UTF-8
/// character split across two writes so it is not shown as two broken ones.
/// Bytes that are not UTF-8 (a tool's binary protocol) become U+FFFD in the
/// text; byte consumers (serial ports) get them unchanged.
struct SerialTextDecoder {
    private var pending: [UInt8] = []

    mutating func decode(_ bytes: [UInt8]) -> String {
        var all = pending + bytes
        pending = []
        // Keep an incomplete sequence at the end for the next write.
        var lead = all.count - 1
        var back = 0
        while lead >= 0 && back < 3 && all[lead] & 0xC0 == 0x80 { lead -= 1; back += 1 }
        if lead >= 0 {
            let b = all[lead]
            let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if need > 1 && all.count - lead < need && b < 0xF8 {
                pending = Array(all[lead...])
                all.removeSubrange(lead...)
            }
        }
        return String(decoding: all, as: UTF8.self)
    }
}

extension SupervisorTexts {
    /// `\n` → `\r\n`, as the firmware's cooked stdout does (an `\n` right after
    /// `\r` within one write is kept). Both MicroPython and CircuitPython
    /// print through `mp_hal_stdout_tx_strn_cooked`.
    static func cooked(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0A) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0A && previous != 0x0D { out.append(0x0D) }
            out.append(b)
            previous = b
        }
        return out
    }
}
