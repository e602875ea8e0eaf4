import XCTest
@testable import BoardEmulator

final class EnvironmentTests: XCTestCase {
    static let minute: UInt64 = 60_000_000_000
    static let hour: UInt64 = 60 * minute

    func testDefaultsAndSettableInputs() {
        let env = Environment(temperature: 24, humidity: 50, pressure: 1000)
        XCTAssertEqual(env.sensedTemperature, 24)
        XCTAssertEqual(env.coolingTarget, 18)   // ambient − 6 °C by default
        env.coolingTarget = 20
        XCTAssertEqual(env.coolingDepth, 4)
        env.temperature = 30
        XCTAssertEqual(env.coolingTarget, 26, "the target follows the ambient")
        env.humidity = 70; env.pressure = 990
        XCTAssertEqual(env.humidity, 70); XCTAssertEqual(env.pressure, 990)
    }

    func testFanAtFullSpeedForAnHourReachesCoolingTarget() {
        let env = Environment(temperature: 25)
        env.fanCooling = 1
        var t = UInt64(0), last = env.sensedTemperature
        while t < Self.hour {
            t += Self.minute
            env.update(to: t)
            XCTAssertLessThanOrEqual(env.sensedTemperature, last, "cooling is monotonic")
            last = env.sensedTemperature
        }
        XCTAssertEqual(env.sensedTemperature, env.coolingTarget, accuracy: 0.1)
        XCTAssertEqual(env.sensedTemperature, 19, accuracy: 0.1)
        // A few minutes (one time constant) is well short of it.
        let env2 = Environment(temperature: 25); env2.fanCooling = 1
        env2.update(to: 3 * Self.minute)
        XCTAssertEqual(env2.sensedTemperature, 19 + 6 * exp(-1), accuracy: 1e-9)

        // Fan off: back toward the ambient.
        env.fanCooling = 0
        env.update(to: t + 2 * Self.minute)
        XCTAssertEqual(env.sensedTemperature, 25 - 6 * exp(-1), accuracy: 0.01)
        env.update(to: t + 30 * Self.minute)
        XCTAssertEqual(env.sensedTemperature, 25, accuracy: 0.01)
    }

    func testHalfSpeedFanBlendsSetPointAndRate() {
        let env = Environment(temperature: 20)
        env.fanCooling = 0.5
        XCTAssertEqual(env.equilibriumTemperature, 17)
        env.update(to: 10 * Self.minute)
        let k = 0.5 / 120 + 0.5 / 180
        XCTAssertEqual(env.sensedTemperature, 17 + 3 * exp(-k * 600), accuracy: 1e-12)
    }

    func testOneHourJumpEqualsSixtyOneMinuteSteps() {
        for fan in [0.0, 0.3, 1.0] {
            let a = Environment(temperature: 28), b = Environment(temperature: 28)
            for e in [a, b] { e.sensedTemperature = 35; e.fanCooling = fan }
            a.update(to: Self.hour)
            for i in 1...60 { b.update(to: UInt64(i) * Self.minute) }
            XCTAssertEqual(a.sensedTemperature, b.sensedTemperature, accuracy: 1e-9, "fan \(fan)")
            XCTAssertEqual(a.lastUpdate, b.lastUpdate)
        }
    }

    func testUpdateIgnoresEarlierTimesAndZeroTimeConstantFollowsAtOnce() {
        let env = Environment(temperature: 20)
        env.temperature = 30
        env.update(to: Self.minute)
        let v = env.sensedTemperature
        XCTAssertGreaterThan(v, 20); XCTAssertLessThan(v, 30)
        env.update(to: Self.minute / 2)
        XCTAssertEqual(env.sensedTemperature, v)
        env.ambientTimeConstant = 0
        env.update(to: Self.minute + 1)
        XCTAssertEqual(env.sensedTemperature, 30)
    }

    func testBME280SeesTheFanCooledAir() {
        let clock = VirtualClock()
        let env = Environment(temperature: 26, humidity: 40, pressure: 1010)
        let dev = BME280(address: 0x77, clock: clock, environment: env)
        let d = BMEDriver(dev: dev, clock: clock)
        let c = d.trims()
        d.advance(ms: 2)
        XCTAssertEqual(c.compensate(d.forcedMeasurement(osrsT: 5, osrsP: 1, osrsH: 1).raw).t, 26, accuracy: 0.01)
        env.fanCooling = 1
        d.write(0xF5, 0b101_000_00)   // t_sb 1000 ms
        d.write(0xF2, 1)
        d.write(0xF4, 0b101_001_11)   // normal mode
        clock.advance(by: Self.hour)
        let t = c.compensate(d.raw()).t
        XCTAssertEqual(t, env.coolingTarget, accuracy: 0.1)
        XCTAssertEqual(t, env.sensedTemperature, accuracy: 0.01)
    }
}
