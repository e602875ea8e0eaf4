@testable import BoardSupervisor
import Foundation
import HostPlatform
import XCTest

/// The web workflow's pure parts: what it takes from headers, its reply
/// texts, the FAT volume it reports, and the drive changes it announces.
final class WebWorkflowPiecesTests: XCTestCase {
    let auth = "Basic " + Data(":passw0rd".utf8).base64EncodedString()

    func request(_ headers: [(String, String)], method: String = "GET", path: String = "/") -> WebWorkflowRequest {
        WebWorkflowRequest(HTTPRequestHead(method: method, path: path, headers: headers.map { HTTPHeader(name: $0.0, value: $0.1) }),
                           authorization: auth)
    }

    func testBasicAuthWithAnEmptyUserName() {
        XCTAssertEqual(auth, "Basic OnBhc3N3MHJk")
        XCTAssertTrue(request([("Authorization", auth)]).authenticated)
        XCTAssertFalse(request([("Authorization", "Basic " + Data("user:passw0rd".utf8).base64EncodedString())]).authenticated)
        XCTAssertFalse(request([("Authorization", "basic OnBhc3N3MHJk")]).authenticated)
        XCTAssertFalse(request([]).authenticated)
    }

    func testHeadersAsTheFirmwareReadsThem() {
        let r = request([("Content-Length", "12abc"), ("Expect", "100-continue"), ("Accept", "Application/JSON"),
                         ("X-Timestamp", "1700000001123"), ("Upgrade", "websocket"), ("Sec-WebSocket-Key", "short"),
                         ("X-Destination", "/fs/b.py"), ("Host", "circuitpython.local:80")])
        XCTAssertEqual(r.contentLength, 12)
        XCTAssertTrue(r.expectsContinue)
        XCTAssertTrue(r.json)
        XCTAssertEqual(r.timestamp, 1_700_000_001_123)
        XCTAssertTrue(r.webSocket)
        XCTAssertEqual(r.webSocketKey, "", "a key that is not 24 characters is ignored")
        XCTAssertEqual(r.destination, "/fs/b.py")
        XCTAssertTrue(r.redirect)
        XCTAssertFalse(request([("Host", "circuitpython.localhost")]).redirect)
    }

    func testOriginsAllowedAsByOriginOk() {
        var same = request([("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:8080")])
        XCTAssertTrue(same.originAllowed())
        XCTAssertEqual(same.origin, "http://127.0.0.1:8080")
        var local = request([("Host", "10.0.0.2"), ("Origin", "http://localhost:3000")])
        XCTAssertTrue(local.originAllowed())
        var other = request([("Host", "127.0.0.1:8080"), ("Origin", "http://evil.example")])
        XCTAssertFalse(other.originAllowed())
        var https = request([("Host", "127.0.0.1:8080"), ("Origin", "https://code.circuitpython.org")])
        XCTAssertTrue(https.originAllowed())
        XCTAssertEqual(https.origin, "", "a non-http origin is answered with *")
    }

    func testPercentsAreDecoded() {
        XCTAssertEqual(WebWorkflowRequest.decodePercents("/fs/with%20space%2Ftxt"), "/fs/with space/txt")
        XCTAssertEqual(WebWorkflowRequest.decodePercents("/fs/caf%C3%A9.py"), "/fs/café.py")
    }

    func testRepliesAreTheFirmwaresBytes() {
        XCTAssertEqual(WebWorkflowReplies.unauthorized(origin: ""),
                       "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nWWW-Authenticate: Basic realm=\"CircuitPython\"\r\n"
                       + "Access-Control-Allow-Credentials: true\r\nVary: Origin, Accept, Upgrade\r\nAccess-Control-Allow-Origin: *\r\n\r\n")
        XCTAssertEqual(WebWorkflowReplies.conflict(origin: "http://a"),
                       "HTTP/1.1 409 Conflict\r\nContent-Length: 19\r\nAccess-Control-Allow-Credentials: true\r\n"
                       + "Vary: Origin, Accept, Upgrade\r\nAccess-Control-Allow-Origin: http://a\r\n\r\nUSB storage active.")
        XCTAssertEqual(WebWorkflowReplies.chunked(["{\"a\": ", "1}"]), "6\r\n{\"a\": \r\n2\r\n1}\r\n0\r\n\r\n")
        let listing = WebWorkflowReplies.directory(
            [.init(name: "lib", isDirectory: true, modified: 1_700_000_000, size: 4096),
             .init(name: "code.py", isDirectory: false, modified: 1_700_000_002, size: 21)],
            space: .init(free: 900, total: 925, blockSize: 512, writable: true), origin: "")
        let body = listing.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        XCTAssertEqual(Self.unchunk(body), "{\"free\": 900, \"total\": 925, \"block_size\": 512, \"writable\": true, \"files\": ["
                       + "{\"name\": \"lib\",\"directory\": true, \"modified_ns\": 1700000000000000000, \"file_size\": 0 },"
                       + "{\"name\": \"code.py\",\"directory\": false, \"modified_ns\": 1700000002000000000, \"file_size\": 21 }]}")
    }

    /// A chunked body's content.
    static func unchunk(_ body: String) -> String {
        var rest = Substring(body), out = ""
        while let crlf = rest.range(of: "\r\n"), let n = Int(rest[..<crlf.lowerBound], radix: 16), n > 0 {
            let start = crlf.upperBound
            let bytes = Array(rest[start...].utf8.prefix(n))
            out += String(decoding: bytes, as: UTF8.self)
            rest = Substring(String(decoding: Array(rest[start...].utf8.dropFirst(n + 2)), as: UTF8.self))
        }
        return out
    }

    func testTheVolumeIsWhatFMkfsMakesOfCIRCUITPY() {
        // The Pico W's 512 KiB CIRCUITPY: FAT12, one sector a cluster.
        let pico = FATVolume(volumeBytes: 524_288)
        XCTAssertEqual([pico.clusterBytes, pico.clusterCount], [512, 925])
        // The ESP32-S3 DevKitC-1's 4 MiB: two sectors a cluster.
        let esp = FATVolume(volumeBytes: 4_194_304)
        XCTAssertEqual([esp.clusterBytes, esp.clusterCount], [1024, 4042])
    }

    func testAnAnnouncedChangeIsNotReportedAgainButALaterEditIs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("announce-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fs = DirectoryFileSystem(root: dir.path)
        let changes = AnnouncedDriveChanges()
        try fs.writeFile("/code.py", Array("print(1)\n".utf8), append: false)
        changes.record(["/code.py", "/gone.py"], in: fs)
        XCTAssertEqual(changes.unannounced(["code.py", "gone.py", "other.py"], in: fs), ["other.py"])
        changes.record(["/code.py"], in: fs)
        try fs.writeFile("/code.py", Array("print(22)\n".utf8), append: false)
        XCTAssertEqual(changes.unannounced(["code.py"], in: fs), ["code.py"], "edited since: a change of its own")
    }
}
