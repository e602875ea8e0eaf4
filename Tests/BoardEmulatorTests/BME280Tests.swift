import XCTest
@testable import BoardEmulator

/// Talks to a BME280 the way a driver does: only through i2cWrite / i2cRead,
/// advancing the virtual clock between transactions.
struct BMEDriver {
    let dev: BME280
    let clock: VirtualClock

    func write(_ reg: UInt8, _ value: UInt8) { XCTAssertEqual(dev.i2cWrite([reg, value]), 2) }
    /// `count` bytes from `reg` on, or zeros after a failure if the device sent fewer.
    func read(_ reg: UInt8, _ count: Int) -> [UInt8] {
        XCTAssertEqual(dev.i2cWrite([reg]), 1)
        let bytes = dev.i2cRead(count: count)
        XCTAssertEqual(bytes.count, count, "bytes read from 0x\(String(reg, radix: 16))")
        return bytes.count == count ? bytes : [UInt8](repeating: 0, count: count)
    }
    func read(_ reg: UInt8) -> UInt8 { read(reg, 1)[0] }
    func status() -> UInt8 { read(0xF3) }
    func advance(ms: Double) { clock.advance(by: UInt64((ms * 1e6).rounded())) }

    /// Burst-reads 0xF7…0xFE and unpacks (adc_P, adc_T, adc_H) (DS §4, Table 18).
    func raw() -> (p: Int32, t: Int32, h: Int32) {
        let b = read(0xF7, 8).map { Int32($0) }
        return ((b[0] << 12) | (b[1] << 4) | (b[2] >> 4),
                (b[3] << 12) | (b[4] << 4) | (b[5] >> 4),
                (b[6] << 8) | b[7])
    }
    func trims() -> TestTrims { TestTrims(read(0x88, 26), read(0xE1, 7)) }

    /// The datasheet's forced-mode sequence (DS §3.3.3, §9): ctrl_hum, then
    /// ctrl_meas with mode 01, poll `measuring` until it clears, then burst-read.
    /// Returns the raw values and how long `measuring` was seen set (ms, by `pollMs`).
    @discardableResult
    func forcedMeasurement(osrsT: UInt8, osrsP: UInt8, osrsH: UInt8, pollMs: Double = 0.5) -> (raw: (p: Int32, t: Int32, h: Int32), busyMs: Double) {
        write(0xF2, osrsH)
        write(0xF4, osrsT << 5 | osrsP << 2 | 0b01)
        var busy = 0.0
        while status() & 0x08 != 0 {
            advance(ms: pollMs); busy += pollMs
            if busy > 1000 { XCTFail("measuring never cleared"); break }
        }
        return (raw(), busy)
    }
}

/// An independent implementation of the datasheet's compensation (DS §4.2.3 in
/// 32/64-bit integers with C's wrap-around, §8.1 in floating point), written from
/// the datasheet for the tests (docs/HARDWARE.md §1.6).
struct TestTrims {
    var T1: Int32, T2: Int32, T3: Int32
    var P: [Int64]  // P[1]…P[9], P[0] unused
    var H1: Int32, H2: Int32, H3: Int32, H4: Int32, H5: Int32, H6: Int32

    init(_ a: [UInt8], _ e: [UInt8]) {
        func u16(_ i: Int) -> Int32 { Int32(a[i]) | Int32(a[i + 1]) << 8 }
        func s16(_ i: Int) -> Int32 { Int32(Int16(bitPattern: UInt16(u16(i)))) }
        T1 = u16(0); T2 = s16(2); T3 = s16(4)
        P = [0, Int64(u16(6))] + stride(from: 8, through: 22, by: 2).map { Int64(s16($0)) }
        H1 = Int32(a[25])
        H2 = Int32(Int16(bitPattern: UInt16(e[0]) | UInt16(e[1]) << 8))
        H3 = Int32(e[2])
        H4 = Int32(Int8(bitPattern: e[3])) * 16 + Int32(e[4] & 0x0F)
        H5 = Int32(Int8(bitPattern: e[5])) * 16 + Int32(e[4] >> 4)
        H6 = Int32(Int8(bitPattern: e[6]))
    }

