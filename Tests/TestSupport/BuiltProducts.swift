import Foundation

/// The executables `swift build` makes beside the test bundles (`breadbox`,
/// `breadbox-fuzz`), for tests that run them as a user does.
public enum BuiltProducts {
    /// `name` in the products folder the tests run from, else in the package's
    /// `.build/debug`; nil when it was not built.
    public static func executable(_ name: String) -> URL? {
        var folders = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        folders += [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL { folders.append(exe.deletingLastPathComponent()) }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(package.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
