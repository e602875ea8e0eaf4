import BoardEmulator
import Foundation
import HostPlatform
import PythonRuntime

/// The network the boards of one simulation share: the access points they can
/// see, the names they can resolve, and where their connections go on the host.
///
/// Nothing outside the emulator is reachable unless someone maps it: a name in
/// `hosts` (`--host NAME=ADDRESS[:PORT]`, or circuit.json) resolves on the board
/// to an address of its own, and connections to that address reach ADDRESS on
/// the host; `host.wokwi.internal` always reaches the host's loopback. With
/// `internet` on, every other name resolves through the host and connects to
/// its real address, as behind a NAT gateway.
///
/// Shared by every board (and the window, which switches access points), so
/// its mutable state sits behind a lock; the boards' radios and sockets live on
/// their own firmware threads and ask it.
public final class SimulatedNetwork: @unchecked Sendable {
    /// An access point the boards can join.
    public struct AccessPoint: Equatable, Sendable {
        public var ssid: String
        /// Empty: an open network.
        public var password: String
        public var channel: Int
        public var rssi: Int
        public var bssid: MACAddress
        /// The first three octets of its /24 (the gateway is .1, leases from .2).
        public var subnet: [UInt8]

        public var gateway: String { (subnet + [1]).map(String.init).joined(separator: ".") }
        public var isOpen: Bool { password.isEmpty }
    }

    /// Latency and throughput, in virtual nanoseconds.
    public struct Timing: Sendable {
        public var roundTrip: UInt64
        public var dnsLookup: UInt64
        /// Bits per second.
        public var bandwidth: UInt64
        public var association: UInt64
        /// A lookup the DNS server never answers: lwIP's retries.
        public var dnsFailure: UInt64 = 5_000_000_000

        /// Virtual time `count` bytes take on the link.
        public func transfer(_ count: Int) -> UInt64 {
            UInt64(count) * 8 * 1_000_000_000 / max(1, bandwidth)
        }
    }

    public let accessPoints: [AccessPoint]
    public let timing: Timing
    /// Where a resolvable name's connections go, by lower-cased name.
    private let hostTargets: [String: HostTarget]
    /// The address each mapped name has on the board, and back.
    private let boardAddresses: [String: String]
    private let targetsByBoardAddress: [String: HostTarget]
    public let log = TrafficLog()
    /// `--network-record`: where connections are saved (set before the boards boot).
    public var recorder: NetworkRecorder?
    /// `--network-replay`: recordings that answer instead of the network.
    public var replay: NetworkReplay?

    private let lock = NSLock()
    private var _internet: Bool
    private var _up = true
    private var _dnsWorks = true
    private var apDown: Set<String> = []
    private var refused: Set<String> = []
    private var nextLease: [String: UInt8] = [:]
    private var _generation: UInt64 = 0
    private var _mqttBroker: MQTTBrokerRoute?

    /// The board-side addresses mapped names get: 198.18.0.0/15 is reserved for
    /// benchmarking networks (RFC 2544), so it never clashes with a real server.
    static let mappedPrefix = "198.18."

    /// `spec` from circuit.json (nil: Wokwi's guest network), `hosts` from the
    /// command line (they win over the file's).
    public init(spec: NetworkSpec?, extraHosts: [String: HostTarget] = [:]) {
        let aps = spec?.accessPoints ?? [NetworkSpec.wokwiGuest]
        accessPoints = aps.enumerated().map { i, ap in
            AccessPoint(ssid: ap.ssid, password: ap.password ?? "", channel: ap.channel ?? 6, rssi: ap.rssi ?? -55,
                        bssid: ap.bssid.flatMap(MACAddress.init) ?? SimulatedNetwork.madeUpBSSID(ap.ssid),
                        subnet: ap.ssid == NetworkSpec.wokwiGuest.ssid ? [10, 13, 37] : [192, 168, UInt8(1 + i % 250)])
        }
        func ns(_ ms: Double?, _ fallback: Double) -> UInt64 { UInt64((ms ?? fallback) * 1_000_000) }
        timing = Timing(roundTrip: ns(spec?.roundTripMs, NetworkSpec.defaultRoundTripMs),
                        dnsLookup: ns(spec?.dnsMs, NetworkSpec.defaultDNSMs),
                        bandwidth: UInt64((spec?.bandwidthKbps ?? NetworkSpec.defaultBandwidthKbps) * 1000),
                        association: ns(spec?.associationMs, NetworkSpec.defaultAssociationMs))
        var targets: [String: HostTarget] = [NetworkSpec.hostLoopbackName: HostTarget(address: "127.0.0.1")]
        for (name, text) in spec?.hosts ?? [:] { if let t = HostTarget(text) { targets[name.lowercased()] = t } }
        for (name, t) in extraHosts { targets[name.lowercased()] = t }
        hostTargets = targets
        var addresses: [String: String] = [:], back: [String: HostTarget] = [:]
        var next = 1
        for name in targets.keys.sorted() {
            let address: String
            if IPv4.parse(name) != nil {
                address = name
            } else {
                address = SimulatedNetwork.mappedPrefix + "\(next / 256).\(next % 256)"
                next += 1
            }
            addresses[name] = address
            back[address] = targets[name]
        }
        boardAddresses = addresses
        targetsByBoardAddress = back
        _internet = spec?.internet ?? false
    }

