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

/// Waits (polling, at most `seconds`) until `condition` holds; returns whether it did.
@discardableResult
func waitUntil(seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// The path of a program on PATH or in the sbin folders (Debian puts mosquitto in /usr/sbin).
func executablePath(_ name: String) -> String? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for dir in path + ["/usr/sbin", "/usr/local/sbin", "/sbin"] {
        let p = dir + "/" + name
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

/// A child process whose output is collected; killed (if still running) when released.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let pipe = Pipe()
    private let collected = LockedData()

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = pipe
        let sink = collected
        pipe.fileHandleForReading.readabilityHandler = { h in sink.append(h.availableData) }
        try process.run()
    }

    deinit { stop() }

    var output: String { String(decoding: collected.value, as: UTF8.self) }

    /// Waits up to `seconds` for the process to end; true if it did.
    @discardableResult
    func waitForExit(seconds: TimeInterval) -> Bool {
        waitUntil(seconds: seconds) { !process.isRunning }
    }

    /// Ends the process (SIGTERM, then SIGKILL) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        if !waitForExit(seconds: 5) { kill(process.processIdentifier, SIGKILL); waitForExit(seconds: 5) }
    }
}

/// Bytes appended from one thread and read from another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.withLock { data.append(d) } }
    var value: Data { lock.withLock { data } }
}
