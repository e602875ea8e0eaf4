/// Pulse capture on a pin, as CircuitPython's `pulseio.PulseIn` does it: the
/// time the pin spends at each level, in whole µs (a 1 MHz sampler on the
/// RP2040's PIO), the first pulse being the first one away from the idle level,
/// kept in a ring of `maxlen` (the oldest make room), each at most 65535 µs.
/// A pulse is recorded when it ends (CP `ports/raspberrypi/common-hal/pulseio/PulseIn.c`).
public final class PulseCapture {
    public static let maxPulse = 65_535

    public let gpio: GPIOBank
    public let pin: PinRef
    public let maxlen: Int
    public let idleState: Bool
    public private(set) var isPaused = true
    private var buffer: [UInt16] = []
    private var start = 0
    /// When the level being timed began (nil: still waiting to leave the idle level).
    private var levelSince: UInt64?
    private var listener: Int?

    public init(gpio: GPIOBank, pin: PinRef, maxlen: Int, idleState: Bool) {
        self.gpio = gpio; self.pin = pin; self.maxlen = max(1, maxlen); self.idleState = idleState
        listener = gpio.addListener(pin) { [weak self] _, level in self?.heard(level) }
    }

    deinit { close() }

    /// Stops listening for good (`deinit()`).
    public func close() {
        if let l = listener { gpio.removeListener(l); listener = nil }
        isPaused = true
    }

    public var count: Int { buffer.count }

    /// The `index`th oldest pulse (0 ≤ index < count).
    public subscript(index: Int) -> UInt16 { buffer[(start + index) % buffer.count] }

    public func pause() {
        isPaused = true
        levelSince = nil
    }

    /// Starts timing: at once if the pin is already away from idle, else from the
    /// moment it leaves it (the PIO's `wait` on the pin).
    public func resume() {
        isPaused = false
        levelSince = gpio.read(pin) != idleState ? gpio.clock.now : nil
    }

    public func clear() { buffer.removeAll(); start = 0 }

    public func popLeft() -> UInt16? {
        guard !buffer.isEmpty else { return nil }
        let v = self[0]
        if buffer.count == 1 { clear() } else {
            // Keep the ring's order: rotate so the oldest sits at 0, then drop it.
            buffer = (0..<buffer.count).map { self[$0] }
            buffer.removeFirst()
            start = 0
        }
        return v
    }

    private func heard(_ level: Bool) {
        guard !isPaused else { return }
        let now = gpio.clock.now
        guard let since = levelSince else {
            if level != idleState { levelSince = now }
            return
        }
        levelSince = now
        let us = Int((now - since) / 1_000)
        guard us > 0 else { return }   // shorter than one sample: not seen
        let v = UInt16(min(us, PulseCapture.maxPulse))
        // Until the ring is full the oldest is at 0 (popLeft and clear keep it there).
        if buffer.count < maxlen { buffer.append(v) } else { buffer[start] = v; start = (start + 1) % maxlen }
    }
}
