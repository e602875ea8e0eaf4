#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// The C library's calls, under names that do not clash with our methods.
#if canImport(Glibc)
private let sysClose = Glibc.close, sysBind = Glibc.bind, sysListen = Glibc.listen, sysAccept = Glibc.accept
private let sysSend = Glibc.send
/// A tool that went away makes a write fail with EPIPE instead of killing the process.
private let sendFlags = Int32(MSG_NOSIGNAL)
#else
private let sysClose = Darwin.close, sysBind = Darwin.bind, sysListen = Darwin.listen, sysAccept = Darwin.accept
private let sysSend = Darwin.send
private let sendFlags: Int32 = 0
#endif

/// The serial console on a TCP port of 127.0.0.1: the raw byte stream
/// (pyserial's `socket://`, mpremote's `socket://`) or RFC 2217 telnet
/// (`rfc2217://`, the form Wokwi serves).
///
/// One tool at a time, as a serial port has one: further connections wait
/// in the listen queue and are taken, in turn, when the tool before goes away
/// (mpremote connects anew for every command). A tool going away leaves the
/// board running.
public final class TCPSerialPort: SerialPort, @unchecked Sendable {
    public enum Framing: Sendable { case raw, rfc2217 }

    public let address: String
    public let port: Int
    public let framing: Framing
    private let listener: Int32
    private let output: SerialOutputBuffer
    private let thread = SerialPortThread()

    /// Listens on 127.0.0.1:`port` (0: a port the system picks).
    public init(port: Int, framing: Framing) throws(SerialPortError) {
        func failure(_ fd: Int32) -> SerialPortError {
            let error = SerialPortError("cannot listen on 127.0.0.1:\(port) (\(String(cString: strerror(errno))))")
            if fd >= 0 { _ = sysClose(fd) }
            return error
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw failure(fd) }
        // A port the last run left in TIME_WAIT can be listened on again at once.
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sysBind(fd, $0, length) == 0 && sysListen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw failure(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        do {
            output = try SerialOutputBuffer()
        } catch {
            _ = sysClose(fd)
            throw error
        }
        listener = fd
        self.port = Int(UInt16(bigEndian: addr.sin_port))
        self.framing = framing
        address = (framing == .raw ? "socket" : "rfc2217") + "://127.0.0.1:\(self.port)"
    }

    deinit { close() }

    public func start(input: @escaping @Sendable ([UInt8]) -> Void) {
        thread.start(name: "SerialPort \(address)") { [self] in serve(input) }
    }

    public func send(_ bytes: [UInt8]) { output.append(bytes) }

    public func close() {
        if thread.close(waking: output) { _ = sysClose(listener) }
    }

    // MARK: The port's thread

    /// One connection, as the port's thread holds it.
    private struct Connection {
        let fd: Int32
        /// The telnet state of an RFC 2217 connection (nil for a raw one).
        var telnet: RFC2217Session?
        /// Bytes for the tool as they go on the wire (escaped, telnet answers
        /// among them), waiting for the socket to take them.
        var wire: [UInt8] = []
    }

    private func serve(_ input: @Sendable ([UInt8]) -> Void) {
        var connection: Connection?
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !thread.isClosing {
            guard var c = connection else {
                connection = waitForTool()
                continue
            }
            fillWire(&c)
            if !c.wire.isEmpty && !flush(&c) {
                hangUp(c)
                connection = nil
                continue
            }
            var fds = [pollfd(fd: output.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: c.fd, events: Int16(POLLIN) | (c.wire.isEmpty ? 0 : Int16(POLLOUT)), revents: 0)]
            _ = poll(&fds, 2, -1)
            output.drainWakeUps()
            if fds[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                let n = recv(c.fd, &buffer, buffer.count, 0)
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) {
                    hangUp(c)
                    connection = nil
                    continue
                }
                if n > 0 { take(Array(buffer[..<n]), on: &c, input: input) }
            }
            connection = c
        }
        if let c = connection { hangUp(c) }
    }

    /// Waits for the next tool (or the port closing); nil when none came.
    private func waitForTool() -> Connection? {
        var fds = [pollfd(fd: output.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, -1)
        output.drainWakeUps()
        guard fds[1].revents & Int16(POLLIN) != 0 else { return nil }
        let fd = sysAccept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        // Keystrokes and prompts are small: send each at once.
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        // Darwin has no MSG_NOSIGNAL: the socket itself must not raise SIGPIPE.
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var c = Connection(fd: fd)
        if framing == .rfc2217 {
            var telnet = RFC2217Session()
            c.wire = telnet.opening()
            c.telnet = telnet
        }
        output.setAccepting(true)
        return c
    }

    private func hangUp(_ c: Connection) {
        output.setAccepting(false)
        _ = sysClose(c.fd)
    }

    /// Bytes from the tool: straight to the board, or through telnet first.
    private func take(_ bytes: [UInt8], on c: inout Connection, input: @Sendable ([UInt8]) -> Void) {
        guard var telnet = c.telnet else { return input(bytes) }
        let r = telnet.receive(bytes)
        c.telnet = telnet
        c.wire += r.reply
        if r.purgeOutput { output.clear() }
        if !r.data.isEmpty { input(r.data) }
    }

    /// Moves the board's output onto the wire, unless the tool asked to hold it.
    private func fillWire(_ c: inout Connection) {
        guard c.wire.count < 1 << 14, c.telnet?.outputSuspended != true else { return }
        let chunk = output.take(upTo: 1 << 14)
        guard !chunk.isEmpty else { return }
        c.wire += c.telnet == nil ? chunk : RFC2217Session.escape(chunk)
    }

    /// Sends what the socket takes now; false when the tool has gone.
    private func flush(_ c: inout Connection) -> Bool {
        let n = c.wire.withUnsafeBytes { sysSend(c.fd, $0.baseAddress, $0.count, sendFlags) }
        if n > 0 { c.wire.removeFirst(n) }
        return n >= 0 || errno == EAGAIN || errno == EINTR
    }
}
