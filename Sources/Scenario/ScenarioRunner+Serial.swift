/// The serial console: `wait-serial` (Wokwi's: the text must come after the
/// step begins, byte for byte as the board sends it), `write-serial`, and
/// ours, `expect-serial` / `expect-no-serial` over everything printed so far.
extension ScenarioRunner {
    func beginWaitSerial(_ text: String) -> Bool {
        waiting = .serial(needle: Array(text.utf8), seen: [])
        return true
    }

    /// Every byte the board sends (a serial tap).
    func serialArrived(_ bytes: [UInt8]) {
        guard case .serial(let needle, var seen) = waiting else { return }
        seen += bytes
        if Self.contains(seen, needle) {
            stepDone()
            return
        }
        // Only a tail shorter than the text can still start a match.
        if seen.count >= needle.count { seen.removeFirst(seen.count - needle.count + 1) }
        waiting = .serial(needle: needle, seen: seen)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    func expectSerial(_ step: ScenarioStep, _ text: String, present: Bool) {
        let printed = supervisor.serialLog
        if printed.contains(text) == present { return }
        if present {
            let tail = printed.suffix(200).replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
            fail(step, "expected \"\(text)\" on serial, found it nowhere in what was printed (it ends: \"\(tail)\")")
        } else {
            let line = printed.components(separatedBy: "\n").first { $0.contains(text) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? text
            fail(step, "expected no \"\(text)\" on serial, found it: \"\(line)\"")
        }
    }
}

import Foundation
