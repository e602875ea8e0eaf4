/// The addresses viper code sees. A viper `ptr8(buf)` on the board is the
/// address of the buffer's bytes; ours are not addressable, so each buffer a
/// viper function takes the address of (bytes, bytearray, an `array.array`)
/// gets a made-up address range in this map, and `ptr8`/`ptr16`/`ptr32` loads
/// and stores find the buffer again by address. Addresses can be handed to Python as ints and back (`ptr(buf)`,
/// `addr + 2`), as on the board.
///
/// An address in no buffer (a peripheral register such as RP2040's SIO at
/// 0xd0000000) is refused with an error naming it: the emulator has no memory
/// map for registers, and firmware reaches them through `machine` instead.
final class ViperAddressSpace {
    struct Region {
        let base: Int
        /// The addresses reserved for it, from `base`.
        let span: Int
        weak var buffer: PyObject?
    }

    /// Where made-up addresses start: RP2040's SRAM base, so addresses look like
    /// a board's (and stay below 2**31, small ints on every word size).
    static let firstAddress = 0x2000_0000
    /// Room left after each buffer, so a bytearray that grows a little keeps its range.
    static let slack = 256

    private var regions: [Region] = []
    private var baseByBuffer: [ObjectIdentifier: Int] = [:]
    /// The last region a load or store found (viper loops walk one buffer).
    private var lastBase = -1
    private weak var lastBuffer: PyObject?

    /// The address of `buffer`'s first byte; `byteCount` is its size now.
    func address(of buffer: PyObject, byteCount: Int) -> Int {
        let id = ObjectIdentifier(buffer)
        if let base = baseByBuffer[id], let i = index(ofBase: base), regions[i].buffer === buffer {
            return base
        }
        if regions.count > 64 { prune() }
        // First fit among the live ranges (kept in address order), so the
        // addresses of collected buffers are handed out again.
        let span = (byteCount + ViperAddressSpace.slack + 15) & ~15
        var base = ViperAddressSpace.firstAddress
        var at = 0
        while at < regions.count && regions[at].base - base < span {
            base = regions[at].base + regions[at].span
            at += 1
        }
        regions.insert(Region(base: base, span: span, buffer: buffer), at: at)
        baseByBuffer[id] = base
        return base
    }

    /// The buffer holding `address` and the offset in it, if the address is in
    /// one; `byteCount` gives a buffer's size now.
    func resolve(_ address: Int, byteCount: (PyObject) -> Int) -> (PyObject, Int)? {
        if let b = lastBuffer, address >= lastBase, address - lastBase < byteCount(b) {
            return (b, address - lastBase)
        }
        // Regions are in increasing base order: the last one at or below the address.
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if regions[mid].base <= address { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, let b = regions[lo - 1].buffer else { return nil }
        let offset = address - regions[lo - 1].base
        let count = byteCount(b)
        guard offset < count else { return nil }
        lastBase = regions[lo - 1].base
        lastBuffer = b
        return (b, offset)
    }

    private func index(ofBase base: Int) -> Int? {
        var lo = 0, hi = regions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if regions[mid].base < base { lo = mid + 1 } else { hi = mid }
        }
        return lo < regions.count && regions[lo].base == base ? lo : nil
    }

    /// Forgets the ranges of buffers that were collected.
    private func prune() {
        regions.removeAll { $0.buffer == nil }
        lastBuffer = nil
        lastBase = -1
        baseByBuffer = [:]
        for r in regions { if let b = r.buffer { baseByBuffer[ObjectIdentifier(b)] = r.base } }
    }
}
