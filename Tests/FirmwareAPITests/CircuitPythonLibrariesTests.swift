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
        case .failure(let e): throw XCTSkip("pip could not fetch the libraries from PyPI:\n\(e.message)")
        }
    }

    func testRequestsMiniMQTTAndNTPOnBothBoardsJoinedFromSettings() throws {
        let lib = try Self.lib()
        let projects = CircuitPythonProjects()
        defer { projects.cleanUp() }
        let www = try NetworkProjects().httpServer(files: ["weather.json": "{\"temperature\": 21.5, \"unit\": \"C\"}"])
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
