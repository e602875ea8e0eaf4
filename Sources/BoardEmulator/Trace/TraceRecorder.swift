/// One I2C transfer as it went on the bus: one segment per START (the first) or
/// repeated START, each an address byte then data bytes, then an optional STOP.
/// Bus time is `start`…`end` on the board clock: 9 SCL clocks per byte (ACK bit
/// included) plus one per START, repeated START and STOP.
public struct I2CTransfer: Equatable, Sendable {
    public struct Segment: Equatable, Sendable {
        /// R/W bit of the address byte.
        public var read: Bool
        /// Whether a target acknowledged the address byte.
        public var addressAcked: Bool
        /// Data bytes on the wire, the one that was NACKed (if any) included.
        public var bytes: [UInt8]
        /// How many leading data bytes were acknowledged: by the target on a write,
        /// by the controller on a read (all but the last, which it NACKs).
        public var acked: Int

        public init(read: Bool, addressAcked: Bool, bytes: [UInt8], acked: Int) {
            self.read = read; self.addressAcked = addressAcked; self.bytes = bytes; self.acked = acked
        }

        /// A read of `data`: the controller ACKs every byte but the last.
        public static func read(_ data: [UInt8]) -> Segment {
            Segment(read: true, addressAcked: true, bytes: data, acked: max(0, data.count - 1))
        }
    }

    /// Index of the controller (`I2CController.id`).
    public var controller: Int
    /// 7-bit target address.
    public var address: UInt8
    public var segments: [Segment]
    /// False for a write that keeps the bus (`stop=False`).
    public var stop: Bool
    /// SCL frequency in Hz.
    public var frequency: Int
    /// Virtual time in nanoseconds.
    public var start: UInt64
    public var end: UInt64

    public init(controller: Int, address: UInt8, segments: [Segment], stop: Bool, frequency: Int, start: UInt64, end: UInt64) {
        self.controller = controller; self.address = address; self.segments = segments
        self.stop = stop; self.frequency = frequency; self.start = start; self.end = end
    }

    /// True when the transfer ends with a read segment.
    public var isRead: Bool { segments.last?.read ?? false }
    /// All data bytes, in bus order.
    public var bytes: [UInt8] { segments.flatMap { $0.bytes } }
    /// False when the address, or a byte the target had to accept, was NACKed.
    public var acknowledged: Bool {
        segments.allSatisfy { $0.addressAcked && ($0.read || $0.acked == $0.bytes.count) }
    }

    public enum Line: Sendable, Equatable { case scl, sda }
    public struct LineEdge: Sendable, Equatable {
        public var time: UInt64
        public var line: Line
        public var level: Bool
    }

    /// SCL/SDA as a logic analyser would see them, quarter-clock resolution: for
    /// each START (and repeated START) SDA high, SCL high, SDA falls, SCL falls; each
    /// bit sets SDA while SCL is low, then SCL is high for half a period; the ACK
    /// bit is low (ACK) or high (NACK); a STOP is SDA low, SCL high, SDA rises.
    /// Levels that do not change are listed too: the caller keeps the current level.
    public func lineEdges() -> [LineEdge] {
        var out: [LineEdge] = []
        let f = UInt64(max(frequency, 1))
        var q: UInt64 = 0
        func put(_ line: Line, _ level: Bool, _ dq: UInt64) {
            let t = start &+ ((q + dq) * 1_000_000_000 + 2 * f) / (4 * f)
            out.append(LineEdge(time: min(t, max(end, start)), line: line, level: level))
        }
        func bit(_ value: Bool) {
            put(.sda, value, 0); put(.scl, true, 1); put(.scl, false, 3); q += 4
        }
        func byte(_ b: UInt8, ack: Bool) {
            for i in stride(from: 7, through: 0, by: -1) { bit((b >> UInt8(i)) & 1 == 1) }
            bit(!ack)
        }
        for s in segments {
            put(.sda, true, 0); put(.scl, true, 1); put(.sda, false, 2); put(.scl, false, 3); q += 4
            byte(address << 1 | (s.read ? 1 : 0), ack: s.addressAcked)
            for (i, b) in s.bytes.enumerated() { byte(b, ack: i < s.acked) }
        }
        if stop { put(.sda, false, 0); put(.scl, true, 1); put(.sda, true, 2); q += 4 }
        return out
    }
}

/// Records what happens on a board's pins and I2C buses, with the virtual time in
/// nanoseconds: every change of a pin's level (`0`, `1`, or `z` when nothing drives
/// it: an input or released open-drain pin with no pull and no outside driver) and
/// every I2C transfer. Memory is bounded: past `capacity` events the oldest is
/// dropped (and counted) and its effect folded into the initial levels, so a dump
/// still starts from the right state. Nothing depends on the wall clock: the same
/// run gives the same records.
public final class TraceRecorder {
    public enum Level: String, Sendable, Equatable {
        case low = "0", high = "1", floating = "z"
    }

