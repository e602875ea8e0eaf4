import BoardNetwork
import BreadboxTestSupport
@testable import BoardSupervisor
import Foundation
import XCTest

/// CircuitPython projects (settings.toml, code.py) for network tests, removed by `cleanUp()`.
final class CircuitPythonProjects {
    private var dirs: [URL] = []

    func cleanUp() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func project(board: String = "pico_w", network: String? = nil, settings: String? = nil, code: String,
                 lib: URL? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cpnet-\(UUID().uuidString)")
        dirs.append(dir)
        let drive = dir.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let networkField = network.map { ", \"network\": \($0)" } ?? ""
        try "{\"board\": \"\(board)\", \"flavor\": \"circuitpython\", \"parts\": []\(networkField)}"
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try code.write(to: drive.appendingPathComponent("code.py"), atomically: true, encoding: .utf8)
        if let settings { try settings.write(to: drive.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8) }
        if let lib {
            // As circup lays libraries out: drive/lib/<module or package>.
            try FileManager.default.copyItem(at: lib, to: drive.appendingPathComponent("lib"))
        }
        return dir
    }

    /// Runs headless (virtual time limit 60 s); the serial output.
    func run(_ project: URL, hosts: [String] = [], sets: [String] = []) throws -> String {
        let sup = try Supervisor(project: project)
        try sup.configureNetwork(.init(hosts: hosts))
        for s in sets { try sup.apply(set: s) }
        _ = sup.runHeadless(timeoutNanoseconds: 60_000_000_000)
        sup.closeNetwork()
        return sup.serialLog
    }
}

/// `wifi`, `ipaddress`, `socketpool` and `ssl` of CircuitPython 9.1.4 on both boards.
final class CircuitPythonNetworkTests: XCTestCase {
    let projects = CircuitPythonProjects()
    override func tearDown() { projects.cleanUp() }

    func testWiFiRadioJoinsAndReportsItsAddresses() throws {
        for board in ["pico_w", "esp32s3"] {
            let p = try projects.project(board: board, code: """
                import wifi, ipaddress, time
                r = wifi.radio
                print(type(r).__name__, r.enabled, r.connected, r.ipv4_address)
                t0 = time.monotonic()
                r.connect('Wokwi-GUEST', '')
                print('joined', time.monotonic() - t0 > 0.5, r.connected)
                print(r.ipv4_address, r.ipv4_gateway, r.ipv4_subnet, r.ipv4_dns, r.hostname)
                print(type(r.ipv4_address).__name__, r.ipv4_address == ipaddress.ip_address(str(r.ipv4_address)))
                print(len(r.mac_address), r.ping(r.ipv4_gateway) is not None, r.ping(ipaddress.ip_address('10.9.9.9')))
                for n in r.start_scanning_networks():
                    print(n.ssid, n.channel, n.authmode)
                r.stop_scanning_networks()
                try:
                    print(r.ap_info.ssid)
                except NotImplementedError:
                    print('no ap_info')
                for ssid, pw in (('Nowhere', ''), ('Wokwi-GUEST', 'wrong-password')):
                    try:
                        r.connect(ssid, pw)
                    except ConnectionError as e:
                        print(repr(e))
                """)
            let out = try projects.run(p)
            XCTAssertTrue(out.contains("Radio True False None\njoined True True\n"), board + out)
            XCTAssertTrue(out.contains("Wokwi-GUEST 6 [wifi.AuthMode.OPEN]"), board + out)
            XCTAssertTrue(out.contains(board == "pico_w" ? "no ap_info" : "\nWokwi-GUEST\n"), board + out)
            XCTAssertTrue(out.contains("ConnectionError('No network with that ssid',)"), board + out)
            XCTAssertTrue(out.contains("Radio 6 True None") || out.contains("6 True None"), board + out)
            print(out)
        }
    }
}
