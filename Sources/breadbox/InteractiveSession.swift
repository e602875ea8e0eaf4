import Foundation
import PythonRuntime

/// The `>>>` REPL: reads complete inputs (continuing with `...` while a block or
/// bracket is open), runs them with results echoed, and prints tracebacks.
struct InteractiveSession {
    let runtime: Runtime
    let host: TerminalHost

    func run() -> Int32 {
        host.writeOutput("Breadbox Python (MicroPython 1.24 compatible) on linux\n")
        host.writeOutput("Type \"help()\" for more information. Use Ctrl-D to exit.\n")
        let editor = LineEditor()
        while true {
            guard var source = editor.readLine(prompt: ">>> ", host: host) else {
                host.writeOutput("\n")
                host.flush()
                return 0
            }
            if source.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            source += "\n"
            while isIncompletePythonInput(source) {
                guard let more = editor.readLine(prompt: "... ", host: host) else { break }
                source += more + "\n"
                if more.isEmpty { break }
            }
            editor.remember(String(source.dropLast()))
            if let e = runtime.runInteractive(source) {
                host.flush()
                if let status = runtime.exitStatus(of: e) { return status }
                runtime.printException(e)
            }
            host.flush()
        }
    }
}
