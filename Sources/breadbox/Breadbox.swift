import ArgumentParser

@main
struct Breadbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breadbox",
        abstract: "A Pico W and ESP32-S3 board simulator with its own Python runtime.",
        subcommands: [PythonCommand.self, NewCommand.self])
}
