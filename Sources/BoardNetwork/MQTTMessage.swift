/// An MQTT PUBLISH seen on a board's connection, whole (the traffic log's line
/// shortens the payload): what `expect-mqtt` in a scenario checks.
public struct MQTTMessage: Equatable, Sendable {
    public var topic: String
    public var payload: [UInt8]
    public var retained: Bool
    /// The board published it (false: the broker delivered it to the board).
    public var sentByBoard: Bool

    public init(topic: String, payload: [UInt8], retained: Bool, sentByBoard: Bool) {
        self.topic = topic
        self.payload = payload
        self.retained = retained
        self.sentByBoard = sentByBoard
    }

    /// Whether `topic` matches the subscription filter `filter` (`+` one level, `#` the rest), as a broker matches.
    public static func topic(_ topic: String, matches filter: String) -> Bool {
        let levels = topic.split(separator: "/", omittingEmptySubsequences: false)
        let wanted = filter.split(separator: "/", omittingEmptySubsequences: false)
        for (i, w) in wanted.enumerated() {
            if w == "#" { return true }
            guard i < levels.count else { return false }
            if w != "+" && w != levels[i] { return false }
        }
        return levels.count == wanted.count
    }
}

/// Where a board's MQTT connection went: the name (or address) the board
/// connected to and the broker on the host it reached.
public struct MQTTBrokerRoute: Equatable, Sendable {
    public var boardName: String
    public var host: String
    public var port: Int
}

/// MQTT's framing: a fixed header whose remaining length is a variable-length
/// integer (up to four 7-bit groups), then that many bytes.
public enum MQTTFraming {
    /// The header's length and the whole packet's at the start of `bytes`, once
    /// the header is complete (the packet itself may not be yet); nil before.
    public static func extent(_ bytes: [UInt8]) -> (header: Int, total: Int)? {
        var length = 0, multiplier = 1, i = 1
        while i < bytes.count && i <= 4 {
            length += Int(bytes[i] & 0x7F) * multiplier
            multiplier *= 128
            i += 1
            if bytes[i - 1] & 0x80 == 0 { return (i, i + length) }
        }
        return nil
    }
}
