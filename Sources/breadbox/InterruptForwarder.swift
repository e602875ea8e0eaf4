import Foundation
import PythonRuntime

/// Turns Ctrl-C (SIGINT) into a KeyboardInterrupt in the running Python code,
/// as MicroPython's unix port does, instead of killing the process.
enum InterruptForwarder {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    nonisolated(unsafe) private static weak var runtime: Runtime?

    static func forward(to rt: Runtime) {
        runtime = rt
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        s.setEventHandler { InterruptForwarder.runtime?.requestInterrupt() }
        s.resume()
        source = s
    }
}
