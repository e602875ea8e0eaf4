import BreadboxTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The frozen `ntptime` against an NTP responder on 127.0.0.1. ntptime always
/// asks port 123, so the programs point `socket.getaddrinfo` at the
/// responder's port for that one lookup.
final class NTPTimeTests: XCTestCase {
    /// 2025-03-14 15:09:26 UTC in NTP seconds (since 1900).
    static let ntpSeconds: UInt32 = 3_950_953_766

    /// The runtime's Pico W counts from 1970 (rp2's MICROPY_EPOCH_IS_1970), so
    /// ntptime takes the 1970 NTP delta.
    func testSettimeSetsTheRTCToTheServersTime() throws {
        let server = try LoopbackNTPServer(answer: Self.ntpSeconds)
        let s = try BoardSession.networked()
        let out = s.run("""
            \(redirect(server.port))
            import ntptime, time, machine
            print(time.gmtime(0)[0], ntptime.host, ntptime.timeout)
            ntptime.host = "127.0.0.1"
            t = ntptime.time()
            print(time.gmtime(t)[:6])
            ntptime.settime()
            print(time.localtime()[:6])
            d = machine.RTC().datetime()
            print(d[:3] + d[4:7])
            """)
        XCTAssertEqual(out, """
            1970 pool.ntp.org 1
            (2025, 3, 14, 15, 9, 26)
            (2025, 3, 14, 15, 9, 26)
            (2025, 3, 14, 15, 9, 26)

            """)
        // Two queries of 48 bytes: leap 0, version 4, client mode.
        XCTAssertEqual(server.queries.map(\.count), [48, 48])
        XCTAssertEqual(server.queries.first?.first, 0x23)
    }

    func testNoAnswerTimesOut() throws {
        let server = try LoopbackNTPServer(answer: nil)
        let s = try BoardSession.networked()
        let started = Date()
        let out = s.run("""
            \(redirect(server.port))
            import ntptime
            ntptime.host = "127.0.0.1"
            ntptime.timeout = 0.3
            try:
                ntptime.time()
            except OSError as e:
                print("OSError", e.errno)
            """)
        XCTAssertEqual(out, "OSError 110\n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    private func redirect(_ port: Int) -> String {
        """
        import socket
        _getaddrinfo = socket.getaddrinfo
        socket.getaddrinfo = lambda host, port, *rest: _getaddrinfo(host, \(port) if port == 123 else port, *rest)
        """
    }
}

/// A UDP responder on 127.0.0.1 that answers each 48-byte query with an NTP
/// packet whose receive and transmit times are `answer` (or keeps silent when nil), until
/// released or 20 s pass.
final class LoopbackNTPServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var received: [[UInt8]] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    var queries: [[UInt8]] { lock.withLock { received } }

    init(answer: UInt32?) throws {
        (fd, port) = try LoopbackService.boundSocket(type: Int32(SOCK_DGRAM.rawValue))
        let deadline = Date().addingTimeInterval(20)
        Thread { [self] in
            while lock.withLock({ !stopped }), Date() < deadline {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, 100) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 512)
                var peer = sockaddr_in()
                var peerLen = socklen_t(MemoryLayout<sockaddr_in>.size)
                let n = withUnsafeMutablePointer(to: &peer) { pp in
                    pp.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                        buffer.withUnsafeMutableBytes { recvfrom(fd, $0.baseAddress, 512, 0, sa, &peerLen) }
                    }
                }
                guard n > 0 else { continue }
                lock.withLock { received.append(Array(buffer[0..<n])) }
                guard let answer else { continue }
                // Leap 0, version 4, server mode; stratum 1; receive and transmit
                // times at bytes 32...35 and 40...43 (adafruit_ntp checks both).
                var reply = [UInt8](repeating: 0, count: 48)
                reply[0] = 0x24
                reply[1] = 1
                for i in 0..<4 {
                    reply[32 + i] = UInt8(truncatingIfNeeded: answer >> (24 - 8 * i))
                    reply[40 + i] = UInt8(truncatingIfNeeded: answer >> (24 - 8 * i))
                }
                _ = withUnsafePointer(to: &peer) { pp in
                    pp.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                        reply.withUnsafeBytes { sendto(fd, $0.baseAddress, 48, 0, sa, peerLen) }
                    }
                }
            }
            close(fd)
            finished.signal()
        }.start()
    }

    deinit {
        lock.withLock { stopped = true }
        finished.wait()
    }
}
