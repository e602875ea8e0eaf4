/// Reads one connection's plaintext as it goes by and names what it carries
/// for the traffic log: HTTP request lines and status lines, MQTT packets
/// (connect, publish and subscribe with their topics). It recognises the
/// protocol from the first bytes the board sends and stays silent otherwise.
struct TrafficInspector {
    enum Carried { case unknown, http, mqtt, other }

    private(set) var kind = Carried.unknown
    private var sentBuffer: [UInt8] = []
    private var receivedBuffer: [UInt8] = []
    private var sawStatus = false
    /// Past this much buffered without a whole packet, stop looking.
    private static let bufferLimit = 65_536

    /// A line for the traffic log, and the MQTT message it names, if any.
    struct Observation {
        var text: String
        var message: MQTTMessage?
    }

    /// Lines to log for bytes the board sent.
    mutating func sent(_ bytes: [UInt8]) -> [Observation] {
        if kind == .unknown { kind = TrafficInspector.recognise(bytes) }
        switch kind {
        case .http:
            sentBuffer += bytes
            var lines: [Observation] = []
            // Each request line (a connection may carry several requests).
            while let nl = sentBuffer.firstIndex(of: 0x0A) {
                let line = String(decoding: sentBuffer[..<nl], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                sentBuffer.removeSubrange(...nl)
                if let first = line.split(separator: " ").first, TrafficInspector.methods.contains(String(first)) {
                    lines.append(Observation(text: "HTTP " + line.replacingOccurrences(of: " HTTP/1.1", with: "").replacingOccurrences(of: " HTTP/1.0", with: "")))
                }
            }
            if sentBuffer.count > 4096 { sentBuffer.removeAll() }
            return lines
        case .mqtt:
            return TrafficInspector.mqttPackets(&sentBuffer, adding: bytes, sent: true)
        default:
            return []
        }
    }

    /// Lines to log for bytes the board received.
    mutating func received(_ bytes: [UInt8]) -> [Observation] {
        switch kind {
        case .http:
            guard !sawStatus else { return [] }
            receivedBuffer += bytes.prefix(256)
            guard let nl = receivedBuffer.firstIndex(of: 0x0A) else { return [] }
            sawStatus = true
            let line = String(decoding: receivedBuffer[..<nl], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            receivedBuffer.removeAll()
            return line.hasPrefix("HTTP/") ? [Observation(text: "HTTP ← " + line.split(separator: " ").dropFirst().joined(separator: " "))] : []
        case .mqtt:
            return TrafficInspector.mqttPackets(&receivedBuffer, adding: bytes, sent: false)
        default:
            return []
        }
    }

    static let methods: Set<String> = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"]

    static func recognise(_ bytes: [UInt8]) -> Carried {
        guard let first = bytes.first else { return .unknown }
        if first == 0x10 { return .mqtt }  // CONNECT is always the client's first packet
        let word = String(decoding: bytes.prefix(8).prefix { $0 != 0x20 }, as: UTF8.self)
        return methods.contains(word) ? .http : .other
    }

    /// Whole MQTT packets taken from `buffer` + `bytes`, as log lines.
    private static func mqttPackets(_ buffer: inout [UInt8], adding bytes: [UInt8], sent: Bool) -> [Observation] {
        buffer += bytes
        var lines: [Observation] = []
        while let (header, total) = MQTTFraming.extent(buffer) {
            guard buffer.count >= total else {
                if total > bufferLimit { buffer.removeAll() }
                break
            }
            let packet = Array(buffer[0..<total])
            buffer.removeFirst(total)
            if let line = describeMQTT(packet, headerLength: header, sent: sent) { lines.append(line) }
        }
        return lines
    }

    private static func describeMQTT(_ p: [UInt8], headerLength h: Int, sent: Bool) -> Observation? {
        func string(at offset: Int) -> (String, Int)? {
            guard offset + 2 <= p.count else { return nil }
            let n = Int(p[offset]) << 8 | Int(p[offset + 1])
            guard offset + 2 + n <= p.count else { return nil }
            return (String(decoding: p[(offset + 2)..<(offset + 2 + n)], as: UTF8.self), offset + 2 + n)
        }
        let arrow = sent ? "→" : "←"
        switch p[0] >> 4 {
        case 1:
            // CONNECT: protocol name, level, flags, keepalive, then the client id.
            guard let (_, after) = string(at: h), let (client, _) = string(at: after + 4) else { return Observation(text: "MQTT → connect") }
            return Observation(text: "MQTT → connect as \"\(client)\"")
        case 2:
            return p.count > h + 1 ? Observation(text: "MQTT ← connack \(p[h + 1] == 0 ? "accepted" : "refused (\(p[h + 1]))")") : nil
        case 3:
            guard let (topic, after) = string(at: h) else { return nil }
            let qos = (p[0] >> 1) & 3
            let payloadStart = after + (qos > 0 ? 2 : 0)
            let payload = payloadStart < p.count ? Array(p[payloadStart...]) : []
            let text = String(validating: payload.prefix(60), as: UTF8.self).map { "\"\($0)\"" } ?? "\(payload.count) bytes"
            let retained = p[0] & 1 == 1
            return Observation(text: "MQTT \(arrow) publish \(topic) \(text)\(retained ? " (retained)" : "")",
                               message: MQTTMessage(topic: topic, payload: payload, retained: retained, sentByBoard: sent))
        case 8:
            var topics: [String] = []
            var at = h + 2
            while let (t, after) = string(at: at) { topics.append(t); at = after + 1 }
            return Observation(text: "MQTT → subscribe " + topics.joined(separator: ", "))
        case 14:
            return Observation(text: "MQTT → disconnect")
        default:
            return nil
        }
    }
}
