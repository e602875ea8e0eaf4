import BoardEmulator
import BoardNetwork
import PythonRuntime

/// CircuitPython's blocking Wi-Fi join and ping (`_cpwifi`, under
/// `Firmware/circuitpython/wifi.py`; the rest of `wifi` uses `_network`).
/// The supervisor's join from settings.toml uses the same `join`.
public enum CircuitPythonWiFi {
    /// `wifi_radio_error_t` values the bindings turn into ConnectionError texts.
    public static let noError = 0, unspecified = 1, noAccessPoint = 201, authFailure = 202

    /// `common_hal_wifi_radio_connect`: joins and waits (virtual time passing
    /// through `sleep`, which answers true when interrupted) until the radio
    /// has an address or fails; answers the port's error code.
    ///
    /// raspberrypi: a zero timeout means 8 s; a failed join ends at once; time
    /// up (or Ctrl-C) is WIFI_RADIO_ERROR_UNSPECIFIED. espressif: ESP-IDF
    /// retries a failed join up to 5 times while the timeout lasts (with no
    /// timeout its budget is spent at once, so the first failure ends it).
    public static func join(_ radio: WiFiRadio, ssid: String, password: String, bssid: MACAddress?, timeout: Double,
                            rp2: Bool, now: () -> UInt64, sleep: (UInt64) -> Bool) -> Int {
        // Already joined to that network: nothing to do (connection_unchanged / the ESP32's early return).
        if radio.stationState == .connected, radio.wantedSSID == ssid { return noError }
        let start = now()
        let budget: UInt64 = rp2 ? (timeout <= 0 ? 8_000_000_000 : UInt64((timeout * 1000).rounded(.up)) * 1_000_000)
                                 : UInt64(max(0, timeout) * 1_000_000_000)
        radio.connect(ssid: ssid, password: password, bssid: bssid)
        let step: UInt64 = 10_000_000
        let retries = 5 * radio.network.timing.association
        var firstFailure: UInt64?
        // Bounded: a join settles within an association time, the ESP32's retries within six.
        for _ in 0..<1_000_000 {
            let state = radio.stationState
            let t = now()
            switch state {
            case .connected:
                return noError
            case .noAccessPoint, .wrongPassword:
                if firstFailure == nil { firstFailure = t }
                if rp2 || t &- start >= budget || t &- firstFailure! >= retries {
                    // The firmware gives up: the radio stops trying.
                    radio.disconnect()
                    return state == .wrongPassword ? authFailure : noAccessPoint
                }
            default:
                if rp2 && t &- start >= budget {
                    radio.disconnect()
                    return unspecified
                }
            }
            if sleep(step) {
                radio.disconnect()
                return unspecified
            }
        }
        radio.disconnect()
        return unspecified
    }

    /// The round trip of an ICMP echo to `address`, in ns, or nil when nothing
    /// answers: the gateway answers over one Wi-Fi hop, a name mapped with
    /// --host (or the internet, when on) after the network's round trip.
    public static func pingTime(_ radio: WiFiRadio, address: String) -> UInt64? {
        guard radio.isConnected else { return nil }
        let (ip, _, gateway, _) = radio.stationConfiguration
        let rtt = radio.network.timing.roundTrip
        if address == gateway || address == ip { return max(1_000_000, rtt / 10) }
        return radio.network.route(to: address, port: 7) != nil ? rtt : nil
    }
}

/// Registers `_cpwifi` on a CircuitPython runtime (and `_network`, which `wifi` shares with MicroPython's `network`).
public func installCircuitPythonWiFi(_ rt: Runtime, radio: WiFiRadio, board: Board) {
    installNetworkModule(rt, radio: radio, board: board)
    let rp2 = board.definition.port == .rp2
    rt.registerNativeModule("_cpwifi") { rt, module throws(PyError) in
        func arg(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
        func text(_ v: Value) throws(PyError) -> String {
            guard let s = v.as(PyStr.self) else { throw rt.typeError("can't convert \(rt.typeName(v)) to str") }
            return s.value
        }
        func seconds(_ v: Value) throws(PyError) -> Double {
            if v.isSmallInt { return Double(v.asSmallInt) }
            guard v.isFloat else { throw rt.typeError("can't convert \(rt.typeName(v)) to float") }
            return v.asFloat
        }
        // connect(ssid, password, bssid or None, timeout seconds (0: none)) -> wifi_radio_error_t
        rt.moduleFunction(module, "connect") { rt, args throws(PyError) in
            rt.reportPendingInstructions()
            let b = arg(args, 2)
            let code = CircuitPythonWiFi.join(
                radio, ssid: try text(arg(args, 0)), password: try text(arg(args, 1)),
                bssid: b.isNone ? nil : b.as(PyBytes.self).map { MACAddress(bytes: $0.bytes) },
                timeout: try seconds(arg(args, 3)), rp2: rp2,
                now: { rt.host.clock.monotonicNanoseconds },
                sleep: { ns in
                    rt.host.clock.sleep(nanoseconds: ns) { rt.interruptLine.isRaised }
                    return rt.interruptLine.isRaised
                })
            return rt.int(code)
        }
        // ping(address, timeout seconds) -> seconds or None, after waiting for the echo.
        rt.moduleFunction(module, "ping") { rt, args throws(PyError) in
            rt.reportPendingInstructions()
            let address = try text(arg(args, 0))
            let limit = UInt64(max(0, try seconds(arg(args, 1))) * 1_000_000_000)
            if let t = CircuitPythonWiFi.pingTime(radio, address: address), t <= limit {
                rt.host.clock.sleep(nanoseconds: t) { false }
                // The firmware counts whole milliseconds.
                return Value(float: Double(t / 1_000_000) / 1000)
            }
            rt.host.clock.sleep(nanoseconds: limit) { rt.interruptLine.isRaised }
            return .none
        }
    }
}
