import BreadboxTestSupport
import Foundation
import HostPlatform
import Simulator
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The window with `--serial`: the window's console and a tool on the port
/// see one stream, and both type to the board.
final class LiveSimulatorSerialPortTests: SimulatorTestCase {
    /// A tool on 127.0.0.1:`port`, reading on a thread of its own.
    final class Tool: @unchecked Sendable {
        let fd: Int32
        let received = LockedText()

        init(port: Int) throws {
            guard let fd = LoopbackService.connect(port) else { throw XCTSkip("cannot connect to 127.0.0.1:\(port) (errno \(errno))") }
            self.fd = fd
            let received = received
            Thread.detachNewThread {
                var buffer = [UInt8](repeating: 0, count: 1024)
                while true {
                    let n = Glibc.read(fd, &buffer, buffer.count)
                    if n <= 0 {
                        Glibc.close(fd)
                        return
                    }
                    received.append(String(decoding: buffer[..<n], as: UTF8.self))
                }
            }
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            XCTAssertEqual(Glibc.write(fd, bytes, bytes.count), bytes.count)
        }

        /// Hangs up; the reading thread closes the socket.
        func close() { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    func testTheWindowsConsoleAndAToolOnThePortShareTheBoard() throws {
        let project = try makeProject(parts: "", files: ["main.py": "print('main ran')\n"])
        let port = try XCTUnwrap(try SerialPortSpec.tcp(port: 0).open() as? TCPSerialPort)
        let window = LockedText()
        let sim = try LiveSimulator(project: project, speed: .realTime, mirror: { window.append($0) })
        sim.attach(port)
        sim.start()
        let tool = try Tool(port: port.port)
        addTeardownBlock {
            tool.close()
            XCTAssertTrue(sim.stop(), "the firmware thread ends when asked")
            port.close()
        }
        XCTAssertTrue(eventually { window.value.contains("main ran") }, window.value)

        // Typed on the port: both consoles show the line and its answer.
        tool.type("print(6*7)\r")
        XCTAssertTrue(eventually { tool.received.value.contains("print(6*7)\r\n42\r\n>>> ") }, tool.received.value)
        XCTAssertTrue(eventually { window.value.contains("print(6*7)\r\n42\r\n>>> ") }, window.value)

        // Typed in the window: the tool sees it too.
        sim.perform(.serialInput(Array("print(7*8)\r".utf8)))
        XCTAssertTrue(eventually { tool.received.value.contains("print(7*8)\r\n56\r\n>>> ") }, tool.received.value)
        XCTAssertTrue(eventually { window.value.contains("56\r\n>>> ") }, window.value)

        // The tool going away leaves the window's console working.
        tool.close()
        Thread.sleep(forTimeInterval: 0.2)
        sim.perform(.serialInput(Array("print(8*9)\r".utf8)))
        XCTAssertTrue(eventually { window.value.contains("72\r\n>>> ") }, window.value)
        XCTAssertNil(sim.finished, "the board still runs")
    }
}
