/// A scenario file that cannot be run: `FILE:LINE: reason` (exit 2, before the board starts).
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// From 1; 0 when the problem is the file as a whole (unreadable).
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file; self.line = line; self.reason = reason
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// Why a scenario cannot do something it asks (a pin that is not there, a
/// picture that cannot be rendered), in words for its message.
struct Refusal: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
