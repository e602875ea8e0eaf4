import XCTest
@testable import BoardEmulator

/// Each part driven as firmware would drive it: through the GPIO bank, PWM and ADC.
final class PartsTests: XCTestCase {
    func pico(_ f: FirmwareFlavour = .circuitpython) throws -> Board { try Board(id: "pico_w", flavour: f) }
    let ms: UInt64 = 1_000_000
    let s: UInt64 = 1_000_000_000

    // MARK: Pull resistor

    /// An external pull holds an undriven net at its rail over the MCU's own pull;
    /// a driver (a pressed button, an output) still wins.
    func testAPullResistorHoldsTheNetUntilSomethingDrivesIt() throws {
        let b = try pico()
        let pin = b.pin(named: "GP14")!
        XCTAssertTrue(b.gpio.isFloating(pin))
        _ = PullResistor(id: "r1", gpio: b.gpio, pin: pin, toSupply: true, ohms: 10_000)
        XCTAssertFalse(b.gpio.isFloating(pin))
        XCTAssertTrue(b.gpio.read(pin))
        b.gpio.configure(pin, pull: .down)
        XCTAssertTrue(b.gpio.read(pin), "10 kΩ to 3V3 beats the MCU's ~50 kΩ pull-down")
        let button = PushButton(id: "b", gpio: b.gpio, pin: pin)
        button.press()
        XCTAssertFalse(b.gpio.read(pin), "the button shorts the net to GND")
        button.release()
        XCTAssertTrue(b.gpio.read(pin))
        b.gpio.configure(pin, direction: .output, value: false)
        XCTAssertFalse(b.gpio.read(pin))
        b.gpio.reset()
        XCTAssertTrue(b.gpio.read(pin), "the resistor is wiring: a reset keeps it")
    }

    // MARK: LED

    func testLEDFollowsTheLevelOfAnOutputPin() throws {
        let b = try pico()
        let pin = b.pin(named: "GP16")!
        let led = try XCTUnwrap(LED(id: "alarm", board: b, pin: pin, color: "red"))
        var changes = 0
        led.onChange = { _ in changes += 1 }
        XCTAssertEqual(led.brightness, 0, "an input pin drives nothing")
        b.gpio.configure(pin, direction: .output, value: false)
        XCTAssertEqual(led.brightness, 0)
        b.gpio.write(pin, true)
        XCTAssertEqual(led.brightness, 1)
        XCTAssertEqual(led.apparentColor, RGBColor(255, 0, 0))
        XCTAssertGreaterThan(changes, 0)
        b.gpio.write(pin, false)
        XCTAssertFalse(led.isLit)
    }

    func testActiveLowLEDLightsWhenThePinIsLow() throws {
        let b = try pico()
        let pin = b.pin(named: "GP2")!
        let led = try XCTUnwrap(LED(id: "l", board: b, pin: pin, color: "green", activeLow: true))
        XCTAssertEqual(led.brightness, 0)
        b.gpio.configure(pin, direction: .output, value: false)
        XCTAssertEqual(led.brightness, 1)
        b.gpio.write(pin, true)
        XCTAssertEqual(led.brightness, 0)
        XCTAssertEqual(led.rgb, RGBColor(0, 255, 0))
    }

    func testLEDBrightnessIsThePWMDuty() throws {
        let b = try pico()
        let led = try XCTUnwrap(LED(id: "l", board: b, pin: .gpio(15), color: "#102030"))
        var heard: [Double] = []
        led.onChange = { heard.append($0.brightness) }
        b.pwm.attach(gpio: 15)
        b.pwm.setFrequency(gpio: 15, 1000)
        b.pwm.setDutyU16(gpio: 15, 16384)
        XCTAssertEqual(led.brightness, 16384.0 / 65535, accuracy: 1e-12)
        XCTAssertEqual(heard.last!, 16384.0 / 65535, accuracy: 1e-12)
        b.pwm.setDutyU16(gpio: 15, 65535)
        XCTAssertEqual(led.brightness, 1)
        XCTAssertEqual(led.apparentColor, RGBColor(0x10, 0x20, 0x30))
        b.pwm.detach(gpio: 15)
        XCTAssertEqual(led.brightness, 1, "back to the level the pin holds")
        XCTAssertNil(LED(id: "x", board: b, pin: .gpio(3), color: "infrared"))
        XCTAssertTrue(led.setColor("blue"))
        XCTAssertFalse(led.setColor("nope"))
        XCTAssertEqual(led.colorName, "blue")
    }

