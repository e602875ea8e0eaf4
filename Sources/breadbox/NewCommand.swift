import ArgumentParser
import BoardEmulator
import BoardSupervisor
import FirmwareAPI
import Foundation

/// `breadbox new DIR --board pico_w|esp32s3 --flavor micropython|circuitpython`:
/// a project with a circuit (an LED) and a drive holding a blink program.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a project: circuit.json and a drive with a blink example.")

    @Argument(help: "The project folder to create (must not exist, or be empty).")
    var directory: String

    @Option(help: "The board: \(ProjectTemplate.boards.joined(separator: ", ")).")
    var board: String

    @Option(name: .customLong("flavor"), help: "The firmware: micropython or circuitpython.")
    var flavor: String

    func run() throws {
        func refuse(_ reason: String) -> ExitCode {
            FileHandle.standardError.write(Data("breadbox new: \(reason)\n".utf8))
            return ExitCode(2)
        }
        guard let flavour = FirmwareFlavour(rawValue: flavor) else {
            throw refuse("unknown flavour \"\(flavor)\" (known: micropython, circuitpython)")
        }
        let url = URL(fileURLWithPath: directory)
        do {
            let written = try ProjectTemplate.create(at: url, board: board, flavour: flavour)
            print("Created \(directory): " + written.joined(separator: ", "))
        } catch {
            throw refuse(error.reason)
        }
    }
}
