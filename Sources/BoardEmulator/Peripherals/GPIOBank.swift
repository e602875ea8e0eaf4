/// The board's pins as electrical things. Each pin has the MCU's settings
/// (direction, pull, output value) and whatever outside drivers (parts, wires)
/// put on its net; `level` resolves the two. Parts attach listeners (rp2040js
/// style) to hear level changes; the firmware attaches edge IRQs, which run on
/// the virtual clock rather than inside the call that changed the level.
public final class GPIOBank {
    public enum Direction: Sendable, Equatable { case input, output, openDrain }
    public enum Pull: Sendable, Equatable { case none, up, down }
    public struct Edge: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let falling = Edge(rawValue: 1)   // MicroPython Pin.IRQ_FALLING = 4 / rp2 = 4; the firmware maps
        public static let rising = Edge(rawValue: 2)
    }

    public struct PinState {
        public var direction: Direction = .input
        public var pull: Pull = .none
        /// The value the MCU drives (push-pull) or releases (open-drain high).
        public var outputValue = false
        /// Outside drivers on the net, by name: true = high, false = low.
        public var drivers: [String: Bool] = [:]
        /// Resistors from the net to a rail, by name (true: to 3V3): weaker than
        /// any driver, stronger than the MCU's own ~50 kΩ pull.
        public var pullResistors: [String: Bool] = [:]
        /// Analog voltage a part puts on the pin (for the ADC).
        public var analogVolts: Double?
        /// The resolved level last reported to listeners.
        public internal(set) var level = false
    }

    public typealias Listener = (PinRef, Bool) -> Void
    public typealias IRQHandler = (PinRef, Edge) -> Void

    public let clock: VirtualClock
    /// Delay between an edge and its IRQ handler (0: the next clock step at the same instant).
    public var irqLatencyNanoseconds: UInt64 = 0
    public private(set) var pins: [PinRef: PinState] = [:]
    private var listeners: [PinRef: [(id: Int, fn: Listener)]] = [:]
    private var irqs: [PinRef: (edges: Edge, handler: IRQHandler)] = [:]
    private var pendingIRQs: [VirtualClock.EventID] = []
    private var nextListenerID = 0
    private var updateObservers: [(id: Int, fn: (PinRef) -> Void)] = []
    /// Supply voltage used when a digital level is read by the ADC.
    public var supplyVolts = 3.3

    public init(clock: VirtualClock, pins refs: [PinRef]) {
        self.clock = clock
        for r in refs { pins[r] = PinState() }
    }

    public func state(_ pin: PinRef) -> PinState? { pins[pin] }
    public func level(_ pin: PinRef) -> Bool { pins[pin]?.level ?? false }
    public func has(_ pin: PinRef) -> Bool { pins[pin] != nil }

    // MARK: MCU side

    public func configure(_ pin: PinRef, direction: Direction? = nil, pull: Pull? = nil, value: Bool? = nil) {
        guard pins[pin] != nil else { return }
        if let d = direction { pins[pin]!.direction = d }
        if let p = pull { pins[pin]!.pull = p }
        if let v = value { pins[pin]!.outputValue = v }
        update(pin)
    }

    public func write(_ pin: PinRef, _ value: Bool) { configure(pin, value: value) }

    /// What `Pin.value()` reads: the net level (for an output, what it drives).
    public func read(_ pin: PinRef) -> Bool { level(pin) }

    // MARK: Outside side (parts)

    /// A part drives the net high or low; nil releases it.
    public func drive(_ pin: PinRef, by driver: String, _ level: Bool?) {
        guard pins[pin] != nil else { return }
        pins[pin]!.drivers[driver] = level
        update(pin)
    }

    /// A resistor from the net to 3V3 (`high`) or GND; nil takes it away.
    public func pull(_ pin: PinRef, by resistor: String, _ high: Bool?) {
        guard pins[pin] != nil else { return }
        pins[pin]!.pullResistors[resistor] = high
        update(pin)
    }

    public func setAnalogVoltage(_ pin: PinRef, _ volts: Double?) {
        guard pins[pin] != nil else { return }
        pins[pin]!.analogVolts = volts
    }

    /// The voltage the ADC sees: the analog value a part set, or the digital level.
    public func voltage(_ pin: PinRef) -> Double {
        guard let s = pins[pin] else { return 0 }
        return s.analogVolts ?? (s.level ? supplyVolts : 0)
    }

    @discardableResult
    public func addListener(_ pin: PinRef, _ fn: @escaping Listener) -> Int {
        nextListenerID += 1
        listeners[pin, default: []].append((nextListenerID, fn))
        return nextListenerID
    }

    public func removeListener(_ id: Int) {
        for k in listeners.keys { listeners[k]!.removeAll { $0.id == id } }
        updateObservers.removeAll { $0.id == id }
    }

    /// Hears every re-resolution of any pin (settings or drivers changed), even when
    /// the level stays: a recorder tells a floating input from a driven one. Remove with `removeListener`.
    @discardableResult
    public func addUpdateObserver(_ fn: @escaping (PinRef) -> Void) -> Int {
        nextListenerID += 1
        updateObservers.append((nextListenerID, fn))
        return nextListenerID
    }

    /// No MCU output, no outside driver and no pull: the net is high-impedance.
    public func isFloating(_ pin: PinRef) -> Bool {
        guard let s = pins[pin] else { return false }
        let released = s.direction == .input || (s.direction == .openDrain && s.outputValue)
        return released && s.drivers.isEmpty && s.pullResistors.isEmpty && s.pull == .none
    }

    // MARK: IRQs

    /// Runs `handler` on the clock after each matching edge; nil handler or empty edges disables.
    public func setIRQ(_ pin: PinRef, edges: Edge, handler: IRQHandler?) {
        if let h = handler, !edges.isEmpty { irqs[pin] = (edges, h) } else { irqs[pin] = nil }
    }

    public func clearIRQs() {
        irqs.removeAll()
        for id in pendingIRQs { clock.cancel(id) }
        pendingIRQs.removeAll()
    }

    /// Back to the power-on state: inputs, no pulls, no IRQs; an undriven pin reads low.
    /// Outside drivers stay (the wiring persists).
    public func reset() {
        clearIRQs()
        for k in pins.keys {
            pins[k]!.direction = .input; pins[k]!.pull = .none; pins[k]!.outputValue = false
            update(k, floatingLevel: false)
        }
    }

    // MARK: Resolution

    /// Resolves the net: a push-pull output wins; an open-drain low pulls low;
    /// otherwise any outside driver low wins (wired-AND), then high, then a pull
    /// resistor on the net (to GND winning, as the lower divider), then the MCU's
    /// pull; a floating input keeps its last level.
    func resolve(_ s: PinState, floatingLevel: Bool? = nil) -> Bool {
        if s.direction == .output { return s.outputValue }
        if s.direction == .openDrain && !s.outputValue { return false }
        if s.drivers.values.contains(false) { return false }
        if s.drivers.values.contains(true) { return true }
        if !s.pullResistors.isEmpty { return !s.pullResistors.values.contains(false) }
        switch s.pull {
        case .up: return true
        case .down: return false
        case .none: return floatingLevel ?? s.level
        }
    }

    private func update(_ pin: PinRef, floatingLevel: Bool? = nil) {
        guard let s = pins[pin] else { return }
        let new = resolve(s, floatingLevel: floatingLevel)
        defer { for o in updateObservers { o.fn(pin) } }
        guard new != s.level else { return }
        pins[pin]!.level = new
        for l in listeners[pin] ?? [] { l.fn(pin, new) }
        let edge: Edge = new ? .rising : .falling
        if let irq = irqs[pin], irq.edges.contains(edge) {
            let handler = irq.handler
            var id: VirtualClock.EventID?
            id = clock.schedule(after: irqLatencyNanoseconds) { [weak self] in
                if let me = self, let i = id { me.pendingIRQs.removeAll { $0 == i } }
                handler(pin, edge)
            }
            pendingIRQs.append(id!)
        }
    }
}
