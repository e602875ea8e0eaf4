import BoardEmulator
import Foundation

/// Why `breadbox new` refused to create a project.
public struct ProjectTemplateError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// A new project: `circuit.json` with an LED, and a drive holding a blink
/// program that runs unchanged on the real board (`breadbox new`).
public enum ProjectTemplate {
    /// Boards a project can be made for, with the pin the LED goes on.
    public static let ledPins: [String: (circuitpython: String, gpio: Int)] = [
        "pico_w": ("GP15", 15),
        "esp32s3": ("IO4", 4),
    ]

    public static var boards: [String] { ledPins.keys.sorted() }

    /// The circuit file's text.
    public static func circuitJSON(board: String, flavour: FirmwareFlavour) throws(ProjectTemplateError) -> String {
        guard let pin = ledPins[board] else {
            throw ProjectTemplateError("unknown board \"\(board)\" (known: \(boards.joined(separator: ", ")))")
        }
        return """
        {
          "board": "\(board)",
          "flavor": "\(flavour.rawValue)",
          "parts": [
            {"id": "led", "type": "led", "pins": {"A": "\(pin.circuitpython)"}, "color": "red"}
          ]
        }

        """
    }

    /// The drive's files (path relative to `drive/` and text); folders end in "/".
    public static func driveFiles(board: String, flavour: FirmwareFlavour) throws(ProjectTemplateError) -> [(path: String, text: String)] {
        guard let pin = ledPins[board] else {
            throw ProjectTemplateError("unknown board \"\(board)\" (known: \(boards.joined(separator: ", ")))")
        }
        switch flavour {
        case .circuitpython:
            return [
                ("lib/", ""),
                ("settings.toml", ""),
                ("code.py", """
                # Blink: an LED on \(pin.circuitpython) (through a resistor to GND) flashes once a second.
                import time

                import board
                import digitalio

                led = digitalio.DigitalInOut(board.\(pin.circuitpython))
                led.direction = digitalio.Direction.OUTPUT

                while True:
                    led.value = not led.value
                    time.sleep(0.5)

                """),
            ]
        case .micropython:
            return [
                ("lib/", ""),
                ("main.py", """
                # Blink: an LED on GPIO \(pin.gpio) (through a resistor to GND) flashes once a second.
                import time

                from machine import Pin

                led = Pin(\(pin.gpio), Pin.OUT, value=0)

                while True:
                    led.value(not led.value())
                    time.sleep(0.5)

                """),
            ]
        }
    }

    /// Creates the project in `directory` (which must not exist or be empty),
    /// after checking the circuit file with the real loader. Returns the paths
    /// written, relative to `directory`.
    @discardableResult
    public static func create(at directory: URL, board: String, flavour: FirmwareFlavour,
                              boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(ProjectTemplateError) -> [String] {
        let fm = FileManager.default
        let json = try circuitJSON(board: board, flavour: flavour)
        let files = try driveFiles(board: board, flavour: flavour)
        do {
            _ = try Circuit.decode(Data(json.utf8), file: "circuit.json", boardDirectory: boardDirectory)
        } catch {
            throw ProjectTemplateError("generated circuit.json is invalid: \(error)")
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ProjectTemplateError("\(directory.path) exists and is not a directory") }
            let items = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            if !items.isEmpty { throw ProjectTemplateError("\(directory.path) is not empty; refusing to overwrite it") }
        }
        var written: [String] = []
        do {
            let drive = directory.appendingPathComponent("drive")
            try fm.createDirectory(at: drive, withIntermediateDirectories: true)
            try Data(json.utf8).write(to: directory.appendingPathComponent("circuit.json"))
            written.append("circuit.json")
            for f in files {
                let url = drive.appendingPathComponent(f.path)
                if f.path.hasSuffix("/") {
                    try fm.createDirectory(at: url, withIntermediateDirectories: true)
                } else {
                    try Data(f.text.utf8).write(to: url)
                }
                written.append("drive/" + f.path)
            }
        } catch {
            throw ProjectTemplateError("cannot write \(directory.path): \(error.localizedDescription)")
        }
        return written
    }
}
