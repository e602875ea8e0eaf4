import Foundation

/// The Bosch BME280 humidity/pressure/temperature sensor on I2C, at register level
/// (Bosch datasheet BST-BME280-DS002, "DS" below:
/// https://www.bosch-sensortec.com/media/boschsensortec/downloads/datasheets/bst-bme280-ds002.pdf;
/// the facts used here are gathered in docs/HARDWARE.md).
///
/// It measures an `Environment` on a `VirtualClock`: conversions take the typical
/// t_measure of DS §9.1, normal mode cycles measure/standby on the clock, and the
/// raw ADC values are found by inverting the datasheet's integer compensation, so
/// a driver using the datasheet formulas reads the environment back within the
/// sensor's resolution.
public final class BME280: I2CTarget {
    public let address: UInt8
    public let clock: VirtualClock
    public let environment: Environment
    public let calibration: Calibration

    // MARK: Register addresses (DS Table 18)
    public enum Register {
        public static let calib00: UInt8 = 0x88
        public static let calib25: UInt8 = 0xA1
        public static let id: UInt8 = 0xD0
        public static let reset: UInt8 = 0xE0
        public static let calib26: UInt8 = 0xE1
        public static let calib41: UInt8 = 0xF0
        public static let ctrlHum: UInt8 = 0xF2
        public static let status: UInt8 = 0xF3
        public static let ctrlMeas: UInt8 = 0xF4
        public static let config: UInt8 = 0xF5
        public static let pressMSB: UInt8 = 0xF7
        public static let humLSB: UInt8 = 0xFE
    }
    public static let chipID: UInt8 = 0x60
    public static let softResetCommand: UInt8 = 0xB6
    /// Start-up time after power-on or soft reset (DS Table 1, t_startup = 2 ms).
    public static let startupNanoseconds: UInt64 = 2_000_000

    // MARK: State
    private var nvm = [UInt8](repeating: 0, count: 256)
    private var pointer: UInt8 = 0
    private var ctrlHum: UInt8 = 0
    private var ctrlMeas: UInt8 = 0
    private var config: UInt8 = 0
    /// osrs_h in force: ctrl_hum is copied here only on a write to ctrl_meas (DS §5.4.3).
    private var activeOsrsH: UInt8 = 0
    /// A ctrl_meas write that arrived during a measurement; executed when it ends (DS §3.3.1).
    private var pendingCtrlMeas: UInt8?
    private var data: [UInt8] = BME280.dataResetValues
    private var measuring = false
    private var imUpdate = false
    private var event: VirtualClock.EventID?
    private var startupEvent: VirtualClock.EventID?
    /// IIR filter memories (raw ADC units); nil = reset, the next sample becomes the memory.
    private var filterT: Double?
    private var filterP: Double?
    /// Settings latched at the start of the running measurement.
    private var running: (osrsT: Int, osrsP: Int, osrsH: Int, filter: Int) = (0, 0, 0, 1)

    /// Completed measurements since construction (for the board's diagnostics).
    public private(set) var samplesTaken = 0
    /// Virtual time (ns) of the last data-register update.
    public private(set) var lastSampleTime: UInt64?

    static let dataResetValues: [UInt8] = [0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00]

    /// `address` is 0x76 (SDO to GND) or 0x77 (SDO to VDDIO). The part powers up
    /// on construction (2 ms start-up with `im_update` set).
    public init(address: UInt8 = 0x77, clock: VirtualClock, environment: Environment,
                calibration: Calibration = .realSensor) {
        precondition(address == 0x76 || address == 0x77, "BME280 answers at 0x76 or 0x77")
        self.address = address
        self.clock = clock
        self.environment = environment
        self.calibration = calibration
        let (low, high) = calibration.encoded()
        for (i, b) in low.enumerated() { nvm[0x88 + i] = b }
        for (i, b) in high.enumerated() { nvm[0xE1 + i] = b }
        powerOnReset()
    }

    // MARK: I2CTarget

