/// `set-control` (a part's user control, as in the window) and ours,
/// `set-environment`: both take `--set`'s path, so the same checks and effects.
extension ScenarioRunner {
    func setControl(_ step: ScenarioStep, _ partID: String, _ control: String, _ value: Double) {
        if let why = ScenarioParts.refusal(partID: partID, control: control, value: value, supervisor.assembly) {
            return fail(step, why)
        }
        switch (supervisor.assembly.part(partID)?.typeName, control) {
        // A BME280's controls are the room it senses; a DHT22's set what it reads (as Wokwi's sliders do).
        case ("bme280"?, _): apply(step, "environment.\(control)=\(value)")
        case ("slide-switch"?, _): apply(step, "\(partID).value=\(Int(value))")
        case (_, "pressed"): apply(step, "\(partID).pressed=\(value == 1)")
        default: apply(step, "\(partID).\(control)=\(value)")
        }
    }

    func setEnvironment(_ step: ScenarioStep, _ values: [String: Double]) {
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where outcome == nil {
            apply(step, "environment.\(name)=\(value)")
        }
    }
}
