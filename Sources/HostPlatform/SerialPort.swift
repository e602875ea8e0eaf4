/// The board's serial console as a port outside Breadbox, for the tools that
/// open a real one (mpremote, Thonny, picocom, screen, pyserial): a
/// pseudo-terminal, a TCP socket, or an RFC 2217 telnet server.
///
/// A port has a thread of its own. It hands what the tool sends to the board
/// and writes the board's output as fast as the tool reads it; the board's
/// thread only queues, so a tool that stops reading never stops the board.
public protocol SerialPort: AnyObject, Sendable {
    /// What a tool opens: `/dev/pts/3`, `socket://127.0.0.1:4000`, `rfc2217://127.0.0.1:4000`.
    var address: String { get }

    /// Starts the port's thread; the bytes a tool sends are given to `input`
    /// on that thread.
    func start(input: @escaping @Sendable ([UInt8]) -> Void)

    /// The board's output, for the tool. Never blocks: it waits in a bounded
    /// buffer the port's thread empties, and is dropped while no tool is
    /// connected or when the tool does not read (as a USB serial port drops
    /// what no host reads). Any thread.
    func send(_ bytes: [UInt8])

    /// Ends the port's thread and closes the port (the tool sees it go away).
    func close()
}