    /// One byte sets the register pointer; otherwise (register, value) pairs, with
    /// no auto-increment (DS §6.2.1, Figure 9). A trailing unpaired byte sets the pointer.
    public func i2cWrite(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            pointer = bytes[i]
            if i + 1 < bytes.count {
                if writeRegister(bytes[i], bytes[i + 1]) == .resetDone {
                    // The part restarts; the rest of this transaction is lost.
                    return bytes.count
                }
            }
            i += 2
        }
        return bytes.count
    }

    /// Reads auto-increment from the pointer (DS §6.2.2). The whole burst is served
    /// from one snapshot, so the data registers are consistent within it (the
    /// shadowing of DS §4: a burst read never straddles an update).
    public func i2cRead(count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for _ in 0..<max(count, 0) {
            out.append(readRegister(pointer))
            pointer &+= 1  // DS does not say what follows 0xFF; we wrap to 0x00.
        }
        return out
    }

    // MARK: Registers

    private enum WriteResult { case done, resetDone }

    private func readRegister(_ r: UInt8) -> UInt8 {
        switch r {
        case 0x88...0xA1, 0xE1...0xF0: return nvm[Int(r)]
        case Register.id: return BME280.chipID
        case Register.reset: return 0x00  // DS §5.4.2: "The readout value is always 0x00."
        case Register.ctrlHum: return ctrlHum
        case Register.status: return (measuring ? 0x08 : 0) | (imUpdate ? 0x01 : 0)
        case Register.ctrlMeas: return pendingCtrlMeas ?? ctrlMeas
        case Register.config: return config
        case 0xF7...0xFE: return data[Int(r) - 0xF7]
        // Reserved addresses: DS §5.3 gives no read value; we return 0x00.
        default: return 0x00
        }
    }

    private func writeRegister(_ r: UInt8, _ v: UInt8) -> WriteResult {
        switch r {
        case Register.reset:
            // DS §5.4.2: only 0xB6 resets (full power-on-reset procedure).
            if v == BME280.softResetCommand { powerOnReset(); return .resetDone }
        case Register.ctrlHum:
            // DS §3.3.1: ignored while a delayed mode change waits for its execution.
            if pendingCtrlMeas == nil { ctrlHum = v & 0x07 }
        case Register.ctrlMeas:
            if measuring {
                // DS §3.3.1: a mode change during a measurement is delayed until it
                // ends; further ones are ignored until then.
                if pendingCtrlMeas == nil { pendingCtrlMeas = v }
            } else {
                applyCtrlMeas(v)
            }
        case Register.config:
            // DS §5.4.6: writes in normal mode may be ignored (we always ignore them).
            guard ctrlMeas & 0x03 != 0x03 else { break }
            config = v & 0xFD  // bit 1 is unused
            // DS §3.4.4: writing the filter field resets the filter.
            filterT = nil; filterP = nil
        default:
            break  // read-only or reserved: the write is acknowledged and dropped
        }
        return .done
    }

    /// Power-on reset (DS §5.4.2): registers to reset values, filter memories
    /// cleared, sleep mode; `im_update` is set while the NVM is copied during the
    /// 2 ms start-up (DS §5.4.4).
    private func powerOnReset() {
        if let e = event { clock.cancel(e); event = nil }
        if let e = startupEvent { clock.cancel(e) }
        pointer = 0
        ctrlHum = 0; ctrlMeas = 0; config = 0; activeOsrsH = 0
        pendingCtrlMeas = nil
        data = BME280.dataResetValues
        measuring = false
        filterT = nil; filterP = nil
        imUpdate = true
        startupEvent = clock.schedule(after: BME280.startupNanoseconds) { [weak self] in
            self?.imUpdate = false
            self?.startupEvent = nil
        }
    }

    private func applyCtrlMeas(_ v: UInt8) {
        let wasNormal = ctrlMeas & 0x03 == 0x03
        ctrlMeas = v
        activeOsrsH = ctrlHum & 0x07  // DS §5.4.3
        switch v & 0x03 {
        case 0x00:  // sleep: stop cycling
            if let e = event { clock.cancel(e); event = nil }
        case 0x03:  // normal: start at once unless already cycling (then new settings apply from the next measurement)
            if !wasNormal { startMeasurement() }
        default:    // 01 and 10: forced (DS §5.4.5)
            if let e = event { clock.cancel(e); event = nil }
            startMeasurement()
        }
    }

    // MARK: Measurement cycle

    /// Oversampling factor for an osrs code (DS Table 20/23/24): 0 = skipped.
    static func oversampling(_ code: Int) -> Int { code == 0 ? 0 : min(1 << (code - 1), 16) }
    /// IIR coefficient for a filter code (DS Table 28): 1 = off.
    static func filterCoefficient(_ code: Int) -> Int { code == 0 ? 1 : min(1 << code, 16) }
    /// Standby time for a t_sb code in ns (DS Table 27; 110/111 are 10/20 ms on the BME280).
    static func standbyNanoseconds(_ code: Int) -> UInt64 {
        [500_000, 62_500_000, 125_000_000, 250_000_000, 500_000_000, 1_000_000_000, 10_000_000, 20_000_000][code & 7]
    }
    /// Typical measurement time in ns (DS §9.1): 1 + 2·T + (2·P + 0.5) + (2·H + 0.5) ms,
    /// a skipped channel contributing nothing.
    public static func measurementNanoseconds(osrsT: Int, osrsP: Int, osrsH: Int) -> UInt64 {
        let t = oversampling(osrsT), p = oversampling(osrsP), h = oversampling(osrsH)
        var ns = 1_000_000 + 2_000_000 * t
        if p > 0 { ns += 2_000_000 * p + 500_000 }
        if h > 0 { ns += 2_000_000 * h + 500_000 }
        return UInt64(ns)
    }

    private func startMeasurement() {
        // The NVM copy that sets im_update before each conversion (DS §5.4.4) is
        // taken as instantaneous.
        running = (Int(ctrlMeas >> 5), Int((ctrlMeas >> 2) & 7), Int(activeOsrsH),
                   BME280.filterCoefficient(Int((config >> 2) & 7)))
        measuring = true
        let d = BME280.measurementNanoseconds(osrsT: running.osrsT, osrsP: running.osrsP, osrsH: running.osrsH)
        event = clock.schedule(after: d) { [weak self] in self?.finishMeasurement() }
    }

    private func finishMeasurement() {
        event = nil
        updateDataRegisters()
        measuring = false
        samplesTaken += 1
        lastSampleTime = clock.now
        let mode = ctrlMeas & 0x03
        if mode == 0x01 || mode == 0x02 { ctrlMeas &= ~0x03 }  // forced: back to sleep (DS §3.3.3)
        if let p = pendingCtrlMeas {
            pendingCtrlMeas = nil
            applyCtrlMeas(p)
            return
        }
        if mode == 0x03 {
            let tsb = BME280.standbyNanoseconds(Int(config >> 5))
            event = clock.schedule(after: tsb) { [weak self] in self?.startMeasurement() }
        }
    }

    /// Samples the environment and writes all data registers at once (DS §4).
    private func updateDataRegisters() {
        environment.update(to: clock.now)
        let cal = calibration
        let c = Double(running.filter)
        var d = BME280.dataResetValues

        // Resolution: 20 bits with the filter on, else 16 + (osrs − 1) bits (DS §3.4.2, §3.4.3).
        func bits(_ osrs: Int) -> Int { running.filter > 1 ? 20 : 16 + min(osrs, 5) - 1 }
        func filtered(_ memory: inout Double?, _ sample: Int) -> Int {
            // DS §3.4.4: x_new = (x_old·(c − 1) + adc)/c; a reset filter takes the sample as memory.
            let m = memory.map { ($0 * (c - 1) + Double(sample)) / c } ?? Double(sample)
            memory = m
            return min(max(Int(m.rounded()), 0), 0xFFFFF)
        }

        let idealT = cal.rawTemperature(environment.sensedTemperature, bits: 20)
        var tFine = cal.compensateTemperature(adcT: idealT).tFine
        if running.osrsT > 0 {
            let sample = cal.rawTemperature(environment.sensedTemperature, bits: bits(running.osrsT))
            tFine = cal.compensateTemperature(adcT: sample).tFine
            let out = filtered(&filterT, sample)
            d[3] = UInt8(out >> 12); d[4] = UInt8((out >> 4) & 0xFF); d[5] = UInt8((out & 0xF) << 4)
        }  // skipped: output 0x80000, filter memory kept (DS §3.4.4)
        if running.osrsP > 0 {
            let sample = cal.rawPressure(environment.pressure, tFine: tFine, bits: bits(running.osrsP))
            let out = filtered(&filterP, sample)
            d[0] = UInt8(out >> 12); d[1] = UInt8((out >> 4) & 0xFF); d[2] = UInt8((out & 0xF) << 4)
        }
        if running.osrsH > 0 {  // humidity is never filtered and always 16 bits (DS §3.4.1)
            let h = cal.rawHumidity(environment.humidity, tFine: tFine)
            d[6] = UInt8(h >> 8); d[7] = UInt8(h & 0xFF)
        }
        data = d
    }
}