    func temperature(_ adcT: Int32) -> (tFine: Int32, t: Int32) {
        let var1 = (((adcT >> 3) &- (T1 << 1)) &* T2) >> 11
        let d = (adcT >> 4) &- T1
        let var2 = (((d &* d) >> 12) &* T3) >> 14
        let tFine = var1 &+ var2
        return (tFine, (tFine &* 5 &+ 128) >> 8)
    }
    /// Q24.8 Pa.
    func pressure(_ adcP: Int32, _ tFine: Int32) -> UInt32 {
        var var1 = Int64(tFine) - 128000
        var var2 = var1 &* var1 &* P[6]
        var2 = var2 &+ ((var1 &* P[5]) << 17)
        var2 = var2 &+ (P[4] << 35)
        var1 = ((var1 &* var1 &* P[3]) >> 8) &+ ((var1 &* P[2]) << 12)
        var1 = (((Int64(1) << 47) &+ var1) &* P[1]) >> 33
        if var1 == 0 { return 0 }
        var p = 1048576 - Int64(adcP)
        p = (((p << 31) &- var2) &* 3125) / var1
        var1 = (P[9] &* (p >> 13) &* (p >> 13)) >> 25
        var2 = (P[8] &* p) >> 19
        p = ((p &+ var1 &+ var2) >> 8) &+ (P[7] << 4)
        return UInt32(truncatingIfNeeded: p)
    }
    /// Q22.10 %RH.
    func humidity(_ adcH: Int32, _ tFine: Int32) -> UInt32 {
        var v = tFine &- 76800
        let left: Int32 = (((adcH << 14) &- (H4 << 20) &- (H5 &* v)) &+ 16384) >> 15
        let inner: Int32 = (((v &* H6) >> 10) &* (((v &* H3) >> 11) &+ 32768)) >> 10
        let right: Int32 = ((inner &+ 2097152) &* H2 &+ 8192) >> 14
        v = left &* right
        v = v &- (((((v >> 15) &* (v >> 15)) >> 7) &* H1) >> 4)
        v = v < 0 ? 0 : v
        v = v > 419430400 ? 419430400 : v
        return UInt32(v >> 12)
    }
    /// The integer path in engineering units: (°C, hPa, %RH).
    func compensate(_ r: (p: Int32, t: Int32, h: Int32)) -> (t: Double, p: Double, h: Double) {
        let (tFine, t) = temperature(r.t)
        return (Double(t) / 100, Double(pressure(r.p, tFine)) / 25600, Double(humidity(r.h, tFine)) / 1024)
    }
    /// The floating-point path (DS §8.1; what Adafruit's driver uses).
    func compensateFloat(_ r: (p: Int32, t: Int32, h: Int32)) -> (t: Double, p: Double, h: Double) {
        let adcT = Double(r.t), adcP = Double(r.p), adcH = Double(r.h)
        let v1 = (adcT / 16384 - Double(T1) / 1024) * Double(T2)
        let v2 = pow(adcT / 131072 - Double(T1) / 8192, 2) * Double(T3)
        let tFine = Double(Int32(v1 + v2))
        let t = (v1 + v2) / 5120
        var a = tFine / 2 - 64000
        var b = a * a * Double(P[6]) / 32768 + a * Double(P[5]) * 2
        b = b / 4 + Double(P[4]) * 65536
        a = (Double(P[3]) * a * a / 524288 + Double(P[2]) * a) / 524288
        a = (1 + a / 32768) * Double(P[1])
        var p = 1048576 - adcP
        p = (p - b / 4096) * 6250 / a
        p += (Double(P[9]) * p * p / 2147483648 + p * Double(P[8]) / 32768 + Double(P[7])) / 16
        var h = tFine - 76800
        h = (adcH - (Double(H4) * 64 + Double(H5) / 16384 * h))
            * (Double(H2) / 65536 * (1 + Double(H6) / 67108864 * h * (1 + Double(H3) / 67108864 * h)))
        h = h * (1 - Double(H1) * h / 524288)
        return (t, p / 100, min(max(h, 0), 100))
    }
}

