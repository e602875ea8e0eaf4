import BoardNetwork

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

/// Ours: `mqtt-publish` through the broker the board uses, `expect-mqtt` over
/// what the board published so far.
extension ScenarioRunner {
    func publish(_ step: ScenarioStep, _ topic: String, _ payload: [UInt8], _ retain: Bool, _ broker: String?) {
        let network = supervisor.network
        if network.replay != nil {
            return fail(step, "no broker to publish to: the run answers the board from recordings (--network-replay)")
        }
        let endpoint: (host: String, port: Int)
        if let broker {
            guard let e = network.hostEndpoint(forName: broker, port: 1883) else {
                return fail(step, "the broker \(broker) is not a host the board can reach (map it with --host \(broker)=ADDRESS[:PORT])")
            }
            endpoint = e
        } else {
            guard let route = network.lastMQTTBroker else {
                return fail(step, "expected the board to be connected to an MQTT broker, found no MQTT connection yet (or name it with `broker:`)")
            }
            endpoint = (route.host, route.port)
        }
        do {
            try MQTTPublisher(host: endpoint.host, port: endpoint.port).publish(topic: topic, payload: payload, retain: retain)
        } catch {
            fail(step, "could not publish on \(topic): \(error.reason)")
        }
    }

    func expectMQTT(_ step: ScenarioStep, _ filter: String, _ payload: String?, _ contains: String?) {
        let onTopic = published.filter { MQTTMessage.topic($0.topic, matches: filter) }
        let found = onTopic.contains { m in
            let text = String(decoding: m.payload, as: UTF8.self)
            if let payload { return text == payload }
            if let contains { return text.contains(contains) }
            return true
        }
        if found { return }
        let wanted = "a publish on \(filter)" + (payload.map { " with payload \"\($0)\"" } ?? "")
            + (contains.map { " with a payload containing \"\($0)\"" } ?? "")
        let seen = (onTopic.isEmpty ? published : onTopic).suffix(3).map { m in
            "\(m.topic) \"\(String(decoding: m.payload.prefix(60), as: UTF8.self))\""
        }
        fail(step, "expected \(wanted), found " + (seen.isEmpty ? "no publish at all" : "only: " + seen.joined(separator: "; ")))
    }
}
