import Foundation
import HostPlatform
import XCTest

/// The frozen `mip` installing from a package index on 127.0.0.1 (mip's v2
/// layout: package/<py|mpy version>/<name>/<version>.json, file/<hash[:2]>/<hash>)
/// into /lib on a drive folder.
final class MipTests: XCTestCase {
    static let util = "def shout(s):\n    return s.upper() + '!'\n"
    /// The start of sha256(util) in hex, as the index names files.
    static let utilHash = "07747589"

    func testInstallsFromTheIndexWithHashesURLsAndDeps() throws {
        let server = try LoopbackHTTPServer { request in
            let path = request.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            switch path {
            case "/package/py/greet/latest.json":
                return .response("200 OK", """
                    {"v": 1, "version": "1.0", "hashes": [["greet/util.py", "\(Self.utilHash)"]],
                     "urls": [["greet/__init__.py", "greet.py"]], "deps": [["other", "2.1"]]}
                    """)
            case "/file/07/\(Self.utilHash)": return .response("200 OK", Self.util)
            case "/package/py/greet/greet.py": return .response("200 OK", "from .util import shout\n")
            case "/package/py/other/2.1.json": return .response("200 OK", #"{"urls": [["other.py", "o.py"]]}"#)
            case "/package/py/other/o.py": return .response("200 OK", "X = 1\n")
            case "/raw/single.py": return .response("200 OK", "Y = 2\n")
            default: return .response("404 Not Found", "")
            }
        }
        let drive = FileManager.default.temporaryDirectory.appendingPathComponent("mip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: drive) }
        let s = try BoardSession.networked()
        s.host.fileSystem = DirectoryFileSystem(root: drive.path)
        let index = server.url("")
        let out = s.run("""
            import mip, os
            mip.install("greet", index="\(index)/", mpy=False)
            print(sorted(os.listdir("/lib")), sorted(os.listdir("/lib/greet")))
            mip.install("greet", index="\(index)", mpy=False)
            mip.install("\(server.url("/raw/single.py"))")
            mip.install("absent", index="\(index)", version="9", mpy=False)
            """)
        XCTAssertEqual(out, """
            Installing greet (latest) from \(index) to /lib
            Copying: /lib/greet/util.py
            Copying: /lib/greet/__init__.py
            Installing other (2.1) from \(index) to /lib
            Copying: /lib/other.py
            Done
            ['greet', 'other.py'] ['__init__.py', 'util.py']
            Installing greet (latest) from \(index) to /lib
            Exists: /lib/greet/util.py
            Copying: /lib/greet/__init__.py
            Installing other (2.1) from \(index) to /lib
            Copying: /lib/other.py
            Done
            Downloading \(server.url("/raw/single.py")) to /lib
            Copying: /lib/single.py
            Done
            Installing absent (9) from \(index) to /lib
            Package not found: \(index)/package/py/absent/9.json
            Package may be partially installed

            """)
        let lib = drive.appendingPathComponent("lib")
        XCTAssertEqual(try String(contentsOf: lib.appendingPathComponent("greet/util.py"), encoding: .utf8), Self.util)
        XCTAssertEqual(try String(contentsOf: lib.appendingPathComponent("single.py"), encoding: .utf8), "Y = 2\n")
    }

    /// With mpy=True (the default) mip asks for the .mpy build of
    /// sys.implementation._mpy's version (6), as mip does on the board.
    func testAsksForTheMpyBuildOfTheFirmwaresMpyVersion() throws {
        let server = try LoopbackHTTPServer { _ in .response("404 Not Found", "") }
        let s = try BoardSession.networked()
        let drive = FileManager.default.temporaryDirectory.appendingPathComponent("mip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: drive) }
        s.host.fileSystem = DirectoryFileSystem(root: drive.path)
        s.run("import mip\nmip.install('x', index='\(server.url(""))')\n")
        XCTAssertEqual(server.requests.first?.hasPrefix("GET /package/6/x/latest.json HTTP/1.1\r\n"), true, "\(server.requests)")
    }
}
