/// Why a board or circuit file (or a `--set`) was refused: the file, the field
/// (a path such as `pins[3].gpio` or `parts[1].pins.IN`) and the reason.
public struct FileFieldError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var field: String
    public var reason: String

    public init(file: String, field: String, reason: String) {
        self.file = file; self.field = field; self.reason = reason
    }

    /// `circuit.json: field "parts[1].pins.IN": "GP99" is not a pin of pico_w`
    public var description: String {
        field.isEmpty ? "\(file): \(reason)" : "\(file): field \"\(field)\": \(reason)"
    }
}