final class BME280Tests: XCTestCase {
    static let nvm88: [UInt8] = [0xb1, 0x6f, 0x2e, 0x6a, 0x32, 0x00, 0xe2, 0x8f, 0x0a, 0xd7, 0xd0, 0x0b, 0x75,
                                 0x1f, 0xc5, 0xff, 0xf9, 0xff, 0xac, 0x26, 0x0a, 0xd8, 0xbd, 0x10, 0x00, 0x4b]
    static let nvmE1: [UInt8] = [0x77, 0x01, 0x00, 0x12, 0x20, 0x03, 0x1e]

    func make(address: UInt8 = 0x76, t: Double = 22, h: Double = 45, p: Double = 1013.25,
              calibration: BME280.Calibration = .realSensor) -> (BMEDriver, Environment) {
        let clock = VirtualClock()
        let env = Environment(temperature: t, humidity: h, pressure: p)
        let dev = BME280(address: address, clock: clock, environment: env, calibration: calibration)
        let drv = BMEDriver(dev: dev, clock: clock)
        drv.advance(ms: 2)  // start-up (DS: 2 ms)
        return (drv, env)
    }

    // MARK: Identity, reset, calibration

    func testChipIDAndAddress() {
        let (d, _) = make(address: 0x76)
        XCTAssertEqual(d.dev.address, 0x76)
        XCTAssertEqual(d.read(0xD0), 0x60)
        let (d2, _) = make(address: 0x77)
        XCTAssertEqual(d2.dev.address, 0x77)
        XCTAssertEqual(d2.read(0xD0), 0x60)
    }

    func testResetValuesAndUndefinedAddresses() {
        let (d, _) = make()
        XCTAssertEqual(d.read(0xF2, 4), [0x00, 0x00, 0x00, 0x00])        // ctrl_hum, status, ctrl_meas, config
        XCTAssertEqual(d.read(0xF7, 8), [0x80, 0, 0, 0x80, 0, 0, 0x80, 0]) // data reset values
        XCTAssertEqual(d.read(0xE0), 0x00)
        for reg: UInt8 in [0x00, 0x87, 0xA2, 0xCF, 0xD1, 0xDF, 0xF1, 0xF6, 0xFF] { XCTAssertEqual(d.read(reg), 0x00, "reg \(reg)") }
        // Writes to read-only registers are acknowledged and dropped.
        d.write(0xD0, 0x12); d.write(0x88, 0x00)
        XCTAssertEqual(d.read(0xD0), 0x60)
        XCTAssertEqual(d.read(0x88), 0xB1)
    }

    func testSoftResetRestoresRegistersWithStartupDelay() {
        let (d, _) = make()
        XCTAssertEqual(d.status(), 0x00)
        d.write(0xF5, 0xA8)  // t_sb 101, filter 010
        d.forcedMeasurement(osrsT: 1, osrsP: 1, osrsH: 1)
        XCTAssertNotEqual(d.read(0xF7, 8), [0x80, 0, 0, 0x80, 0, 0, 0x80, 0])
        d.write(0xE0, 0x42)                      // not the reset command: nothing happens
        XCTAssertEqual(d.read(0xF2), 0x01)
        d.write(0xE0, 0xB6)
        XCTAssertEqual(d.status(), 0x01)         // im_update during the 2 ms start-up
        XCTAssertEqual(d.read(0xF2, 4), [0x00, 0x01, 0x00, 0x00])
        XCTAssertEqual(d.read(0xF7, 8), [0x80, 0, 0, 0x80, 0, 0, 0x80, 0])
        XCTAssertEqual(d.read(0xD0), 0x60)
        d.advance(ms: 1.999999)
        XCTAssertEqual(d.status(), 0x01)
        d.advance(ms: 0.000001)
        XCTAssertEqual(d.status(), 0x00)
        XCTAssertEqual(d.read(0x88, 26), Self.nvm88) // calibration survives (it is NVM)
    }

    func testSoftResetDuringNormalModeStopsCycling() {
        let (d, _) = make()
        d.write(0xF2, 1); d.write(0xF4, 0x27)
        d.advance(ms: 100)
        d.write(0xE0, 0xB6)
        d.advance(ms: 1000)
        XCTAssertEqual(d.status(), 0x00)
        XCTAssertEqual(d.read(0xF7, 8), [0x80, 0, 0, 0x80, 0, 0, 0x80, 0])
    }

