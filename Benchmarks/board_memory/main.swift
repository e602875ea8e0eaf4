// A board's resident memory: the host process's RSS before any board, after
// one board has booted the thermostat example and run 10 s of virtual time,
// and after N more (all kept alive in one process, as a fleet will be).
//
//     swift build -c release --product board-memory-bench
//     .build/release/board-memory-bench [N] [PROJECT]
//
// Defaults: N = 50, PROJECT = Firmware/examples/thermostat/micropython.
import BoardSupervisor
import Foundation

/// Resident set size of this process, bytes (/proc/self/statm's second field).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? max(2, Int(arguments[1]) ?? 50) : 50
let project = URL(fileURLWithPath: arguments.count > 2 ? arguments[2] : "Firmware/examples/thermostat/micropython")

let before = residentBytes()
var boards: [Supervisor] = []
var afterFirst = 0
let start = Date()
for i in 1...count {
    let board = try Supervisor(project: project)
    _ = board.runHeadless(timeoutNanoseconds: 10_000_000_000)
    boards.append(board)
    if i == 1 { afterFirst = residentBytes() }
}
let afterAll = residentBytes()
let perBoard = (afterAll - afterFirst) / (count - 1)
print("project: \(project.path)")
print("process before any board: \(mib(before))")
print("after the first board (booted, 10 s virtual): \(mib(afterFirst)) (+\(mib(afterFirst - before)))")
print("after \(count) boards: \(mib(afterAll)); each further board: \(String(format: "%.0f", Double(perBoard) / 1024)) KiB")
print("wall time: \(String(format: "%.2f", Date().timeIntervalSince(start))) s for \(count) boards")
