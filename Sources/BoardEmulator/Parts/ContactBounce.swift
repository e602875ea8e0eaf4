/// The chatter of a mechanical contact when it is moved: it changes state
/// 2, 4 or 6 extra times at pseudo-random instants within `windowNanoseconds`
/// (5 ms) of virtual time, then settles. The pattern comes from a SplitMix64
/// generator seeded from the part's id (or an explicit seed), so runs repeat
/// exactly. Push buttons and slide switches bounce this way, as Wokwi's do
/// unless their `bounce` attribute is "0" (wokwi-pushbutton's docs, Bouncing).
final class ContactBounce {
    var windowNanoseconds: UInt64 = 5_000_000
    private var rng: UInt64
    private(set) var pending: [VirtualClock.EventID] = []

    init(id: String, seed: UInt64?) {
        // FNV-1a of the id: stable across runs (unlike Hasher).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        rng = seed ?? h
    }

    /// Cancels the chatter still to come (the contact was moved again).
    func cancel(on clock: VirtualClock) {
        for e in pending { clock.cancel(e) }
        pending.removeAll()
    }

    /// The instants (after now) at which the contact toggles on its way to rest:
    /// an even number of them, strictly increasing, so it ends where it was put.
    func toggleTimes() -> [UInt64] {
        let toggles = 2 * (1 + Int(next() % 3))
        let window = max(windowNanoseconds, UInt64(toggles + 1))
        var times = (0..<toggles).map { _ in 1 + next() % (window - 1) }
        times.sort()
        for i in 1..<times.count where times[i] <= times[i - 1] { times[i] = times[i - 1] + 1 }
        return times
    }

    /// Schedules the chatter of a contact just set to `state`: `apply` gets each
    /// level it passes through, the last being `state` again.
    func chatter(from state: Bool, on clock: VirtualClock, _ apply: @escaping (Bool) -> Void) {
        var level = state
        for t in toggleTimes() {
            level.toggle()
            let s = level
            var id: VirtualClock.EventID?
            id = clock.schedule(after: t) { [weak self] in
                self?.pending.removeAll { $0 == id }
                apply(s)
            }
            pending.append(id!)
        }
    }

    private func next() -> UInt64 {
        rng &+= 0x9e37_79b9_7f4a_7c15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
