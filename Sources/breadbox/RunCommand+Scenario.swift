import BoardSupervisor
import BoardView
import Foundation
import PythonRuntime
import Scenario

/// `breadbox run PROJECT --scenario FILE`: the scenario is read and checked
/// against the circuit first (exit 2, FILE:LINE: reason), then run headless
/// at full speed. Serial output goes to stdout as in any run; the outcome is
/// one line on stderr: exit 0 passed, 1 a step failed, 42 (or
/// `--timeout-exit-code`) the timeout passed.
extension RunCommand {
    func runScenario(_ path: String, timeoutNs: UInt64?) -> Int32 {
        func say(_ line: String) { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        var projectURL = URL(fileURLWithPath: project)
        let scenarioURL = URL(fileURLWithPath: path)
        var sup: Supervisor
        let file: ScenarioFile
        do {
            sup = try Supervisor(project: projectURL)
            file = try ScenarioFile(contentsOf: scenarioURL, circuit: sup.assembly)
        } catch let e as SupervisorError {
            say("breadbox run: \(e.reason)"); return 2
        } catch {
            say("breadbox run: \(error)"); return 2
        }
        // A scenario that writes on the drive works on a copy: the project's own files stay as they are.
        var scratch: URL?
        if file.writesFiles {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("breadbox-scenario-\(UUID().uuidString)")
            do {
                try FileManager.default.copyItem(at: projectURL, to: copy)
                projectURL = copy
                scratch = copy
                sup = try Supervisor(project: copy)
            } catch {
                say("breadbox run: cannot copy the project for write-file: \(error)"); return 2
            }
        }
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        do {
            try sup.configureNetwork(networkOptions)
            for s in sets { try sup.apply(set: s) }
        } catch {
            say("breadbox run: \(error.reason)"); return 2
        }
        let started = Date()
        return runOnLargeStack { () -> Int32 in
            let out = SerialStdout(immediate: false)
            sup.addSerialTap { out.write($0) }
            sup.expectText = expectText
            sup.failText = failText
            let runner = ScenarioRunner(scenario: file, supervisor: sup,
                                        projectName: Scene.displayName(ofProject: URL(fileURLWithPath: project)))
            runner.updateScreenshots = updateScreenshots
            runner.log = { line in out.flush(); say(line) }
            let outcome = runner.run(timeoutNanoseconds: timeoutNs)
            sup.closeNetwork()
            out.flush()
            if let serialLogFile, !FileManager.default.createFile(atPath: serialLogFile, contents: Data(sup.serialLog.utf8)) {
                say("breadbox run: cannot write \(serialLogFile)")
                return 2
            }
            let wall = String(format: "%.2f", Date().timeIntervalSince(started))
            let virtual = "virtual \(ScenarioRunner.clockText(sup.board.clock.now)), wall \(wall)s"
            switch outcome {
            case .passed: say("[\(file.name)] passed: \(file.steps.count) steps (\(virtual))")
            case .failed(let why), .timedOut(let why): say("[\(file.name)] failed: \(why) (\(virtual))")
            }
            return outcome.exitCode(timeoutExitCode: timeoutExitCode)
        }
    }
}
