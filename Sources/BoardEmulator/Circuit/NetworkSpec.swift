/// The `network` section of `circuit.json`: the Wi-Fi the board can see and
/// what lies behind it.
///
///     "network": {"accessPoints": [{"ssid": "HomeNet", "password": "hunter22", "channel": 6, "rssi": -55}],
///                 "hosts": {"api.open-meteo.com": "127.0.0.1:8080", "broker.local": "127.0.0.1:1883"},
///                 "internet": false, "roundTripMs": 30}
///
/// With no section the board sees one open access point, `Wokwi-GUEST` on
/// channel 6 (so firmware written for Wokwi connects unchanged), and reaches
/// nothing but `host.wokwi.internal` (the host's loopback).
public struct NetworkSpec: Codable, Sendable, Equatable {
    public var accessPoints: [AccessPointSpec]?
    /// Names the board can resolve, and where its connections to them go on
    /// the host: `"ADDRESS"` (the port the firmware used) or `"ADDRESS:PORT"`.
    public var hosts: [String: String]?
    /// Let every other name resolve and connect through the host (a NAT gateway).
    public var internet: Bool?
    /// Round trip between the board and any server, in milliseconds.
    public var roundTripMs: Double?
    /// A DNS lookup, in milliseconds.
    public var dnsMs: Double?
    /// The link's throughput, kilobits per second.
    public var bandwidthKbps: Double?
    /// From `connect()` to an address (association, WPA handshake, DHCP), in milliseconds.
    public var associationMs: Double?
    /// A folder of the project with `--network-record` recordings that answer
    /// the board's connections (so the project runs offline), unless the
    /// internet is turned on.
    public var replay: String?

    public init() {}

    public struct AccessPointSpec: Codable, Sendable, Equatable {
        public var ssid: String
        /// Empty or absent: an open network.
        public var password: String?
        public var channel: Int?
        /// Signal strength at the board, dBm.
        public var rssi: Int?
        /// "aa:bb:cc:dd:ee:ff"; made up from the SSID when absent.
        public var bssid: String?

        public init(ssid: String, password: String? = nil, channel: Int? = nil, rssi: Int? = nil) {
            self.ssid = ssid; self.password = password; self.channel = channel; self.rssi = rssi
        }
    }

    /// Defaults, documented in the README's network section.
    public static let defaultRoundTripMs = 30.0
    public static let defaultDNSMs = 15.0
    public static let defaultBandwidthKbps = 5_000.0
    public static let defaultAssociationMs = 1_800.0
    /// What the board sees with no `network` section (Wokwi's guest network).
    public static let wokwiGuest = AccessPointSpec(ssid: "Wokwi-GUEST", password: "", channel: 6, rssi: -45)
    /// The name that always reaches the host's loopback, as on Wokwi's private gateway.
    public static let hostLoopbackName = "host.wokwi.internal"

    /// Checks what the decoder cannot; `field` is the path of this section.
    public func validate(file: String, field: String = "network") throws(FileFieldError) {
        func fail(_ f: String, _ reason: String) -> FileFieldError { FileFieldError(file: file, field: "\(field).\(f)", reason: reason) }
        var seen: Set<String> = []
        for (i, ap) in (accessPoints ?? []).enumerated() {
            let f = "accessPoints[\(i)]"
            if !(1...32).contains(ap.ssid.utf8.count) { throw fail("\(f).ssid", "must be 1 to 32 bytes") }
            if !seen.insert(ap.ssid).inserted { throw fail("\(f).ssid", "\"\(ap.ssid)\" is already used") }
            if let p = ap.password, !p.isEmpty, !(8...63).contains(p.utf8.count) {
                throw fail("\(f).password", "a WPA2 password is 8 to 63 characters (empty: an open network)")
            }
            if let c = ap.channel, !(1...13).contains(c) { throw fail("\(f).channel", "\(c) is outside 1...13") }
            if let r = ap.rssi, !(-100...0).contains(r) { throw fail("\(f).rssi", "\(r) is outside -100...0 dBm") }
            if let b = ap.bssid, MACAddress(b) == nil { throw fail("\(f).bssid", "\"\(b)\" is not aa:bb:cc:dd:ee:ff") }
        }
        for name in (hosts ?? [:]).keys.sorted() {
            if name.isEmpty || name.contains(" ") { throw fail("hosts", "\"\(name)\" is not a host name") }
            if HostTarget(hosts![name]!) == nil {
                throw fail("hosts.\(name)", "\"\(hosts![name]!)\" is not ADDRESS or ADDRESS:PORT")
            }
        }
        if let r = replay, r.isEmpty || r.hasPrefix("/") || r.split(separator: "/").contains("..") {
            throw fail("replay", "\"\(r)\" is not a folder inside the project")
        }
        for (key, v, range) in [("roundTripMs", roundTripMs, 0.0...60_000), ("dnsMs", dnsMs, 0.0...60_000),
                                ("bandwidthKbps", bandwidthKbps, 1.0...10_000_000), ("associationMs", associationMs, 0.0...60_000)] {
            if let v, !range.contains(v) { throw fail(key, "\(v) is outside \(range.lowerBound)...\(range.upperBound)") }
        }
    }
}

/// Where a mapped name's connections go on the host: an address (numeric, or
/// a name the host resolves) and optionally a port replacing the firmware's.
public struct HostTarget: Equatable, Sendable {
    public var address: String
    public var port: Int?

    /// "127.0.0.1", "127.0.0.1:8080", "[::1]:8080", "localhost:1883".
    public init?(_ text: String) {
        var address = text, port: Int?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            address = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { return nil }
                port = p
            }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            address = String(text[..<colon])
            guard let p = Int(text[text.index(after: colon)...]) else { return nil }
            port = p
        }
        if let p = port, !(1...65535).contains(p) { return nil }
        guard !address.isEmpty, !address.contains(" ") else { return nil }
        self.address = address
        self.port = port
    }

    public init(address: String, port: Int? = nil) {
        self.address = address
        self.port = port
    }
}

/// Six bytes written aa:bb:cc:dd:ee:ff.
public struct MACAddress: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var b: [UInt8] = []
        for p in parts {
            guard p.count == 2, let v = UInt8(p, radix: 16) else { return nil }
            b.append(v)
        }
        bytes = b
    }

    public var description: String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":")
    }
}
