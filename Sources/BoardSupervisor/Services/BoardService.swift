/// A background task of the board's firmware that serves the network while
/// the program runs and while the board waits (CircuitPython's web workflow,
/// MicroPython's WebREPL): polled on the firmware thread, it must never wait.
protocol BoardService: AnyObject {
    /// Does what is due now (accepts, reads, answers) without letting time pass.
    func poll()
    /// The board was reset: `soft` for a reload or soft reboot, else a chip reset.
    func boardDidReset(soft: Bool)
}
