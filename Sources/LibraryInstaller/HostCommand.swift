import Foundation

/// Runs a host program (found on PATH through /usr/bin/env) and collects its
/// status and merged output. `breadbox lib` leans on python3's pip and zipfile
/// rather than reimplementing a package index client and an unzipper.
struct HostCommand {
    var status: Int32
    var output: String

    static func run(_ args: [String], environment: [String: String] = [:]) -> HostCommand {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { return HostCommand(status: -1, output: "cannot run \(args.first ?? ""): \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return HostCommand(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
