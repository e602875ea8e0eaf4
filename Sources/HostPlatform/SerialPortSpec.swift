/// Which serial port `breadbox run --serial` opens: `pty`, `tcp:PORT` (the raw
/// byte stream, pyserial's `socket://`) or `rfc2217:PORT` (telnet with the
/// COM port option, pyserial's `rfc2217://`, as Wokwi serves it). TCP ports
/// listen on 127.0.0.1 only; port 0 lets the system pick one (the address
/// the port reports names it).
public enum SerialPortSpec: Equatable, Sendable {
    case pseudoTerminal
    case tcp(port: Int)
    case rfc2217(port: Int)

    /// The forms `init?(_:)` accepts, for the message that refuses others.
    public static let acceptedForms = "pty, tcp:PORT or rfc2217:PORT"

    public init?(_ text: String) {
        if text == "pty" { self = .pseudoTerminal; return }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].allSatisfy(\.isASCII), let port = Int(parts[1]), (0...65535).contains(port) else {
            return nil
        }
        switch parts[0] {
        case "tcp": self = .tcp(port: port)
        case "rfc2217": self = .rfc2217(port: port)
        default: return nil
        }
    }

    /// Opens the port (listening or created, not yet serving: see `SerialPort.start`).
    public func open() throws(SerialPortError) -> SerialPort {
        switch self {
        case .pseudoTerminal: return try PseudoTerminalPort()
        case .tcp(let port): return try TCPSerialPort(port: port, framing: .raw)
        case .rfc2217(let port): return try TCPSerialPort(port: port, framing: .rfc2217)
        }
    }
}

/// A serial port that could not be opened: one line, with the system's reason.
public struct SerialPortError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
