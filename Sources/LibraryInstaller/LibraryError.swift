/// Why `breadbox lib` could not do what it was asked, in one message that
/// keeps the tool's own words (pip's, the index's). `isUsage` marks a bad
/// command line or project (exit 2); everything else is a failed install (exit 1).
public struct LibraryError: Error, CustomStringConvertible {
    public var message: String
    public var isUsage: Bool
    public init(_ message: String, isUsage: Bool = false) {
        self.message = message
        self.isUsage = isUsage
    }
    public var description: String { message }
}
