/// Why an I2C transfer failed. The firmware layer turns it into an errno with
/// `BoardDefinition.errno(for:flavour:zeroLengthWrite:)` (EIO 5 on MicroPython
/// rp2, ENODEV 19 on esp32 and CircuitPython; ETIMEDOUT 110 or 116).
public enum I2CFailure: Error, Equatable, Sendable {
    /// The address (or a data byte) was not acknowledged. `acked` counts the data bytes that were.
    case nack(acked: Int)
    case timeout
}

/// One I2C controller. Transfers are synchronous for the firmware, so their bus
/// time is charged to the clock: each byte is 9 SCL clocks (8 data + ACK), the
/// address byte included, plus one clock each for START, repeated START and STOP.
public final class I2CController {
    public let id: Int
    public let clock: VirtualClock
    /// SCL frequency in Hz.
    public var frequency: Int
    public var scl: Int?
    public var sda: Int?
    public private(set) var targets: [UInt8: I2CTarget] = [:]
    /// Bus time of every transfer, for tests and the UI.
    public private(set) var busyNanoseconds: UInt64 = 0
    private var transferObservers: [(id: Int, fn: (I2CTransfer) -> Void)] = []
    private var nextObserverID = 0

    public init(id: Int, clock: VirtualClock, frequency: Int = 400_000) {
        self.id = id; self.clock = clock; self.frequency = frequency
    }

    public func attach(_ target: I2CTarget) { targets[target.address & 0x7F] = target }
    public func detach(address: UInt8) { targets[address] = nil }
    public func target(at address: UInt8) -> I2CTarget? { targets[address] }

    /// Bus time of a transfer of `bytes` bytes (address bytes included) with `conditions`
    /// START/repeated-START/STOP conditions.
    public func duration(bytes: Int, conditions: Int = 2) -> UInt64 {
        let bits = UInt64(9 * bytes + conditions)
        return (bits * 1_000_000_000 + UInt64(frequency) / 2) / UInt64(max(frequency, 1))
    }

    /// Hears each transfer as it goes on the bus (before its bus time is charged).
    @discardableResult
    public func addTransferObserver(_ fn: @escaping (I2CTransfer) -> Void) -> Int {
        nextObserverID += 1
        transferObservers.append((nextObserverID, fn))
        return nextObserverID
    }

    public func removeTransferObserver(_ id: Int) { transferObservers.removeAll { $0.id == id } }

    /// Tells the observers, then charges the bus time the segments take.
    private func transfer(_ address: UInt8, _ segments: [I2CTransfer.Segment], stop: Bool = true) {
        let ns = duration(bytes: segments.reduce(0) { $0 + 1 + $1.bytes.count }, conditions: segments.count + (stop ? 1 : 0))
        if !transferObservers.isEmpty {
            let t = I2CTransfer(controller: id, address: address, segments: segments, stop: stop,
                                frequency: frequency, start: clock.now, end: clock.now &+ ns)
            for o in transferObservers { o.fn(t) }
        }
        charge(ns)
    }

    private func charge(_ ns: UInt64) {
        busyNanoseconds &+= ns
        clock.advance(by: ns)
    }

    /// A write transaction. Returns the number of data bytes acknowledged (MicroPython's
    /// `writeto` return value) or `.nack` when the address is not acknowledged.
    @discardableResult
    public func write(_ address: UInt8, _ bytes: [UInt8], stop: Bool = true) -> Result<Int, I2CFailure> {
        guard let t = targets[address] else {
            transfer(address, [.init(read: false, addressAcked: false, bytes: [], acked: 0)], stop: stop)
            return .failure(.nack(acked: 0))
        }
        let acked = max(0, min(bytes.count, t.i2cWrite(bytes)))
        // A data NACK ends the transfer after that byte.
        transfer(address, [.init(read: false, addressAcked: true, bytes: Array(bytes.prefix(acked + 1)), acked: acked)], stop: stop)
        return acked < bytes.count ? .failure(.nack(acked: acked)) : .success(acked)
    }

    /// A read transaction of `count` bytes.
    public func read(_ address: UInt8, count: Int) -> Result<[UInt8], I2CFailure> {
        guard let t = targets[address] else {
            transfer(address, [.init(read: true, addressAcked: false, bytes: [], acked: 0)])
            return .failure(.nack(acked: 0))
        }
        var data = t.i2cRead(count: count)
        if data.count < count { data += [UInt8](repeating: 0xFF, count: count - data.count) }  // released SDA reads 1s
        transfer(address, [.read(Array(data.prefix(count)))])
        return .success(Array(data.prefix(count)))
    }

    /// `readfrom_mem`: write the register address, repeated START, read `count` bytes.
    /// 8 bytes from 0xF7 at 400 kHz: 9·(2 + 9) + 3 = 102 clocks ≈ 0.255 ms.
    public func readMemory(_ address: UInt8, register: [UInt8], count: Int) -> Result<[UInt8], I2CFailure> {
        guard let t = targets[address] else {
            transfer(address, [.init(read: false, addressAcked: false, bytes: [], acked: 0)])
            return .failure(.nack(acked: 0))
        }
        let acked = t.i2cWrite(register)
        if acked < register.count {
            transfer(address, [.init(read: false, addressAcked: true, bytes: Array(register.prefix(max(0, acked) + 1)), acked: max(0, acked))])
            return .failure(.nack(acked: acked))
        }
        var data = t.i2cRead(count: count)
        if data.count < count { data += [UInt8](repeating: 0xFF, count: count - data.count) }
        transfer(address, [.init(read: false, addressAcked: true, bytes: register, acked: register.count),
                           .read(Array(data.prefix(count)))])
        return .success(Array(data.prefix(count)))
    }

    /// `writeto_mem`: register address then data in one write transaction.
    @discardableResult
    public func writeMemory(_ address: UInt8, register: [UInt8], _ bytes: [UInt8]) -> Result<Int, I2CFailure> {
        switch write(address, register + bytes) {
        case .success(let n): return .success(n - register.count)
        case .failure(let f): return .failure(f)
        }
    }

    /// Probes 0x08–0x77 with zero-length writes, as `scan()` does on both firmwares.
    public func scan() -> [Int] {
        var found: [Int] = []
        for a in UInt8(0x08)...UInt8(0x77) {
            if case .success = write(a, []) { found.append(Int(a)) }
        }
        return found
    }
}
