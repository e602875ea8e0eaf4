import PythonRuntime

/// The host a fuzzed program runs on: output goes nowhere, input is at its end,
/// time is virtual, files live in memory, and past its instruction budget the
/// program is interrupted (KeyboardInterrupt) at every report, so an endless
/// loop ends the same way on every run.
final class FuzzHost: RuntimeHost {
    let clock: RuntimeClock = FuzzClock()
    let fileSystem: VirtualFileSystem?
    let instructionBudget: Int
    private(set) var instructionsRun = 0
    /// Set once the runtime exists (the host is made first).
    weak var runtime: Runtime?

    init(instructionBudget: Int, fileSystem: VirtualFileSystem?) {
        self.instructionBudget = instructionBudget
        self.fileSystem = fileSystem
    }

    func writeOutput(_ text: String) {}
    func writeError(_ text: String) {}
    func writeRawOutput(_ bytes: [UInt8]) {}
    func readLine() -> String? { nil }

    func instructionsExecuted(_ count: Int) {
        instructionsRun &+= count
        if instructionsRun > instructionBudget { runtime?.requestInterrupt() }
    }
}
