import BoardEmulator
import BoardNetwork
import BreadboxTestSupport
@testable import BoardSupervisor
import FirmwareAPI
import Foundation
import HostPlatform
import PythonRuntime
import XCTest

/// MicroPython's `network` and `socket` on the boards' simulated Wi-Fi, against
/// real servers on the loopback that the tests start.
/// Project folders and loopback servers for network tests, removed by `cleanUp()`.
final class NetworkProjects {
    private var dirs: [URL] = []
    /// The traffic log of the last `run`, its texts oldest first.
    private(set) var lastTraffic: [String] = []

    func cleanUp() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func project(board: String = "pico_w", network: String? = nil, main: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("net-\(UUID().uuidString)")
        dirs.append(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("drive"), withIntermediateDirectories: true)
        let networkField = network.map { ", \"network\": \($0)" } ?? ""
        try "{\"board\": \"\(board)\", \"flavor\": \"micropython\", \"parts\": []\(networkField)}"
            .write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try main.write(to: dir.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Runs the project headless (virtual time limit 60 s) and returns its serial output.
    func run(_ project: URL, hosts: [String] = [], sets: [String] = []) throws -> String {
        let sup = try NetworkProjects.runHeadless(project, hosts: hosts, sets: sets)
        lastTraffic = sup.network.log.recent.map(\.text)
        // Serial output as typed, without MicroPython's cooked line ends.
        return sup.printedText
    }

    /// A project run headless for 60 s of virtual time with `--host` and `--set`
    /// as given; its connections closed at the end.
    static func runHeadless(_ project: URL, hosts: [String] = [], sets: [String] = []) throws -> Supervisor {
        let sup = try Supervisor(project: project)
        try sup.configureNetwork(.init(hosts: hosts))
        for s in sets { try sup.apply(set: s) }
        _ = sup.runHeadless(timeoutNanoseconds: 60_000_000_000)
        sup.closeNetwork()
        return sup
    }

    /// A folder served by python3's http.server on the loopback.
    func httpServer(files: [String: String]) throws -> LoopbackService {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("www-\(UUID().uuidString)")
        dirs.append(root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try LoopbackService(["python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1", "--directory", root.path])
    }

    static let joinWokwiGuest = """
        import network, time, socket
        w = network.WLAN(network.STA_IF)
        w.active(True)
        w.connect('Wokwi-GUEST', '')
        while not w.isconnected():
            time.sleep_ms(50)

        """
}

final class BoardNetworkTests: XCTestCase {
    let projects = NetworkProjects()

    override func tearDown() { projects.cleanUp() }

    func project(board: String = "pico_w", network: String? = nil, main: String) throws -> URL {
        try projects.project(board: board, network: network, main: main)
    }

    func run(_ project: URL, hosts: [String] = [], sets: [String] = []) throws -> String {
        try projects.run(project, hosts: hosts, sets: sets)
    }

    func httpServer(files: [String: String]) throws -> LoopbackService { try projects.httpServer(files: files) }

    static let joinWokwiGuest = NetworkProjects.joinWokwiGuest


    func testPicoWJoinsTheGuestNetworkAndFetchesFromAMappedHost() throws {
        let server = try httpServer(files: ["data.json": "{\"temperature\": 21.5}"])
        let p = try project(main: """
            import network, time, socket
            w = network.WLAN(network.STA_IF)
            print(w.status(), w.isconnected(), w.active())
            w.active(True)
            w.connect('Wokwi-GUEST', '')
            t0 = time.ticks_ms()
            print(w.status(), w)
            while not w.isconnected():
                time.sleep_ms(100)
            print('joined after', time.ticks_diff(time.ticks_ms(), t0), 'ms, status', w.status())
            print(w.ifconfig(), w.config('ssid'), w.config('channel'), w.status('rssi'))
            print(w, network.hostname(), len(w.config('mac')))
            ai = socket.getaddrinfo('api.test', 80)
            print(ai)
            s = socket.socket()
            t0 = time.ticks_ms()
            s.connect(ai[0][-1])
            connected = time.ticks_diff(time.ticks_ms(), t0)
            s.send(b'GET /data.json HTTP/1.0\\r\\nHost: api.test\\r\\n\\r\\n')
            data = b''
            while True:
                c = s.recv(512)
                if not c:
                    break
                data += c
            s.close()
            print('connect took', connected, 'ms; the fetch', time.ticks_diff(time.ticks_ms(), t0) >= 60)
            print(data.split(b'\\r\\n')[0])
            print(data.split(b'\\r\\n\\r\\n')[1])
            try:
                socket.getaddrinfo('nowhere.example', 80)
            except OSError as e:
                print('unknown name', e.errno)
            """)
        let out = try run(p, hosts: ["api.test=127.0.0.1:\(server.port)"])
        XCTAssertTrue(out.contains("""
            0 False False
            1 <CYW43 STA join 0.0.0.0>
            joined after 1800 ms, status 3
            ('10.13.37.2', '255.255.255.0', '10.13.37.1', '10.13.37.1') Wokwi-GUEST 6 -45
            <CYW43 STA up 10.13.37.2> PicoW 6
            [(2, 1, 0, '', ('198.18.0.1', 80))]
            connect took 30 ms; the fetch True
            b'HTTP/1.0 200 OK'
            b'{"temperature": 21.5}'
            unknown name -2

            """), out)
        // (The byte count received depends on the server's headers: cut it off.)
        let traffic = projects.lastTraffic.drop { !$0.contains("joined") }.map {
            String($0.replacingOccurrences(of: "\(server.port)", with: "PORT").prefix { $0 != "," })
        }
        XCTAssertEqual(Array(traffic.prefix(7)), [
            "28:cd:c1:98:b5:42 joined Wokwi-GUEST",
            "DNS api.test → 198.18.0.1",
            "connect 198.18.0.1:80 (api.test) → host 127.0.0.1:PORT",
            "HTTP GET /data.json",
            "HTTP ← 200 OK",
            "closed 198.18.0.1:80 (api.test) (sent 43",
            "DNS nowhere.example: no such name",
        ])
    }

    func testESP32StatusCodesForAWrongPasswordAndAMissingNetwork() throws {
        let net = #"{"accessPoints": [{"ssid": "HomeNet", "password": "hunter22", "channel": 11, "rssi": -60}]}"#
        let p = try project(board: "esp32s3", network: net, main: """
            import network, time
            w = network.WLAN(network.STA_IF)
            print(w.status(), w.active(True), w.status(), repr(w))
            print([(s[0], s[2], s[3], s[4], s[5]) for s in w.scan()])
            for ssid, key in (('HomeNet', 'wrong-one'), ('Elsewhere', ''), ('HomeNet', 'hunter22')):
                w.connect(ssid, key)
                time.sleep(2)
                print(ssid, w.status(), w.isconnected())
            print(w.ifconfig()[0], w.config('channel'), network.hostname())
            w.disconnect()
            print(w.status(), w.isconnected())
            try:
                network.WLAN(5)
            except ValueError as e:
                print(e)
            """)
        let out = try run(p)
        XCTAssertTrue(out.contains("""
            1000 True 1000 <WLAN>
            [(b'HomeNet', 11, -60, 3, False)]
            HomeNet 202 False
            Elsewhere 201 False
            HomeNet 1010 True
            192.168.1.2 11 mpy-esp32s3
            1000 False
            invalid WLAN interface identifier

            """), out)
    }

    func testPicoWFailuresAndTheAccessPointGoingAway() throws {
        let net = #"{"accessPoints": [{"ssid": "HomeNet", "password": "hunter22"}]}"#
        let p = try project(network: net, main: """
            import network, time
            w = network.WLAN(network.STA_IF)
            try:
                w.connect('HomeNet', 'hunter22')
            except OSError as e:
                print('inactive', e.errno)
            w.active(True)
            for ssid, key in (('HomeNet', 'nope-nope'), ('Elsewhere', ''), ('HomeNet', 'hunter22')):
                w.connect(ssid, key)
                time.sleep(2)
                print(ssid, w.status(), w.isconnected())
            """)
        XCTAssertTrue(try run(p).contains("""
            inactive 1
            HomeNet -3 False
            Elsewhere -2 False
            HomeNet 3 True

            """))
        // With every access point off the air, a join finds nothing.
        let down = try project(network: net, main: """
            import network, time
            w = network.WLAN(network.STA_IF)
            w.active(True)
            print(w.scan())
            w.connect('HomeNet', 'hunter22')
            time.sleep(3)
            print(w.status(), w.isconnected())
            """)
        XCTAssertTrue(try run(down, sets: ["network.up=false"]).contains("[]\n-2 False\n"))
    }

    func testRefusedUnreachableAndTimedOutConnections() throws {
        let closedPort = try LoopbackService.freePort()
        // A server that accepts and never answers.
        let silent = try LoopbackService(["python3", "-c", """
            import socket, time
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', {port})); s.listen(4)
            conns = []
            end = time.time() + 30
            while time.time() < end:
                c, _ = s.accept(); conns.append(c)
            """])
        let p = try project(main: Self.joinWokwiGuest + """
            def attempt(host, port, timeout=None):
                s = socket.socket()
                s.settimeout(timeout)
                try:
                    s.connect(socket.getaddrinfo(host, port)[0][-1])
                    s.send(b'hello')
                    t0 = time.ticks_ms()
                    s.recv(10)
                except OSError as e:
                    return e.errno
                finally:
                    s.close()
            print('refused', attempt('closed.test', 80))
            print('unmapped', attempt('10.1.2.3', 80))
            t0 = time.ticks_ms()
            print('timeout', attempt('silent.test', 80, 0.5), time.ticks_diff(time.ticks_ms(), t0) >= 500)
            """)
        let out = try run(p, hosts: ["closed.test=127.0.0.1:\(closedPort)", "silent.test=127.0.0.1:\(silent.port)"])
        XCTAssertTrue(out.contains("refused 111\nunmapped 113\ntimeout 110 True\n"), out)
    }

    func testTheHostLoopbackNameAndCircuitHosts() throws {
        let server = try httpServer(files: ["x.txt": "from the host"])
        let net = "{\"hosts\": {\"weather.local\": \"127.0.0.1:\(server.port)\"}}"
        let p = try project(board: "esp32s3", network: net, main: Self.joinWokwiGuest + """
            for host, port in (('weather.local', 80), ('host.wokwi.internal', \(server.port))):
                ai = socket.getaddrinfo(host, port)
                print(ai[0][:4], ai[0][4][1])
                s = socket.socket()
                s.connect(ai[0][-1])
                s.write(b'GET /x.txt HTTP/1.0\\r\\n\\r\\n')
                print(s.read().split(b'\\r\\n\\r\\n')[1])
                s.close()
            try:
                socket.getaddrinfo('example.com', 80)
            except OSError as e:
                print('no internet', e.errno)
            """)
        let out = try run(p)
        XCTAssertTrue(out.contains("""
            (2, 1, 0, 'weather.local') 80
            b'from the host'
            (2, 1, 0, 'host.wokwi.internal') \(server.port)
            b'from the host'
            no internet -202

            """), out)
    }

    func testSocketLimitsOfEachPortAndALargeDownloadThroughTheWindow() throws {
        let big = String(repeating: "0123456789abcdef", count: 16_384)  // 256 KiB
        let server = try httpServer(files: ["big.txt": big])
        let program = Self.joinWokwiGuest + """
            held = []
            try:
                while True:
                    held.append(socket.socket())
            except OSError as e:
                print('tcp', len(held), e.errno)
            for s in held:
                s.close()
            s = socket.socket()
            s.connect(socket.getaddrinfo('files.test', 80)[0][-1])
            s.write(b'GET /big.txt HTTP/1.0\\r\\n\\r\\n')
            total = 0
            while True:
                time.sleep_ms(5)  # a slow reader: the window fills and the server waits
                chunk = s.recv(1024)
                if not chunk:
                    break
                total += len(chunk)
            print('received', total)
            """
        let pico = try run(try project(main: program), hosts: ["files.test=127.0.0.1:\(server.port)"])
        XCTAssertTrue(pico.contains("tcp 5 12\n"), pico)
        let esp = try run(try project(board: "esp32s3", main: program), hosts: ["files.test=127.0.0.1:\(server.port)"])
        XCTAssertTrue(esp.contains("tcp 10 23\n"), esp)
        for out in [pico, esp] {
            // The body and python's http.server headers.
            let received = out.components(separatedBy: "received ").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
            XCTAssertGreaterThan(received, 262_144)
            XCTAssertLessThan(received, 262_144 + 400)
        }
    }

    func testAServerGoingDownRefusesNewConnectionsAndResetsOpenOnes() throws {
        let big = String(repeating: "x", count: 200_000)
        let server = try httpServer(files: ["big.txt": big])
        let p = try project(main: Self.joinWokwiGuest + """
            s = socket.socket()
            s.connect(socket.getaddrinfo('files.test', 80)[0][-1])
            s.write(b'GET /big.txt HTTP/1.0\\r\\n\\r\\n')
            try:
                while s.recv(512):
                    time.sleep_ms(100)
            except OSError as e:
                print('reading', e.errno)
            try:
                socket.socket().connect(socket.getaddrinfo('files.test', 80)[0][-1])
            except OSError as e:
                print('connecting', e.errno)
            """)
        let sup = try Supervisor(project: p)
        try sup.configureNetwork(.init(hosts: ["files.test=127.0.0.1:\(server.port)"]))
        let network = sup.network
        sup.board.clock.schedule(at: 5_000_000_000) { network.setRefusing("files.test", true) }
        _ = sup.runHeadless(timeoutNanoseconds: 60_000_000_000)
        let out = sup.printedText
        XCTAssertTrue(out.contains("reading 104\nconnecting 111\n"), out)
        XCTAssertThrowsError(try sup.apply(set: "network.refuse="))
        try sup.apply(set: "network.accept=files.test")
        XCTAssertFalse(network.isRefusing("files.test"))
    }

    func testInternetModeTimingFromTheCircuitAndASilentDNSServer() throws {
        let server = try httpServer(files: ["x.txt": "x"])
        // 100 ms round trips; the loopback by number and localhost (from /etc/hosts, no DNS
        // packet) are reachable only with the internet on.
        let p = try project(network: "{\"roundTripMs\": 100}", main: Self.joinWokwiGuest + """
            for host in ('127.0.0.1', 'localhost'):
                try:
                    addr = socket.getaddrinfo(host, \(server.port))[0][-1]
                    s = socket.socket()
                    t0 = time.ticks_ms()
                    s.connect(addr)
                    print(host, addr[0], 'connected in', time.ticks_diff(time.ticks_ms(), t0), 'ms')
                    s.close()
                except OSError as e:
                    print(host, 'OSError', e.errno)
            """)
        XCTAssertTrue(try run(p).contains("127.0.0.1 OSError 113\nlocalhost OSError -2\n"))
        let open = try run(p, sets: ["network.internet=true"])
        XCTAssertTrue(open.contains("127.0.0.1 127.0.0.1 connected in 100 ms\nlocalhost 127.0.0.1 connected in 100 ms\n"), open)

        let silent = try project(main: Self.joinWokwiGuest + """
            t0 = time.ticks_ms()
            try:
                socket.getaddrinfo('api.test', 80)
            except OSError as e:
                print('no answer', e.errno, time.ticks_diff(time.ticks_ms(), t0) >= 5000)
            """)
        XCTAssertTrue(try run(silent, hosts: ["api.test=127.0.0.1"], sets: ["network.dns=false"])
            .contains("no answer -2 True\n"))
    }

    func testTheSoftAccessPointInterfaceOnBothPorts() throws {
        let program = """
            import network
            ap = network.WLAN(network.AP_IF)
            print(ap.active(), ap.isconnected())
            ap.config(ssid='Breadbox-AP', key='breadbox123', channel=11)
            ap.active(True)
            print(ap.active(), ap.config('ssid'), ap.config('channel'), ap.ifconfig(), ap.isconnected())
            print(len(ap.config('mac')), ap.config('mac') != network.WLAN(network.STA_IF).config('mac'))
            """
        let pico = try run(try project(main: program))
        XCTAssertTrue(pico.contains("""
            False False
            True Breadbox-AP 11 ('192.168.4.1', '255.255.255.0', '192.168.4.1', '0.0.0.0') False
            6 False

            """), pico)
        let esp = try run(try project(board: "esp32s3", main: program))
        XCTAssertTrue(esp.contains("""
            False False
            True Breadbox-AP 11 ('192.168.4.1', '255.255.255.0', '192.168.4.1', '0.0.0.0') False
            6 True

            """), esp)
        // The ports' own default soft-AP names.
        let names = try run(try project(main: "import network\nprint(network.WLAN(network.AP_IF).config('ssid')[:4])\n"))
        XCTAssertTrue(names.contains("PICO\n"), names)
        let espNames = try run(try project(board: "esp32s3", main: "import network\nprint(network.WLAN(network.AP_IF).config('ssid')[:4])\n"))
        XCTAssertTrue(espNames.contains("ESP_\n"), espNames)
    }

    /// machine, network, socket... are C in MicroPython's firmware: importing
    /// them here must not eat the board's heap (it took 39 KB of the Pico W's).
    func testImportingTheFirmwaresCModulesTakesLittleHeap() throws {
        let out = try run(try project(main: """
            import gc
            gc.collect()
            before = gc.mem_free()
            import machine, network, socket, collections, re
            gc.collect()
            print('took under 5 KB:', before - gc.mem_free() < 5000)
            """))
        XCTAssertTrue(out.contains("took under 5 KB: True"), out)
    }

    func testCircuitNetworkSectionIsChecked() throws {
        let bad = [
            (#"{"accessPoints": [{"ssid": "A", "password": "short"}]}"#, "network.accessPoints[0].password"),
            (#"{"accessPoints": [{"ssid": "A", "channel": 14}]}"#, "network.accessPoints[0].channel"),
            (#"{"hosts": {"a.test": "127.0.0.1:99999"}}"#, "network.hosts.a.test"),
            (#"{"roundTripMs": -1}"#, "network.roundTripMs"),
            (#"{"wifi": true}"#, "network.wifi"),
        ]
        for (net, field) in bad {
            let p = try project(network: net, main: "")
            XCTAssertThrowsError(try Supervisor(project: p)) { e in
                XCTAssertTrue("\(e)".contains("field \"\(field)\""), "\(e)")
            }
        }
        let p = try project(main: "")
        let sup = try Supervisor(project: p)
        XCTAssertThrowsError(try sup.configureNetwork(.init(hosts: ["nohost"])))
        XCTAssertThrowsError(try sup.apply(set: "network.up=maybe"))
        XCTAssertThrowsError(try sup.apply(set: "network.speed=1"))
    }
}

/// TLS from the board to a real TLS server on the loopback, with a test CA.
final class BoardTLSTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try Self.makeFixture()
    }

    /// A folder with a test CA, a certificate for secure.test, www/data.json and serve.py (a TLS web server).
    static func makeFixture() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("www"), withIntermediateDirectories: true)
        try "{\"ok\": true}".write(to: dir.appendingPathComponent("www/data.json"), atomically: true, encoding: .utf8)
        // A CA and a server certificate for secure.test, made with the openssl tool.
        for args in [["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "3650", "-subj", "/CN=Breadbox Test CA"],
                     ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=secure.test"],
                     ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
                      "-days", "3650", "-extfile", "san.ext"]] {
            try "subjectAltName=DNS:secure.test\n".write(to: dir.appendingPathComponent("san.ext"), atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["openssl"] + args
            p.currentDirectoryURL = dir
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "openssl \(args.joined(separator: " "))")
        }
        try """
            import http.server, ssl, sys, functools
            port, root = int(sys.argv[1]), sys.argv[2]
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
            class Server(http.server.ThreadingHTTPServer):
                def shutdown_request(self, request):
                    # End the TLS stream with close_notify, as web servers do.
                    try:
                        request.unwrap()
                    except OSError:
                        pass
                    request.close()
            httpd = Server(('127.0.0.1', port), handler)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain('server.pem', 'server.key')
            httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
            httpd.serve_forever()
            """.write(to: dir.appendingPathComponent("serve.py"), atomically: true, encoding: .utf8)
        return dir
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func testHTTPSFromThePicoWVerifiedAgainstTheLoadedCA() throws {
        let server = try LoopbackService(["python3", "serve.py", "{port}", "www"], currentDirectory: dir)
        let project = dir.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("drive"), withIntermediateDirectories: true)
        try #"{"board": "pico_w", "flavor": "micropython", "parts": []}"#
            .write(to: project.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("ca.pem"), to: project.appendingPathComponent("drive/ca.pem"))
        try BoardNetworkTests.joinWokwiGuest.appending("""
            import ssl
            def get(verify, cafile=None, name='secure.test'):
                s = socket.socket()
                s.connect(socket.getaddrinfo(name, 443)[0][-1])
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                ctx.verify_mode = verify
                if cafile:
                    ctx.load_verify_locations(cafile=cafile)
                t0 = time.ticks_ms()
                try:
                    s = ctx.wrap_socket(s, server_hostname=name)
                except Exception as e:
                    print('failed', type(e).__name__, repr(e.args))
                    s.close()
                    return
                # Two 30 ms round trips and the RP2040's 1.5 s: 1560 ms, or a little more
                # when the real server answers later than that (a loaded machine).
                took = time.ticks_diff(time.ticks_ms(), t0)
                print('handshake', 'ok' if 1560 <= took < 3000 else took, s.cipher()[1], len(s.getpeercert(True)) > 100)
                s.write(b'GET /data.json HTTP/1.0\\r\\nHost: secure.test\\r\\n\\r\\n')
                print(s.read().split(b'\\r\\n\\r\\n')[1])
                s.close()
            get(ssl.CERT_NONE)
            get(ssl.CERT_REQUIRED, 'ca.pem')
            get(ssl.CERT_REQUIRED, 'ca.pem', 'other.test')
            s = socket.socket()
            s.connect(socket.getaddrinfo('plain.test', 80)[0][-1])
            try:
                ssl.wrap_socket(s, server_hostname='plain.test')
            except OSError as e:
                print('not TLS', e.args)
            import tls
            try:
                tls.SSLContext(tls.PROTOCOL_TLS_CLIENT).wrap_socket(socket.socket())
            except ValueError as e:
                print(e)
            """).write(to: project.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        let plain = try LoopbackService(["python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1"], currentDirectory: dir)
        let sup = try Supervisor(project: project)
        try sup.configureNetwork(.init(hosts: ["secure.test=127.0.0.1:\(server.port)", "other.test=127.0.0.1:\(server.port)",
                                               "plain.test=127.0.0.1:\(plain.port)"]))
        _ = sup.runHeadless(timeoutNanoseconds: 60_000_000_000)
        let out = sup.printedText
        // Two round trips (30 ms each) and the RP2040's 1.5 s of mbedTLS arithmetic.
        XCTAssertTrue(out.contains("""
            handshake ok TLSv1.2 True
            b'{"ok": true}'
            handshake ok TLSv1.2 True
            b'{"ok": true}'
            failed ValueError ('\\nThe certificate Common Name (CN) does not match with the expected CN\\n',)
            not TLS (-29184, 'MBEDTLS_ERR_SSL_INVALID_RECORD')
            CERT_REQUIRED requires server_hostname

            """), out)
    }
}

extension BoardTLSTests {
    /// On the Pico W mbedTLS takes its buffers from MicroPython's heap; on the ESP32 from ESP-IDF's.
    func testATLSSessionTakesPicoWHeapButNotESP32Heap() throws {
        let server = try LoopbackService(["python3", "serve.py", "{port}", "www"], currentDirectory: dir)
        let program = NetworkProjects.joinWokwiGuest + """
            import ssl, gc
            gc.collect()
            before = gc.mem_free()
            s = socket.socket()
            s.connect(socket.getaddrinfo('secure.test', 443)[0][-1])
            s = ssl.wrap_socket(s, server_hostname='secure.test')
            print('taken', (before - gc.mem_free()) // 1024, 'KiB')
            s.close()
            gc.collect()
            hog = bytearray(gc.mem_free() - 20000)
            s = socket.socket()
            s.connect(socket.getaddrinfo('secure.test', 443)[0][-1])
            try:
                ssl.wrap_socket(s, server_hostname='secure.test')
                print('handshake done')
            except MemoryError as e:
                print('MemoryError:', e)
            """
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let hosts = ["secure.test=127.0.0.1:\(server.port)"]
        let pico = try projects.run(try projects.project(main: program), hosts: hosts)
        XCTAssertTrue(pico.contains("taken 29 KiB\nMemoryError: memory allocation failed, allocating 28672 bytes\n"), pico)
        let esp = try projects.run(try projects.project(board: "esp32s3", main: program), hosts: hosts)
        XCTAssertTrue(esp.contains("taken 1 KiB\nhandshake done\n") || esp.contains("taken 0 KiB\nhandshake done\n"), esp)
    }
}

extension BoardTLSTests {
    /// Verification with no CA loaded by the firmware trusts `--ca-file`.
    func testCAFileIsTrustedWhenTheFirmwareLoadsNone() throws {
        let server = try LoopbackService(["python3", "serve.py", "{port}", "www"], currentDirectory: dir)
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let p = try projects.project(main: NetworkProjects.joinWokwiGuest + """
            import ssl
            s = socket.socket()
            s.connect(socket.getaddrinfo('secure.test', 443)[0][-1])
            try:
                s = ssl.wrap_socket(s, server_hostname='secure.test', cert_reqs=ssl.CERT_REQUIRED)
                print('verified')
            except ValueError as e:
                print('refused', repr(e.args[0]))
            """)
        let hosts = ["secure.test=127.0.0.1:\(server.port)"]
        // This machine's store does not know the test CA.
        XCTAssertTrue(try projects.run(p, hosts: hosts).contains("refused '\\nThe certificate is not correctly signed by the trusted CA\\n'"))
        HostNetwork.useCAFile(dir.appendingPathComponent("ca.pem").path)
        defer { HostNetwork.useCAFile(nil) }
        XCTAssertTrue(try projects.run(p, hosts: hosts).contains("verified\n"))
    }
}

/// `--network-record` then `--network-replay`: the replayed runs need no
/// server and print the same, byte for byte, each time.
final class NetworkRecordReplayTests: XCTestCase {
    func testRecordedTrafficReplaysOfflineAndDeterministically() throws {
        let net = NetworkProjects()
        defer { net.cleanUp() }
        let www = try net.httpServer(files: ["a.txt": "first file", "b.txt": "second file"])
        // A UDP echo server (its TCP listener on the same port tells the test it is up).
        let echo = try LoopbackService(["python3", "-c", """
            import socket, time
            t = socket.socket(); t.bind(('127.0.0.1', {port})); t.listen(1)
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', {port})); u.settimeout(30)
            for _ in range(10):
                data, peer = u.recvfrom(100)
                u.sendto(data.upper(), peer)
            """])
        func program(_ order: [String]) -> String {
            BoardNetworkTests.joinWokwiGuest + """
                def get(path):
                    s = socket.socket()
                    s.connect(socket.getaddrinfo('files.test', 80)[0][-1])
                    s.write(b'GET /' + path.encode() + b' HTTP/1.0\\r\\n\\r\\n')
                    body = s.read().split(b'\\r\\n\\r\\n')[1]
                    s.close()
                    return body
                for path in (\(order.map { "'\($0)'" }.joined(separator: ", ")),):
                    print(path, get(path), time.ticks_ms())
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                u.settimeout(2)
                u.sendto(b'ping', socket.getaddrinfo('echo.test', 123)[0][-1])
                print(u.recvfrom(100)[0], time.ticks_ms())
                u.close()
                """
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorded = try net.project(main: program(["a.txt", "b.txt"]))
        let live = try Supervisor(project: recorded)
        try live.configureNetwork(.init(hosts: ["files.test=127.0.0.1:\(www.port)", "echo.test=127.0.0.1:\(echo.port)"],
                                        recordFolder: folder))
        _ = live.runHeadless(timeoutNanoseconds: 30_000_000_000)
        live.closeNetwork()
        XCTAssertTrue(live.serialLog.contains("a.txt b'first file'"), live.serialLog)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["0001-files.test-80.json", "0002-files.test-80.json", "0003-echo.test-123.json"])
        www.stop()
        echo.stop()

        // Offline now; the program asks in the other order and still gets each file's answer.
        func replay() throws -> String {
            let p = try net.project(main: program(["b.txt", "a.txt"]))
            let sup = try Supervisor(project: p)
            try sup.configureNetwork(.init(replayFolder: folder))
            _ = sup.runHeadless(timeoutNanoseconds: 30_000_000_000)
            return sup.printedText
        }
        let first = try replay(), second = try replay()
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.contains("b.txt b'second file'"), first)
        XCTAssertTrue(first.contains("a.txt b'first file'"), first)
        XCTAssertTrue(first.contains("b'PING'"), first)
    }

    func testAReplayFolderThatIsNotRecordingsIsRefused() throws {
        let net = NetworkProjects()
        defer { net.cleanUp() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\"name\": 1}".write(to: folder.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
        let sup = try Supervisor(project: try net.project(main: ""))
        XCTAssertThrowsError(try sup.configureNetwork(.init(replayFolder: folder))) { e in
            XCTAssertTrue("\(e)".contains("x.json is not a network recording"), "\(e)")
        }
    }
}

/// A server on the board, reached from the host through `--forward`.
final class BoardServerTests: XCTestCase {
    func testAHostClientReachesTheBoardsServerThroughAForward() throws {
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let hostPort = try LoopbackService.freePort()
        let p = try projects.project(board: "esp32s3", main: NetworkProjects.joinWokwiGuest + """
            server = socket.socket()
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            server.bind(socket.getaddrinfo('0.0.0.0', 80)[0][-1])
            server.listen(1)
            print('listening', w.ifconfig()[0])
            server.settimeout(20)
            client, peer = server.accept()
            print('from', peer[0])
            request = client.readline()
            client.write(b'HTTP/1.0 200 OK\\r\\n\\r\\nhello from the board, you asked ' + request.split()[1])
            client.close()
            server.close()
            """)
        let sup = try Supervisor(project: p)
        try sup.configureNetwork(.init(forwards: ["\(hostPort):80"]))
        XCTAssertThrowsError(try sup.configureNetwork(.init(forwards: ["80"])))
        let fetched = LockedText()
        let done = DispatchSemaphore(value: 0)
        Thread {
            // curl, bounded: a few tries while the board boots and joins.
            for _ in 0..<50 {
                let curl = Process()
                curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                curl.arguments = ["curl", "-s", "--max-time", "10", "http://127.0.0.1:\(hostPort)/status"]
                let pipe = Pipe()
                curl.standardOutput = pipe
                try? curl.run()
                curl.waitUntilExit()
                let body = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                if curl.terminationStatus == 0 { fetched.append(body); break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            done.signal()
        }.start()
        let settings = sup.adapter
        settings.pacer = Pacer(mode: .realTime, virtualNow: sup.board.clock.now)
        _ = sup.runHeadless(timeoutNanoseconds: 30_000_000_000)
        sup.closeNetwork()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(fetched.value, "hello from the board, you asked /status")
        let out = sup.printedText
        XCTAssertTrue(out.contains("listening 10.13.37.2\nfrom 10.13.37.1\n"), out)
    }
}
