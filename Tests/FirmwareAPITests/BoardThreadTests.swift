import BoardEmulator
import BreadboxTestSupport
import Foundation
import BoardSupervisor
import FirmwareAPI
import PythonRuntime
import XCTest

/// Boards are safe on threads: several boards run at once in one process, each
/// on its own thread, and other threads reach a board only through its inbox.
/// `Scripts/tsan` runs these under ThreadSanitizer.
final class BoardThreadTests: XCTestCase {
    var dirs: [URL] = []

    override func tearDown() {
        for d in dirs { try? FileManager.default.removeItem(at: d) }
        dirs = []
    }

    func makeProject(board: String, flavour: FirmwareFlavour, files: [String: String]) throws -> URL {
        let dir = try makeTemporaryProject(board: board, flavour: flavour, files: files, prefix: "threads")
        dirs.append(dir)
        return dir
    }

    /// A program that leans on every per-runtime cache: class attributes
    /// rebound (type lookup caches), globals rebound (global caches keyed by dict
    /// versions), classes made in a loop, dicts, exceptions and sleeps.
    static func cacheWorkout(seed: Int) -> String {
        """
        import time
        SEED = \(seed)
        step = SEED

        def double(self):
            return self.n * 2

        def triple(self):
            return self.n * 3

        class Base:
            kind = 0
            value = double
            def __init__(self, n):
                self.n = n

        class Child(Base):
            def value(self):
                return super().value() + 1

        total = 0
        memo = {}
        for i in range(600):
            if i % 37 == 0:
                Base.value = triple if (i + SEED) % 2 else double
                Base.kind = i % 11
            if i % 53 == 0:
                step = i % 7 + SEED
            if i % 41 == 0:
                class Local(Child):
                    def value(self):
                        return Child.value(self) - SEED
                obj = Local(i)
            elif i % 3:
                obj = Child(i)
            else:
                obj = Base(i)
            total += obj.value() + step + Base.kind
            key = (i * SEED) % 17
            memo[key] = memo.get(key, 0) + total % 1000
            try:
                memo['missing']
            except KeyError:
                total += 1
            if i % 100 == 0:
                time.sleep(0.005)
                print(i, total, sorted(memo.items())[:3])
        print('done', SEED, total, len(memo))
        """
    }

    /// (board, flavour, seed) of the boards run together.
    static let fleet: [(String, FirmwareFlavour, Int)] = [
        ("pico_w", .micropython, 1), ("esp32s3", .micropython, 2),
        ("pico_w", .circuitpython, 3), ("esp32s3", .circuitpython, 4),
    ]

    func makeFleetProjects() throws -> [URL] {
        try Self.fleet.map { board, flavour, seed in
            let file = flavour == .micropython ? "main.py" : "code.py"
            return try makeProject(board: board, flavour: flavour, files: [file: Self.cacheWorkout(seed: seed)])
        }
    }

    /// Runs a board headless on a thread of its own (with the firmware's large stack).
    static func startBoard(_ project: URL, into log: LockedText, done: DispatchGroup) {
        done.enter()
        let t = Thread {
            defer { done.leave() }
            guard let sup = try? Supervisor(project: project) else { log.append("cannot load project"); return }
            let result = sup.runHeadless()
            log.append(sup.serialLog + "\n[\(result)]")
        }
        t.stackSize = 1 << 29
        t.start()
    }

    func testBoardsInParallelPrintExactlyWhatEachPrintsAlone() throws {
        let projects = try makeFleetProjects()
        var alone: [String] = []
        for p in projects {
            let log = LockedText(), done = DispatchGroup()
            Self.startBoard(p, into: log, done: done)
            XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
            alone.append(log.value)
        }
        for (text, (_, _, seed)) in zip(alone, Self.fleet) {
            XCTAssertTrue(text.contains("done \(seed) "), text)
            XCTAssertTrue(text.hasSuffix("[finished]"), text)
        }
        // Two rounds: the second starts with every runtime's caches warm in the process.
        for round in 1...2 {
            let logs = projects.map { _ in LockedText() }
            let done = DispatchGroup()
            for (p, log) in zip(projects, logs) { Self.startBoard(p, into: log, done: done) }
            XCTAssertEqual(done.wait(timeout: .now() + 240), .success)
            for (i, log) in logs.enumerated() {
                XCTAssertEqual(log.value, alone[i], "round \(round), board \(i) differs from its solo run")
            }
        }
    }

