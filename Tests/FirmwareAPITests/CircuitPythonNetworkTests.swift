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
        try NetworkProjects.runHeadless(project, hosts: hosts, sets: sets).printedText
    }
}

/// `wifi`, `ipaddress`, `socketpool` and `ssl` of CircuitPython 9.1.4 on both boards.
final class CircuitPythonNetworkTests: XCTestCase {
    let projects = CircuitPythonProjects()
    override func tearDown() { projects.cleanUp() }

    static let homeNet = #"{"accessPoints": [{"ssid": "HomeNet", "password": "hunter22", "channel": 11, "rssi": -60}]}"#

    func testWiFiRadioJoinsAndReportsItsAddresses() throws {
        for board in ["pico_w", "esp32s3"] {
            let p = try projects.project(board: board, network: Self.homeNet, code: """
                import wifi, ipaddress, time
                r = wifi.radio
                print(type(r).__name__, r.enabled, r.connected, r.ipv4_address)
                for ssid, pw in (('Nowhere', ''), ('HomeNet', 'wrong-password')):
                    try:
                        r.connect(ssid, pw)
                    except ConnectionError as e:
                        print(type(e).__name__, e)
                t0 = time.monotonic()
                r.connect('HomeNet', 'hunter22')
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
                """)
            let out = try projects.run(p)
            XCTAssertTrue(out.contains("""
                Radio True False None
                ConnectionError No network with that ssid
                ConnectionError Authentication failure
                joined True True
                192.168.1.2 192.168.1.1 255.255.255.0 192.168.1.1 \(board == "pico_w" ? "PicoW" : "espressif")
                IPv4Address True
                6 True None
                HomeNet 11 \(board == "pico_w" ? "[wifi.AuthMode.PSK, wifi.AuthMode.WPA2]" : "[wifi.AuthMode.WPA2, wifi.AuthMode.PSK]")
                \(board == "pico_w" ? "no ap_info" : "HomeNet")

                """), board + out)
        }
    }

    /// settings.toml's network with the wrong password: the title says the radio is off.
    func testAWrongPasswordInSettingsLeavesWiFiOff() throws {
        let p = try projects.project(network: Self.homeNet, settings: "CIRCUITPY_WIFI_SSID = \"HomeNet\"\nCIRCUITPY_WIFI_PASSWORD = \"nope-nope\"\n",
                                     code: "import wifi\nprint(wifi.radio.connected, wifi.radio.ipv4_address)\n")
        let out = try projects.run(p)
        XCTAssertTrue(out.contains("\u{1b}]0;🐍Wi-Fi: off | code.py | 9.1.4\u{1b}\\"), out)
        XCTAssertTrue(out.contains("False None\n"), out)
    }

    /// Refused, timed out and unknown: what each port raises, with newlib's errno numbers.
    func testSocketFailuresRaiseWhatThePortsRaise() throws {
        let closed = try LoopbackService.freePort()
        for board in ["pico_w", "esp32s3"] {
            let p = try projects.project(board: board, code: """
                import wifi, socketpool, errno
                wifi.radio.connect('Wokwi-GUEST')
                pool = socketpool.SocketPool(wifi.radio)
                print(errno.ETIMEDOUT, errno.EAGAIN, pool.getaddrinfo('closed.test', 80))
                try:
                    pool.getaddrinfo('nowhere.test', 80)
                except pool.gaierror as e:
                    print('gaierror', e.errno, e.args[1])
                s = pool.socket()
                try:
                    s.connect(('closed.test', 80))
                except OSError as e:
                    print('refused', e.errno)
                s.close()
                u = pool.socket(pool.AF_INET, pool.SOCK_DGRAM)
                u.settimeout(0.5)
                try:
                    u.recv_into(bytearray(8))
                except OSError as e:
                    print('timeout', e.errno)
                u.setblocking(False)
                try:
                    u.recv_into(bytearray(8))
                except OSError as e:
                    print('would block', e.errno)
                u.close()
                try:
                    socketpool.SocketPool(object())
                except ValueError as e:
                    print(e)
                socks = []
                try:
                    for i in range(9):
                        socks.append(pool.socket(pool.AF_INET, pool.SOCK_DGRAM))
                except (RuntimeError, OSError) as e:
                    print(len(socks), type(e).__name__, e)
                print(hasattr(u, 'recv'), hasattr(u, 'type'))
                """)
            let out = try projects.run(p, hosts: ["closed.test=127.0.0.1:\(closed)"])
            XCTAssertTrue(out.contains("""
                116 11 [(2, 1, 0, '', ('198.18.0.1', 80))]
                gaierror -2 Name or service not known
                refused \(board == "pico_w" ? 104 : 111)
                timeout 116
                would block 11
                SocketPool can only be used with wifi.radio
                \(board == "pico_w" ? "4 OSError [Errno 12] ENOMEM" : "8 RuntimeError Out of sockets")
                False True

                """), board + out)
        }
    }
}

extension CircuitPythonNetworkTests {
    /// CircuitPython's OSError names come from its errno table (newlib's numbers),
    /// MicroPython's from Linux's.
    func testOSErrorNamesFollowEachFirmwaresErrnoTable() throws {
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let program = "import errno\nprint(errno.ETIMEDOUT, OSError(errno.ETIMEDOUT), OSError(113), OSError(20))\n"
        let dir = try projects.project(main: program)
        XCTAssertTrue(try projects.run(dir).contains("110 [Errno 110] ETIMEDOUT [Errno 113] EHOSTUNREACH 20\n"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("drive/main.py"))
        try program.write(to: dir.appendingPathComponent("drive/code.py"), atomically: true, encoding: .utf8)
        try #"{"board": "pico_w", "flavor": "circuitpython", "parts": []}"#
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        let cp = try projects.run(dir)
        XCTAssertTrue(cp.contains("116 [Errno 116] ETIMEDOUT [Errno 113] ECONNABORTED 20\n"), cp)
    }
}

extension CircuitPythonNetworkTests {
    /// The access point goes away and comes back: the radio reports it, a
    /// connection meanwhile fails with newlib's EHOSTUNREACH, and the radio rejoins.
    func testTheLinkLostAndBack() throws {
        let dir = try projects.project(network: Self.homeNet, settings: "CIRCUITPY_WIFI_SSID = \"HomeNet\"\nCIRCUITPY_WIFI_PASSWORD = \"hunter22\"\n", code: """
            import time, wifi, socketpool
            pool = socketpool.SocketPool(wifi.radio)
            for step in range(3):
                s = pool.socket()
                try:
                    s.connect(('10.1.2.3', 80))
                    print(step, wifi.radio.connected, 'connected')
                except OSError as e:
                    print(step, wifi.radio.connected, e.errno)
                s.close()
                time.sleep(10)
            """)
        let sup = try Supervisor(project: dir)
        let network = sup.network
        // Before the first step the link is up; off the air from 5 s to 12 s.
        sup.board.clock.schedule(at: 5_000_000_000) { network.isUp = false }
        sup.board.clock.schedule(at: 12_000_000_000) { network.isUp = true }
        _ = sup.runHeadless(timeoutNanoseconds: 60_000_000_000)
        let out = sup.printedText
        // 10.1.2.3 is not reachable (no internet): EHOSTUNREACH is 118 in newlib.
        XCTAssertTrue(out.contains("0 True 118\n1 False 118\n2 True 118\n"), out)
    }
}
