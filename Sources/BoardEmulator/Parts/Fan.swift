import Foundation

/// A DC fan: a load that spins up and coasts down with inertia on the virtual clock.
///
/// Powered, the speed approaches `maxRPM` exponentially with `spinUpSeconds`;
/// unpowered, it decays to 0 with `coastDownSeconds`:
///
///     rpm(t) = target + (rpm(t₀) − target)·e^(−(t − t₀)/τ)
///
/// evaluated exactly on demand at `clock.now` from the last power change t₀
/// (so 1.5 s after power-on from rest it runs at 1 − e⁻¹ ≈ 63.2 % of max).
///
/// With an `environment`, the fan reports its speed fraction as `fanCooling`:
/// at each power change and then every `reportIntervalNanoseconds` while the
/// speed is still changing, it brings the environment up to now and sets
/// `fanCooling` to the mean speed fraction over the coming interval (exact for
/// the exponential). Once within 0.01 % of its target it reports the target and
/// stops scheduling.
public final class Fan: ElectricalLoad {
    public let id: String
    public let clock: VirtualClock
    public let environment: Environment?
    public let maxRPM: Double
    public let spinUpSeconds: Double
    public let coastDownSeconds: Double
    public var reportIntervalNanoseconds: UInt64 = 100_000_000
    public private(set) var isPowered = false
    public var onChange: ((Fan) -> Void)?

    private var anchorTime: UInt64
    private var anchorRPM = 0.0
    private var anchorRevolutions = 0.0
    private var reportEvent: VirtualClock.EventID?

    public init(id: String, clock: VirtualClock, environment: Environment? = nil,
                maxRPM: Double = 3000, spinUpSeconds: Double = 1.5, coastDownSeconds: Double = 4) {
        precondition(maxRPM > 0 && spinUpSeconds >= 0 && coastDownSeconds >= 0)
        self.id = id; self.clock = clock; self.environment = environment
        self.maxRPM = maxRPM; self.spinUpSeconds = spinUpSeconds; self.coastDownSeconds = coastDownSeconds
        anchorTime = clock.now
    }

    public var targetRPM: Double { isPowered ? maxRPM : 0 }
    private var tau: Double { isPowered ? spinUpSeconds : coastDownSeconds }

    /// The speed at virtual time `t` (ns, not before the last power change).
    public func rpm(at t: UInt64) -> Double {
        let dt = Double(t > anchorTime ? t - anchorTime : 0) / 1e9
        let target = targetRPM
        if tau <= 0 { return target }
        return target + (anchorRPM - target) * exp(-dt / tau)
    }

    public var rpm: Double { rpm(at: clock.now) }

    /// Turns made since power-up, at virtual time `t`: the integral of the
    /// speed, in closed form, so the blades' angle is a function of virtual time.
    public func revolutions(at t: UInt64) -> Double {
        let dt = Double(t > anchorTime ? t - anchorTime : 0) / 1e9
        let target = targetRPM
        let turned = tau <= 0 ? target * dt : target * dt + (anchorRPM - target) * tau * (1 - exp(-dt / tau))
        return anchorRevolutions + turned / 60
    }

    public var revolutions: Double { revolutions(at: clock.now) }
    /// 0…1 of `maxRPM`.
    public var speedFraction: Double { rpm / maxRPM }
    public var isSpinning: Bool { rpm > 0.001 * maxRPM }

    public func setPowered(_ on: Bool) {
        guard on != isPowered else { return }
        anchorRevolutions = revolutions
        anchorRPM = rpm
        anchorTime = clock.now
        isPowered = on
        report()
        onChange?(self)
    }

    /// Mean speed fraction over [now, now + h] (h in seconds).
    private func meanFraction(over h: Double) -> Double {
        let r = rpm, target = targetRPM
        guard tau > 0, h > 0 else { return target / maxRPM }
        return (target + (r - target) * tau / h * (1 - exp(-h / tau))) / maxRPM
    }

    private func report() {
        if let e = reportEvent { clock.cancel(e); reportEvent = nil }
        guard let env = environment else { return }
        env.update(to: clock.now)
        let settled = abs(rpm - targetRPM) <= 1e-4 * maxRPM
        if settled {
            env.fanCooling = targetRPM / maxRPM
            return
        }
        env.fanCooling = meanFraction(over: Double(reportIntervalNanoseconds) / 1e9)
        reportEvent = clock.schedule(after: reportIntervalNanoseconds) { [weak self] in
            self?.reportEvent = nil
            self?.report()
        }
    }
}