    func testOtherThreadsPostInputInterruptsAndDriveChanges() throws {
        let p = try makeProject(board: "pico_w", flavour: .micropython, files: [
            "main.py": "print('first')\nn = 0\nwhile True:\n    n += 1\n",
        ])
        let sup = try Supervisor(project: p)
        let serial = LockedText()
        sup.serialOutput = { serial.append($0) }
        sup.keepsSerialLog = false
        let watcher = DriveWatcher(root: p.appendingPathComponent("drive"), pollInterval: 0.05, settleInterval: 0.2)
        sup.watch(watcher)
        watcher.poll(now: ProcessInfo.processInfo.systemUptime)
        let inbox = sup.inbox
        let finished = DispatchGroup()
        let result = LockedResult()
        finished.enter()
        let firmware = Thread {
            result.set(sup.runSession(headless: false, interactive: true))
            finished.leave()
        }
        firmware.stackSize = 1 << 29
        firmware.start()
        defer {
            // However the test went, end the session so the thread does not outlive it.
            inbox.requestStop()
            inbox.closeInput()
            _ = finished.wait(timeout: .now() + 10)
        }

        func waitFor(_ text: String, after start: Int = 0) -> Bool {
            let end = Date().addingTimeInterval(30)
            while Date() < end {
                if serial.value.dropFirst(start).contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
        /// Posts from a short-lived thread of its own, as a terminal or a signal would.
        func post(_ body: @escaping @Sendable () -> Void) {
            let t = Thread(block: body)
            t.start()
        }

        // Ctrl-C from another thread interrupts the endless loop.
        XCTAssertTrue(waitFor("first\r\n"), serial.value)
        post { inbox.postInput([0x03]) }
        XCTAssertTrue(waitFor("KeyboardInterrupt"), serial.value)
        XCTAssertTrue(waitFor(">>> "), serial.value)

        // Typed lines reach the REPL.
        var mark = serial.value.count
        post { inbox.postInput(Array("print(6*7)\r".utf8)) }
        XCTAssertTrue(waitFor("42\r\n", after: mark), serial.value)

        // A save seen by the watcher's own thread reloads the board.
        watcher.start()
        defer { watcher.stop() }
        mark = serial.value.count
        try "print('second')\n".write(to: p.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        XCTAssertTrue(waitFor("MPY: soft reboot\r\nsecond\r\n", after: mark), serial.value)
        XCTAssertTrue(waitFor(">>> ", after: mark), serial.value)

        // The end of input from another thread ends the session.
        post { inbox.closeInput() }
        XCTAssertEqual(finished.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(result.value, .finished)
    }

    func testAStopFromAnotherThreadEndsASleepingProgram() throws {
        let p = try makeProject(board: "esp32s3", flavour: .circuitpython, files: [
            "code.py": "import time\nprint('sleeping')\ntime.sleep(3600)\nprint('woke')\n",
        ])
        let sup = try Supervisor(project: p)
        sup.adapter.pacer = Pacer(mode: .realTime, virtualNow: sup.board.clock.now)
        let serial = LockedText()
        sup.serialOutput = { serial.append($0) }
        let inbox = sup.inbox
        let done = DispatchSemaphore(value: 0)
        let result = LockedResult()
        let firmware = Thread {
            result.set(sup.runSession(headless: true, interactive: false))
            done.signal()
        }
        firmware.stackSize = 1 << 29
        firmware.start()
        let end = Date().addingTimeInterval(30)
        while !serial.value.contains("sleeping"), Date() < end { Thread.sleep(forTimeInterval: 0.02) }
        DispatchQueue.global().async { inbox.requestStop() }
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertFalse(serial.value.contains("woke"), serial.value)
        XCTAssertFalse(serial.value.contains("Traceback"), serial.value)
        XCTAssertEqual(result.value, .finished)
    }
}

/// How a session on another thread ended.
final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: HeadlessResult?
    func set(_ r: HeadlessResult) { lock.withLock { result = r } }
    var value: HeadlessResult? { lock.withLock { result } }
}
