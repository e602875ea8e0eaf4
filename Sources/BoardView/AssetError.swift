import Foundation

/// A font or board-art file that cannot be used: the file, the field and the reason.
public struct AssetError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var field: String
    public var reason: String
    public init(file: String, field: String, reason: String) {
        self.file = file; self.field = field; self.reason = reason
    }
    public var description: String { "\(file): \(field): \(reason)" }
}

/// Where the shipped fonts and board art live (`Assets/` in the source tree).
public enum Assets {
    public static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets")
    }
}
