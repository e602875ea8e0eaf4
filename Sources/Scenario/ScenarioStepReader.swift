import BoardEmulator
import Foundation
import Yams

/// Reads one step of a scenario file and checks its fields, its parts, pins
/// and controls against the circuit; every refusal names the line.
struct StepReader {
    let file: String
    let circuit: CircuitAssembly

    func error(_ node: Node, _ reason: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark?.line ?? 0, reason: reason)
    }

    static let commands = ["delay", "wait-serial", "write-serial", "expect-pin", "set-control", "take-screenshot",
                           "wait-pin", "expect-serial", "expect-no-serial", "set-environment", "network-down",
                           "network-up", "expect-request", "mqtt-publish", "expect-mqtt", "reset", "write-file"]

    func step(_ node: Node, number: Int) throws(ScenarioError) -> ScenarioStep {
        guard case .mapping(let m) = node else { throw error(node, "step \(number) must be a mapping (a command, and optionally a name)") }
        var name: String?
        var command: (key: Node, value: Node)?
        for (k, v) in m {
            let key = k.string ?? ""
            if key == "name" {
                guard case .scalar = v, let s = v.string else { throw error(v, "a step's name must be text") }
                name = s
                continue
            }
            guard Self.commands.contains(key) else {
                throw error(k, "unknown step \"\(key)\" (steps: \(Self.commands.joined(separator: ", ")))")
            }
            if let first = command {
                throw error(k, "a step has exactly one command (here both \(first.key.string ?? "") and \(key))")
            }
            command = (k, v)
        }
        guard let command else { throw error(node, "step \(number) has no command (steps: \(Self.commands.joined(separator: ", ")))") }
        let c = try read(command.key.string ?? "", command.value)
        return ScenarioStep(number: number, name: name, line: node.mark?.line ?? 0, command: c)
    }

    private func read(_ key: String, _ v: Node) throws(ScenarioError) -> ScenarioStep.Command {
        switch key {
        case "delay": return .delay(try duration(v, key))
        case "wait-serial": return .waitSerial(try text(v, key))
        case "expect-serial": return .expectSerial(try text(v, key))
        case "expect-no-serial": return .expectNoSerial(try text(v, key))
        case "write-serial": return .writeSerial(try bytes(v))
        case "expect-pin":
            let f = try fields(v, key, required: ["part-id", "value"], optional: ["name", "pin"])
            return .expectPin(try pin(f, v, key), try level(f["value"]!))
        case "wait-pin":
            let f = try fields(v, key, required: ["part-id", "value", "timeout"], optional: ["name", "pin"])
            return .waitPin(try pin(f, v, key), try level(f["value"]!), timeout: try duration(f["timeout"]!, "timeout"))
        case "set-control":
            let f = try fields(v, key, required: ["part-id", "value"], optional: ["name", "control"])
            let part = try text(f["part-id"]!, "part-id")
            guard let controlNode = f["name"] ?? f["control"] else { throw error(v, "set-control: missing `name` (the control)") }
            let control = try text(controlNode, "name")
            guard let value = f["value"]!.float else { throw error(f["value"]!, "set-control: value must be a number") }
            if let why = ScenarioParts.refusal(partID: part, control: control, value: value, circuit) {
                throw error(v, "set-control \(part).\(control): \(why)")
            }
            return .setControl(partID: part, control: control, value: value)
        case "take-screenshot":
            let f = try fields(v, key, required: ["part-id"], optional: ["save-to", "compare-with"])
            let part = try text(f["part-id"]!, "part-id")
            guard ScenarioParts.isBoard(part, circuit) || circuit.part(part) != nil else {
                throw error(f["part-id"]!, "take-screenshot: no part has id \"\(part)\" (ids: \(ScenarioParts.knownIDs(circuit)))")
            }
            let save = try f["save-to"].map { n throws(ScenarioError) in try text(n, "save-to") }
            let compare = try f["compare-with"].map { n throws(ScenarioError) in try text(n, "compare-with") }
            guard save != nil || compare != nil else { throw error(v, "take-screenshot: `save-to` or `compare-with` is required") }
            return .takeScreenshot(partID: part, saveTo: save, compareWith: compare)
        case "set-environment":
            let f = try fields(v, key, required: [], optional: ["temperature", "humidity", "pressure"])
            guard !f.isEmpty else { throw error(v, "set-environment: give temperature, humidity and/or pressure") }
            var values: [String: Double] = [:]
            for (name, n) in f {
                guard let x = n.float, let range = ScenarioParts.controls["bme280"]?[name], range.contains(x) else {
                    let range = ScenarioParts.controls["bme280"]![name]!
                    throw error(n, "set-environment: \(name) must be a number in \(range.lowerBound)...\(range.upperBound)")
                }
                values[name] = x
            }
            return .setEnvironment(values)
        case "network-down", "network-up", "reset":
            // A command without arguments: `- reset:` (null), `- reset: true` or `- reset: {}`.
            let ok: Bool
            switch v {
            case .scalar: ok = v.null != nil || v.bool == true
            case .mapping(let m): ok = m.isEmpty
            default: ok = false
            }
            guard ok else { throw error(v, "\(key) takes no value (write `- \(key):` or `- \(key): true`)") }
            return key == "reset" ? .reset : .network(up: key == "network-up")
        case "expect-request":
            let host = try text(v, key)
            guard !host.isEmpty, !host.contains(" ") else { throw error(v, "expect-request: \"\(host)\" is not a host name") }
            return .expectRequest(host: host)
        case "mqtt-publish":
            let f = try fields(v, key, required: ["topic", "payload"], optional: ["retain", "broker"])
            let topic = try text(f["topic"]!, "topic")
            guard !topic.isEmpty, !topic.contains("+"), !topic.contains("#") else {
                throw error(f["topic"]!, "mqtt-publish: \"\(topic)\" is not a topic to publish on (no wildcards)")
            }
            var retain = false
            if let r = f["retain"] {
                guard let b = r.bool else { throw error(r, "mqtt-publish: retain must be true or false") }
                retain = b
            }
            let broker = try f["broker"].map { n throws(ScenarioError) in try text(n, "broker") }
            return .mqttPublish(topic: topic, payload: Array(try text(f["payload"]!, "payload").utf8), retain: retain, broker: broker)
        case "expect-mqtt":
            let f = try fields(v, key, required: ["topic"], optional: ["payload", "contains"])
            let topic = try text(f["topic"]!, "topic")
            let levels = topic.split(separator: "/", omittingEmptySubsequences: false)
            let wellFormed = !topic.isEmpty && levels.enumerated().allSatisfy { i, level in
                (level == "#" && i == levels.count - 1) || level == "+" || (!level.contains("#") && !level.contains("+"))
            }
            guard wellFormed else { throw error(f["topic"]!, "expect-mqtt: \"\(topic)\" is not a topic filter") }
            let payload = try f["payload"].map { n throws(ScenarioError) in try text(n, "payload") }
            let contains = try f["contains"].map { n throws(ScenarioError) in try text(n, "contains") }
            guard payload == nil || contains == nil else { throw error(v, "expect-mqtt: give `payload` or `contains`, not both") }
            return .expectMQTT(topic: topic, payload: payload, contains: contains)
        case "write-file":
            let f = try fields(v, key, required: ["path", "content"], optional: [])
            let path = try text(f["path"]!, "path")
            let parts = path.split(separator: "/")
            guard !parts.isEmpty, !parts.contains("..") else {
                throw error(f["path"]!, "write-file: \"\(path)\" is not a path inside drive/")
            }
            return .writeFile(path: parts.joined(separator: "/"), content: Array(try text(f["content"]!, "content").utf8))
        default:
            throw error(v, "unknown step \"\(key)\"")
        }
    }

    // MARK: Fields

    private func text(_ n: Node, _ what: String) throws(ScenarioError) -> String {
        guard case .scalar(let s) = n else { throw error(n, "\(what) must be text") }
        return s.string
    }

    private func duration(_ n: Node, _ what: String) throws(ScenarioError) -> UInt64 {
        guard case .scalar(let s) = n else { throw error(n, "\(what) must be a duration with its unit (500ms, 2s, 100us, 10ns)") }
        switch ScenarioDuration.nanoseconds(s.string) {
        case .success(let ns): return ns
        case .failure(.missingUnits):
            throw error(n, "\(what) \(s.string) has no unit: the value must include units (e.g. \(s.string)ms)")
        case .failure(.invalid):
            throw error(n, "\(what) \"\(s.string)\" is not a duration (500ms, 2s, 100us, 10ns)")
        }
    }

    private func level(_ n: Node) throws(ScenarioError) -> Bool {
        guard let v = n.int, v == 0 || v == 1 else { throw error(n, "value must be 0 or 1") }
        return v == 1
    }

    private func bytes(_ n: Node) throws(ScenarioError) -> [UInt8] {
        switch n {
        case .scalar(let s): return Array(s.string.utf8)
        case .sequence(let list):
            guard !list.isEmpty else { throw error(n, "write-serial: a list must hold at least one byte") }
            var out: [UInt8] = []
            for item in list {
                guard let b = item.int, (0...255).contains(b) else { throw error(item, "write-serial: a list holds byte values, 0 to 255") }
                out.append(UInt8(b))
            }
            return out
        default: throw error(n, "write-serial: the value is text or a list of byte values")
        }
    }

    /// A mapping's fields, each known, the required ones present.
    private func fields(_ n: Node, _ command: String, required: [String], optional: [String]) throws(ScenarioError) -> [String: Node] {
        guard case .mapping(let m) = n else {
            throw error(n, "\(command) takes fields: \((required + optional).joined(separator: ", "))")
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            guard required.contains(key) || optional.contains(key) else {
                throw error(k, "\(command): unknown field \"\(key)\" (fields: \((required + optional).joined(separator: ", ")))")
            }
            out[key] = v
        }
        for r in required where out[r] == nil { throw error(n, "\(command): missing `\(r)`") }
        return out
    }

    /// `part-id` and `name` (Wokwi's; `pin` is its older spelling), resolved to a board pin.
    private func pin(_ f: [String: Node], _ n: Node, _ command: String) throws(ScenarioError) -> ScenarioPin {
        let part = try text(f["part-id"]!, "part-id")
        guard let pinNode = f["name"] ?? f["pin"] else { throw error(n, "\(command): missing `name` (the pin)") }
        let pin = ScenarioPin(partID: part, pin: try text(pinNode, "name"))
        if case .failure(let why) = ScenarioParts.resolve(pin, circuit) { throw error(n, "\(command) \(pin): \(why)") }
        return pin
    }
}
