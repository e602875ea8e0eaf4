/// Wokwi's durations (wokwi-cli's `utils/parseTime.ts`): a number and a unit,
/// `ns`, `us`, `ms` or `s`; a bare number is refused ("missing units") except 0.
enum ScenarioDuration {
    enum Problem: Error { case missingUnits, invalid }

    static func nanoseconds(_ text: String) -> Result<UInt64, Problem> {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let zero = Double(t), zero == 0 { return .success(0) }
        for (unit, scale) in [("ns", 1.0), ("us", 1e3), ("ms", 1e6), ("s", 1e9)] where t.hasSuffix(unit) {
            let number = t.dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            // Digits with an optional fraction, as the regex /^(\d+(\.\d*)?)\s*(ns|us|ms|s)$/ has it.
            guard number.first?.isNumber == true, let v = Double(number), v.isFinite, v * scale < 1.8e19 else {
                return .failure(.invalid)
            }
            return .success(UInt64((v * scale).rounded()))
        }
        return Double(t) != nil ? .failure(.missingUnits) : .failure(.invalid)
    }
}

import Foundation