// MARK: - Calibration (trimming parameters) and the datasheet compensation

extension BME280 {
    /// The trimming parameters (DS §4.2.2, Table 16).
    public struct Calibration: Equatable, Sendable {
        public var t1: UInt16, t2: Int16, t3: Int16
        public var p1: UInt16, p2: Int16, p3: Int16, p4: Int16, p5: Int16, p6: Int16, p7: Int16, p8: Int16, p9: Int16
        /// H4 and H5 are signed 12-bit values.
        public var h1: UInt8, h2: Int16, h3: UInt8, h4: Int16, h5: Int16, h6: Int8
        /// Byte 0xA0 (calib24) as stored; no formula uses it.
        public var calib24: UInt8 = 0

        public init(t1: UInt16, t2: Int16, t3: Int16,
                    p1: UInt16, p2: Int16, p3: Int16, p4: Int16, p5: Int16, p6: Int16, p7: Int16, p8: Int16, p9: Int16,
                    h1: UInt8, h2: Int16, h3: UInt8, h4: Int16, h5: Int16, h6: Int8) {
            precondition((-2048...2047).contains(h4) && (-2048...2047).contains(h5), "H4/H5 are 12-bit")
            self.t1 = t1; self.t2 = t2; self.t3 = t3
            self.p1 = p1; self.p2 = p2; self.p3 = p3; self.p4 = p4; self.p5 = p5
            self.p6 = p6; self.p7 = p7; self.p8 = p8; self.p9 = p9
            self.h1 = h1; self.h2 = h2; self.h3 = h3; self.h4 = h4; self.h5 = h5; self.h6 = h6
        }

