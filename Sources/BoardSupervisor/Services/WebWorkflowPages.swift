import CZlib
import Foundation

/// The pages CircuitPython's web workflow serves from flash (welcome, file
/// browser, serial console...), from `Assets/web-workflow/` (copied from
/// CircuitPython 9.1.4), gzipped once on first use as the firmware stores
/// them. The content types are the ones its build script gets from Python's
/// `mimetypes`.
final class WebWorkflowPages {
    struct Page {
        var gzipped: [UInt8]
        var contentType: String
    }

    /// URL path → file, for the pages served to anyone (`/fs/`'s page and
    /// `/cp/serial/`'s after the password, `/edit/`'s too).
    static let files: [String: (file: String, type: String)] = [
        "/": ("welcome.html", "text/html"),
        "/directory.js": ("directory.js", "text/javascript"),
        "/welcome.js": ("welcome.js", "text/javascript"),
        "/serial.js": ("serial.js", "text/javascript"),
        "/edit.js": ("edit.js", "text/javascript"),
        "/style.css": ("style.css", "text/css"),
        "/favicon.ico": ("blinka_32x32.ico", "image/vnd.microsoft.icon"),
        "directory": ("directory.html", "text/html"),
        "serial": ("serial.html", "text/html"),
        "edit": ("edit.html", "text/html"),
        "code": ("code.html", "text/html"),
    ]

    let directory: URL
    private var cache: [String: Page] = [:]

    init(directory: URL = WebWorkflowPages.sourceTreeDirectory) { self.directory = directory }

    /// `Assets/web-workflow` of the source tree.
    static var sourceTreeDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets/web-workflow")
    }

    /// The page `key` names in `files`, or nil if its file cannot be read.
    func page(_ key: String) -> Page? {
        if let p = cache[key] { return p }
        guard let entry = Self.files[key],
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(entry.file).path),
              let gz = Self.gzip(Array(data)) else { return nil }
        let p = Page(gzipped: gz, contentType: entry.type)
        cache[key] = p
        return p
    }

    /// `bytes` in gzip format (RFC 1952), as Python's gzip.compress writes it.
    static func gzip(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer around the deflate stream.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let status = input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o -> Int32 in
                stream.next_in = i.baseAddress
                stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(o.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
