import HostPlatform

extension Supervisor {
    /// Puts the serial console on `port` too: the port sees the serial
    /// output from now on and what its tool types reaches the board, as typing
    /// on the console does (Ctrl-C interrupts). A tool going away ends nothing:
    /// the input is never closed on its account. Before the run or on the
    /// firmware thread; returns the serial tap's identity (`removeSerialTap`).
    @discardableResult
    public func attach(_ port: SerialPort) -> Int {
        let tap = addSerialTap { bytes in port.send(bytes) }
        port.start { [inbox] bytes in inbox.postInput(bytes, flowControl: true) }
        return tap
    }
}