        /// Decodes the NVM bytes 0x88…0xA1 (26) and 0xE1…0xE7 (7) (DS Table 16).
        public init(bytes88: [UInt8], bytesE1: [UInt8]) {
            precondition(bytes88.count == 26 && bytesE1.count == 7)
            func u16(_ i: Int) -> UInt16 { UInt16(bytes88[i]) | UInt16(bytes88[i + 1]) << 8 }
            func s16(_ i: Int) -> Int16 { Int16(bitPattern: u16(i)) }
            t1 = u16(0); t2 = s16(2); t3 = s16(4)
            p1 = u16(6); p2 = s16(8); p3 = s16(10); p4 = s16(12); p5 = s16(14)
            p6 = s16(16); p7 = s16(18); p8 = s16(20); p9 = s16(22)
            calib24 = bytes88[24]
            h1 = bytes88[25]
            let e = bytesE1
            h2 = Int16(bitPattern: UInt16(e[0]) | UInt16(e[1]) << 8)
            h3 = e[2]
            // H4 = 0xE4[7:0]·16 + 0xE5[3:0]; H5 = 0xE6·16 + 0xE5[7:4], sign from the MSB byte.
            h4 = Int16(Int8(bitPattern: e[3])) * 16 + Int16(e[4] & 0x0F)
            h5 = Int16(Int8(bitPattern: e[5])) * 16 + Int16(e[4] >> 4)
            h6 = Int8(bitPattern: e[6])
        }