    func testCalibrationBytesEqualNVMDumpAndDecode() {
        let (d, _) = make()
        XCTAssertEqual(d.read(0x88, 26), Self.nvm88)
        XCTAssertEqual(d.read(0xE1, 7), Self.nvmE1)
        let c = d.trims()
        XCTAssertEqual([c.T1, c.T2, c.T3], [28593, 27182, 50])
        XCTAssertEqual(Array(c.P[1...]), [36834, -10486, 3024, 8053, -59, -7, 9900, -10230, 4285])
        XCTAssertEqual([c.H1, c.H2, c.H3, c.H4, c.H5, c.H6], [75, 375, 0, 288, 50, 30])
        // The model's own decoder agrees.
        let m = BME280.Calibration.realSensor
        XCTAssertEqual([Int(m.t1), Int(m.t2), Int(m.t3), Int(m.p1), Int(m.p9), Int(m.h4), Int(m.h5), Int(m.h6)],
                       [28593, 27182, 50, 36834, 4285, 288, 50, 30])
    }

    func testCustomTrimsRoundTripThroughRegisters() {
        // The BMP280 datasheet's worked-example T/P trims plus made-up H trims with negative H4/H5.
        let cal = BME280.Calibration(t1: 27504, t2: 26435, t3: -1000,
                                     p1: 36477, p2: -10685, p3: 3024, p4: 2855, p5: 140, p6: -7, p7: 15500, p8: -14600, p9: 6000,
                                     h1: 75, h2: 360, h3: 0, h4: 330, h5: -1, h6: 30)
        let (d, _) = make(t: 25.08, calibration: cal)
        let c = d.trims()
        XCTAssertEqual([c.T1, c.T2, c.T3], [27504, 26435, -1000])
        XCTAssertEqual(Array(c.P[1...]), [36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000])
        XCTAssertEqual([c.H1, c.H2, c.H3, c.H4, c.H5, c.H6], [75, 360, 0, 330, -1, 30])
        // BMP280 datasheet example: adc_T = 519888 → t_fine 128422, 25.08 °C.
        XCTAssertEqual(c.temperature(519888).tFine, 128422)
        XCTAssertEqual(c.temperature(519888).t, 2508)
        let r = d.forcedMeasurement(osrsT: 5, osrsP: 5, osrsH: 5).raw
        let v = c.compensate(r)
        XCTAssertEqual(v.t, 25.08, accuracy: 0.01)
        XCTAssertEqual(v.p, 1013.25, accuracy: 0.02)
        XCTAssertEqual(v.h, 45, accuracy: 0.1)
        // Negative 12-bit H4/H5 survive the nibble packing of 0xE4…0xE6.
        var neg = cal; neg.h4 = -300; neg.h5 = -2048; neg.h6 = -5
        let (a, e) = neg.encoded()
        let n = TestTrims(a, e)
        XCTAssertEqual([n.H4, n.H5, n.H6], [-300, -2048, -5])
        XCTAssertEqual(BME280.Calibration(bytes88: a, bytesE1: e), neg)
    }

    // MARK: Compensation

    func testBoschTestVectorWithTestSideCompensation() {
        let c = TestTrims(Self.nvm88, Self.nvmE1)
        let (tFine, t) = c.temperature(0x84510)
        XCTAssertEqual(tFine, 140177)
        XCTAssertEqual(t, 2738)
        XCTAssertEqual(c.pressure(0x4F570, tFine), 25912895)
        XCTAssertEqual(c.humidity(0x5EB4, tFine), 33689)
        let f = c.compensateFloat((0x4F570, 0x84510, 0x5EB4))
        XCTAssertEqual(f.t, 27.3785, accuracy: 0.0001)
        XCTAssertEqual(f.p * 100, 101222.25, accuracy: 0.01)
        XCTAssertEqual(f.h, 32.904, accuracy: 0.001)
        // The model's compensation gives the same numbers.
        let m = BME280.Calibration.realSensor
        XCTAssertEqual(m.compensateTemperature(adcT: 0x84510).tFine, 140177)
        XCTAssertEqual(m.compensatePressure(adcP: 0x4F570, tFine: 140177), 25912895)
        XCTAssertEqual(m.compensateHumidity(adcH: 0x5EB4, tFine: 140177), 33689)
    }

