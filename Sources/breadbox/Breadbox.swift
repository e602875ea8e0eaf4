import ArgumentParser
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
        let args = Array(CommandLine.arguments.dropFirst())
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
