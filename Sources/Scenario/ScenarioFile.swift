import BoardEmulator
import Foundation
import Yams

/// A scenario file in Wokwi's format (`name`, `version: 1`, `steps`), read and
/// checked against the project's circuit before the board starts: an unknown
/// step, a bad field, an unknown part, pin or control, a duration without its
/// unit are refused with the file, the line and the reason.
///
///     name: Blink
///     version: 1
///     steps:
///       - delay: 250ms
///       - name: LED lit
///         expect-pin: {part-id: led, pin: A, value: 1}
public struct ScenarioFile: Sendable {
    public var url: URL
    public var name: String
    public var steps: [ScenarioStep]

    /// The folder `save-to` and `compare-with` paths are relative to (wokwi-cli's too).
    public var folder: URL { url.deletingLastPathComponent() }

    /// The screenshot files the scenario compares with, relative to `folder`.
    public var comparedScreenshots: [String] {
        steps.compactMap { if case .takeScreenshot(_, _, let c?) = $0.command { return c }; return nil }
    }

    public var writesFiles: Bool { steps.contains { if case .writeFile = $0.command { return true }; return false } }

    /// Reads and checks `url` against `circuit`.
    public init(contentsOf url: URL, circuit: CircuitAssembly) throws(ScenarioError) {
        let fileName = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioError(file: fileName, line: 0, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: fileName, line: 0, reason: "is not UTF-8 text")
        }
        try self.init(yaml: text, url: url, circuit: circuit)
    }

    /// Parses `yaml` (named `url` in errors) and checks it against `circuit`.
    public init(yaml: String, url: URL, circuit: CircuitAssembly) throws(ScenarioError) {
        self.url = url
        let file = url.path
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            throw ScenarioError(file: file, line: Self.line(of: e), reason: Self.reason(of: e))
        } catch {
            throw ScenarioError(file: file, line: 0, reason: "\(error)")
        }
        let reader = StepReader(file: file, circuit: circuit)
        guard let root, case .mapping(let top) = root else {
            throw ScenarioError(file: file, line: root?.mark?.line ?? 1, reason: "a scenario is a mapping with name, version and steps")
        }
        var name: String?, version: Node?, stepsNode: Node?
        for (k, v) in top {
            switch k.string ?? "" {
            case "name":
                guard case .scalar = v, let s = v.string else { throw reader.error(v, "name must be text") }
                name = s
            case "version": version = v
            case "author", "description": continue
            case "steps": stepsNode = v
            default: throw reader.error(k, "unknown field \"\(k.string ?? "?")\" (fields: name, version, author, steps)")
            }
        }
        guard let name else { throw ScenarioError(file: file, line: root.mark?.line ?? 1, reason: "the scenario has no name") }
        guard let version else { throw ScenarioError(file: file, line: root.mark?.line ?? 1, reason: "the scenario has no version (version: 1)") }
        guard version.int == 1 else { throw reader.error(version, "unsupported scenario version \(version.string ?? "?") (only 1)") }
        guard let stepsNode, case .sequence(let list) = stepsNode else {
            throw ScenarioError(file: file, line: stepsNode?.mark?.line ?? root.mark?.line ?? 1, reason: "steps must be a list")
        }
        self.name = name
        var steps: [ScenarioStep] = []
        for node in list { steps.append(try reader.step(node, number: steps.count + 1)) }
        self.steps = steps
    }

    static func line(of e: YamlError) -> Int {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 0
        }
    }

    static func reason(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "not valid YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a field appears twice: \(duplicates.joined(separator: ", "))"
        default: return "not valid YAML: \(e)"
        }
    }
}