    func testModelInvertsCompensationAtTheTestVectorEnvironment() {
        let (d, env) = make(t: 27.38, h: 33689.0 / 1024, p: 25912895.0 / 25600)
        let c = d.trims()
        for osrs: UInt8 in 1...5 {
            let r = d.forcedMeasurement(osrsT: osrs, osrsP: osrs, osrsH: osrs).raw
            // Resolution 16 + (osrs − 1) bits: the low 20 − bits bits are zero.
            let zeroBits = Int32((1 << (5 - Int(osrs))) - 1)
            XCTAssertEqual(r.t & zeroBits, 0); XCTAssertEqual(r.p & zeroBits, 0)
            let (tFine, t) = c.temperature(r.t)
            // One ADC step of resolution is worth ≈ 0.00033 °C · 2^(5−osrs); the integer
            // formula reads adc_T ≫ 3, so it resolves no finer than 8 steps.
            let step = Double(max(1 << (5 - Int(osrs)), 8))
            XCTAssertEqual(Double(tFine) / 5120, env.temperature, accuracy: 0.00033 * step / 2 + 0.0001)
            XCTAssertEqual(c.compensateFloat(r).t, env.temperature, accuracy: 0.00033 * step / 2 + 0.0001)
            XCTAssertEqual(t, 2738)
            // Near the vector's raw values (which give 27.3785 °C, 1012.2225 hPa, 32.90 %RH).
            XCTAssertEqual(Double(r.t), Double(0x84510), accuracy: 40)
            XCTAssertEqual(Double(r.h), Double(0x5EB4), accuracy: 4)
            let p = Double(c.pressure(r.p, tFine)) / 25600
            XCTAssertEqual(p, env.pressure, accuracy: 0.0018 * Double(1 << (5 - Int(osrs))) / 2 + 0.0002)
            XCTAssertEqual(Double(c.humidity(r.h, tFine)) / 1024, env.humidity, accuracy: 0.01)
        }
    }

    func testCompensatedValuesMatchEnvironmentOverGrid() {
        let (d, env) = make()
        let c = d.trims()
        var worst = (t: 0.0, p: 0.0, h: 0.0), worstF = (t: 0.0, p: 0.0, h: 0.0)
        for t in stride(from: -10.0, through: 40.0, by: 2.5) {
            for h in stride(from: 10.0, through: 90.0, by: 10) {
                for p in stride(from: 900.0, through: 1100.0, by: 25) {
                    env.temperature = t; env.humidity = h; env.pressure = p; env.settle()
                    let r = d.forcedMeasurement(osrsT: 5, osrsP: 5, osrsH: 5, pollMs: 10).raw
                    let v = c.compensate(r), f = c.compensateFloat(r)
                    worst = (max(worst.t, abs(v.t - t)), max(worst.p, abs(v.p - p)), max(worst.h, abs(v.h - h)))
                    worstF = (max(worstF.t, abs(f.t - t)), max(worstF.p, abs(f.p - p)), max(worstF.h, abs(f.h - h)))
                }
            }
        }
        XCTAssertLessThanOrEqual(worst.t, 0.01)
        XCTAssertLessThanOrEqual(worst.p, 0.02)
        XCTAssertLessThanOrEqual(worst.h, 0.1)
        XCTAssertLessThanOrEqual(worstF.t, 0.01)
        XCTAssertLessThanOrEqual(worstF.p, 0.02)
        XCTAssertLessThanOrEqual(worstF.h, 0.1)
    }

    // MARK: Forced mode

