#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

#if canImport(Glibc)
private let sysClose = Glibc.close
#else
private let sysClose = Darwin.close
#endif

/// The serial console as a pseudo-terminal: tools open `/dev/pts/N` as they
/// open `/dev/ttyACM0`, and the port holds the other end (the master).
///
/// The port keeps no end of the terminal open itself: after the last tool
/// closes it, the master reports POLLHUP until one opens it again (Linux),
/// which is how the port knows whether anyone listens; output is dropped
/// meanwhile instead of waiting for the next tool, and no read fails with EIO
/// over and over.
public final class PseudoTerminalPort: SerialPort, @unchecked Sendable {
    public let address: String
    private let master: Int32
    private let output: SerialOutputBuffer
    private let thread = SerialPortThread()

    /// How often the port looks for a tool while none has the terminal open.
    static let lookInterval: Int32 = 50  // milliseconds

    public init() throws(SerialPortError) {
        func failure(_ what: String) -> SerialPortError {
            SerialPortError("cannot \(what) (\(String(cString: strerror(errno))))")
        }
        var fd: Int32 = -1, slave: Int32 = -1
        guard openpty(&fd, &slave, nil, nil, nil) == 0 else { throw failure("open a pseudo-terminal") }
        // Raw: bytes pass unmodified (no echo, no CR/LF changes) whatever the
        // tool sets; 115200 baud for tools that look.
        var settings = termios()
        tcgetattr(slave, &settings)
        cfmakeraw(&settings)
        cfsetspeed(&settings, speed_t(B115200))
        tcsetattr(slave, TCSANOW, &settings)
        guard let name = ttyname(slave) else {
            let error = failure("name the pseudo-terminal")
            _ = sysClose(fd)
            _ = sysClose(slave)
            throw error
        }
        let path = String(cString: name)
        // The terminal keeps its settings; with its end closed, it reports a
        // hangup until a tool opens it.
        _ = sysClose(slave)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        do {
            output = try SerialOutputBuffer()
        } catch {
            _ = sysClose(fd)
            throw error
        }
        master = fd
        address = path
    }

    deinit { close() }

    public func start(input: @escaping @Sendable ([UInt8]) -> Void) {
        thread.start(name: "SerialPort \(address)") { [self] in serve(input) }
    }

    public func send(_ bytes: [UInt8]) { output.append(bytes) }

    public func close() {
        if thread.close(waking: output) { _ = sysClose(master) }
    }

    // MARK: The port's thread

    private func serve(_ input: @Sendable ([UInt8]) -> Void) {
        var attached = false
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !thread.isClosing {
            if !attached {
                // Nobody has the terminal open: wait for a wake-up or the next look.
                var wake = pollfd(fd: output.wakeDescriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&wake, 1, Self.lookInterval)
                output.drainWakeUps()
                if toolHasTheTerminalOpen() {
                    attached = true
                    output.setAccepting(true)
                }
                continue
            }
            if pending.isEmpty { pending = output.take(upTo: 1 << 14) }
            var fds = [pollfd(fd: output.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: master, events: Int16(POLLIN) | (pending.isEmpty ? 0 : Int16(POLLOUT)), revents: 0)]
            _ = poll(&fds, 2, -1)
            output.drainWakeUps()
            let events = fds[1].revents
            if events & Int16(POLLIN) != 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 { input(Array(buffer[..<n])) }
            }
            if events & Int16(POLLHUP) != 0 {
                // The last tool closed the terminal.
                attached = false
                output.setAccepting(false)
                pending = []
                continue
            }
            if !pending.isEmpty && events & Int16(POLLOUT) != 0 {
                let n = write(master, pending, pending.count)
                if n > 0 { pending.removeFirst(n) }
            }
        }
    }

    /// True unless the master reports a hangup (no tool holds the terminal).
    private func toolHasTheTerminalOpen() -> Bool {
        var probe = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        _ = poll(&probe, 1, 0)
        return probe.revents & Int16(POLLHUP) == 0
    }
}
