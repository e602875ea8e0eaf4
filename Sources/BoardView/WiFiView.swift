/// The board's Wi-Fi as the window shows it: where its station stands, the
/// access points' switch and the network's latest traffic. Plain values, like
/// the rest of the snapshot (BoardView knows nothing of BoardNetwork).
public struct WiFiView: Equatable, Sendable {
    /// The station interface, as a person would say it.
    public enum Station: Equatable, Sendable {
        /// The station interface is not active (`WLAN(STA_IF).active(False)`).
        case off
        /// Active, asked to join nothing.
        case idle
        case joining
        case connected
        case noNetwork
        case wrongPassword
        /// Was connected; the access point went away and the radio tries to get back on.
        case linkLost
    }

    /// One line of the traffic log.
    public struct TrafficLine: Equatable, Sendable {
        /// Virtual time of the board that did it, nanoseconds.
        public var time: UInt64
        public var text: String
        public init(time: UInt64, text: String) { self.time = time; self.text = text }
    }

    public var station = Station.off
    /// The access point joined, or the one the station was asked to join.
    public var ssid: String?
    /// The station's address while connected.
    public var address: String?
    /// dBm, while connected.
    public var rssi: Int?
    /// The window's switch: every access point on the air, or none.
    public var accessPointsUp = true
    /// The board's own access point's name while its AP interface is active.
    public var softAccessPoint: String?
    /// The newest lines of the network's traffic log, oldest first.
    public var traffic: [TrafficLine] = []

    /// How many log lines a snapshot carries (the panel shows what fits).
    public static let trafficLines = 8

    public init() {}

    /// The panel's first line: `Wi-Fi: HomeNet  10.13.37.2  -45 dBm`.
    public var statusLine: String {
        let name = ssid ?? "?"
        switch station {
        case .off: return "Wi-Fi: off"
        case .idle: return "Wi-Fi: not connected"
        case .joining: return "Wi-Fi: joining \(name)…"
        case .connected:
            var s = "Wi-Fi: \(name)"
            if let a = address { s += "  \(a)" }
            if let r = rssi { s += "  \(r) dBm" }
            return s
        case .noNetwork: return "Wi-Fi: no network \(name)"
        case .wrongPassword: return "Wi-Fi: wrong password for \(name)"
        case .linkLost: return "Wi-Fi: lost \(name), rejoining…"
        }
    }
}
