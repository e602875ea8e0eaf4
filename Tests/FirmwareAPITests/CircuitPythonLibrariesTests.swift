import BoardEmulator
import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// Adafruit's CircuitPython libraries from PyPI, unmodified in drive/lib as
/// circup installs them, over the board's Wi-Fi joined at boot from
/// settings.toml: a loopback web server, a real mosquitto, an NTP responder.
final class CircuitPythonLibrariesTests: XCTestCase {
    static let packages = [
        ("adafruit-circuitpython-requests", "4.1.17"),
        ("adafruit-circuitpython-connectionmanager", "3.1.8"),
        ("adafruit-circuitpython-minimqtt", "8.1.0"),
        ("adafruit-circuitpython-ntp", "3.4.0"),
        ("adafruit-circuitpython-ticks", "1.1.7"),
        ("adafruit-circuitpython-httpserver", "4.8.2"),
    ]
    static let libraries = PyPI.libraries(packages, into: "circuitpython-network-libs")

    static let settings = """
        CIRCUITPY_WIFI_SSID = "HomeNet"
        CIRCUITPY_WIFI_PASSWORD = "hunter22"

        """
    static let homeNet = #"{"accessPoints": [{"ssid": "HomeNet", "password": "hunter22", "channel": 11, "rssi": -60}]}"#

    static func lib() throws -> URL {
        switch Self.libraries {
        case .success(let url): return url
        case .failure(let e):
            // A library that cannot be fetched fails the test (Scripts/test needs PyPI).
            XCTFail("pip could not fetch the libraries from PyPI:\n\(e.message)")
            throw e
        }
    }

    func testRequestsMiniMQTTAndNTPOnBothBoardsJoinedFromSettings() throws {
        let lib = try Self.lib()
        let projects = CircuitPythonProjects(), files = NetworkProjects()
        defer { projects.cleanUp(); files.cleanUp() }
        let www = try files.httpServer(files: ["weather.json": "{\"temperature\": 21.5, \"unit\": \"C\"}"])
        for board in ["pico_w", "esp32s3"] {
            let broker = try MosquittoBroker()
            let sub = try broker.client("mosquitto_sub", ["-i", "watcher", "-t", "board/#", "-v", "-C", "1", "-W", "20"])
            XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from watcher"), broker.log)
            let ntp = try LoopbackNTPServer(answer: NTPTimeTests.ntpSeconds)
            let p = try projects.project(board: board, network: Self.homeNet, settings: Self.settings, code: """
                import wifi, socketpool, ssl, time, rtc
                import adafruit_requests, adafruit_connection_manager, adafruit_ntp
                import adafruit_minimqtt.adafruit_minimqtt as MQTT
                print('connected', wifi.radio.connected, wifi.radio.ipv4_address)
                pool = adafruit_connection_manager.get_radio_socketpool(wifi.radio)
                ctx = adafruit_connection_manager.get_radio_ssl_context(wifi.radio)
                requests = adafruit_requests.Session(pool, ctx)
                with requests.get('http://web.test/weather.json') as r:
                    print(r.status_code, r.json())
                got = []
                mqtt = MQTT.MQTT(broker='broker.test', socket_pool=pool, ssl_context=ctx, client_id='cp-board')
                mqtt.on_message = lambda client, topic, message: got.append((topic, message))
                mqtt.connect()
                mqtt.subscribe('echo/#')
                mqtt.publish('board/temperature', '21.5')
                mqtt.publish('echo/self', 'round trip')
                for _ in range(10):
                    mqtt.loop(1)
                    if got:
                        break
                print('mqtt', got)
                mqtt.disconnect()
                ntp = adafruit_ntp.NTP(pool, server='pool.ntp.org')
                rtc.RTC().datetime = ntp.datetime
                t = time.localtime()
                print('ntp', t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min)
                try:
                    requests.get('http://nowhere.test/')
                except socketpool.SocketPool.gaierror as e:
                    print('gaierror', e.args)
                """, lib: lib)
            let out = try projects.run(p, hosts: ["web.test=127.0.0.1:\(www.port)", "broker.test=127.0.0.1:\(broker.port)",
                                                  "pool.ntp.org=127.0.0.1:\(ntp.port)"])
            XCTAssertTrue(out.contains("\u{1b}]0;🐍192.168.1.2 | code.py | 9.1.4\u{1b}\\"), board + out)
            XCTAssertTrue(out.contains("connected True 192.168.1.2\n200 {'temperature': 21.5, 'unit': 'C'}\n"), board + out)
            XCTAssertTrue(out.contains("mqtt [('echo/self', 'round trip')]\n"), board + out)
            XCTAssertTrue(out.contains("ntp 2025 3 14 15 9\n"), board + out)
            XCTAssertTrue(out.contains("gaierror (-2, 'Name or service not known')\n"), board + out)
            XCTAssertTrue(sub.waitForExit(seconds: 20))
            XCTAssertEqual(sub.output, "board/temperature 21.5\n", board)
        }
    }
}