    public enum Event: Equatable, Sendable {
        /// `pin` is the first name the board definition gives the pin under the board's flavour.
        case pin(time: UInt64, pin: String, level: Level)
        case i2c(I2CTransfer)

        public var time: UInt64 {
            switch self {
            case .pin(let t, _, _): return t
            case .i2c(let x): return x.start
            }
        }
    }

    /// SCL and SDA levels of one bus.
    public struct BusLines: Sendable, Equatable {
        public var scl = true
        public var sda = true
        public init(scl: Bool = true, sda: Bool = true) { self.scl = scl; self.sda = sda }
    }

    public let board: Board
    /// Most events kept.
    public let capacity: Int
    /// Events dropped to stay within `capacity`.
    public private(set) var dropped = 0
    /// Virtual time of the state `initialLevels` describes: the attach time, or the
    /// time of the last dropped event.
    public private(set) var initialTime: UInt64
    /// Every pin's level at `initialTime`, by name.
    public private(set) var initialLevels: [String: Level] = [:]
    /// Every recorded bus's lines at `initialTime` (idle when attached).
    public private(set) var initialBusLines: [Int: BusLines] = [:]
    /// Pin names in board-definition order.
    public let pinNames: [String]
    public private(set) var isRecording = true

    private var names: [PinRef: String] = [:]
    private var current: [PinRef: Level] = [:]
    private var changed: Set<String> = []
    private var buses: Set<Int> = []
    private var ring: [Event] = []
    private var head = 0
    private var gpioObserver: Int?
    private var i2cObservers: [(I2CController, Int)] = []

    public init(board: Board, capacity: Int = 65_536) {
        precondition(capacity > 0, "a trace keeps at least one event")
        self.board = board
        self.capacity = capacity
        initialTime = board.clock.now
        var order: [String] = []
        for p in board.definition.pins {
            let name = board.definition.names(of: p.ref, flavour: board.flavour).first ?? p.ref.description
            names[p.ref] = name
            order.append(name)
            let l = Self.level(p.ref, board.gpio)
            current[p.ref] = l
            initialLevels[name] = l
        }
        pinNames = order
        gpioObserver = board.gpio.addUpdateObserver { [weak self] pin in self?.pinUpdated(pin) }
        for c in board.i2c {
            let id = c.addTransferObserver { [weak self] t in self?.append(.i2c(t)) }
            i2cObservers.append((c, id))
        }
    }

    deinit { stop() }

    /// Detaches from the board; the records stay.
    public func stop() {
        guard isRecording else { return }
        isRecording = false
        if let g = gpioObserver { board.gpio.removeListener(g) }
        for (c, id) in i2cObservers { c.removeTransferObserver(id) }
        gpioObserver = nil
        i2cObservers = []
    }

    /// The kept events, oldest first.
    public var events: [Event] { Array(ring[head...] + ring[..<head]) }

    /// Names of the pins whose level changed while recording (dropped changes included), in definition order.
    public var changedPins: [String] { pinNames.filter { changed.contains($0) } }

    /// Controllers that carried at least one transfer while recording, ascending.
    public var busesUsed: [Int] { buses.sorted() }

    /// The kept I2C transfers, oldest first.
    public var i2cTransfers: [I2CTransfer] {
        events.compactMap { if case .i2c(let t) = $0 { return t } else { return nil } }
    }

    /// The recording as a Value Change Dump.
    public func vcd() -> String { VCDWriter(module: board.definition.id).write(self) }

    // MARK: Recording

    private static func level(_ pin: PinRef, _ gpio: GPIOBank) -> Level {
        if gpio.isFloating(pin) { return .floating }
        return gpio.level(pin) ? .high : .low
    }

    private func pinUpdated(_ pin: PinRef) {
        guard let name = names[pin] else { return }
        let l = Self.level(pin, board.gpio)
        guard l != current[pin] else { return }
        current[pin] = l
        changed.insert(name)
        append(.pin(time: board.clock.now, pin: name, level: l))
    }

    private func append(_ e: Event) {
        if case .i2c(let t) = e, !buses.contains(t.controller) {
            buses.insert(t.controller)
            initialBusLines[t.controller] = BusLines()
        }
        if ring.count < capacity {
            ring.append(e)
            return
        }
        fold(ring[head])
        ring[head] = e
        head = (head + 1) % capacity
        dropped += 1
    }

    /// Applies a dropped event to the initial state. Events are kept in the order of
    /// their `time` (a transfer is recorded as it starts), so the new `initialTime`
    /// is never after a kept event; a dropped transfer's lines take their final levels.
    private func fold(_ e: Event) {
        initialTime = max(initialTime, e.time)
        switch e {
        case .pin(_, let name, let l):
            initialLevels[name] = l
        case .i2c(let x):
            var lines = initialBusLines[x.controller] ?? BusLines()
            for edge in x.lineEdges() {
                if edge.line == .scl { lines.scl = edge.level } else { lines.sda = edge.level }
            }
            initialBusLines[x.controller] = lines
        }
    }
}
