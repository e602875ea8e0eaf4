import BoardEmulator

/// A board's Wi-Fi chip (the Pico W's CYW43439, the ESP32-S3's own radio) as
/// firmware sees it: a station interface that joins an access point of the
/// `SimulatedNetwork` and gets an address, and an access-point interface.
///
/// Joining takes the network's association time of virtual time (scan, WPA
/// handshake, DHCP) and then succeeds, or fails for want of the access point
/// or for a wrong password — decided when the time is up, against the access
/// points on the air then. The ESP32 keeps retrying after a failure or a lost
/// link (ESP-IDF's reconnect loop in MicroPython's port); the CYW43 gives up
/// after a failed join and rejoins after a lost link. State survives soft
/// reboots (neither port takes the radio down on one) and ends with a hard reset.
///
/// Used on the board's firmware thread only.
public final class WiFiRadio {
    /// Where the station interface stands; `network.py` turns it into each
    /// port's status codes.
    public enum StationState: Int, Equatable {
        case idle = 0
        case joining = 1
        case connected = 2
        case noAccessPoint = 3
        case wrongPassword = 4
        /// Was connected; the access point went away (the radio keeps trying).
        case linkLost = 5
    }

    public let network: SimulatedNetwork
    let clock: VirtualClock
    /// True on an ESP32 (retries after failures), false on the CYW43.
    public let retriesAfterFailure: Bool
    public let stationMAC: MACAddress
    public let accessPointMAC: MACAddress

    public private(set) var stationActive = false
    public private(set) var accessPointActive = false
    public private(set) var state = StationState.idle
    /// The access point joined (or being joined) and the address leased on it.
    public private(set) var joined: SimulatedNetwork.AccessPoint?
    public private(set) var address: String?
    /// What `connect` was last asked.
    public private(set) var wantedSSID: String?
    public private(set) var wantedPassword = ""
    private var wantedBSSID: MACAddress?
    private var joinEvent: VirtualClock.EventID?
    private var seenGeneration: UInt64 = 0

    /// The soft AP's settings (`config(ssid=..., key=...)` on the AP interface).
    public var accessPointSSID: String
    public var accessPointPassword: String
    public var accessPointChannel = 1
    /// `ifconfig((...))` on the station: a static address instead of DHCP's.
    public var staticStationConfiguration: (String, String, String, String)?
    /// The soft AP's own (address, netmask, gateway, DNS), as both ports start it.
    public var accessPointConfiguration = ("192.168.4.1", "255.255.255.0", "192.168.4.1", "0.0.0.0")

    public init(network: SimulatedNetwork, clock: VirtualClock, retriesAfterFailure: Bool,
                stationMAC: MACAddress, accessPointMAC: MACAddress,
                accessPointSSID: String, accessPointPassword: String) {
        self.network = network
        self.clock = clock
        self.retriesAfterFailure = retriesAfterFailure
        self.stationMAC = stationMAC
        self.accessPointMAC = accessPointMAC
        self.accessPointSSID = accessPointSSID
        self.accessPointPassword = accessPointPassword
        seenGeneration = network.generation
    }

    /// The station has an address: sockets can reach the network.
    public var isConnected: Bool {
        refresh()
        return state == .connected
    }

    /// The station's state now (noticing an access point that went away).
    public var stationState: StationState {
        refresh()
        return state
    }

    public func setStationActive(_ on: Bool) {
        if !on { leave(); state = .idle }
        stationActive = on
    }

    public func setAccessPointActive(_ on: Bool) { accessPointActive = on }

    /// Starts joining `ssid` (the join runs in the background, as on the chip).
    public func connect(ssid: String, password: String, bssid: MACAddress?) {
        leave()
        wantedSSID = ssid
        wantedPassword = password
        wantedBSSID = bssid
        startJoin()
    }

    /// Leaves the access point; the station stays active and idle.
    public func disconnect() {
        leave()
        wantedSSID = nil
        state = .idle
    }

    /// A hard reset: the chip is powered down.
    public func powerOff() {
        disconnect()
        stationActive = false
        accessPointActive = false
    }

    /// Access points a scan finds now.
    public func scan() -> [SimulatedNetwork.AccessPoint] { network.visibleAccessPoints }

    /// The RSSI of the joined access point.
    public var rssi: Int? { state == .connected ? joined?.rssi : nil }

    private func leave() {
        if let e = joinEvent { clock.cancel(e); joinEvent = nil }
        if state == .connected || address != nil {
            network.log.add("\(stationMAC) left \(joined?.ssid ?? "?")", at: clock.now)
        }
        joined = nil
        address = nil
    }

    private func startJoin() {
        state = .joining
        joinEvent = clock.schedule(after: network.timing.association) { [weak self] in self?.finishJoin() }
    }

    private func finishJoin() {
        joinEvent = nil
        guard let ssid = wantedSSID else { return }
        let candidates = network.visibleAccessPoints.filter { $0.ssid == ssid && (wantedBSSID == nil || $0.bssid == wantedBSSID) }
        guard let ap = candidates.first else {
            failJoin(.noAccessPoint, "no access point \"\(ssid)\"")
            return
        }
        if !ap.isOpen && ap.password != wantedPassword {
            failJoin(.wrongPassword, "wrong password for \"\(ssid)\"")
            return
        }
        if address == nil || joined?.ssid != ap.ssid { address = network.lease(on: ap) }
        joined = ap
        state = .connected
        seenGeneration = network.generation
        network.log.add("\(stationMAC) joined \(ap.ssid), address \(address!)", at: clock.now)
    }

    private func failJoin(_ why: StationState, _ text: String) {
        state = why
        network.log.add("\(stationMAC): \(text)", at: clock.now)
        if retriesAfterFailure {
            // ESP-IDF reconnects at once; status() keeps reporting the reason.
            joinEvent = clock.schedule(after: network.timing.association) { [weak self] in self?.finishJoin() }
        }
    }

    /// Notices an access point that went off the air since the last look.
    private func refresh() {
        let g = network.generation
        guard g != seenGeneration else { return }
        seenGeneration = g
        guard state == .connected, let ap = joined, !network.isOnAir(ap.ssid) else { return }
        state = .linkLost
        network.log.add("\(stationMAC) lost \(ap.ssid)", at: clock.now)
        // Both chips keep trying to get back on (the address is kept for the rejoin).
        scheduleRejoin()
    }

    private func scheduleRejoin() {
        joinEvent = clock.schedule(after: network.timing.association) { [weak self] in
            guard let self else { return }
            self.joinEvent = nil
            if let ssid = self.wantedSSID, self.network.isOnAir(ssid) {
                self.finishJoin()
            } else if self.state == .linkLost {
                self.scheduleRejoin()
            }
        }
    }

    /// The station's (address, netmask, gateway, DNS server), zeros without an address.
    public var stationConfiguration: (String, String, String, String) {
        refresh()
        guard state == .connected, let a = address, let ap = joined else { return ("0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0") }
        return staticStationConfiguration ?? (a, "255.255.255.0", ap.gateway, ap.gateway)
    }
}
