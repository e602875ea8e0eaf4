import Foundation
import XCTest
@testable import PythonRuntime
import HostPlatform

/// The `socket` module on the host's network (loopback only) and without one.
final class SocketModuleTests: XCTestCase {
    private func networkedSession() -> PythonSession {
        let session = PythonSession()
        session.host.network = HostNetwork()
        return session
    }

    func testEchoOverLoopback() throws {
        let server = try LoopbackServer { s in
            while true {
                let chunk = s.receive()
                if chunk.isEmpty { break }
                s.send(chunk)
            }
        }
        let r = networkedSession().run("""
        import socket
        addr = socket.getaddrinfo('127.0.0.1', \(server.port))[0]
        print(addr[:4], addr[4])
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.connect(addr[-1])
        print(s.send(b'hello '))
        s.sendall(bytearray(b'world\\n'))
        print(s.write('line two\\n'))
        print(s.recv(6))
        print(s.readline())
        f = s.makefile('rb')
        print(f is s, f.read(9))
        s.close()
        try:
            s.recv(1)
        except OSError as e:
            print('closed', e.errno)
        """, timeout: 20)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, """
        (2, 1, 6, '') ('127.0.0.1', \(server.port))
        6
        9
        b'hello '
        b'world\\n'
        True b'line two\\n'
        closed 9

        """)
        XCTAssertTrue(server.waitUntilDone())
        XCTAssertEqual(String(decoding: server.received, as: UTF8.self), "hello world\nline two\n")
    }

    func testTimeoutsAndNonBlocking() throws {
        let server = try LoopbackServer(timeLimit: 5) { s in
            _ = s.receive()  // holds the connection open without answering
        }
        let r = networkedSession().run("""
        import socket, time
        s = socket.socket()
        s.connect(('127.0.0.1', \(server.port)))
        s.setblocking(False)
        try:
            s.recv(10)
        except OSError as e:
            print('nonblocking', e.errno)
        print('read', s.read(10))
        s.settimeout(0.2)
        t = time.ticks_ms()
        try:
            s.recv(10)
        except OSError as e:
            print('timeout', e.errno, time.ticks_diff(time.ticks_ms(), t) >= 150)
        s.send(b'bye')
        s.close()
        """, timeout: 20)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, "nonblocking 11\nread None\ntimeout 110 True\n")
        XCTAssertTrue(server.waitUntilDone())
    }

    func testWithoutNetworkService() {
        let r = PythonSession().run("""
        import socket, usocket
        print(socket is usocket, socket.AF_INET, socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.IPPROTO_TCP)
        print(socket.getaddrinfo('192.168.4.1', 1883))
        print(socket.getaddrinfo('10.0.0.2', 53, 0, socket.SOCK_DGRAM)[0][:3])
        try:
            socket.getaddrinfo('broker.example.com', 1883)
        except OSError as e:
            print('resolve', e.errno)
        s = socket.socket()
        print(s)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.connect(('192.168.4.1', 1883))
        except OSError as e:
            print('connect', e.errno)
        s.close()
        """)
        XCTAssertNil(r.exception, r.stderr)
        XCTAssertEqual(r.stdout, """
        True 2 1 2 6
        [(2, 1, 6, '', ('192.168.4.1', 1883))]
        (2, 2, 17)
        resolve -2
        <socket>
        connect 113

        """)
    }
}
