import ArgumentParser
import Foundation
import Scenario

/// `breadbox test [PROJECT...]`: every `scenarios/*.yaml` of each project, run
/// as `breadbox run PROJECT --scenario FILE` children (a crash stays in its
/// own process), as many at once as the machine has cores. One line per
/// scenario; exit 0 when all passed, 1 otherwise.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the projects' scenarios (scenarios/*.yaml) and report.")

    @Argument(help: "Project folders (default: the current folder).")
    var projects: [String] = []

    @Option(name: .customLong("junit-file"), help: "Write a JUnit XML report here.")
    var junitFile: String?

    @Option(help: "Virtual time each scenario may take: 30s, 10m (default 10m).")
    var timeout = "10m"

    @Option(help: "Scenarios run at once (default: the machine's cores).")
    var jobs: Int?

    @Flag(name: .customLong("update-screenshots"), help: "Rewrite the compare-with pictures instead of comparing.")
    var updateScreenshots = false

    struct Job {
        var project: String
        var file: URL
    }

    func run() throws {
        let folders = projects.isEmpty ? ["."] : projects
        var jobsToRun: [Job] = []
        for p in folders {
            let dir = URL(fileURLWithPath: p).appendingPathComponent("scenarios")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            let yaml = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            if yaml.isEmpty { FileHandle.standardError.write(Data("breadbox test: \(p): no scenarios/*.yaml\n".utf8)) }
            jobsToRun += yaml.map { Job(project: p, file: dir.appendingPathComponent($0)) }
        }
        guard !jobsToRun.isEmpty else { throw ExitCode(1) }
        guard RunCommand.parseDuration(timeout) != nil else {
            FileHandle.standardError.write(Data("breadbox test: --timeout \"\(timeout)\" is not a duration\n".utf8))
            throw ExitCode(2)
        }
        let started = Date()
        let results = ScenarioProcesses(binary: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath(),
                                        timeout: timeout, updateScreenshots: updateScreenshots)
            .run(jobsToRun, atOnce: max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)) { r in
                print(r.line)
            }
        let failed = results.filter { !$0.passed }.count
        print("\(results.count - failed) passed, \(failed) failed (wall \(String(format: "%.2f", Date().timeIntervalSince(started)))s)")
        if let junitFile {
            let report = JUnitReport(cases: results.map {
                JUnitReport.Case(project: $0.job.project, name: $0.name, seconds: $0.wallSeconds, failure: $0.passed ? nil : $0.message)
            })
            guard FileManager.default.createFile(atPath: junitFile, contents: Data(report.xml.utf8)) else {
                FileHandle.standardError.write(Data("breadbox test: cannot write \(junitFile)\n".utf8))
                throw ExitCode(2)
            }
        }
        throw ExitCode(failed == 0 ? 0 : 1)
    }
}
