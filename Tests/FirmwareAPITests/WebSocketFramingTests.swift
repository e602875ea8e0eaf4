@testable import BoardSupervisor
import XCTest

/// RFC 6455 framing and handshakes of the boards' WebSocket servers.
final class WebSocketFramingTests: XCTestCase {
    func testTheAcceptKeyIsRFC6455sExample() {
        // RFC 6455 §1.3.
        XCTAssertEqual(WebSocketFraming.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    func testServerFramesAreUnmaskedWithTheRightLengthForm() {
        XCTAssertEqual(WebSocketFraming.encode(opcode: WebSocketFrame.text, payload: Array("42".utf8)), [0x81, 2, 0x34, 0x32])
        let medium = WebSocketFraming.encode(opcode: WebSocketFrame.binary, payload: [UInt8](repeating: 7, count: 300))
        XCTAssertEqual(Array(medium.prefix(4)), [0x82, 126, 0x01, 0x2C])
        XCTAssertEqual(medium.count, 304)
        let large = WebSocketFraming.encode(opcode: WebSocketFrame.binary, payload: [UInt8](repeating: 0, count: 70_000))
        XCTAssertEqual(Array(large.prefix(10)), [0x82, 127, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70])
    }

    func testMaskedAndUnmaskedClientFramesDecodeAcrossPieces() throws {
        // A browser's masked frame, RFC 6455 §5.7's "Hello".
        let masked: [UInt8] = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        // webrepl_cli.py's unmasked binary frame.
        let plain: [UInt8] = [0x82, 0x03, 1, 2, 3]
        var d = WebSocketFrameDecoder(maxPayload: 1024)
        for b in masked + plain {
            d.append([b])
        }
        XCTAssertEqual(try d.next(), WebSocketFrame(fin: true, opcode: WebSocketFrame.text, payload: Array("Hello".utf8)))
        XCTAssertEqual(try d.next(), WebSocketFrame(fin: true, opcode: WebSocketFrame.binary, payload: [1, 2, 3]))
        XCTAssertNil(try d.next())

        var e = WebSocketFrameDecoder(maxPayload: 1024)
        e.append(Array(masked.prefix(5)))
        XCTAssertNil(try e.next(), "half a frame waits for the rest")
        e.append(Array(masked.dropFirst(5)))
        XCTAssertEqual(try e.next()?.payload, Array("Hello".utf8))
        XCTAssertEqual(e.pendingCount, 0)
    }

    func testAClientEncodedFrameRoundTrips() throws {
        let payload = Array("print(6*7)\r".utf8)
        var d = WebSocketFrameDecoder(maxPayload: 1024)
        d.append(WebSocketFraming.encode(opcode: WebSocketFrame.text, payload: payload, mask: [1, 2, 3, 4]))
        XCTAssertEqual(try d.next()?.payload, payload)
    }

    func testAnOverlongFrameIsRefused() {
        var d = WebSocketFrameDecoder(maxPayload: 100)
        d.append([0x82, 126, 0x01, 0x00])
        XCTAssertThrowsError(try d.next()) { XCTAssertEqual($0 as? WebSocketFrameDecoder.Failure, .tooLong(256)) }
    }

    // MARK: WebREPL's handshake (webrepl.py's server_handshake)

    func testWebREPLTakesWebreplCLIsSimplifiedHandshake() {
        var h = WebREPLHandshake()
        let request = "GET / HTTP/1.1\r\nHost: echo.websocket.org\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: foo\r\n\r\n"
        let (n, outcome) = h.feed(Array(request.utf8))
        XCTAssertEqual(n, request.utf8.count)
        XCTAssertEqual(outcome, .webSocket(key: "foo"))
    }

    func testABrowsersPageRequestGetsThePage() {
        var h = WebREPLHandshake()
        XCTAssertEqual(h.feed(Array("GET / HTTP/1.1\r\nHost: 10.13.37.2:8266\r\nAccept: */*\r\n\r\n".utf8)).outcome, .page)
        var k = WebREPLHandshake()
        // Names are compared exactly: a lower-case header does not count.
        XCTAssertEqual(k.feed(Array("GET / HTTP/1.1\r\nconnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: a\r\n\r\n".utf8)).outcome, .page)
    }

    func testALineWithoutAColonIsMalformed() {
        var h = WebREPLHandshake()
        XCTAssertEqual(h.feed(Array("GET / HTTP/1.1\r\nnonsense\r\n\r\n".utf8)).outcome, .malformed)
    }
}