/// HTTPS through adafruit_requests: verified against a test CA the program
/// loads, and refused as mbedTLS refuses when the CA is not trusted.
final class CircuitPythonHTTPSTests: XCTestCase {
    func testHTTPSWithRequestsVerifiedAgainstTheLoadedCA() throws {
        let lib = try CircuitPythonLibrariesTests.lib()
        let dir = try BoardTLSTests.makeFixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try LoopbackService(["python3", "serve.py", "{port}", "www"], currentDirectory: dir)
        let projects = CircuitPythonProjects()
        defer { projects.cleanUp() }
        let ca = try String(contentsOf: dir.appendingPathComponent("ca.pem"), encoding: .utf8)
        let p = try projects.project(settings: "CIRCUITPY_WIFI_SSID = \"Wokwi-GUEST\"\n", code: """
            import wifi, ssl, adafruit_requests, adafruit_connection_manager
            pool = adafruit_connection_manager.get_radio_socketpool(wifi.radio)
            ctx = ssl.create_default_context()
            try:
                adafruit_requests.Session(pool, ctx).get('https://secure.test/data.json')
            except OSError as e:
                print('untrusted', e.args)
            ctx = ssl.create_default_context()
            ctx.load_verify_locations(cadata=open('/ca.pem').read())
            with adafruit_requests.Session(pool, ctx).get('https://secure.test/data.json') as r:
                print(r.status_code, r.json())
            """, lib: lib)
        try ca.write(to: p.appendingPathComponent("drive/ca.pem"), atomically: true, encoding: .utf8)
        let out = try projects.run(p, hosts: ["secure.test=127.0.0.1:\(server.port)"])
        XCTAssertTrue(out.contains("untrusted (-9984, 'X509 - Certificate verification failed, e.g. CRL, CA or signature check failed')\n"), out)
        XCTAssertTrue(out.contains("200 {'ok': True}\n"), out)
    }
}

/// adafruit_httpserver serving a page on the board, fetched by curl on the host
/// through `--forward`; and minimqtt when the broker goes down.
final class CircuitPythonServerAndBrokerTests: XCTestCase {
    func testAPageServedOnTheBoardReachesCurlThroughAForward() throws {
        let lib = try CircuitPythonLibrariesTests.lib()
        let projects = CircuitPythonProjects()
        defer { projects.cleanUp() }
        let hostPort = try LoopbackService.freePort()
        let p = try projects.project(settings: CircuitPythonLibrariesTests.settings.replacingOccurrences(of: "HomeNet", with: "Wokwi-GUEST")
                                        .replacingOccurrences(of: "hunter22", with: ""), code: """
            import time, wifi, socketpool
            from adafruit_httpserver import Server, Request, Response
            pool = socketpool.SocketPool(wifi.radio)
            server = Server(pool, debug=False)
            served = []
            @server.route("/")
            def base(request: Request):
                served.append(request.path)
                return Response(request, "hello from the board at " + str(wifi.radio.ipv4_address))
            server.start(str(wifi.radio.ipv4_address), 80)
            print('serving on', wifi.radio.ipv4_address)
            for _ in range(2000):
                server.poll()
                if served:
                    break
                time.sleep(0.01)
            server.stop()
            print('served', served)
            """, lib: lib)
        let sup = try Supervisor(project: p)
        try sup.configureNetwork(.init(forwards: ["\(hostPort):80"]))
        sup.adapter.pacer = Pacer(mode: .realTime, virtualNow: sup.board.clock.now)
        let fetched = LockedText()
        let done = DispatchSemaphore(value: 0)
        Thread {
            for _ in 0..<100 {
                let r = PyPI.run(["curl", "-s", "--max-time", "5", "http://127.0.0.1:\(hostPort)/"])
                if r.status == 0 && !r.output.isEmpty { fetched.append(r.output); break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            done.signal()
        }.start()
        _ = sup.runHeadless(timeoutNanoseconds: 30_000_000_000)
        sup.closeNetwork()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(fetched.value, "hello from the board at 10.13.37.2")
        XCTAssertTrue(sup.serialLog.contains("served ['/']"), sup.serialLog)
    }

    func testMiniMQTTReportsTheBrokerGoingDownAndReconnects() throws {
        let lib = try CircuitPythonLibrariesTests.lib()
        let projects = CircuitPythonProjects()
        defer { projects.cleanUp() }
        let broker = try MosquittoBroker()
        let p = try projects.project(network: CircuitPythonLibrariesTests.homeNet, settings: CircuitPythonLibrariesTests.settings, code: """
            import time, wifi, adafruit_connection_manager
            import adafruit_minimqtt.adafruit_minimqtt as MQTT
            pool = adafruit_connection_manager.get_radio_socketpool(wifi.radio)
            mqtt = MQTT.MQTT(broker='broker.test', socket_pool=pool, client_id='cp-down', connect_retries=1)
            mqtt.connect()
            print('connected')
            for i in range(12):
                try:
                    mqtt.publish('board/n', str(i))
                    mqtt.loop(1)
                except (OSError, MQTT.MMQTTException) as e:
                    print('lost:', type(e).__name__)
                    try:
                        mqtt.reconnect()
                        print('reconnected')
                    except (OSError, MQTT.MMQTTException) as e:
                        print('reconnect failed:', type(e).__name__)
                time.sleep(5)
            """, lib: lib)
        let sup = try Supervisor(project: p)
        try sup.configureNetwork(.init(hosts: ["broker.test=127.0.0.1:\(broker.port)"]))
        // The broker refuses and resets from 20 s to 40 s of the board's time.
        let network = sup.network
        sup.board.clock.schedule(at: 20_000_000_000) { network.setRefusing("broker.test", true) }
        sup.board.clock.schedule(at: 40_000_000_000) { network.setRefusing("broker.test", false) }
        _ = sup.runHeadless(timeoutNanoseconds: 90_000_000_000)
        sup.closeNetwork()
        let out = sup.printedText
        XCTAssertTrue(out.contains("connected\n"), out)
        XCTAssertTrue(out.contains("lost:"), out)
        XCTAssertTrue(out.contains("reconnect failed:"), out)
        XCTAssertTrue(out.contains("reconnected\n"), out)
    }
}