        /// The NVM images: 0x88…0xA1 (26 bytes) and 0xE1…0xE7 (7 bytes).
        public func encoded() -> (bytes88: [UInt8], bytesE1: [UInt8]) {
            var a: [UInt8] = []
            func put(_ v: UInt16) { a.append(UInt8(v & 0xFF)); a.append(UInt8(v >> 8)) }
            put(t1); put(UInt16(bitPattern: t2)); put(UInt16(bitPattern: t3))
            put(p1)
            for p in [p2, p3, p4, p5, p6, p7, p8, p9] { put(UInt16(bitPattern: p)) }
            a.append(calib24); a.append(h1)
            let h4u = UInt16(bitPattern: h4), h5u = UInt16(bitPattern: h5)
            let e: [UInt8] = [UInt8(UInt16(bitPattern: h2) & 0xFF), UInt8(UInt16(bitPattern: h2) >> 8), h3,
                              UInt8((h4u >> 4) & 0xFF), UInt8((h4u & 0x0F) | ((h5u & 0x0F) << 4)),
                              UInt8((h5u >> 4) & 0xFF), UInt8(bitPattern: h6)]
            return (a, e)
        }

        /// A real sensor's NVM (docs/HARDWARE.md §1.7, from bme280-rs's test data).
        public static let realSensor = Calibration(
            bytes88: [0xb1, 0x6f, 0x2e, 0x6a, 0x32, 0x00, 0xe2, 0x8f, 0x0a, 0xd7, 0xd0, 0x0b, 0x75,
                      0x1f, 0xc5, 0xff, 0xf9, 0xff, 0xac, 0x26, 0x0a, 0xd8, 0xbd, 0x10, 0x00, 0x4b],
            bytesE1: [0x77, 0x01, 0x00, 0x12, 0x20, 0x03, 0x1e])

        // MARK: Compensation (DS §4.2.3, integer forms; computed in 64-bit, which
        // equals the datasheet's 32-bit arithmetic wherever that does not overflow)

        /// Returns t_fine and the temperature in 0.01 °C.
        public func compensateTemperature(adcT: Int) -> (tFine: Int, centiCelsius: Int) {
            let t1 = Int(self.t1), t2 = Int(self.t2), t3 = Int(self.t3)
            let v1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11
            let x = (adcT >> 4) - t1
            let v2 = (((x * x) >> 12) * t3) >> 14
            let tFine = v1 + v2
            return (tFine, (tFine * 5 + 128) >> 8)
        }

        /// Pressure in Pa as Q24.8 (the 64-bit form).
        public func compensatePressure(adcP: Int, tFine: Int) -> Int {
            let p1 = Int64(self.p1), p2 = Int64(self.p2), p3 = Int64(self.p3), p4 = Int64(self.p4), p5 = Int64(self.p5)
            let p6 = Int64(self.p6), p7 = Int64(self.p7), p8 = Int64(self.p8), p9 = Int64(self.p9)
            var v1 = Int64(tFine) - 128000
            var v2 = v1 &* v1 &* p6
            v2 = v2 &+ ((v1 &* p5) << 17)
            v2 = v2 &+ (p4 << 35)
            v1 = ((v1 &* v1 &* p3) >> 8) &+ ((v1 &* p2) << 12)
            v1 = (((Int64(1) << 47) &+ v1) &* p1) >> 33
            if v1 == 0 { return 0 }  // avoid division by zero
            var p = 1_048_576 - Int64(adcP)
            p = (((p << 31) &- v2) &* 3125) / v1
            v1 = (p9 &* (p >> 13) &* (p >> 13)) >> 25
            v2 = (p8 &* p) >> 19
            p = ((p &+ v1 &+ v2) >> 8) &+ (p7 << 4)
            return Int(UInt32(truncatingIfNeeded: p))
        }

