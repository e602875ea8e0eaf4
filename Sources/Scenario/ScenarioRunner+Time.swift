/// `delay`: virtual time runs for the given span, the board working as it does.
extension ScenarioRunner {
    func beginDelay(_ nanoseconds: UInt64) -> Bool {
        let event = board.clock.schedule(after: nanoseconds) { [weak self] in self?.stepDone() }
        waiting = .delay(event)
        return true
    }
}
