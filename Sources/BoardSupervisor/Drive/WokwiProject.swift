import BoardEmulator
import Foundation
import HostPlatform

/// A folder as Wokwi keeps a MicroPython or CircuitPython project:
/// `diagram.json`, perhaps `wokwi.toml`, and the Python files beside them.
///
/// Wokwi "copies all the project files into the Pico's flash filesystem"
/// (docs.wokwi.com/guides/micropython, /guides/circuitpython), so the drive
/// is the folder itself, in place (nothing is copied, so a save is seen at
/// once and the board reloads), less what is Wokwi's and not the project's:
/// `diagram.json`, `wokwi.toml`, the firmware and ELF files wokwi.toml names
/// at the top of the folder, and hidden entries (`.git`, editors' swap files).
public struct WokwiProject {
    public static let diagramFile = "diagram.json"
    public static let configFile = "wokwi.toml"

    public let folder: URL
    public let conversion: WokwiConversion
    /// What the drive leaves out of the folder.
    public let exclusions: FolderExclusions
    /// What was left out or will differ from Wokwi, one line each.
    public var notes: [String] { conversion.notes + extraNotes }
    private var extraNotes: [String] = []

    public var circuit: Circuit { conversion.circuit }

    /// Whether `folder` holds a Wokwi project (a diagram.json and no circuit.json).
    public static func isWokwiProject(_ folder: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: folder.appendingPathComponent(diagramFile).path)
            && !fm.fileExists(atPath: folder.appendingPathComponent("circuit.json").path)
    }

    /// Reads the diagram and wokwi.toml and maps them; a refusal names every
    /// part that cannot be mapped.
    public init(folder: URL, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(SupervisorError) {
        self.folder = folder
        let diagramURL = folder.appendingPathComponent(Self.diagramFile)
        guard let data = FileManager.default.contents(atPath: diagramURL.path) else {
            throw SupervisorError("\(folder.path): no \(Self.diagramFile)")
        }
        let config = WokwiConfig(folder: folder)
        var hint: FirmwareFlavour?
        if let fw = config?.firmware {
            // A firmware file named by wokwi.toml (VS Code's and wokwi-cli's way
            // of choosing it) tells the flavour when the board has no env.
            hint = fw.lowercased().contains("circuitpython") ? .circuitpython : .micropython
        }
        let diagram: WokwiDiagram
        do throws(CircuitError) { diagram = try WokwiDiagram.decode(data, file: Self.diagramFile) } catch {
            throw SupervisorError(error.description)
        }
        do throws(WokwiRefusal) {
            conversion = try WokwiConversion.convert(diagram, file: Self.diagramFile, flavourHint: hint, boardDirectory: boardDirectory)
        } catch {
            throw SupervisorError(error.description)
        }
        // `scenarios/` holds `breadbox test`'s files, the project's, not the board's.
        var names: Set<String> = [Self.diagramFile, Self.configFile, "scenarios"]
        for path in [config?.firmware, config?.elf].compactMap({ $0 }) {
            let parts = path.split(separator: "/").filter { $0 != "." }
            if parts.count == 1 { names.insert(String(parts[0])) }
        }
        exclusions = FolderExclusions(names: names, hidesDotEntries: true)
        if conversion.circuit.flavor == FirmwareFlavour.circuitpython.rawValue,
           FileManager.default.fileExists(atPath: folder.appendingPathComponent("requirements.txt").path) {
            extraNotes.append("requirements.txt: Wokwi installs these libraries into lib/ at each start; Breadbox does not, so copy them into lib/")
        }
    }
}
