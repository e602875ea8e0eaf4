import Foundation

/// The room the board sits in, as its sensors see it.
///
/// `temperature` (ambient, °C), `humidity` (%RH) and `pressure` (hPa) can be set
/// at any time. Humidity and pressure reach the sensors at once; temperature goes
/// through a small thermal model of the air at the sensor:
///
/// **Thermal model.** The sensed air temperature T relaxes exponentially toward
/// an equilibrium E with rate k, both set by the fan input f = `fanCooling` ∈ 0…1:
///
///     E(f) = (1 − f)·T_ambient + f·T_cool          (T_cool = `coolingTarget`)
///     k(f) = (1 − f)/τ_ambient + f/τ_fan           (τ in seconds)
///     dT/dt = k·(E − T)   ⇒   T(t + Δt) = E + (T(t) − E)·e^(−k·Δt)
///
/// With the fan off the air drifts to the ambient with `ambientTimeConstant`;
/// with the fan at full speed it goes to `coolingTarget` with `fanTimeConstant`;
/// in between, both the set point and the rate blend linearly. The inputs are
/// taken as constant between two calls of `update(to:)` (what was set last holds
/// over the whole interval), and each interval is integrated exactly with the
/// closed form above, so one long step equals many short ones (to rounding).
/// To make a change of an input count from a given moment (e.g. the fan speeding
/// up), call `update(to: clock.now)` before changing it. Parts that sense the
/// environment call `update(to:)` themselves when they sample.
/// A time constant of 0 means "follows at once". Humidity is taken as given at
/// the sensor (not recomputed for the cooled air).
public final class Environment {
    /// Ambient (room) temperature, °C.
    public var temperature: Double
    /// Relative humidity, %RH (0…100).
    public var humidity: Double
    /// Barometric pressure, hPa.
    public var pressure: Double

    /// The fan's cooling effect, 0 (off) … 1 (full speed); the board sets it from
    /// the fan's speed.
    public var fanCooling: Double = 0
    /// How far below the ambient the fan at full speed brings the sensed air, °C.
    public var coolingDepth: Double = 6
    /// The temperature the fan at full speed pulls the sensed air to:
    /// ambient − `coolingDepth`. Setting it sets `coolingDepth` relative to the
    /// current ambient (so the target then follows later changes of the ambient).
    public var coolingTarget: Double {
        get { temperature - coolingDepth }
        set { coolingDepth = temperature - newValue }
    }
    /// Time constant (s) of the sensed air toward the ambient, fan off.
    public var ambientTimeConstant: Double = 120
    /// Time constant (s) of the sensed air toward `coolingTarget`, fan at full speed.
    public var fanTimeConstant: Double = 180

    /// The air temperature at the sensor (°C) as of `lastUpdate`. Settable, e.g. to
    /// start a test in equilibrium.
    public var sensedTemperature: Double
    /// The virtual time (ns) the thermal state was last advanced to.
    public private(set) var lastUpdate: UInt64 = 0

    public init(temperature: Double = 22, humidity: Double = 45, pressure: Double = 1013.25) {
        self.temperature = temperature
        self.humidity = humidity
        self.pressure = pressure
        self.sensedTemperature = temperature
    }

    /// The equilibrium the sensed air is heading to with the current inputs.
    public var equilibriumTemperature: Double {
        let f = min(max(fanCooling, 0), 1)
        return (1 - f) * temperature + f * coolingTarget
    }

    /// Puts the sensed air at its equilibrium now (no waiting).
    public func settle() { sensedTemperature = equilibriumTemperature }

    /// Advances the thermal model to virtual time `now` (ns). Earlier times than
    /// the last update are ignored (several parts may share one environment).
    public func update(to now: UInt64) {
        guard now > lastUpdate else { return }
        let dt = Double(now - lastUpdate) / 1e9
        lastUpdate = now
        let f = min(max(fanCooling, 0), 1)
        let e = equilibriumTemperature
        // A zero time constant is an infinite rate: the air follows at once.
        let ambientRate = ambientTimeConstant > 0 ? (1 - f) / ambientTimeConstant : (f < 1 ? .infinity : 0)
        let fanRate = fanTimeConstant > 0 ? f / fanTimeConstant : (f > 0 ? .infinity : 0)
        let k = ambientRate + fanRate
        if k == .infinity { sensedTemperature = e; return }
        sensedTemperature = e + (sensedTemperature - e) * exp(-k * dt)
    }
}
