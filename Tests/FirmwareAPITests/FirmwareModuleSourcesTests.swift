import BreadboxTestSupport
import XCTest
@testable import FirmwareAPI

/// The flavours' Python modules (`Firmware/micropython`, `Firmware/circuitpython`)
/// are embedded by `Scripts/freeze.py`; these fail when a file there changed
/// without the generator being run again.
final class FirmwareModuleSourcesTests: XCTestCase {
    func testGeneratedTableMatchesFirmwareMicroPython() {
        FrozenTables.assertMatches(folder: "micropython", sources: microPythonModuleSources, packages: microPythonPackages)
    }

    func testGeneratedTableMatchesFirmwareCircuitPython() {
        FrozenTables.assertMatches(folder: "circuitpython", sources: circuitPythonModuleSources)
    }
}
