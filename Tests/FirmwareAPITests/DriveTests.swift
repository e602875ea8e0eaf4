import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import XCTest

final class DriveTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("drive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    private func makeDrive() throws -> URL {
        let d = tmp.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    private func write(_ text: String, to url: URL, append: Bool = false) throws {
        if append, let h = FileHandle(forWritingAtPath: url.path) {
            h.seekToEndOfFile(); h.write(Data(text.utf8)); h.closeFile()
        } else {
            try Data(text.utf8).write(to: url)
        }
    }

    private static let examples = BoardDefinition.sourceTreeDirectory.deletingLastPathComponent()
        .appendingPathComponent("Firmware/examples")

    // MARK: Watcher

    func testABurstOfWritesFiresOnceAfterItSettles() throws {
        let d = try makeDrive()
        let w = DriveWatcher(root: d, clock: { 0 })
        var fired: [Set<String>] = []
        w.onSettledChange = { _ in }
        XCTAssertNil(w.poll(now: 0))  // baseline
        func at(_ tick: Int) -> Double { Double(tick) / 10 }  // 100 ms polls
        for i in 1...5 {  // a write before each poll for half a second
            try write("print(\(i))\n", to: d.appendingPathComponent("code.py"), append: i > 1)
            if let f = w.poll(now: at(i)) { fired.append(f) }
        }
        XCTAssertEqual(fired, [], "fired during the burst")
        XCTAssertTrue(w.hasPendingChange)
        // Quiet polls: nothing until 500 ms after the last change seen (t = 0.5).
        for i in 6...9 { XCTAssertNil(w.poll(now: at(i)), "fired at \(at(i))") }
        XCTAssertEqual(w.poll(now: at(10)), ["code.py"])
        XCTAssertFalse(w.hasPendingChange)
        for i in 11...20 { XCTAssertNil(w.poll(now: at(i))) }
    }

    func testAFileWrittenInTwoHalvesFiresOnceAfterTheSecond() throws {
        let d = try makeDrive()
        let f = d.appendingPathComponent("main.py")
        let w = DriveWatcher(root: d)
        let count = Counter()
        w.onSettledChange = { _ in count.increment() }
        w.poll(now: 10.0)
        try write("import time\n", to: f)
        w.poll(now: 10.1)
        w.poll(now: 10.2)
        try write("print(time.time())\n", to: f, append: true)
        w.poll(now: 10.3)  // second half, 200 ms after the first
        for t in stride(from: 10.4, through: 10.75, by: 0.1) { w.poll(now: t) }
        XCTAssertEqual(count.value, 0, "fired before the second half settled")
        w.poll(now: 10.8)
        XCTAssertEqual(count.value, 1)
        for t in stride(from: 10.9, through: 12.0, by: 0.1) { w.poll(now: t) }
        XCTAssertEqual(count.value, 1)
    }

    func testARewriteOfTheSameSizeIsSeenByItsContent() throws {
        let d = try makeDrive()
        let f = d.appendingPathComponent("code.py")
        try write("print(1)\n", to: f)
        let w = DriveWatcher(root: d)
        w.poll(now: 0)
        try write("print(2)\n", to: f)
        w.poll(now: 0.1)
        XCTAssertEqual(w.poll(now: 0.6), ["code.py"])
    }

    func testDeletingAndAddingFilesFires() throws {
        let d = try makeDrive()
        try FileManager.default.createDirectory(at: d.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try write("x = 1\n", to: d.appendingPathComponent("lib/helper.py"))
        let w = DriveWatcher(root: d)
        w.poll(now: 0)
        try FileManager.default.removeItem(at: d.appendingPathComponent("lib/helper.py"))
        w.poll(now: 0.1)
        XCTAssertEqual(w.poll(now: 0.6), ["lib/helper.py"])
        try write("y = 2\n", to: d.appendingPathComponent("lib/other.py"))
        w.poll(now: 1.0)
        XCTAssertNil(w.poll(now: 1.4))
        XCTAssertEqual(w.poll(now: 1.5), ["lib/other.py"])
    }

    func testTheBackgroundThreadReportsARealChange() throws {
        let d = try makeDrive()
        let w = DriveWatcher(root: d, pollInterval: 0.02, settleInterval: 0.1)
        let fired = expectation(description: "settled change")
        fired.assertForOverFulfill = false
        w.onSettledChange = { paths in if paths.contains("code.py") { fired.fulfill() } }
        w.start()
        defer { w.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        try write("print('hi')\n", to: d.appendingPathComponent("code.py"))
        wait(for: [fired], timeout: 10)
    }

    /// The robustness finding "two threads walk the drive": a board creating and
    /// removing many files while the watcher walks the folder on its own thread
    /// (each counting the drive's bytes too) ends cleanly, every file accounted for.
    func testABoardWritingManyFilesWhileTheWatcherWalksTheDrive() throws {
        let d = try makeDrive()
        let drive = Drive(directory: d, capacityBytes: 4 << 20)
        let w = DriveWatcher(root: d, pollInterval: 0.001, settleInterval: 0.01)
        w.onSettledChange = { _ in _ = drive.usedBytes }
        w.start()
        defer { w.stop() }
        try drive.makeDirectory("/logs")
        for round in 0..<5 {
            for i in 0..<200 {
                try drive.writeFile("/logs/f\(i).txt", Array("round \(round) file \(i)\n".utf8), append: false)
                if i % 50 == 0 { _ = drive.usedBytes }
            }
            for i in stride(from: 0, to: 200, by: 2) { try drive.removeFile("/logs/f\(i).txt") }
        }
        XCTAssertEqual(try drive.listDirectory("/logs").count, 100)
        XCTAssertEqual(drive.usedBytes, (1...199).filter { $0 % 2 == 1 }.reduce(0) { $0 + "round 4 file \($1)\n".utf8.count })
    }

    // MARK: Drive

    func testAWriteBeyondCapacityRaisesENOSPC() throws {
        let drive = Drive(directory: try makeDrive(), capacityBytes: 100)
        try drive.writeFile("/a.txt", [UInt8](repeating: 65, count: 60), append: false)
        XCTAssertThrowsError(try drive.writeFile("/b.txt", [UInt8](repeating: 66, count: 41), append: false)) {
            XCTAssertEqual($0 as? FileSystemError, .noSpace)
            XCTAssertEqual(($0 as? FileSystemError)?.errno, 28)
        }
        XCTAssertNoThrow(try drive.writeFile("/a.txt", [1], append: true))  // 61 bytes: fits
        XCTAssertThrowsError(try drive.readFile("/b.txt"))  // the refused write left nothing behind
    }

    /// The data logger of the robustness findings, on a Pico W (192 KB of heap,
    /// 868 KB of drive): a 4 KB file rewritten 200 times, then a log that grows to
    /// 282 KB by appends and is read back line by line.
    func testADataLoggerKeepsALogBiggerThanTheHeap() throws {
        let p = try makeTemporaryProject(files: ["main.py": """
            import gc, os
            for i in range(200):
                with open('state.txt', 'w') as f:
                    f.write(('%04d' % i) * 1024)
                gc.collect()
            print('state', open('state.txt').read(8), os.stat('state.txt')[6])
            for i in range(6000):
                with open('log.csv', 'a') as f:
                    f.write('%05d,21.50,40.0,1013.2,fan off,led off,ok,pad\\n' % i)
            n = total = 0
            with open('log.csv') as f:
                for line in f:
                    n += 1
                    total += int(line.split(',')[0])
            print('log', n, total, os.stat('log.csv')[6])

            """], prefix: "logger")
        defer { try? FileManager.default.removeItem(at: p) }
        let sup = try Supervisor(project: p)
        XCTAssertEqual(sup.runHeadless(timeoutNanoseconds: 600_000_000_000), .finished)
        XCTAssertTrue(sup.serialLog.hasPrefix("state 01990199 4096\r\nlog 6000 17997000 282000\r\n"), sup.serialLog)
    }

    func testCapacityCountsReplacedFilesAndAppends() throws {
        let drive = Drive(directory: try makeDrive(), capacityBytes: 100)
        try drive.writeFile("/a.txt", [UInt8](repeating: 65, count: 90), append: false)
        try drive.writeFile("/a.txt", [UInt8](repeating: 65, count: 100), append: false)  // replaces
        XCTAssertThrowsError(try drive.writeFile("/a.txt", [1], append: true)) {
            XCTAssertEqual($0 as? FileSystemError, .noSpace)
        }
        XCTAssertEqual(drive.capacity.total, 100)
        XCTAssertEqual(drive.capacity.free, 0)
        XCTAssertEqual(try drive.readFile("/a.txt").count, 100)
    }

    func testTheCapacityIsTheBoardsFileSystemSize() throws {
        let circuit = Circuit(board: "pico_w", flavor: "circuitpython", parts: [])
        let drive = try Drive(project: tmp, circuit: circuit)
        let def = try BoardDefinition.load(id: "pico_w")
        XCTAssertEqual(drive.capacityBytes, def.flavours.circuitpython.filesystemBytes)
        XCTAssertFalse(drive.isWritableByCode)
        let mp = try Drive(project: tmp, circuit: Circuit(board: "esp32s3", flavor: "micropython", parts: []))
        XCTAssertEqual(mp.capacityBytes, try BoardDefinition.load(id: "esp32s3").flavours.micropython.filesystemBytes)
        XCTAssertTrue(mp.isWritableByCode)
    }

    func testReadOnlyModeRaisesEROFSUntilRemounted() throws {
        let d = try makeDrive()
        try write("print(1)\n", to: d.appendingPathComponent("code.py"))
        let drive = Drive(directory: d, capacityBytes: 1 << 20, writableByCode: false)
        XCTAssertEqual(try drive.readFile("/code.py"), Array("print(1)\n".utf8))
        for op in [{ try drive.writeFile("/x.txt", [1], append: false) },
                   { try drive.makeDirectory("/data") },
                   { try drive.removeFile("/code.py") },
                   { try drive.rename("/code.py", "/main.py") }] as [() throws -> Void] {
            XCTAssertThrowsError(try op()) {
                XCTAssertEqual($0 as? FileSystemError, .readOnly)
                XCTAssertEqual(($0 as? FileSystemError)?.errno, 30)
            }
        }
        drive.remount(readonly: false)
        XCTAssertTrue(drive.isWritableByCode)
        try drive.writeFile("/x.txt", [1], append: false)
        XCTAssertEqual(try drive.readFile("/x.txt"), [1])
    }

    func testNoPathEscapesTheDrive() throws {
        let d = try makeDrive()
        try write("secret", to: tmp.appendingPathComponent("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent("link").path,
                                                   withDestinationPath: tmp.path)
        let drive = Drive(directory: d, capacityBytes: 1 << 20)
        for p in ["/../outside.txt", "../outside.txt", "/lib/../../outside.txt", "/link/outside.txt"] {
            XCTAssertThrowsError(try drive.readFile(p), p) { XCTAssertEqual($0 as? FileSystemError, .permission) }
            XCTAssertThrowsError(try drive.writeFile(p, [1], append: false), p)
        }
        XCTAssertThrowsError(try drive.listDirectory("/link"))
        XCTAssertEqual(try String(contentsOf: tmp.appendingPathComponent("outside.txt"), encoding: .utf8), "secret")
    }

    // MARK: breadbox new

    func testNewCreatesProjectsThatTheLoaderAccepts() throws {
        for board in ["pico_w", "esp32s3"] {
            for flavour in FirmwareFlavour.allCases {
                let dir = tmp.appendingPathComponent("\(board)-\(flavour.rawValue)")
                try ProjectTemplate.create(at: dir, board: board, flavour: flavour)
                let c = try Circuit.load(from: dir.appendingPathComponent("circuit.json"))
                XCTAssertEqual(c.board, board)
                XCTAssertEqual(c.firmwareFlavour, flavour)
                XCTAssertEqual(c.parts.map(\.type), ["led"])
                XCTAssertEqual(c.parts[0].pins?["A"], board == "pico_w" ? "GP15" : "IO4")
                let fm = FileManager.default
                var isDir: ObjCBool = false
                XCTAssertTrue(fm.fileExists(atPath: dir.appendingPathComponent("drive/lib").path, isDirectory: &isDir) && isDir.boolValue)
                let program = flavour == .circuitpython ? "code.py" : "main.py"
                let source = try String(contentsOf: dir.appendingPathComponent("drive/\(program)"), encoding: .utf8)
                try compiles(source, "\(board)/\(program)")
                if flavour == .circuitpython {
                    XCTAssertTrue(source.contains("import board") && source.contains("import digitalio") && source.contains("import time"))
                    XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("drive/settings.toml")).count, 0)
                } else {
                    XCTAssertTrue(source.contains("from machine import Pin") && source.contains("import time"))
                    XCTAssertFalse(fm.fileExists(atPath: dir.appendingPathComponent("drive/settings.toml").path))
                }
            }
        }
    }

    func testNewRefusesANonEmptyFolderAndUnknownBoards() throws {
        let dir = tmp.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try ProjectTemplate.create(at: dir, board: "pico_w", flavour: .micropython)  // empty: fine
        XCTAssertThrowsError(try ProjectTemplate.create(at: dir, board: "pico_w", flavour: .micropython)) {
            XCTAssertTrue(($0 as? ProjectTemplateError)?.reason.contains("not empty") == true)
        }
        XCTAssertThrowsError(try ProjectTemplate.create(at: tmp.appendingPathComponent("q"), board: "uno", flavour: .micropython))
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("q").path))
    }

    // MARK: Examples

    func testEveryExampleCircuitLoadsAndEveryProgramCompiles() throws {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: Self.examples.path) else { return XCTFail("no examples folder") }
        var circuits: [String] = [], programs: [String] = []
        while let name = e.nextObject() as? String {
            let url = Self.examples.appendingPathComponent(name)
            if name.hasSuffix("circuit.json") {
                XCTAssertNoThrow(try Circuit.load(from: url), name)
                circuits.append(name)
            } else if name.hasSuffix(".py") {
                try compiles(try String(contentsOf: url, encoding: .utf8), name)
                programs.append(name)
            }
        }
        for layout in ["blink/pico_w-micropython/drive/main.py", "blink/pico_w-circuitpython/drive/code.py",
                       "blink/esp32s3-micropython/drive/main.py", "blink/esp32s3-circuitpython/drive/code.py",
                       "thermostat/circuitpython/drive/code.py", "thermostat/micropython/drive/main.py",
                       "weather-thermostat/micropython/drive/main.py", "weather-thermostat/circuitpython/drive/code.py",
                       "weather-thermostat/circuitpython-esp32s3/drive/code.py"] {
            XCTAssertTrue(programs.contains(layout), "missing \(layout)")
            let project = layout.components(separatedBy: "/drive/")[0]
            XCTAssertTrue(circuits.contains(project + "/circuit.json"), "missing \(project)/circuit.json")
        }
        XCTAssertEqual(circuits.count, 9)
    }

    /// Our BME280 driver (Firmware/lib, frozen into the board), run against a fake bus
    /// holding the datasheet test vector (docs/HARDWARE.md §1.7): 27.3785 °C,
    /// 101222.25 Pa, 32.904 %RH.
    func testTheBME280DriverMatchesTheDatasheetVector() throws {
        let driver = try String(contentsOf: Self.examples.deletingLastPathComponent().appendingPathComponent(
            "lib/bme280.py"), encoding: .utf8)
        let session = try BoardSession(board: "pico_w")
        let out = session.run(driver + """

            class FakeI2C:
                def __init__(self):
                    self.regs = {
                        0xD0: bytes([0x60]), 0xF3: bytes([0]),
                        0x88: bytes.fromhex("b16f2e6a3200e28f0ad7d00b751fc5fff9ffac260ad8bd10004b"),
                        0xE1: bytes.fromhex("7701001220031e"),
                        0xF7: bytes.fromhex("4f57008451005eb4"),
                    }
                    self.writes = []
                def readfrom_mem(self, address, register, count):
                    return self.regs[register][:count]
                def writeto_mem(self, address, register, data):
                    self.writes.append((register, data[0]))

            bus = FakeI2C()
            s = BME280(bus)
            t, p, h = s.read()
            print(s.t_fine, "%.4f %.2f %.3f" % (t, p, h))
            print(bus.writes[-1])

            """)
        XCTAssertEqual(out, "140177 27.3785 101222.25 32.904\n(244, 37)\n")
    }

    func testTheBlinkExamplesAreWhatNewCreates() throws {
        for board in ["pico_w", "esp32s3"] {
            for flavour in FirmwareFlavour.allCases {
                let dir = Self.examples.appendingPathComponent("blink/\(board)-\(flavour.rawValue)")
                XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("circuit.json"), encoding: .utf8),
                               try ProjectTemplate.circuitJSON(board: board, flavour: flavour))
                for f in try ProjectTemplate.driveFiles(board: board, flavour: flavour) where !f.path.hasSuffix("/") {
                    XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("drive/" + f.path), encoding: .utf8), f.text)
                }
            }
        }
    }

    private func compiles(_ source: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        do {
            let parsed = try parsePython(source, filename: name, mode: .module)
            _ = try compilePython(parsed, filename: name, mode: .module, source: source)
        } catch {
            XCTFail("\(name) does not compile: \(error)", file: file, line: line)
        }
    }
}

/// A count the watcher's callback (a @Sendable closure) can bump.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
