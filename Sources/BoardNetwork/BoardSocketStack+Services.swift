import PythonRuntime

/// Sockets of the firmware's own services (CircuitPython's web workflow),
/// which live outside the program's heap: CircuitPython's reload frees the
/// program's sockets (socketpool_user_reset) and leaves the supervisor's.
extension BoardSocketStack {
    /// Marks a socket as the firmware's: `closeAll(sparingServices: true)`
    /// (a soft reset) leaves it open.
    public func keepAcrossSoftReset(_ handle: Int) {
        sockets[handle]?.keptAcrossSoftReset = true
    }

    /// Whether `handle` is an open socket (a reset may have closed it).
    public func isOpen(_ handle: Int) -> Bool { sockets[handle] != nil }
}
