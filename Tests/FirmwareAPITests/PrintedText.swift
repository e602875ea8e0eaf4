import BoardSupervisor

extension Supervisor {
    /// The serial log as the program printed it: the firmware cooks each `\n`
    /// into `\r\n` on the wire; tests about content compare lines.
    var printedText: String { serialLog.replacingOccurrences(of: "\r\n", with: "\n") }
}
