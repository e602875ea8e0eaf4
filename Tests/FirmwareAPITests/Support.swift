import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import XCTest

/// A runtime host on a board: output captured, time from the board.
final class BoardTestHost: RuntimeHost {
    let adapter: BoardHostAdapter
    private(set) var stdout = ""
    private(set) var stderr = ""

    /// The drive, when a test gives the program one.
    var fileSystem: VirtualFileSystem?
    /// The network `socket` reaches, when a test gives the program one (`HostNetwork()`).
    var network: RuntimeNetwork?

    init(adapter: BoardHostAdapter) { self.adapter = adapter }

    var clock: RuntimeClock { adapter.clock }
    func instructionsExecuted(_ count: Int) { adapter.instructionsExecuted(count) }
    func writeOutput(_ text: String) { stdout += text }
    func writeError(_ text: String) { stderr += text }
    func readLine() -> String? { nil }
}

/// A MicroPython-flavoured runtime on a freshly powered board.
struct BoardSession {
    let board: Board
    let host: BoardTestHost
    let runtime: Runtime

    init(board id: String, flavour: FirmwareFlavour = .micropython, cost: CostModel? = nil) throws {
        self.init(board: try Board(id: id, flavour: flavour), cost: cost)
    }

    /// A session on an existing board (one a `CircuitAssembly` built).
    init(board: Board, cost: CostModel? = nil) {
        self.board = board
        host = BoardTestHost(adapter: BoardHostAdapter(board: board, cost: cost))
        var config = RuntimeConfiguration()
        FirmwareCalibration.configure(&config, for: board)
        runtime = Runtime(host: host, configuration: config)
    }

    /// Runs `source` as __main__; fails the test on an uncaught exception.
    @discardableResult
    func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let before = host.stdout.count
        if let e = runtime.runMain(source: source, filename: "main.py") {
            XCTFail(runtime.tracebackText(e) + host.stderr, file: file, line: line)
        }
        return String(host.stdout.dropFirst(before))
    }
}
