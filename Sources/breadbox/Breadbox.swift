import ArgumentParser
import CLibc
import Foundation

@main
struct Breadbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breadbox",
        abstract: "A Pico W and ESP32-S3 board simulator with its own Python runtime.",
        subcommands: [PythonCommand.self, NewCommand.self, RunCommand.self, TestCommand.self, ConvertCommand.self,
                      LibCommand.self])

    /// As ArgumentParser's, except that `breadbox run` and `breadbox lib`
    /// report a bad command line in one line with exit status 2 (wokwi-cli's
    /// meaning, which `lib` keeps for its own usage errors too).
    static func main() {
        // The collector frees thousands of small objects at once; in glibc's
        // fastbins they wait to be merged by the next allocation of 1 KiB or
        // more (malloc_consolidate, 8 % of a text-parsing run). Without
        // fastbins small frees go to the thread cache or are merged at once:
        // 10-30 % faster on the benchmarks that allocate most.
        mallopt(M_MXFAST, 0)
        let args = Array(CommandLine.arguments.dropFirst())
        if let python = PythonCommand.plain(args) {
            do { try python.run() } catch { exit(withError: error) }
            return
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(args)
        } catch {
            if let first = args.first, ["run", "lib"].contains(first), exitCode(for: error) != .success {
                let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid command line"
                FileHandle.standardError.write(Data("breadbox \(first): \(line)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
