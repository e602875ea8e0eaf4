import ArgumentParser
import BoardSupervisor
import Foundation

/// `breadbox convert WOKWI_DIR PROJECT_DIR`: the Breadbox project (circuit.json
/// and drive/) a Wokwi project runs as, for moving to Breadbox's own format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write the Breadbox project (circuit.json + drive/) of a Wokwi project (diagram.json + Python files).")

    @Argument(help: "The Wokwi project folder (diagram.json, wokwi.toml if any, main.py or code.py...). It is not changed.")
    var wokwiProject: String

    @Argument(help: "The Breadbox project folder to create (must not exist, or be empty).")
    var project: String

    func run() throws {
        func refuse(_ reason: String) -> ExitCode {
            FileHandle.standardError.write(Data("breadbox convert: \(reason)\n".utf8))
            return ExitCode(2)
        }
        let source = URL(fileURLWithPath: wokwiProject)
        guard WokwiProject.isWokwiProject(source) else {
            throw refuse("\(wokwiProject): no diagram.json (or a circuit.json already: it is a Breadbox project)")
        }
        do {
            let lines = try WokwiProject(folder: source).writeBreadboxProject(to: URL(fileURLWithPath: project))
            print("Converted \(wokwiProject) into \(project):")
            for l in lines { print("  " + l) }
        } catch {
            throw refuse(error.reason)
        }
    }
}
