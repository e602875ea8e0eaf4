import ArgumentParser
import Foundation
import PythonRuntime

/// `breadbox python [FILE [ARGS...]] | -c CODE`: the runtime on its own, like
/// MicroPython's unix port.
struct PythonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "python",
        abstract: "Run a Python file, a command, or an interactive REPL.")

    @Option(name: .customShort("c"), help: "Program passed in as a string.")
    var command: String?

    @Option(name: .customLong("heap"), help: "Heap size in bytes (default 256 MiB).")
    var heapSize: Int?

    @Flag(name: .customLong("disassemble"), help: "Print the bytecode of the program instead of running it.")
    var disassembleFlag = false

    /// Options after which everything belongs to the program (sys.argv) are
    /// captured as arguments; pick ours out of the front.
    var disassemble: Bool { disassembleFlag || arguments.first == "--disassemble" }
    var programArguments: [String] { arguments.first == "--disassemble" ? Array(arguments.dropFirst()) : arguments }

    @Argument(parsing: .captureForPassthrough, help: "A .py file and the arguments it gets in sys.argv.")
    var arguments: [String] = []

    /// `python FILE ARGS...`, `python -c CODE ARGS...` or `python` alone, taken
    /// without ArgumentParser, whose parse (its type lookups scan every
    /// protocol conformance of the binary) was a third of a start-up; any
    /// other command line (options, help) is left to it (nil).
    static func plain(_ args: [String]) -> PythonCommand? {
        guard args.first == "python" else { return nil }
        var rest = args.dropFirst()
        var python = PythonCommand()
        python.command = nil
        python.heapSize = nil
        python.disassembleFlag = false
        if rest.first == "-c" {
            guard rest.count >= 2 else { return nil }
            python.command = rest.dropFirst().first
            rest = rest.dropFirst(2)
        } else if let first = rest.first, first.hasPrefix("-") {
            return nil
        }
        python.arguments = Array(rest)
        return python
    }

    func run() throws {
        var config = RuntimeConfiguration()
        if let heapSize { config.heapLimit = heapSize }
        let status = runOnLargeStack { () -> Int32 in
            let host = TerminalHost()
            if let command {
                config.argv = ["-c"] + programArguments
                let rt = Runtime(host: host, configuration: config)
                InterruptForwarder.forward(to: rt.interruptLine)
                host.searchRoot = FileManager.default.currentDirectoryPath
                return finish(rt, rt.runMain(source: command, filename: "<string>"), host)
            }
            guard let file = programArguments.first else {
                config.argv = [""]
                let rt = Runtime(host: host, configuration: config)
                InterruptForwarder.forward(to: rt.interruptLine)
                host.searchRoot = FileManager.default.currentDirectoryPath
                return InteractiveSession(runtime: rt, host: host).run()
            }
            config.argv = programArguments
            // The unix port puts the script's folder, made absolute, first on sys.path.
            let folder = (file as NSString).deletingLastPathComponent
            let absolute = folder.hasPrefix("/") ? folder
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(folder)
            config.firstSysPathEntry = (absolute as NSString).standardizingPath
            guard let data = FileManager.default.contents(atPath: file),
                  let source = String(data: data, encoding: .utf8) else {
                host.writeError("breadbox: can't open file '\(file)': [Errno 2] No such file or directory\n")
                return 2
            }
            let rt = Runtime(host: host, configuration: config)
            InterruptForwarder.forward(to: rt.interruptLine)
            host.searchRoot = (file as NSString).deletingLastPathComponent
            if disassemble {
                do throws(PyError) {
                    host.writeOutput(try rt.compileSource(source, filename: file, mode: .module).disassembly())
                    return finish(rt, nil, host)
                } catch let e {
                    return finish(rt, e.exception, host)
                }
            }
            return finish(rt, rt.runMain(source: source, filename: file), host)
        }
        throw ExitCode(status)
    }
}

/// The runtime of a finished program, kept until the process exits: the
/// system takes its memory back at once, where releasing each of its heap's
/// objects one by one could take longer than a short program ran. Its streams
/// are not flushed by a teardown either way (as on the board, an unclosed
/// file keeps only what was flushed).
private var finishedRuntime: Runtime?

/// Prints an uncaught exception and turns it into the process's exit status.
func finish(_ rt: Runtime, _ exception: PyBaseException?, _ host: TerminalHost) -> Int32 {
    finishedRuntime = rt
    defer { host.flush() }
    guard let e = exception else { return 0 }
    host.flush()
    if let status = rt.exitStatus(of: e) { return status }
    rt.printException(e)
    return 1
}

