// One virtual hour on a Pico W: MicroPython firmware sleeping one second 3,600
// times, run as fast as possible. Prints the host wall time per run (best of 5)
// and the board's virtual time. See Benchmarks/board_sleep.md.
import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime

final class Host: RuntimeHost {
    let adapter: BoardHostAdapter
    init(_ a: BoardHostAdapter) { adapter = a }
    var clock: RuntimeClock { adapter.clock }
    func instructionsExecuted(_ n: Int) { adapter.instructionsExecuted(n) }
    func writeOutput(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    func readLine() -> String? { nil }
}

let source = """
    import time
    for i in range(3600):
        time.sleep(1)
    """
var best = Double.infinity
for run in 1...5 {
    let board = try Board(id: "pico_w", flavour: .micropython)
    let host = Host(BoardHostAdapter(board: board))
    let rt = Runtime(host: host)
    let start = DispatchTime.now().uptimeNanoseconds
    if let e = rt.runMain(source: source, filename: "main.py") { print(rt.tracebackText(e)); exit(1) }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    best = min(best, wall)
    print("run \(run): wall \(String(format: "%.3f", wall)) ms, board virtual time \(String(format: "%.6f", Double(board.clock.now) / 1e9)) s")
}
print("best wall time for one virtual hour: \(String(format: "%.3f", best)) ms")