    func testForcedModeMeasuringLastsExactlyTMeasure() {
        for (osrsT, osrsP, osrsH, ms) in [(UInt8(1), UInt8(1), UInt8(1), 8.0), (1, 5, 1, 38.0), (1, 3, 0, 11.5), (5, 5, 5, 98.0)] {
            let (d, _) = make()
            d.write(0xF2, osrsH)
            d.write(0xF4, osrsT << 5 | osrsP << 2 | 0b01)
            XCTAssertEqual(d.status() & 0x08, 0x08)
            XCTAssertEqual(d.read(0xF4) & 0x03, 0x01)
            d.advance(ms: ms - 0.000001)
            XCTAssertEqual(d.status() & 0x08, 0x08, "still measuring just before \(ms) ms")
            XCTAssertEqual(d.read(0xF7, 8), [0x80, 0, 0, 0x80, 0, 0, 0x80, 0], "data keep old values while measuring")
            d.advance(ms: 0.000001)
            XCTAssertEqual(d.status(), 0x00, "done at \(ms) ms")
            XCTAssertEqual(d.read(0xF4) & 0x03, 0x00, "back to sleep")
            let r = d.raw()
            XCTAssertNotEqual(r.t, 0x80000)
            XCTAssertEqual(r.h == 0x8000, osrsH == 0)
            d.advance(ms: 500)
            XCTAssertEqual(d.status(), 0x00)
        }
        // The driver's polling loop sees the same: T×1, P×16, H×1 → 38 ms.
        let (d, _) = make()
        XCTAssertEqual(d.forcedMeasurement(osrsT: 1, osrsP: 5, osrsH: 1, pollMs: 1).busyMs, 38)
        XCTAssertEqual(d.forcedMeasurement(osrsT: 1, osrsP: 1, osrsH: 1, pollMs: 1).busyMs, 8)
    }

    func testForcedModeNeedsRetriggerAndSeesNewEnvironment() {
        let (d, env) = make(t: 20)
        let c = d.trims()
        let first = d.forcedMeasurement(osrsT: 2, osrsP: 2, osrsH: 2).raw
        XCTAssertEqual(c.compensate(first).t, 20, accuracy: 0.01)
        env.temperature = 30; env.settle(); env.pressure = 950; env.humidity = 70
        d.advance(ms: 100)
        XCTAssertEqual(d.raw().t, first.t, "sleep mode: no new data without a new trigger")
        let v = c.compensate(d.forcedMeasurement(osrsT: 2, osrsP: 2, osrsH: 2).raw)
        XCTAssertEqual(v.t, 30, accuracy: 0.01)
        XCTAssertEqual(v.p, 950, accuracy: 0.05)
        XCTAssertEqual(v.h, 70, accuracy: 0.1)
    }

    func testSkippedChannelsAndCtrlHumLatching() {
        let (d, _) = make()
        // Skip T and P, H×1: outputs 0x80000 for the skipped ones.
        var r = d.forcedMeasurement(osrsT: 0, osrsP: 0, osrsH: 1).raw
        XCTAssertEqual(r.t, 0x80000); XCTAssertEqual(r.p, 0x80000); XCTAssertNotEqual(r.h, 0x8000)
        // ctrl_hum written after ctrl_meas does not apply to that measurement (DS §5.4.3).
        d.write(0xF2, 0)
        d.write(0xF4, 1 << 5 | 1 << 2 | 1)     // latches osrs_h = 0
        d.write(0xF2, 1)                        // too late for this one
        XCTAssertEqual(d.read(0xF2), 1)
        d.advance(ms: 5.5)                      // 1 + 2 + 2.5 ms without humidity
        XCTAssertEqual(d.status() & 0x08, 0)
        r = d.raw()
        XCTAssertEqual(r.h, 0x8000); XCTAssertNotEqual(r.t, 0x80000)
        // The next ctrl_meas write picks it up.
        r = d.forcedMeasurement(osrsT: 1, osrsP: 1, osrsH: 1).raw
        XCTAssertNotEqual(r.h, 0x8000)
    }

    func testWritesArePairsWithoutAutoIncrement() {
        let (d, _) = make()
        // Two pairs in one transaction: ctrl_hum and config.
        XCTAssertEqual(d.dev.i2cWrite([0xF2, 0x03, 0xF5, 0x10]), 4)
        XCTAssertEqual(d.read(0xF2), 0x03)
        XCTAssertEqual(d.read(0xF3, 3), [0x00, 0x00, 0x10]) // 0xF3/0xF4 untouched: no auto-increment
        // A trailing unpaired byte is a register address for the next read.
        XCTAssertEqual(d.dev.i2cWrite([0xF2, 0x01, 0xD0]), 3)
        XCTAssertEqual(d.dev.i2cRead(count: 1), [0x60])
        // Reads auto-increment across register boundaries.
        XCTAssertEqual(d.read(0xD0, 1), [0x60])
        XCTAssertEqual(d.read(0xF2, 2), [0x01, 0x00])
    }

