import Foundation

/// MicroPython's `mpremote` from PyPI, unmodified, for the tests that run the
/// code it sends a board (its `fs` commands, `exec`, `eval`, the `mount` hook)
/// on Breadbox's runtime. Installed once under `<build folder>/pypi-cache`.
public enum Mpremote {
    public static let version = "1.29.0"
    /// The folder to put on PYTHONPATH, or pip's message.
    public static let package = PyPI.install("mpremote", version, marker: "mpremote/transport_serial.py")
}
