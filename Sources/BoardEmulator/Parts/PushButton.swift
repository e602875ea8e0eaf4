/// A momentary push button on a pin (`A`). Wired to GND (default) it pulls the
/// net low while pressed (the firmware enables the pull-up); wired to 3V3 it
/// pulls it high (the firmware uses a pull-down). Released, it drives nothing.
///
/// With `bounce`, each press and release chatters: the contact changes
/// 2, 4 or 6 extra times at pseudo-random instants within
/// `bounceWindowNanoseconds` (5 ms) of virtual time, then settles. The pattern
/// comes from a SplitMix64 generator seeded from the id (or `seed`), so runs
/// repeat exactly.
public final class PushButton {
    public enum Wiring: String, Sendable, CaseIterable {
        case ground = "GND"
        case supply = "3V3"
    }

    public let id: String
    public let gpio: GPIOBank
    public let pin: PinRef
    public let wiring: Wiring
    public var bounce: Bool
    public var bounceWindowNanoseconds: UInt64 = 5_000_000
    /// What the user does.
    public private(set) var isPressed = false
    /// What the contacts do (differs from `isPressed` while bouncing).
    public private(set) var contactClosed = false
    public var onChange: ((PushButton) -> Void)?

    private var rng: UInt64
    private var pending: [VirtualClock.EventID] = []
    private var driverName: String { "button:\(id)" }

    public init(id: String, gpio: GPIOBank, pin: PinRef, wiring: Wiring = .ground, bounce: Bool = false, seed: UInt64? = nil) {
        self.id = id; self.gpio = gpio; self.pin = pin; self.wiring = wiring; self.bounce = bounce
        // FNV-1a of the id: stable across runs (unlike Hasher).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        rng = seed ?? h
    }

    public func press() { setPressed(true) }
    public func release() { setPressed(false) }

    public func setPressed(_ pressed: Bool) {
        guard pressed != isPressed else { return }
        isPressed = pressed
        for e in pending { gpio.clock.cancel(e) }
        pending.removeAll()
        setContact(pressed)
        if bounce {
            let toggles = 2 * (1 + Int(next() % 3))
            let window = max(bounceWindowNanoseconds, UInt64(toggles + 1))
            var times = (0..<toggles).map { _ in 1 + next() % (window - 1) }
            times.sort()
            for i in 1..<times.count where times[i] <= times[i - 1] { times[i] = times[i - 1] + 1 }
            var state = pressed
            for t in times {
                state.toggle()
                let s = state
                var id: VirtualClock.EventID?
                id = gpio.clock.schedule(after: t) { [weak self] in
                    guard let me = self else { return }
                    me.pending.removeAll { $0 == id }
                    me.setContact(s)
                }
                pending.append(id!)
            }
        }
        onChange?(self)
    }

    private func setContact(_ closed: Bool) {
        contactClosed = closed
        gpio.drive(pin, by: driverName, closed ? (wiring == .supply) : nil)
    }

    private func next() -> UInt64 {
        rng &+= 0x9e37_79b9_7f4a_7c15
        var z = rng
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
