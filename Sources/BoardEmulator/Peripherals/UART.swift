/// A UART: transmitted bytes are recorded with the time each leaves the wire;
/// received bytes are injected (now or at a given time) into the RX buffer.
public final class UART {
    public struct Sent: Equatable, Sendable { public var time: UInt64; public var byte: UInt8 }

    public let id: Int
    public let clock: VirtualClock
    public var baudrate: Int = 115_200
    /// Frame length: start + 8 data + stop.
    public var bitsPerFrame = 10
    public private(set) var transmitted: [Sent] = []
    public private(set) var rxBuffer: [UInt8] = []
    public var rxCapacity = 256
    /// Bytes lost to a full RX buffer.
    public private(set) var overruns = 0
    /// Called for every transmitted byte (for a part on the TX pin).
    public var onTransmit: ((UInt8, UInt64) -> Void)?
    private var txBusyUntil: UInt64 = 0
    private var pending: [VirtualClock.EventID] = []

    public init(id: Int, clock: VirtualClock) { self.id = id; self.clock = clock }

    public var byteNanoseconds: UInt64 { UInt64(bitsPerFrame) * 1_000_000_000 / UInt64(max(baudrate, 1)) }

    /// Queues bytes; each is stamped with the time its stop bit ends.
    public func write(_ bytes: [UInt8]) {
        var t = max(txBusyUntil, clock.now)
        for b in bytes {
            t += byteNanoseconds
            transmitted.append(Sent(time: t, byte: b))
            onTransmit?(b, t)
        }
        txBusyUntil = t
    }

    /// True while the TX shift register still has bytes (`txdone()` is its negation).
    public var isTransmitting: Bool { txBusyUntil > clock.now }

    /// Bytes arriving on RX; with `at`, they arrive one frame apart from that time.
    public func inject(_ bytes: [UInt8], at time: UInt64? = nil) {
        guard let start = time else { receive(bytes); return }
        for (i, b) in bytes.enumerated() {
            pending.append(clock.schedule(at: start + UInt64(i + 1) * byteNanoseconds) { [weak self] in self?.receive([b]) })
        }
    }

    private func receive(_ bytes: [UInt8]) {
        for b in bytes {
            if rxBuffer.count < rxCapacity { rxBuffer.append(b) } else { overruns += 1 }
        }
    }

    public var available: Int { rxBuffer.count }

    public func read(_ count: Int? = nil) -> [UInt8] {
        let n = min(count ?? rxBuffer.count, rxBuffer.count)
        let out = Array(rxBuffer.prefix(n))
        rxBuffer.removeFirst(n)
        return out
    }

    public func clearTransmitted() { transmitted.removeAll() }

    public func reset() {
        for e in pending { clock.cancel(e) }
        pending.removeAll(); rxBuffer.removeAll(); txBusyUntil = 0
    }
}