    func testTwoLEDsOnPWMPinsBothHearTheirDuty() throws {
        let b = try pico()
        let a = try XCTUnwrap(LED(id: "a", board: b, pin: .gpio(14)))
        let c = try XCTUnwrap(LED(id: "c", board: b, pin: .gpio(15)))
        var heardA = 0, heardC = 0
        a.onChange = { _ in heardA += 1 }
        c.onChange = { _ in heardC += 1 }
        b.pwm.attach(gpio: 14)
        b.pwm.setDutyU16(gpio: 14, 1000)
        XCTAssertGreaterThan(heardA, 0)
        XCTAssertEqual(heardC, 0)
        XCTAssertEqual(c.brightness, 0)
    }

    // MARK: NeoPixel

    func testNeoPixelTakesGRBBytes() {
        let strip = NeoPixel(id: "strip", pin: .gpio(48), count: 3)
        strip.receive(bytes: [0x10, 0xFF, 0x00,  0x00, 0x00, 0x80,  1, 2, 3,  9, 9, 9])
        XCTAssertEqual(strip.pixels, [RGBColor(0xFF, 0x10, 0x00), RGBColor(0x00, 0x00, 0x80), RGBColor(2, 1, 3)])
        strip.receive(bytes: [0, 0, 0])
        XCTAssertEqual(strip.pixels, [.off, RGBColor(0, 0, 0x80), RGBColor(2, 1, 3)], "a short frame leaves the rest latched")
        XCTAssertEqual(strip.framesReceived, 2)
        let rgbw = NeoPixel(id: "w", count: 1, bytesPerPixel: 4)
        rgbw.receive(bytes: [1, 2, 3, 4])
        XCTAssertEqual(rgbw.pixels, [RGBColor(2, 1, 3, w: 4)])
    }

    // MARK: Relay and fan

    func testRelaySwitchesTheFanWhichSpinsUpAndCoastsDown() throws {
        let b = try pico()
        let fan = Fan(id: "fan", clock: b.clock)
        let pin = b.pin(named: "GP15")!
        let relay = Relay(id: "fan_relay", gpio: b.gpio, pin: pin, load: fan)
        XCTAssertFalse(relay.isEnergized)
        b.gpio.configure(pin, direction: .output, value: true)
        XCTAssertTrue(relay.isEnergized)
        XCTAssertTrue(fan.isPowered)
        XCTAssertEqual(fan.rpm, 0)
        b.advance(by: 1_500 * ms)
        XCTAssertEqual(fan.rpm, 3000 * (1 - exp(-1)), accuracy: 1e-6)
        XCTAssertEqual(fan.speedFraction, 0.632, accuracy: 0.001)
        b.advance(by: 13_500 * ms)
        XCTAssertEqual(fan.speedFraction, 1, accuracy: 1e-4)
        let top = fan.rpm
        b.gpio.write(pin, false)
        XCTAssertFalse(relay.isEnergized)
        XCTAssertEqual(fan.rpm, top, "no jump at switch-off")
        b.advance(by: 4 * s)
        XCTAssertEqual(fan.rpm, top * exp(-1), accuracy: 1e-6)
        XCTAssertTrue(fan.isSpinning)
        b.advance(by: 60 * s)
        XCTAssertFalse(fan.isSpinning)
        XCTAssertEqual(relay.closures, 1)
    }

