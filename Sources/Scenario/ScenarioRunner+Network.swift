/// Ours: `expect-request`, from the traffic log (every entry of the run, not
/// only the window's last 200). `network-down` / `network-up` go through `--set`.
extension ScenarioRunner {
    /// The board looked the host up, or connected to it (by name or by address).
    func contacted(_ host: String) -> Bool {
        trafficLines.contains { line in
            guard line.hasPrefix("DNS ") || line.hasPrefix("connect ") || line.hasPrefix("TLS ") || line.hasPrefix("UDP ") else {
                return false
            }
            let words = line.split(whereSeparator: { " ():→".contains($0) })
            return words.contains { $0 == host }
        }
    }

    func expectRequest(_ step: ScenarioStep, _ host: String) {
        if contacted(host) { return }
        let seen = trafficLines.filter { $0.hasPrefix("DNS ") || $0.hasPrefix("connect ") }.suffix(3)
        fail(step, "expected a request to \(host), found " + (seen.isEmpty ? "no lookup or connection at all"
                                                                      : "only: " + seen.joined(separator: "; ")))
    }
}
