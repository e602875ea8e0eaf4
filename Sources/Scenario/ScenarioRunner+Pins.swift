import BoardEmulator

/// `expect-pin` (Wokwi's: the level now) and ours, `wait-pin` (time runs until
/// the level, or the step's timeout fails it).
extension ScenarioRunner {
    func pinRef(_ step: ScenarioStep, _ pin: ScenarioPin) -> PinRef? {
        switch ScenarioParts.resolve(pin, supervisor.assembly) {
        case .success(let ref): return ref
        case .failure(let why): fail(step, why.description); return nil
        }
    }

    func expectPin(_ step: ScenarioStep, _ pin: ScenarioPin, _ level: Bool) {
        guard let ref = pinRef(step, pin) else { return }
        let found = board.gpio.level(ref)
        if found != level { fail(step, "expected \(pin) to be \(level ? 1 : 0), found \(found ? 1 : 0)") }
    }

    func beginWaitPin(_ step: ScenarioStep, _ pin: ScenarioPin, _ level: Bool, _ timeout: UInt64) -> Bool {
        guard let ref = pinRef(step, pin) else { return false }
        if board.gpio.level(ref) == level { return false }
        let gpio = board.gpio
        let listener = gpio.addListener(ref) { [weak self] _, now in
            guard let self, now == level, case .pin(_, _, let id, let deadline) = self.waiting else { return }
            gpio.removeListener(id)
            self.board.clock.cancel(deadline)
            self.stepDone()
        }
        let deadline = board.clock.schedule(after: timeout) { [weak self] in
            guard let self, case .pin(_, _, let id, _) = self.waiting else { return }
            gpio.removeListener(id)
            self.waiting = .nothing
            self.fail(step, "expected \(pin) to become \(level ? 1 : 0) within \(Self.clockText(timeout)), found \(gpio.level(ref) ? 1 : 0)")
        }
        waiting = .pin(ref, level, listener: listener, deadline: deadline)
        return true
    }
}
