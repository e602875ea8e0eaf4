import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// The ESP32-S3 on a circuit.json access point, end to end with the frozen
/// modules unmodified: JSON over HTTP with `requests`, publish and subscribe
/// through a real mosquitto with `umqtt.simple`, the RTC from NTP with
/// `ntptime` (its default `pool.ntp.org`, mapped to a responder on the loopback).
final class ESP32NetworkTests: XCTestCase {
    func testRequestsMQTTAndNTPOnTheESP32() throws {
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let www = try projects.httpServer(files: ["now.json": "{\"ok\": true, \"n\": 3}"])
        let broker = try MosquittoBroker()
        let ntp = try LoopbackNTPServer(answer: NTPTimeTests.ntpSeconds)
        let net = #"{"accessPoints": [{"ssid": "Lab", "password": "correct horse", "channel": 1}]}"#
        let p = try projects.project(board: "esp32s3", network: net, main: """
            import network, time, requests, ntptime
            from umqtt.simple import MQTTClient
            w = network.WLAN(network.STA_IF)
            w.active(True)
            w.connect('Lab', 'correct horse')
            while w.status() == network.STAT_CONNECTING:
                time.sleep_ms(100)
            print(w.status(), w.ifconfig()[0])
            r = requests.get('http://api.test/now.json')
            print(r.status_code, r.json())
            got = []
            c = MQTTClient('esp32-test', 'broker.test')
            c.set_callback(lambda topic, msg: got.append((topic, msg)))
            c.connect()
            c.subscribe(b'lab/#')
            c.publish(b'lab/echo', b'hello')
            c.wait_msg()
            print(got)
            c.disconnect()
            ntptime.settime()
            print(time.localtime()[:6])
            try:
                requests.get('http://nowhere.test/')
            except OSError as e:
                print('unmapped', e.errno)
            """)
        let out = try projects.run(p, hosts: ["api.test=127.0.0.1:\(www.port)", "broker.test=127.0.0.1:\(broker.port)",
                                              "pool.ntp.org=127.0.0.1:\(ntp.port)"])
        XCTAssertTrue(out.contains("""
            1010 192.168.1.2
            200 {'ok': True, 'n': 3}
            [(b'lab/echo', b'hello')]
            (2025, 3, 14, 15, 9, 26)
            unmapped -202

            """), out)
    }
}
