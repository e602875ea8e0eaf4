// A board's memory, as a fleet will need to know it:
//  1. the host process's resident memory before any board, after one board has
//     booted the MicroPython thermostat and run 10 s of virtual time, and after
//     N more kept alive in the same process;
//  2. each example's Python heap: its peak, its collections and the longest
//     collection (a pause of the program, host time) over 60 s of virtual time;
//  3. the thermostats over one virtual hour: the same figures, against the
//     bound of 10 ms for any pause.
//
//     swift build -c release --product board-memory-bench
//     .build/release/board-memory-bench [N]        (from the repository's root; N = 50)
//
// A CircuitPython example whose libraries are not installed (breadbox lib
// install -r requirements.txt) stops at its ImportError: its figures say so.
import BoardSupervisor
import Foundation

/// Resident set size of this process, bytes (/proc/self/statm's second field).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
func kib(_ bytes: Int) -> String { String(format: "%.1f KiB", Double(bytes) / 1024) }
func ms(_ ns: UInt64) -> String { String(format: "%.2f ms", Double(ns) / 1e6) }

let count = CommandLine.arguments.count > 1 ? max(2, Int(CommandLine.arguments[1]) ?? 50) : 50
let examples = URL(fileURLWithPath: "Firmware/examples")

// 1. Resident memory per board.
let thermostat = examples.appendingPathComponent("thermostat/micropython")
let before = residentBytes()
var boards: [Supervisor] = []
var afterFirst = 0
let start = Date()
for i in 1...count {
    let board = try Supervisor(project: thermostat)
    _ = board.runHeadless(timeoutNanoseconds: 10_000_000_000)
    boards.append(board)
    if i == 1 { afterFirst = residentBytes() }
}
let afterAll = residentBytes()
print("## Resident memory (\(thermostat.path), 10 s virtual each)")
print("process before any board: \(mib(before))")
print("after the first board: \(mib(afterFirst)) (+\(mib(afterFirst - before)))")
print("after \(count) boards: \(mib(afterAll)); each further board: \(kib((afterAll - afterFirst) / (count - 1)))")
print("wall time: \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
boards.removeAll()

// 2 and 3. The heap of each example.
func heapRun(_ project: URL, seconds: UInt64) throws -> String {
    let board = try Supervisor(project: project)
    let wall = Date()
    _ = board.runHeadless(timeoutNanoseconds: seconds * 1_000_000_000)
    guard let s = board.runtime?.heapStatistics else { return "no runtime" }
    let failed = board.serialLog.contains("Traceback") ? "  (stopped by an exception: \(board.serialLog.split(separator: "\n").last { $0.contains("Error") } ?? ""))" : ""
    return "heap peak \(kib(s.peakBytes)), \(s.collections) collections, longest \(ms(s.longestPauseNanoseconds)), "
        + "wall \(String(format: "%.2f", Date().timeIntervalSince(wall))) s\(failed)"
}
print("\n## Heap per example (60 s virtual)")
let projects = (FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
    .filter { $0.lastPathComponent == "circuit.json" || $0.lastPathComponent == "diagram.json" }
    .map { $0.deletingLastPathComponent() }
    .sorted { $0.path < $1.path }
for p in projects {
    print("\(p.path.replacingOccurrences(of: examples.path + "/", with: "")): \(try heapRun(p, seconds: 60))")
}
print("\n## The thermostats' hour (bound: no pause above 10 ms)")
for flavour in ["micropython", "circuitpython"] {
    print("thermostat/\(flavour): \(try heapRun(examples.appendingPathComponent("thermostat/\(flavour)"), seconds: 3600))")
}
