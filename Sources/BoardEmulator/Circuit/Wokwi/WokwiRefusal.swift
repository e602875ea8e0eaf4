/// Why a Wokwi project cannot run as it is: every part that cannot be mapped,
/// each with its id, its type and the reason, in one message.
public struct WokwiRefusal: Error, CustomStringConvertible, Equatable, Sendable {
    public struct Problem: Equatable, Sendable {
        public var partID: String
        public var partType: String
        public var reason: String

        /// A reason on its way to becoming a problem of some part.
        struct Reason: Error { var text: String; init(_ t: String) { text = t } }

        var line: String {
            if partID.isEmpty { return reason }
            return partType.isEmpty ? "\(partID): \(reason)" : "\(partID) (\(partType)): \(reason)"
        }
    }

    public var file: String
    public var problems: [Problem]

    /// `diagram.json: cannot be run as it is: dht1 (wokwi-dht22): the DHT22's …; r2 (wokwi-resistor): …`
    public var description: String {
        "\(file): cannot be run as it is: " + problems.map(\.line).joined(separator: "; ")
    }
}
