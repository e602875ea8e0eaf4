import BoardEmulator
import BoardSupervisor
import Foundation

/// A project as `breadbox lib` sees it: where its drive is, where libraries
/// go (`lib/` on the drive, where both firmwares look after the drive's top),
/// its firmware flavour, and the record of what `breadbox lib` installed.
public struct LibraryProject {
    public let folder: URL
    /// `PROJECT/drive`, or a Wokwi project's own folder (as the supervisor runs it).
    public let drive: URL
    public let flavour: FirmwareFlavour

    public var lib: URL { drive.appendingPathComponent("lib") }
    /// Kept beside the drive, never on it (a Wokwi drive leaves hidden entries out).
    public var recordFile: URL { folder.appendingPathComponent(".breadbox/libraries.json") }

    public init(folder: URL) throws(LibraryError) {
        self.folder = folder
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw LibraryError("\(folder.path): no such project folder", isUsage: true)
        }
        if WokwiProject.isWokwiProject(folder) {
            do {
                flavour = try WokwiProject(folder: folder).circuit.firmwareFlavour ?? .micropython
            } catch {
                throw LibraryError(error.reason, isUsage: true)
            }
            drive = folder
        } else {
            let circuitURL = folder.appendingPathComponent("circuit.json")
            guard FileManager.default.fileExists(atPath: circuitURL.path) else {
                throw LibraryError("\(folder.path): no circuit.json (nor a Wokwi diagram.json)", isUsage: true)
            }
            do {
                flavour = try Circuit.load(from: circuitURL).firmwareFlavour ?? .micropython
            } catch {
                throw LibraryError("\(error)", isUsage: true)
            }
            drive = folder.appendingPathComponent("drive")
            guard FileManager.default.fileExists(atPath: drive.path, isDirectory: &isDir), isDir.boolValue else {
                throw LibraryError("\(folder.path): no drive/ folder", isUsage: true)
            }
        }
    }
}
