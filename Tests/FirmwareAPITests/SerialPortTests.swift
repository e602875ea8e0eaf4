import BreadboxTestSupport
import Foundation
@testable import HostPlatform
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The serial ports `breadbox run --serial` opens, driven as a tool drives
/// them: a TCP client or a program opening the pseudo-terminal. Every wait is
/// bounded.
final class SerialPortTests: XCTestCase {
    /// What a port handed the board.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [UInt8] = []
        func append(_ b: [UInt8]) { lock.withLock { stored += b } }
        var text: String { String(decoding: self.bytes, as: UTF8.self) }
        var bytes: [UInt8] { lock.withLock { stored } }
    }

    func started(_ spec: SerialPortSpec) throws -> (SerialPort, Received) {
        let port = try spec.open()
        let received = Received()
        port.start { received.append($0) }
        addTeardownBlock { port.close() }
        return (port, received)
    }

    /// A connection to 127.0.0.1:`port` whose reads give up after 0.1 s.
    func connect(_ port: Int) throws -> Int32 {
        guard let fd = LoopbackService.connect(port) else {
            throw XCTSkip("cannot connect to 127.0.0.1:\(port) (errno \(errno))")
        }
        var limit = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// Reads `fd` until `done` holds for what came (or `seconds` pass); all that came.
    func readBytes(_ fd: Int32, seconds: Double = 5, until done: ([UInt8]) -> Bool) -> [UInt8] {
        var got: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end && !done(got) {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            got += buffer[..<n]
        }
        return got
    }

    func read(_ fd: Int32, until wanted: String, seconds: Double = 5) -> String {
        String(decoding: readBytes(fd, seconds: seconds) { String(decoding: $0, as: UTF8.self).contains(wanted) }, as: UTF8.self)
    }

    func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        XCTAssertEqual(Glibc.write(fd, bytes, bytes.count), bytes.count)
    }

    func eventually(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    // MARK: The spec

    func testTheSpecAcceptsPtyTcpAndRFC2217Only() {
        XCTAssertEqual(SerialPortSpec("pty"), .pseudoTerminal)
        XCTAssertEqual(SerialPortSpec("tcp:4000"), .tcp(port: 4000))
        XCTAssertEqual(SerialPortSpec("rfc2217:0"), .rfc2217(port: 0))
        for bad in ["", "tty", "tcp", "tcp:", "tcp:65536", "tcp:-1", "tcp:40x", "udp:4000", "tcp:4000:1", "PTY", "tcp:４０"] {
            XCTAssertNil(SerialPortSpec(bad), bad)
        }
    }

    func testAPortInUseIsRefusedWithTheSystemsReason() throws {
        let (fd, port) = try LoopbackService.boundSocket(type: Int32(SOCK_STREAM.rawValue))
        defer { Glibc.close(fd) }
        XCTAssertEqual(Glibc.listen(fd, 1), 0)
        XCTAssertThrowsError(try SerialPortSpec.tcp(port: port).open()) { error in
            XCTAssertEqual("\(error)", "cannot listen on 127.0.0.1:\(port) (Address already in use)")
        }
    }

    // MARK: The output buffer

    func testOutputWaitsBoundedAndOnlyWhileAToolIsThere() throws {
        let buffer = try SerialOutputBuffer(capacity: 8)
        buffer.append(Array("dropped".utf8))
        XCTAssertTrue(buffer.isEmpty, "nobody connected: nothing kept")
        buffer.setAccepting(true)
        buffer.append(Array("0123456789AB".utf8))
        XCTAssertEqual(String(decoding: buffer.take(upTo: 100), as: UTF8.self), "456789AB", "the newest bytes stay")
        buffer.append(Array("xyz".utf8))
        XCTAssertEqual(String(decoding: buffer.take(upTo: 2), as: UTF8.self), "xy")
        buffer.setAccepting(false)
        XCTAssertTrue(buffer.isEmpty, "a tool going away takes its pending output with it")
    }

    // MARK: TCP

    func testRawTCPCarriesBothWaysAndTheNextToolConnectsAfterTheFirst() throws {
        let (port, received) = try started(.tcp(port: 0))
        let tcp = try XCTUnwrap(port as? TCPSerialPort)
        XCTAssertEqual(port.address, "socket://127.0.0.1:\(tcp.port)")
        port.send(Array("before anyone connected\r\n".utf8))

        let first = try connect(tcp.port)
        write(first, "print(6*7)\r")
        XCTAssertTrue(eventually { received.text == "print(6*7)\r" }, received.text)
        // The port's thread may not have taken the connection when send is called: send until it arrives.
        var seen = ""
        for _ in 0..<50 where !seen.contains("42") {
            port.send(Array("42\r\n".utf8))
            seen += read(first, until: "42", seconds: 0.1)
        }
        XCTAssertTrue(seen.hasPrefix("42\r\n"), seen)
        XCTAssertFalse(seen.contains("before"), "output with nobody connected is dropped")

        // A second tool waits while the first is connected...
        let second = try connect(tcp.port)
        write(second, "queued")
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertFalse(received.text.contains("queued"), received.text)
        // ...and is served once the first goes.
        Glibc.close(first)
        XCTAssertTrue(eventually { received.text.hasSuffix("queued") }, received.text)
        seen = ""
        for _ in 0..<50 where !seen.contains(">>> ") {
            port.send(Array(">>> ".utf8))
            seen += read(second, until: ">>> ", seconds: 0.1)
        }
        XCTAssertTrue(seen.contains(">>> "), seen)
        Glibc.close(second)
    }

    func testAToolThatDoesNotReadNeverBlocksTheSender() throws {
        let (port, _) = try started(.tcp(port: 0))
        let tcp = try XCTUnwrap(port as? TCPSerialPort)
        let idle = try connect(tcp.port)
        defer { Glibc.close(idle) }
        Thread.sleep(forTimeInterval: 0.2)
        let line = Array(String(repeating: "x", count: 1023).utf8) + [0x0A]
        let sent = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for _ in 0..<20_000 { port.send(line) }  // 20 MB, far more than the socket and the buffer hold
            sent.signal()
        }
        XCTAssertEqual(sent.wait(timeout: .now() + 10), .success, "send only queues, whoever reads")
    }

    func testRFC2217OpensWithItsNegotiationAndUnescapesData() throws {
        let (port, received) = try started(.rfc2217(port: 0))
        let tcp = try XCTUnwrap(port as? TCPSerialPort)
        XCTAssertEqual(port.address, "rfc2217://127.0.0.1:\(tcp.port)")
        let fd = try connect(tcp.port)
        defer { Glibc.close(fd) }
        var opening = RFC2217Session()
        let expected = opening.opening()
        XCTAssertEqual(readBytes(fd) { $0.count >= expected.count }, expected, "the server's own requests come first")
        let iac = RFC2217Session.Telnet.interpretAsCommand
        let bytes: [UInt8] = [0x61, iac, iac, 0x62, iac, RFC2217Session.Telnet.will, RFC2217Session.Option.comPort]
        XCTAssertEqual(Glibc.write(fd, bytes, bytes.count), bytes.count)
        XCTAssertTrue(eventually { received.bytes == [0x61, 0xFF, 0x62] }, received.text)
        let agreed = readBytes(fd) { $0.contains(RFC2217Session.Telnet.subnegotiationEnd) }
        XCTAssertEqual(Array(agreed.prefix(3)), [iac, RFC2217Session.Telnet.do, RFC2217Session.Option.comPort])
        // The board's output reaches the tool with 0xFF doubled.
        var seen: [UInt8] = []
        for _ in 0..<50 where !seen.contains(0x7A) {
            port.send([0x79, 0xFF, 0x7A])
            seen += readBytes(fd, seconds: 0.1) { $0.contains(0x7A) }
        }
        XCTAssertEqual(seen, [0x79, 0xFF, 0xFF, 0x7A])
    }

    // MARK: Pseudo-terminal

    func testThePseudoTerminalCarriesRawBytesAndOutlivesItsTools() throws {
        let (port, received) = try started(.pseudoTerminal)
        XCTAssertTrue(port.address.hasPrefix("/dev/"), port.address)
        port.send(Array("nobody has it open\r\n".utf8))
        for round in 1...2 {
            let fd = open(port.address, O_RDWR | O_NOCTTY)
            XCTAssertGreaterThanOrEqual(fd, 0, "round \(round): errno \(errno)")
            guard fd >= 0 else { return }
            // Raw: a CR stays a CR and nothing is echoed back.
            write(fd, "print(\(round))\r")
            XCTAssertTrue(eventually { received.text.hasSuffix("print(\(round))\r") }, received.text)
            var seen = ""
            for _ in 0..<50 where !seen.contains("\(round)\r\n") {
                port.send(Array("\(round)\r\n".utf8))
                seen += read(fd, until: "\(round)\r\n", seconds: 0.1)
            }
            XCTAssertTrue(seen.hasPrefix("\(round)\r\n"), "round \(round): \(seen.debugDescription)")
            XCTAssertFalse(seen.contains("print"), "no echo")
            Glibc.close(fd)
        }
    }
}
