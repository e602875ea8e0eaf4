import ArgumentParser
import BoardEmulator
import Foundation
import LibraryInstaller

/// `breadbox lib install|list|update`: libraries in a project's `drive/lib`,
/// as circup (CircuitPython, from PyPI) and mip (MicroPython, from
/// micropython-lib's index) put them on a board.
struct LibCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lib",
        abstract: "Install, list and update the libraries in a project's drive/lib.",
        subcommands: [Install.self, List.self, Update.self])

    struct ProjectOptions: ParsableArguments {
        @Option(help: "The project folder (default: the current folder).")
        var project: String = "."

        @Option(name: .customLong("flavor"), help: "circuitpython (from PyPI) or micropython (mip's index); default: the project's.")
        var flavor: String?

        @Option(help: "The mip index for MicroPython (default \(MipLibraries.defaultIndex)).")
        var index: String = MipLibraries.defaultIndex

        func open(_ command: String) throws -> (LibraryProject, FirmwareFlavour) {
            let p: LibraryProject
            do { p = try LibraryProject(folder: URL(fileURLWithPath: project)) } catch { throw LibCommand.fail(command, error) }
            guard let flavor else { return (p, p.flavour) }
            guard let f = FirmwareFlavour(rawValue: flavor) else {
                throw LibCommand.fail(command, LibraryError("unknown flavour \"\(flavor)\" (known: micropython, circuitpython)", isUsage: true))
            }
            return (p, f)
        }
    }

    /// Prints the error on stderr and gives the exit status: 2 for a bad
    /// command line or project, 1 for an install that failed.
    static func fail(_ command: String, _ error: LibraryError) -> ExitCode {
        FileHandle.standardError.write(Data("breadbox lib \(command): \(error.message)\n".utf8))
        return ExitCode(error.isUsage ? 2 : 1)
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install libraries and their dependencies into drive/lib.",
            discussion: """
                CircuitPython: NAME is a module name (adafruit_bme280) or a PyPI name \
                (adafruit-circuitpython-bme280[==VERSION]), fetched with pip. MicroPython: NAME is a \
                micropython-lib package, fetched from mip's index. Nothing changes in drive/lib unless \
                everything was fetched.
                """)

        @Argument(help: "Libraries to install.")
        var names: [String] = []

        @Option(name: .shortAndLong, help: "A file of names, one per line (# comments), as circup install -r reads.")
        var requirement: String?

        @Flag(help: "Install .py source files instead of .mpy.")
        var py = false

        @OptionGroup var options: ProjectOptions

        func run() throws {
            var requests = names.compactMap { Requirement(parsing: $0) }
            if let requirement {
                guard let text = try? String(contentsOfFile: requirement, encoding: .utf8) else {
                    throw LibCommand.fail("install", LibraryError("cannot read \(requirement)", isUsage: true))
                }
                requests += Requirement.parseFile(text)
            }
            guard !requests.isEmpty else {
                throw LibCommand.fail("install", LibraryError("name at least one library (or -r FILE)", isUsage: true))
            }
            let (project, flavour) = try options.open("install")
            do {
                switch flavour {
                case .circuitpython:
                    var installer = CircuitPythonLibraries(project: project)
                    installer.sourceOnly = py
                    try installer.install(requests)
                case .micropython:
                    var installer = MipLibraries(project: project)
                    installer.index = options.index
                    installer.sourceOnly = py
                    try installer.install(requests)
                }
            } catch {
                throw LibCommand.fail("install", error)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the modules in drive/lib with their versions.")

        @OptionGroup var options: ProjectOptions

        func run() throws {
            let (project, _) = try options.open("list")
            do {
                let rows = try LibraryListing.rows(project)
                if rows.isEmpty { print("No libraries in \(project.lib.path)") } else { print(LibraryListing.format(rows), terminator: "") }
            } catch {
                throw LibCommand.fail("list", error)
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch newer versions of the libraries breadbox lib installed (and their dependencies).")

        @OptionGroup var options: ProjectOptions

        func run() throws {
            let (project, flavour) = try options.open("update")
            do {
                switch flavour {
                case .circuitpython:
                    try CircuitPythonLibraries(project: project).update()
                case .micropython:
                    var installer = MipLibraries(project: project)
                    installer.index = options.index
                    try installer.update()
                }
            } catch {
                throw LibCommand.fail("update", error)
            }
        }
    }
}
