import BoardSupervisor
import BreadboxTestSupport
import Foundation
import XCTest

/// micropython-lib's own releases from PyPI (umqtt.simple, umqtt.robust,
/// urequests), unmodified on the board's drive, over the board's Wi-Fi: a real
/// mosquitto and a loopback web server on the other end. On the board the
/// drive's top folder comes before the frozen modules in `sys.path`, so these
/// shadow the firmware's own, as they would on a real Pico W.
final class PyPINetworkLibrariesTests: XCTestCase {
    static let packages = [
        ("micropython-umqtt.simple", "1.3.4"),
        ("micropython-umqtt.robust", "1.0"),
        ("micropython-urequests", "0.9.1"),
    ]
    static let libraries = PyPI.libraries(packages, into: "micropython-lib-network")

    func testPyPIReleasesRunUnmodifiedOnThePicoW() throws {
        let lib: URL
        switch Self.libraries {
        case .success(let url): lib = url
        case .failure(let e):
            XCTFail("pip could not fetch the libraries from PyPI:\n\(e.message)")
            return
        }
        let projects = NetworkProjects()
        defer { projects.cleanUp() }
        let broker = try MosquittoBroker()
        let sub = try broker.client("mosquitto_sub", ["-i", "watcher", "-t", "board/#", "-v", "-C", "2", "-W", "20"])
        XCTAssertTrue(broker.waitForLog("Received SUBSCRIBE from watcher"), broker.log)
        let www = try projects.httpServer(files: ["hello.json": "{\"from\": \"the web\"}"])
        let p = try projects.project(main: NetworkProjects.joinWokwiGuest + """
            import umqtt.simple, umqtt.robust, urequests
            print(umqtt.simple.__file__, umqtt.robust.__file__, urequests.__file__)
            r = urequests.get('http://web.test/hello.json')
            print(r.status_code, r.json())
            body = r.content
            r.close()
            c = umqtt.robust.MQTTClient('pypi-board', 'broker.test')
            c.connect()
            c.publish(b'board/hello', b'from PyPI umqtt')
            c.publish(b'board/web', body)
            c.disconnect()
            print('published')
            """)
        // The releases' files at the top of the drive (umqtt/, urequests.py).
        for item in try FileManager.default.contentsOfDirectory(atPath: lib.path) {
            try FileManager.default.copyItem(at: lib.appendingPathComponent(item),
                                             to: p.appendingPathComponent("drive/" + item))
        }
        let out = try projects.run(p, hosts: ["broker.test=127.0.0.1:\(broker.port)", "web.test=127.0.0.1:\(www.port)"])
        XCTAssertTrue(out.contains("""
            umqtt/simple.py umqtt/robust.py urequests/__init__.py
            200 {'from': 'the web'}
            published

            """), out)
        XCTAssertTrue(sub.waitForExit(seconds: 20))
        XCTAssertEqual(sub.output, "board/hello from PyPI umqtt\nboard/web {\"from\": \"the web\"}\n")
    }
}