    func testModeChangeDuringMeasurementIsDelayed() {
        let (d, _) = make()
        d.write(0xF2, 1)
        d.write(0xF4, 0x25)                    // forced, 8 ms
        d.advance(ms: 3)
        d.write(0xF4, 0x27)                    // normal: delayed to the end of the measurement (DS §3.3.1)
        d.write(0xF2, 0)                       // ignored while the mode change is pending
        XCTAssertEqual(d.status() & 0x08, 0x08)
        d.advance(ms: 5)                       // forced measurement ends; normal starts at once
        XCTAssertEqual(d.read(0xF2), 1)
        XCTAssertEqual(d.read(0xF4), 0x27)
        XCTAssertEqual(d.status() & 0x08, 0x08)
        d.advance(ms: 8)
        XCTAssertEqual(d.status() & 0x08, 0x00)
        d.write(0xF4, 0x24)                    // sleep (during standby: at once)
        d.advance(ms: 1000)
        XCTAssertEqual(d.status(), 0)
    }

    // MARK: Normal mode

    func testNormalModeSamplesEveryTMeasurePlusStandby() {
        let (d, env) = make(p: 1000)
        let c = d.trims()
        d.write(0xF5, 0b001_000_00)            // t_sb = 62.5 ms, filter off (written in sleep)
        XCTAssertEqual(d.read(0xF5), 0x20)
        d.write(0xF2, 1)
        d.write(0xF4, 0b001_001_11)            // T×1, P×1, normal: t_measure 8 ms
        d.write(0xF5, 0b101_000_00)            // ignored in normal mode (DS §5.4.6)
        XCTAssertEqual(d.read(0xF5), 0x20)
        d.advance(ms: 7.999999)
        XCTAssertEqual(d.raw().p, 0x80000)
        d.advance(ms: 0.000001)                 // first sample at 8 ms
        XCTAssertEqual(c.compensate(d.raw()).p, 1000, accuracy: 0.05)
        let period = 8 + 62.5
        for k in 1...5 {
            let hPa = 1000.0 + Double(k) * 10
            env.pressure = hPa
            d.advance(ms: period - 0.000001)
            XCTAssertEqual(c.compensate(d.raw()).p, hPa - 10, accuracy: 0.05, "sample \(k) not yet")
            // Standby then measuring: measuring is set during the last 8 ms of the period.
            XCTAssertEqual(d.status() & 0x08, 0x08)
            d.advance(ms: 0.000001)
            XCTAssertEqual(d.status() & 0x08, 0x00)
            XCTAssertEqual(c.compensate(d.raw()).p, hPa, accuracy: 0.05, "sample \(k)")
        }
        // Other standby codes: 110 = 10 ms, 111 = 20 ms on the BME280 (DS Table 27).
        for (code, tsb) in [(UInt8(0b110), 10.0), (0b111, 20.0), (0b000, 0.5)] {
            d.write(0xF4, 0b001_001_00)         // sleep, so config can be written
            d.write(0xF5, code << 5)
            d.write(0xF4, 0b001_001_11)
            d.advance(ms: 8)
            var last = d.raw()
            env.pressure += 5
            d.advance(ms: 8 + tsb - 0.000001)
            XCTAssertEqual(d.raw().p, last.p)
            d.advance(ms: 0.000001)
            last = d.raw()
            XCTAssertEqual(c.compensate(last).p, env.pressure, accuracy: 0.05, "t_sb code \(code)")
        }
    }

