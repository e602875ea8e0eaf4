import PythonRuntime

/// One fuzz input through the runtime, as libFuzzer and the plain runner both
/// call it. Bytes that start like a `.mpy` file go to the `.mpy` loader (imported
/// from an in-memory drive); anything else is source text (UTF-8, invalid bytes
/// replaced): compiled in each parse mode, disassembled, then run as `__main__`.
///
/// Every Python exception (SyntaxError, MemoryError, RecursionError, the
/// KeyboardInterrupt that ends the budget...) is an ordinary outcome; only a
/// signal (a Swift trap, a sanitizer report, a stack overflow) is a finding.
enum FuzzHarness {
    /// A small board's heap, so memory bombs end in MemoryError quickly.
    static let heapLimit = 256 * 1024
    /// Instructions before the program is interrupted; a few milliseconds of
    /// work, so the fuzzer stays fast and endless loops end.
    static let instructionBudget = 200_000

    /// Returns how the run ended when `describe` asks (the plain runner's -v):
    /// "ok", or the uncaught exception's last line.
    @discardableResult
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, describe: Bool = false) -> String? {
        let (runtime, exception) = looksLikeMpy(bytes)
            ? runMpy(Array(bytes))
            : runSource(String(decoding: bytes, as: UTF8.self))
        guard describe else { return nil }
        guard let exception else { return "ok" }
        return runtime.exceptionLine(exception)
    }

    /// MicroPython's header ('M') or CircuitPython's ('C'), then version 6
    /// (py/persistentcode.h MPY_VERSION).
    static func looksLikeMpy(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && (bytes[0] == UInt8(ascii: "M") || bytes[0] == UInt8(ascii: "C")) && bytes[1] == 6
    }

    static func runSource(_ source: String) -> (Runtime, PyBaseException?) {
        let (runtime, _) = makeRuntime(circuitPython: false, files: [:])
        // The compile-only paths: the REPL's and eval()'s modes, and the
        // disassembler over whatever compiles.
        for mode in [ParseMode.expression, .interactive] {
            _ = try? runtime.compileSource(source, filename: "<fuzz>", mode: mode)
        }
        if let code = try? runtime.compileSource(source, filename: "<fuzz>", mode: .module) {
            _ = code.disassembly()
        }
        return (runtime, runtime.runMain(source: source, filename: "fuzz.py"))
    }

    static func runMpy(_ bytes: [UInt8]) -> (Runtime, PyBaseException?) {
        let (runtime, _) = makeRuntime(circuitPython: bytes[0] == UInt8(ascii: "C"), files: ["/fuzzmod.mpy": bytes])
        return (runtime, runtime.runMain(source: "import fuzzmod\n", filename: "fuzz.py"))
    }

    static func makeRuntime(circuitPython: Bool, files: [String: [UInt8]]) -> (Runtime, FuzzHost) {
        var config = RuntimeConfiguration()
        config.heapLimit = heapLimit
        config.argv = ["fuzz.py"]
        if circuitPython {
            config.implementationName = "circuitpython"
            config.implementationVersion = (9, 1, 0)
        }
        let host = FuzzHost(instructionBudget: instructionBudget, fileSystem: FuzzFileSystem(files: files))
        let runtime = Runtime(host: host, configuration: config)
        host.runtime = runtime
        return (runtime, host)
    }
}
