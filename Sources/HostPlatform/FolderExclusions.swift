/// Entries at the top of a host folder that are not on the drive the folder
/// holds: a Wokwi project keeps `diagram.json` and `wokwi.toml` beside the
/// Python files its board sees, and the firmware must neither see nor touch
/// them. Excluded names read as absent (ENOENT) and cannot be created,
/// replaced or removed (EACCES), as anything outside the drive.
public struct FolderExclusions: Sendable, Equatable {
    /// Top-level names that are not on the drive.
    public var names: Set<String>
    /// Whether names starting with "." (`.git`, an editor's swap files) are left out too.
    public var hidesDotEntries: Bool

    public init(names: Set<String> = [], hidesDotEntries: Bool = false) {
        self.names = names; self.hidesDotEntries = hidesDotEntries
    }

    /// Nothing left out: a Breadbox project's `drive/` is all drive.
    public static let none = FolderExclusions()

    public func excludes(topLevelName name: String) -> Bool {
        names.contains(name) || (hidesDotEntries && name.hasPrefix("."))
    }

    /// Whether a path relative to the folder (`lib/x.py`) lies in an excluded entry.
    public func excludes(relativePath path: String) -> Bool {
        guard let first = path.split(separator: "/").first else { return false }
        return excludes(topLevelName: String(first))
    }
}