    func testSwitchingMidSpinUpStartsFromTheCurrentSpeed() throws {
        let clock = VirtualClock()
        let fan = Fan(id: "f", clock: clock)
        fan.setPowered(true)
        clock.advance(by: 750_000_000)
        let mid = fan.rpm
        fan.setPowered(false)
        clock.advance(by: 2_000_000_000)
        XCTAssertEqual(fan.rpm, mid * exp(-0.5), accuracy: 1e-9)
        fan.setPowered(true)
        clock.advance(by: 1_500_000_000)
        let start = mid * exp(-0.5)
        XCTAssertEqual(fan.rpm, 3000 + (start - 3000) * exp(-1), accuracy: 1e-9)
    }

    func testActiveLowRelayHoldsItsInputHighAndEnergisesOnLow() throws {
        let b = try pico()
        let pin = b.pin(named: "GP10")!
        let fan = Fan(id: "fan", clock: b.clock)
        let relay = Relay(id: "r", gpio: b.gpio, pin: pin, activeLow: true, load: fan)
        XCTAssertTrue(b.gpio.read(pin), "the module's input pulls IN high")
        XCTAssertFalse(relay.isEnergized)
        b.gpio.configure(pin, direction: .output, value: false)
        XCTAssertTrue(relay.isEnergized)
        XCTAssertTrue(fan.isPowered)
        b.hardReset()
        XCTAssertFalse(relay.isEnergized, "after a reset the pin is an input again")
        XCTAssertFalse(fan.isPowered)
    }

    func testFanCoolsTheEnvironmentOverAnHour() throws {
        let b = try pico()
        let env = Environment(temperature: 24, humidity: 45, pressure: 1013.25)
        let fan = Fan(id: "fan", clock: b.clock, environment: env)
        let relay = Relay(id: "r", gpio: b.gpio, pin: .gpio(15), load: fan)
        b.gpio.configure(.gpio(15), direction: .output, value: true)
        XCTAssertTrue(relay.isEnergized)
        b.advance(by: 100 * ms)
        XCTAssertGreaterThan(env.fanCooling, 0)
        XCTAssertLessThan(env.fanCooling, 0.1)
        b.advance(by: 60 * s)
        XCTAssertEqual(env.fanCooling, 1, "settled at full speed")
        // After a minute the air is on its way down; after an hour it sits at the cooling target.
        env.update(to: b.clock.now)
        XCTAssertLessThan(env.sensedTemperature, 24 - 0.5)
        b.advance(by: 3600 * s)
        env.update(to: b.clock.now)
        XCTAssertEqual(env.sensedTemperature, 24 - env.coolingDepth, accuracy: 0.01)
        // The fan off: the air warms back to the ambient.
        b.gpio.write(.gpio(15), false)
        b.advance(by: 3600 * s)
        env.update(to: b.clock.now)
        XCTAssertEqual(env.fanCooling, 0)
        XCTAssertEqual(env.sensedTemperature, 24, accuracy: 0.01)
    }

    func testFanReportingMatchesTheClosedFormOverTheSpinUp() throws {
        // The environment driven by the fan's interval means should track an
        // environment fed the exact speed at a much finer step.
        let clock = VirtualClock()
        let env = Environment(temperature: 30)
        env.ambientTimeConstant = 5; env.fanTimeConstant = 5
        let fan = Fan(id: "f", clock: clock, environment: env)
        let ref = Environment(temperature: 30)
        ref.ambientTimeConstant = 5; ref.fanTimeConstant = 5
        fan.setPowered(true)
        let step: UInt64 = 1_000_000
        for _ in 0..<5000 {
            ref.fanCooling = 1 - exp(-(Double(clock.now) + Double(step) / 2) / 1e9 / 1.5)
            clock.advance(by: step)
            ref.update(to: clock.now)
        }
        env.update(to: clock.now)
        XCTAssertEqual(env.sensedTemperature, ref.sensedTemperature, accuracy: 0.01)
    }

    // MARK: Button

