import BoardEmulator

/// The speeds the window steps through with Slower / Faster.
public struct SpeedSetting: Equatable, Sendable {
    public static let factors: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 64]
    /// Index into `factors`, or `factors.count` for "as fast as possible".
    public private(set) var index: Int

    public init(_ mode: PacingMode) {
        if let f = mode.factor {
            index = SpeedSetting.factors.enumerated().min { abs($0.element - f) < abs($1.element - f) }!.offset
        } else {
            index = SpeedSetting.factors.count
        }
    }

    public var mode: PacingMode {
        index < SpeedSetting.factors.count ? .speedFactor(SpeedSetting.factors[index]) : .asFastAsPossible
    }

    public var label: String {
        guard index < SpeedSetting.factors.count else { return "max" }
        let f = SpeedSetting.factors[index]
        return f == f.rounded() ? "×\(Int(f))" : "×\(f)"
    }

    public mutating func faster() { index = min(SpeedSetting.factors.count, index + 1) }
    public mutating func slower() { index = max(0, index - 1) }
}
