import BoardEmulator
import BoardNetwork
import FirmwareAPI
import Foundation
import HostPlatform
import PythonRuntime
import XCTest
#if canImport(Glibc)
import Glibc
#endif

extension BoardSession {
    /// A MicroPython session on a Pico W joined to the simulated Wi-Fi, on which
    /// 127.0.0.1 and localhost reach the host's loopback (and nothing else
    /// resolves), importing the frozen firmware modules (requests, umqtt,
    /// ntptime, mip). `realTime` paces the board so `time.sleep` takes wall
    /// time (for loops that wait on a server the test runs).
    static func networked(realTime: Bool = false) throws -> BoardSession {
        let s = try BoardSession(board: "pico_w")
        let loopback = HostTarget(address: "127.0.0.1")
        let network = SimulatedNetwork(spec: nil, extraHosts: ["127.0.0.1": loopback, "localhost": loopback])
        let clock = s.host.adapter.clock
        let wifi = BoardNetworking(network: network, board: s.board) { ns in clock.sleep(nanoseconds: ns) { false } }
        wifi.radio.setStationActive(true)
        wifi.radio.connect(ssid: NetworkSpec.wokwiGuest.ssid, password: "", bssid: nil)
        s.board.advance(by: network.timing.association)
        XCTAssertTrue(wifi.radio.isConnected)
        s.host.network = wifi.stack
        if realTime { s.host.adapter.pacer = Pacer(mode: .realTime, virtualNow: s.board.clock.now) }
        installMachineModule(s.runtime, board: s.board)
        return s
    }

    /// Runs `source` and returns the text of its uncaught exception (nil if none).
    func failure(_ source: String) -> String? {
        guard let e = runtime.runMain(source: source, filename: "main.py") else { return nil }
        return runtime.tracebackText(e)
    }
}