    func testButtonPullsAPulledUpPinLow() throws {
        let b = try pico()
        let pin = b.pin(named: "GP14")!
        let button = PushButton(id: "btn", gpio: b.gpio, pin: pin)
        b.gpio.configure(pin, direction: .input, pull: .up)
        XCTAssertTrue(b.gpio.read(pin))
        var edges: [GPIOBank.Edge] = []
        b.gpio.setIRQ(pin, edges: [.falling, .rising]) { _, e in edges.append(e) }
        button.press()
        XCTAssertFalse(b.gpio.read(pin))
        button.release()
        XCTAssertTrue(b.gpio.read(pin))
        b.advance(by: 1 * ms)
        XCTAssertEqual(edges, [.falling, .rising])
    }

    func testButtonWiredTo3V3PullsAPulledDownPinHigh() throws {
        let b = try pico()
        let button = PushButton(id: "b", gpio: b.gpio, pin: .gpio(9), wiring: .supply)
        b.gpio.configure(.gpio(9), direction: .input, pull: .down)
        XCTAssertFalse(b.gpio.read(.gpio(9)))
        button.press()
        XCTAssertTrue(b.gpio.read(.gpio(9)))
        button.release()
        XCTAssertFalse(b.gpio.read(.gpio(9)))
    }

    /// The level seen by a poller every 0.1 ms across a press and a release.
    func bounceTrace(seed: UInt64?) throws -> (edges: Int, settledLow: Bool, settledHigh: Bool, trace: [Bool]) {
        let b = try pico()
        let pin = PinRef.gpio(14)
        let button = PushButton(id: "btn", gpio: b.gpio, pin: pin, bounce: true, seed: seed)
        b.gpio.configure(pin, direction: .input, pull: .up)
        var edges = 0
        b.gpio.addListener(pin) { _, _ in edges += 1 }
        var trace: [Bool] = []
        button.press()
        for _ in 0..<60 { b.advance(by: 100_000); trace.append(b.gpio.read(pin)) }
        let low = !b.gpio.read(pin) && button.contactClosed
        button.release()
        for _ in 0..<60 { b.advance(by: 100_000); trace.append(b.gpio.read(pin)) }
        let high = b.gpio.read(pin) && !button.contactClosed
        return (edges, low, high, trace)
    }

    func testBounceChattersWithinFiveMillisecondsAndRepeats() throws {
        let a = try bounceTrace(seed: nil)
        XCTAssertGreaterThanOrEqual(a.edges, 2 + 4, "each press/release adds at least two transitions")
        XCTAssertTrue(a.settledLow); XCTAssertTrue(a.settledHigh)
        // Settled from 5 ms on, both times.
        XCTAssertTrue(a.trace[50..<60].allSatisfy { !$0 })
        XCTAssertTrue(a.trace[110..<120].allSatisfy { $0 })
        let again = try bounceTrace(seed: nil)
        XCTAssertEqual(a.trace, again.trace, "seeded: the same run gives the same chatter")
        XCTAssertEqual(a.edges, again.edges)
        var differs = false
        for seed in UInt64(1)...8 where try bounceTrace(seed: seed).trace != a.trace { differs = true }
        XCTAssertTrue(differs, "other seeds give other patterns")
    }

    // MARK: Potentiometer

    func testPotentiometerSetsWhatTheADCReads() throws {
        let b = try pico()
        let pin = b.pin(named: "A0")!
        let pot = Potentiometer(id: "knob", gpio: b.gpio, pin: pin, position: 0)
        let ch = try XCTUnwrap(b.definition.adcChannel(forGPIO: 26))
        XCTAssertEqual(b.adc.readRaw(ch), 0)
        pot.position = 1
        XCTAssertEqual(b.adc.readRaw(ch), 4095)
        XCTAssertEqual(b.adc.readU16(ch), 65535)
        pot.position = 0.5
        XCTAssertEqual(pot.volts, 1.65, accuracy: 1e-12)
        XCTAssertEqual(b.adc.readRaw(ch), 2048)
        pot.position = 7
        XCTAssertEqual(pot.position, 1)
    }
}
