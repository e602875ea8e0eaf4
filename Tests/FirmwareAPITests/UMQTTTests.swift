import BreadboxTestSupport
import Foundation
import XCTest

/// The frozen umqtt.simple and umqtt.robust against a real mosquitto broker on
/// 127.0.0.1, with mosquitto_sub / mosquitto_pub on the other side. Each wait
/// is bounded: socket timeouts in the programs, deadlines in the test.
final class UMQTTTests: XCTestCase {
    func testPublishReachesASubscriber() throws {
        let broker = try MosquittoBroker()
        let sub = try broker.client("mosquitto_sub", ["-i", "sub-pub", "-t", "bb/pub", "-C", "1", "-W", "10", "-F", "%t %p"])
        XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from sub-pub"), broker.log)
        let s = try BoardSession.networked()
        let out = s.run("""
            from umqtt.simple import MQTTClient
            c = MQTTClient(b"py-pub", "127.0.0.1", \(broker.port))
            print(c.port, c.connect(timeout=10))
            c.publish(b"bb/pub", b"hello from the board")
            c.disconnect()
            """)
        XCTAssertEqual(out, "\(broker.port) 0\n")
        XCTAssertTrue(sub.waitForExit(seconds: 10))
        XCTAssertEqual(sub.output, "bb/pub hello from the board\n")
    }

    func testSubscribeDeliversToTheCallback() throws {
        let broker = try MosquittoBroker()
        // Once the board has subscribed, another client publishes (QoS 1).
        let publisher = Thread {
            guard broker.waitForLog("Received SUBSCRIBE from py-sub") else { return }
            _ = try? broker.client("mosquitto_pub", ["-t", "bb/in", "-m", "from outside", "-q", "1"]).waitForExit(seconds: 10)
        }
        publisher.start()
        let s = try BoardSession.networked()
        let out = s.run("""
            from umqtt.simple import MQTTClient
            got = []
            c = MQTTClient(b"py-sub", "127.0.0.1", \(broker.port), keepalive=30)
            try:
                c.subscribe(b"bb/in")
            except AssertionError as e:
                print("AssertionError:", e)
            c.set_callback(lambda topic, msg: got.append((topic, msg)))
            c.connect(timeout=10)
            c.subscribe(b"bb/in", qos=1)
            for _ in range(5):
                if got:
                    break
                c.sock.settimeout(10)
                c.wait_msg()
            print(got)
            c.ping()
            c.sock.settimeout(10)
            print(c.wait_msg())
            print(c.check_msg())
            c.disconnect()
            """)
        XCTAssertEqual(out, """
            AssertionError: Subscribe callback is not set
            [(b'bb/in', b'from outside')]
            None
            None

            """)
    }

    func testRetainedMessageAndLastWill() throws {
        let broker = try MosquittoBroker()
        let willSub = try broker.client("mosquitto_sub", ["-i", "sub-will", "-t", "bb/will", "-C", "1", "-W", "10", "-F", "%r %t %p"])
        XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from sub-will"), broker.log)
        let s = try BoardSession.networked()
        s.run("""
            from umqtt.simple import MQTTClient
            c = MQTTClient(b"py-retain", "127.0.0.1", \(broker.port))
            c.connect(timeout=10)
            c.publish(b"bb/kept", b"still here", retain=True)
            c.disconnect()
            w = MQTTClient(b"py-will", "127.0.0.1", \(broker.port), keepalive=5)
            w.set_last_will(b"bb/will", b"gone", qos=1)
            w.connect(timeout=10)
            w.sock.close()  # dropped without DISCONNECT: the broker sends the will
            """)
        XCTAssertTrue(willSub.waitForExit(seconds: 10))
        XCTAssertEqual(willSub.output, "0 bb/will gone\n")
        // A subscriber arriving later gets the retained message, flagged so.
        let late = try broker.client("mosquitto_sub", ["-t", "bb/kept", "-C", "1", "-W", "10", "-F", "%r %t %p"])
        XCTAssertTrue(late.waitForExit(seconds: 10))
        XCTAssertEqual(late.output, "1 bb/kept still here\n")
    }

    func testBrokerRefusalAndNoBroker() throws {
        let broker = try MosquittoBroker(allowAnonymous: false)
        let nobody = try LoopbackService.freePort()
        let s = try BoardSession.networked()
        let out = s.run("""
            from umqtt.simple import MQTTClient, MQTTException
            try:
                MQTTClient(b"py-anon", "127.0.0.1", \(broker.port)).connect(timeout=10)
            except MQTTException as e:
                print("MQTTException", e.args)
            try:
                MQTTClient(b"py-none", "127.0.0.1", \(nobody)).connect(timeout=10)
            except OSError as e:
                print("OSError", e.errno)
            print(MQTTClient(b"x", "h").port, MQTTClient(b"x", "h", ssl=True).port)
            """)
        // CONNACK return code 5: not authorised.
        XCTAssertEqual(out, "MQTTException (5,)\nOSError 111\n1883 8883\n")
    }

    /// The broker dies under a robust client waiting for messages and comes
    /// back on the same port: the client reconnects (its connect, overridden
    /// as upstream's README suggests, subscribes again) and gets the message
    /// published after the restart.
    func testRobustReconnectsWhenTheBrokerComesBack() throws {
        let broker = try MosquittoBroker()
        let port = broker.port
        let restarted = LockedBroker()
        let programDone = DispatchSemaphore(value: 0)
        let operator_ = Thread {
            // Whatever happens, the first broker dies (the program's reconnection
            // attempts, and so the program, end when no second one comes).
            let subscribed = broker.waitForLog("Received SUBSCRIBE from py-robust")
            broker.stop()
            guard subscribed else { return }
            usleep(500_000)
            guard let again = try? MosquittoBroker(port: port) else { return }
            restarted.set(again)
            if again.waitForLog("Received SUBSCRIBE from py-robust") {
                _ = try? again.client("mosquitto_pub", ["-t", "bb/robust", "-m", "after restart"]).waitForExit(seconds: 10)
            }
            // Unblocks the program if the message never came.
            if programDone.wait(timeout: .now() + 15) == .timedOut { again.stop() }
        }
        operator_.start()
        let s = try BoardSession.networked(realTime: true)
        let out = s.run("""
            import time
            from umqtt import robust

            class Client(robust.MQTTClient):
                DEBUG = True

                def delay(self, i):
                    if i > 100:
                        raise RuntimeError("the broker did not come back")
                    time.sleep(0.1)

                def connect(self, clean_session=True, timeout=10):
                    present = super().connect(clean_session, timeout)
                    self.subscribe(b"bb/robust")
                    return present

            got = []
            c = Client(b"py-robust", "127.0.0.1", \(port))
            c.set_callback(lambda topic, msg: got.append(msg))
            c.connect()
            c.sock.settimeout(10)
            c.wait_msg()
            print(got)
            c.disconnect()
            """)
        programDone.signal()
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "mqtt: OSError(-1,)", out)
        XCTAssertTrue(lines.contains("mqtt reconnect: OSError(111,)"), out)
        XCTAssertEqual(lines.last, "[b'after restart']", out)
        XCTAssertNotNil(restarted.value)
    }
}

/// The restarted broker, handed from the thread that starts it to the test.
private final class LockedBroker: @unchecked Sendable {
    private let lock = NSLock()
    private var broker: MosquittoBroker?
    func set(_ b: MosquittoBroker) { lock.withLock { broker = b } }
    var value: MosquittoBroker? { lock.withLock { broker } }
}