        /// Relative humidity in %RH as Q22.10.
        public func compensateHumidity(adcH: Int, tFine: Int) -> Int {
            let h1 = Int(self.h1), h2 = Int(self.h2), h3 = Int(self.h3), h4 = Int(self.h4), h5 = Int(self.h5), h6 = Int(self.h6)
            var x = tFine - 76800
            x = (((adcH << 14) - (h4 << 20) - h5 * x + 16384) >> 15)
                * (((((((x * h6) >> 10) * (((x * h3) >> 11) + 32768)) >> 10) + 2_097_152) * h2 + 8192) >> 14)
            x = x - (((((x >> 15) * (x >> 15)) >> 7) * h1) >> 4)
            x = min(max(x, 0), 419_430_400)
            return x >> 12
        }

        // MARK: Inversion: raw ADC values that compensate back to a given reading

        /// The smallest k in 0…hi with f(k) ≥ target (f non-decreasing), or hi.
        static func lowerBound(_ hi: Int, _ target: Int, _ f: (Int) -> Int) -> Int {
            var lo = 0, hi = hi
            while lo < hi {
                let mid = (lo + hi) / 2
                if f(mid) < target { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        /// The k near the crossing of f (non-decreasing) with target whose f is closest.
        static func closest(_ hi: Int, _ target: Int, _ f: (Int) -> Int) -> Int {
            let k = lowerBound(hi, target, f)
            if k > 0 && abs(f(k - 1) - target) <= abs(f(k) - target) { return k - 1 }
            return k
        }

        /// adc_T of `bits` resolution (a multiple of 2^(20−bits)) whose t_fine is
        /// closest to the temperature's (t_fine = T·5120). Bisection works because
        /// the compensation is monotonic in adc_T.
        public func rawTemperature(_ celsius: Double, bits: Int) -> Int {
            let step = 1 << (20 - bits)
            let target = Int((celsius * 5120).rounded())
            let f = { (k: Int) in self.compensateTemperature(adcT: k * step).tFine }
            let k = Calibration.closest((1 << bits) - 1, target, f)
            // The integer formula reads adc_T ≫ 3 and floors, so up to 8 raw values
            // share one t_fine and the floating-point formula (DS §8.1) reads up to
            // ~13 t_fine units higher. Near the integer answer, take the raw value
            // that serves both kinds of driver best (least worse error of the two).
            func cost(_ k: Int) -> (Double, Int) {
                let intErr = abs(Double(f(k)) / 5120 - celsius)
                return (max(intErr, abs(floatTemperature(adcT: k * step) - celsius)), abs(f(k) - target))
            }
            let window = max(0, k - 16 / step)...min((1 << bits) - 1, k + 16 / step)
            return step * (window.min { cost($0) < cost($1) } ?? k)
        }

        /// The floating-point temperature (DS §8.1), °C.
        public func floatTemperature(adcT: Int) -> Double {
            let a = Double(adcT), t1 = Double(self.t1)
            let v1 = (a / 16384 - t1 / 1024) * Double(t2)
            let d = a / 131072 - t1 / 8192
            return (v1 + d * d * Double(t3)) / 5120
        }

        /// adc_P of `bits` resolution that compensates (at t_fine) closest to `hPa`.
        /// The compensation falls as adc_P rises, so the bisection runs on its negation.
        public func rawPressure(_ hPa: Double, tFine: Int, bits: Int) -> Int {
            let step = 1 << (20 - bits)
            let target = Int((hPa * 100 * 256).rounded())
            return step * Calibration.closest((1 << bits) - 1, -target) { -self.compensatePressure(adcP: $0 * step, tFine: tFine) }
        }

        /// adc_H (16 bits) that compensates (at t_fine) closest to `percent`.
        public func rawHumidity(_ percent: Double, tFine: Int) -> Int {
            let target = Int((percent * 1024).rounded())
            return Calibration.closest(0xFFFF, target) { self.compensateHumidity(adcH: $0, tFine: tFine) }
        }
    }
}
