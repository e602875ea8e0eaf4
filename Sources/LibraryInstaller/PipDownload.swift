import Foundation

/// Fetches one distribution's wheel from PyPI with `python3 -m pip download
/// --no-deps` (dependencies are followed by the installer, which leaves
/// desktop-only ones out, where pip would fetch them all).
struct PipDownload {
    enum Outcome {
        case wheel(URL)
        /// pip found no such distribution (or no version matching the pin).
        case notFound(String)
        case failed(String)
    }

    /// Downloads `requirement` into `folder` (an empty folder of its own).
    static func fetch(_ requirement: Requirement, into folder: URL) -> Outcome {
        let spec = requirement.name + requirement.specifier
        // One retry and a short timeout: an unreachable index is reported in
        // seconds, not after pip's five retries with back-off.
        let r = HostCommand.run(["python3", "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                                 "--disable-pip-version-check", "--no-input", "--retries", "1", "--timeout", "15",
                                 "-d", folder.path, spec],
                                environment: ["PIP_ROOT_USER_ACTION": "ignore"])
        let wheels = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".whl") }
        if r.status == 0, let wheel = wheels.first { return .wheel(folder.appendingPathComponent(wheel)) }
        let pipSays = r.output.split(separator: "\n").filter { $0.hasPrefix("ERROR") || $0.hasPrefix("WARNING: Retrying") }
            .joined(separator: "\n")
        if r.status == -1 { return .failed(r.output) }
        if isNetworkFailure(r.output) {
            return .failed("cannot reach the package index for \(spec) (pip: \(pipSays.isEmpty ? r.output : pipSays))")
        }
        if r.output.contains("No matching distribution found") {
            return .notFound(pipSays)
        }
        return .failed("pip download \(spec) failed (exit \(r.status)):\n\(r.output)")
    }

    /// pip reports a dead network as "no matching distribution" after its
    /// retries; the retry warnings say what really happened.
    static func isNetworkFailure(_ output: String) -> Bool {
        ["NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
         "Max retries exceeded", "ProxyError", "ConnectTimeoutError", "ReadTimeoutError", "SSLError",
         "connection broken by"].contains { output.contains($0) }
    }
}