    /// A stable made-up BSSID for an access point the file gives none.
    static func madeUpBSSID(_ ssid: String) -> MACAddress {
        var h: UInt32 = 2166136261
        for b in ssid.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return MACAddress(bytes: [0x02, 0x1a, 0x11, UInt8(h >> 16 & 0xff), UInt8(h >> 8 & 0xff), UInt8(h & 0xff)])
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    // MARK: Brokers

    /// The broker of the most recent MQTT connection a board made (a scenario's
    /// `mqtt-publish` reaches the board through it).
    public var lastMQTTBroker: MQTTBrokerRoute? { locked { _mqttBroker } }

    func noteMQTTBroker(_ route: MQTTBrokerRoute) { locked { _mqttBroker = route } }

    /// Where a connection to `name`:`port` from a board would go on the host,
    /// or nil when the name is not mapped (the internet's names are not
    /// followed: a scenario talks only to mapped hosts).
    public func hostEndpoint(forName name: String, port: Int) -> (host: String, port: Int)? {
        hostTargets[name.lowercased()].map { ($0.address, $0.port ?? port) }
    }

    // MARK: Switches (any thread)

    /// Every access point on or off (`--set network.up=false`, the window's switch).
    public var isUp: Bool {
        get { locked { _up } }
        set { locked { _up = newValue; _generation &+= 1 } }
    }

    public var internet: Bool {
        get { locked { _internet } }
        set { locked { _internet = newValue } }
    }

    /// False: the DNS server stops answering (lookups of names fail).
    public var dnsWorks: Bool {
        get { locked { _dnsWorks } }
        set { locked { _dnsWorks = newValue } }
    }

    /// A server that refuses new connections and resets open ones (a broker
    /// or web server going down), by the name the board used or its address;
    /// `refuse: false` brings it back.
    public func setRefusing(_ name: String, _ refuse: Bool) {
        locked {
            if refuse { refused.insert(name.lowercased()) } else { refused.remove(name.lowercased()) }
        }
    }

    public func isRefusing(_ name: String) -> Bool { locked { refused.contains(name.lowercased()) } }

    /// One access point on or off.
    public func setAccessPoint(_ ssid: String, up: Bool) {
        locked {
            if up { apDown.remove(ssid) } else { apDown.insert(ssid) }
            _generation &+= 1
        }
    }

    /// Changes whenever an access point comes or goes (radios check it cheaply).
    public var generation: UInt64 { locked { _generation } }

    /// The access points on the air now.
    public var visibleAccessPoints: [AccessPoint] {
        locked { _up ? accessPoints.filter { !apDown.contains($0.ssid) } : [] }
    }

    public func isOnAir(_ ssid: String) -> Bool { visibleAccessPoints.contains { $0.ssid == ssid } }

    /// The next free address on `ap`'s subnet for a joining board.
    func lease(on ap: AccessPoint) -> String {
        locked {
            let host = nextLease[ap.ssid] ?? 2
            nextLease[ap.ssid] = host == 254 ? 2 : host + 1
            return (ap.subnet + [host]).map(String.init).joined(separator: ".")
        }
    }

    // MARK: Names and routes

    /// What a board's DNS lookup of `name` finds.
    public enum Lookup: Equatable {
        case address(String)
        /// No such name (the board's resolver says so at once).
        case notFound
        /// The DNS server does not answer.
        case noAnswer
    }

    /// Resolves `name` as the board's DNS server would (numeric addresses are
    /// not looked up: the caller handles them).
    public func lookup(_ name: String) -> Lookup {
        let key = name.lowercased()
        // Mapped names and recorded ones are the network's DNS records: a silent
        // DNS server answers none of them.
        let (dns, open) = locked { (_dnsWorks, _internet) }
        if !dns { return .noAnswer }
        if let a = replay?.names[key] { return .address(a) }
        if let a = boardAddresses[key] { return .address(a) }
        guard open else { return .notFound }
        // The host's own resolver (blocking, as the board's lookup is).
        guard let found = try? HostNetwork().resolve(host: name, port: 0, family: NetworkAddress.inet).first else {
            return .notFound
        }
        return .address(found.host)
    }

    /// Where a board's connection to `address`:`port` goes on the host, or nil
    /// when nothing answers there.
    public func route(to address: String, port: Int) -> (host: String, port: Int)? {
        if let t = targetsByBoardAddress[address] { return (t.address, t.port ?? port) }
        if address.hasPrefix(SimulatedNetwork.mappedPrefix) { return nil }
        return internet ? (address, port) : nil
    }
}

/// Dotted-quad IPv4 addresses.
enum IPv4 {
    static func parse(_ s: String) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt8(p) else { return nil }
            out.append(v)
        }
        return out
    }
}
