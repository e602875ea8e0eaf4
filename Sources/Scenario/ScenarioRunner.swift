import BoardEmulator
import BoardNetwork
import BoardSupervisor
import Foundation

/// How a scenario ended.
public enum ScenarioOutcome: Equatable, Sendable {
    case passed
    /// `[virtual time] step N (name): what was expected, what was found`.
    case failed(String)
    /// The run's virtual timeout passed before the last step.
    case timedOut(String)

    /// wokwi-cli's exit codes: 0 passed, 1 failed, 42 (or `--timeout-exit-code`) timed out.
    public func exitCode(timeoutExitCode: Int32 = 42) -> Int32 {
        switch self {
        case .passed: return 0
        case .failed: return 1
        case .timedOut: return timeoutExitCode
        }
    }
}

/// Runs a scenario's steps on the board, on the board's own firmware thread.
///
/// The steps are not a second thread poking the board: they run inside the
/// board's run, as its clock's events and as watchers of its serial output and
/// pins. A `delay` is an event on the virtual clock; a `wait-serial` a watcher
/// of the serial stream; when one completes, the steps after it run right there,
/// synchronously, before the firmware executes another instruction: that is
/// the board paused. Virtual time passes only while a step waits. The board
/// idles straight to its next event (`Supervisor.unattended`), so a scenario
/// runs as fast as the board's work allows. The firmware thread keeps owning
/// the board throughout.
public final class ScenarioRunner {
    public let scenario: ScenarioFile
    public let supervisor: Supervisor
    /// `breadbox test --update-screenshots`: `compare-with` files are rewritten, not compared.
    public var updateScreenshots = false
    /// Where the runner says what it does (a line per named step; stderr for `breadbox run`).
    public var log: ((String) -> Void)?
    /// The project's name in screenshots' title bar.
    public var projectName: String

    public private(set) var outcome: ScenarioOutcome?
    /// The step being carried out (its index in `scenario.steps`).
    public private(set) var index = 0

    /// What the current step waits for.
    enum Waiting {
        case nothing
        case delay(VirtualClock.EventID)
        /// Serial output since the step began (only its tail, as long as the text).
        case serial(needle: [UInt8], seen: [UInt8])
        case pin(PinRef, Bool, listener: Int, deadline: VirtualClock.EventID)
        case reset
    }
    var waiting = Waiting.nothing
    private var carryingOut = false
    /// Hosts the board has looked up or connected to (from the traffic log, all of it).
    var trafficLines: [String] = []
    /// What the board published over MQTT, whole.
    var published: [MQTTMessage] = []
    var camera: ScreenshotShooter?

    public init(scenario: ScenarioFile, supervisor: Supervisor, projectName: String) {
        self.scenario = scenario
        self.supervisor = supervisor
        self.projectName = projectName
    }

    var board: Board { supervisor.board }

    /// Runs the board and the scenario to the end: its last step, a failed step,
    /// or the virtual timeout. Call on the firmware thread, before the board has booted.
    public func run(timeoutNanoseconds: UInt64?) -> ScenarioOutcome {
        supervisor.unattended = true
        supervisor.keepsSerialLog = true
        supervisor.addSerialTap { [unowned self] bytes in self.serialArrived(bytes) }
        let log = supervisor.network.log
        let previous = log.sink
        log.sink = { [unowned self] entry in
            previous?(entry)
            self.trafficLines.append(entry.text)
            if let m = entry.message, m.sentByBoard { self.published.append(m) }
        }
        if scenario.steps.contains(where: { if case .takeScreenshot = $0.command { return true }; return false }) {
            camera = ScreenshotShooter(supervisor: supervisor, projectName: projectName)
        }
        // The steps before the first that lets time run act on the board as it is at power-up.
        carryOn()
        var timeout = timeoutNanoseconds
        while outcome == nil {
            _ = supervisor.runSession(timeoutNanoseconds: timeout, headless: true, interactive: true)
            timeout = nil
            if outcome != nil { break }
            if supervisor.timedOut {
                outcome = .timedOut("[\(Self.clockText(board.clock.now))] timeout: \(stepTitle) had not finished")
                break
            }
            if case .reset = waiting {
                supervisor.pressResetButton()
                stepDone()
                continue
            }
            outcome = .failed("[\(Self.clockText(board.clock.now))] \(stepTitle): \(waitingText), but the board has nothing more to do")
        }
        supervisor.unattended = false
        return outcome!
    }

