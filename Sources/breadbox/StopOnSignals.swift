import Foundation

/// Ends a run cleanly on Ctrl-C or `kill` (SIGINT, SIGTERM) instead of dying
/// at once, so the serial log, the VCD and the network recordings are still
/// written. For runs whose console is on a serial port: the terminal types
/// nothing to the board there, so a signal is how such a run ends. A second
/// signal ends the process at once, in case the board does not stop.
final class StopOnSignals {
    private var sources: [DispatchSourceSignal] = []

    private static let signals = [SIGINT, SIGTERM]

    /// Calls `stop` (on a dispatch queue) when either signal first arrives,
    /// from now until this object goes.
    init(_ stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "StopOnSignals")
        nonisolated(unsafe) var stopping = false  // only touched on `queue`
        for sig in Self.signals {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler {
                if stopping { exit(128 + sig) }
                stopping = true
                stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        for sig in Self.signals { signal(sig, SIG_DFL) }
    }
}
