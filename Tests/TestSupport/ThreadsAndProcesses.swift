import Foundation

/// Text appended from one thread and read from another (serial output in tests).
public final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    public init() {}
    public func append(_ s: String) { lock.withLock { text += s } }
    public var value: String { lock.withLock { text } }
}

/// The environment for a `breadbox` child process that must not open a window,
/// even when the tests run on a desktop.
public func windowlessEnvironment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    for k in ["DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"] { env[k] = nil }
    return env
}
