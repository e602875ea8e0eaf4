/// What a scenario does to the board beyond what a user at the window can.
extension Supervisor {
    /// The reset button, after the session stopped for it (`requestStop`):
    /// the board powers up again (pins, timers, radio reset; the clock and the
    /// room go on) and the next `runSession` boots it. Firmware thread.
    public func pressResetButton() {
        inbox.clearStop()
        board.hardReset(cause: .hard)
    }
}