    /// Runs normal mode with the given filter code and steps the temperature and the
    /// pressure after the first sample; returns the number of samples each channel
    /// needs to reach ≥ 75 % of the step.
    func samplesToReach75Percent(filterCode: UInt8) -> (t: Int, p: Int) {
        let (d, env) = make(t: 20, p: 1000)
        d.write(0xF5, filterCode << 2)          // t_sb 0.5 ms
        d.write(0xF2, 0)
        d.write(0xF4, 0b101_101_11)            // T×16, P×16, H skipped: t_measure 65.5 ms, period 66 ms
        d.advance(ms: 65.5)
        let r0 = d.raw()
        env.temperature = 30; env.settle(); env.pressure = 1050
        var samples: [(p: Int32, t: Int32, h: Int32)] = []
        for _ in 0..<300 { d.advance(ms: 66); samples.append(d.raw()) }
        let rf = samples.last!
        func count(_ x: KeyPath<(p: Int32, t: Int32, h: Int32), Int32>) -> Int {
            let a = Double(r0[keyPath: x]), b = Double(rf[keyPath: x])
            XCTAssertGreaterThan(abs(b - a), 10_000)
            return 1 + samples.firstIndex { (Double($0[keyPath: x]) - a) / (b - a) >= 0.75 }!
        }
        return (count(\.t), count(\.p))
    }

    func testIIRFilterStepResponseMatchesTable6() {
        // DS Table 6: samples to reach ≥ 75 % of a step: off 1, 2 → 2, 4 → 5, 8 → 11, 16 → 22.
        for (code, n) in [(UInt8(0), 1), (1, 2), (2, 5), (3, 11), (4, 22), (7, 22)] {
            let r = samplesToReach75Percent(filterCode: code)
            XCTAssertEqual(r.t, n, "temperature, filter code \(code)")
            XCTAssertEqual(r.p, n, "pressure, filter code \(code)")
        }
    }

    func testFilterGivesTwentyBitsAndHumidityIsUnfiltered() {
        let (d, env) = make(t: 21.3, h: 40)
        d.write(0xF5, 0b000_100_00)             // filter 16
        d.write(0xF2, 1)
        d.write(0xF4, 0b001_001_11)             // T×1, P×1 (16 bits unfiltered), normal
        d.advance(ms: 8)
        let c = d.trims()
        env.humidity = 80
        d.advance(ms: 8.5)
        XCTAssertEqual(c.compensate(d.raw()).h, 80, accuracy: 0.1, "humidity jumps at once")
        env.temperature = 25; env.settle()
        d.advance(ms: 8.5)
        let r = d.raw()
        XCTAssertEqual(c.compensate(r).t, 21.3 + 3.7 / 16, accuracy: 0.01, "temperature is filtered")
        XCTAssertNotEqual(r.t & 0xF, 0, "filtered output uses the 20-bit xlsb nibble")
    }

    func testSkippedMeasurementFreezesFilterMemory() {
        let (d, env) = make(t: 20)
        let c = d.trims()
        d.write(0xF5, 0b000_100_00)             // filter 16
        d.forcedMeasurement(osrsT: 5, osrsP: 5, osrsH: 0)  // memory = 20 °C
        env.temperature = 30; env.settle()
        XCTAssertEqual(d.forcedMeasurement(osrsT: 0, osrsP: 5, osrsH: 0).raw.t, 0x80000)
        // Re-enabled: filtered from the old memory (one step of 1/16), DS §3.4.4.
        let t = c.compensate(d.forcedMeasurement(osrsT: 5, osrsP: 5, osrsH: 0).raw).t
        XCTAssertEqual(t, 20 + 10.0 / 16, accuracy: 0.02)
        // Writing config resets the filter: the next sample passes unchanged.
        d.write(0xF5, 0b000_100_00)
        XCTAssertEqual(c.compensate(d.forcedMeasurement(osrsT: 5, osrsP: 5, osrsH: 0).raw).t, 30, accuracy: 0.01)
    }

    func testBurstReadIsOneConsistentSnapshot() {
        let (d, env) = make()
        d.write(0xF2, 1); d.write(0xF4, 0b001_001_11)
        d.advance(ms: 8)
        _ = d.dev.i2cWrite([0xF7])
        let firstHalf = d.dev.i2cRead(count: 3)
        env.pressure = 1050
        d.advance(ms: 8.5)                      // a new sample lands between two transactions
        let rest = d.dev.i2cRead(count: 5)      // pointer continues at 0xFA
        XCTAssertEqual(firstHalf.count + rest.count, 8)
        let whole = d.read(0xF7, 8)
        XCTAssertEqual(Array(whole[3...]), rest, "T/H unchanged by a pressure change")
        XCTAssertNotEqual(Array(whole[0..<3]), firstHalf)
    }
}
