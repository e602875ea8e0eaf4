import Foundation
import PythonRuntime
import Synchronization

/// Turns Ctrl-C (SIGINT) into a KeyboardInterrupt in the running Python code,
/// as MicroPython's unix port does, instead of killing the process.
///
/// The signal arrives on a dispatch queue, not the runtime's thread, so the
/// forwarder holds only the runtime's interrupt line, never the runtime.
enum InterruptForwarder {
    private struct State {
        var source: DispatchSourceSignal?
        var line: InterruptLine?
    }
    private static let state = Mutex(State())

    static func forward(to line: InterruptLine) {
        state.withLock { s in
            s.line = line
            guard s.source == nil else { return }
            signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            source.setEventHandler { InterruptForwarder.state.withLock { $0.line }?.raise() }
            source.resume()
            s.source = source
        }
    }
}