    var stepTitle: String { index < scenario.steps.count ? scenario.steps[index].title : "the scenario" }

    /// Virtual time as the failure messages print it: seconds to the microsecond.
    public static func clockText(_ ns: UInt64) -> String {
        let us = ns / 1000
        let frac = String(us % 1_000_000)
        return "\(us / 1_000_000).\(String(repeating: "0", count: 6 - frac.count))\(frac)s"
    }

    // MARK: Carrying out steps

    /// Carries out steps from `index` until one waits, one fails, or none is left.
    func carryOn() {
        guard !carryingOut else { return }
        carryingOut = true
        defer { carryingOut = false }
        while outcome == nil, index < scenario.steps.count {
            let step = scenario.steps[index]
            if let name = step.name { log?("[\(scenario.name)] \(Self.clockText(board.clock.now)) \(name)") }
            if begin(step) { return }
            if outcome != nil { return }
            index += 1
        }
        if outcome == nil {
            outcome = .passed
            supervisor.requestStop()
        }
    }

    /// The waiting step is over: the next ones run now, with the board paused.
    func stepDone() {
        waiting = .nothing
        index += 1
        carryOn()
    }

    func fail(_ step: ScenarioStep, _ what: String) {
        guard outcome == nil else { return }
        outcome = .failed("[\(Self.clockText(board.clock.now))] \(step.title): \(what)")
        supervisor.requestStop()
    }

    /// Starts `step`; true when it waits (virtual time must run for it).
    private func begin(_ step: ScenarioStep) -> Bool {
        switch step.command {
        case .delay(let ns): return beginDelay(ns)
        case .waitSerial(let text): return beginWaitSerial(text)
        case .writeSerial(let bytes): supervisor.feedInput(bytes)
        case .expectSerial(let text): expectSerial(step, text, present: true)
        case .expectNoSerial(let text): expectSerial(step, text, present: false)
        case .expectPin(let pin, let level): expectPin(step, pin, level)
        case .waitPin(let pin, let level, let timeout): return beginWaitPin(step, pin, level, timeout)
        case .setControl(let part, let control, let value): setControl(step, part, control, value)
        case .setEnvironment(let values): setEnvironment(step, values)
        case .network(let up): apply(step, "network.up=\(up)")
        case .expectRequest(let host): expectRequest(step, host)
        case .mqttPublish(let topic, let payload, let retain, let broker): publish(step, topic, payload, retain, broker)
        case .expectMQTT(let topic, let payload, let contains): expectMQTT(step, topic, payload, contains)
        case .takeScreenshot(let part, let saveTo, let compareWith): takeScreenshot(step, part, saveTo, compareWith)
        case .writeFile(let path, let content): writeFile(step, path, content)
        case .reset:
            waiting = .reset
            supervisor.requestStop()
            return true
        }
        return false
    }

    /// What the current step waits for, in words (for "nothing more to do").
    var waitingText: String {
        switch waiting {
        case .nothing: return "it did not finish"
        case .delay: return "waiting for time to pass"
        case .serial(let needle, _): return "waiting for \"\(String(decoding: needle, as: UTF8.self))\" on serial"
        case .pin(let ref, let level, _, _): return "waiting for \(ref) to be \(level ? 1 : 0)"
        case .reset: return "resetting"
        }
    }

    /// `--set`'s path for a change (the same checks, the same effect).
    func apply(_ step: ScenarioStep, _ assignment: String) {
        do { try supervisor.apply(set: assignment) } catch { fail(step, error.reason) }
    }
}
