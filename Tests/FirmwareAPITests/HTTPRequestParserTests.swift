@testable import BoardSupervisor
import XCTest

/// The request head as CircuitPython's web workflow reads it (web_workflow.c's state machine).
final class HTTPRequestParserTests: XCTestCase {
    func parse(_ text: String) -> (consumed: Int, outcome: HTTPRequestParser.Outcome?) {
        var p = HTTPRequestParser()
        return p.feed(Array(text.utf8))
    }

    func testAHeadEndsAtItsEmptyLineAndLeavesTheBody() {
        let text = "PUT /fs/code.py HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Basic OnB3\r\nContent-Length: 5\r\n\r\nhello"
        let (consumed, outcome) = parse(text)
        XCTAssertEqual(consumed, text.utf8.count - 5, "the body is not read with the head")
        guard case .complete(let head)? = outcome else { return XCTFail("\(String(describing: outcome))") }
        XCTAssertEqual(head.method, "PUT")
        XCTAssertEqual(head.path, "/fs/code.py")
        XCTAssertEqual(head.headers, [HTTPHeader(name: "Host", value: "127.0.0.1:8080"),
                                      HTTPHeader(name: "Authorization", value: "Basic OnB3"),
                                      HTTPHeader(name: "Content-Length", value: "5")])
        XCTAssertEqual(head.value("content-length"), "5")
    }

    func testBytesMayComeOneAtATime() {
        let text = Array("GET / HTTP/1.1\r\nAccept: application/json\r\n\r\n".utf8)
        var p = HTTPRequestParser()
        XCTAssertFalse(p.started)
        for (i, b) in text.enumerated() {
            let (n, outcome) = p.feed([b])
            XCTAssertEqual(n, 1)
            XCTAssertTrue(p.started)
            if i < text.count - 1 { XCTAssertNil(outcome) } else {
                XCTAssertEqual(outcome, .complete(HTTPRequestHead(method: "GET", path: "/",
                                                                  headers: [HTTPHeader(name: "Accept", value: "application/json")])))
            }
        }
        XCTAssertEqual(p.feed(Array("more".utf8)).consumed, 0, "nothing is read after the head")
    }

    func testOnlyHTTP11IsTaken() {
        XCTAssertEqual(parse("GET / HTTP/1.0\r\n\r\n").outcome, .malformed)
        XCTAssertEqual(parse("GET / http/1.1\r\n\r\n").outcome, .malformed)
    }

    func testAHeaderValueMustStartWithASpace() {
        XCTAssertEqual(parse("GET / HTTP/1.1\r\nHost:x\r\n\r\n").outcome, .malformed)
    }

    func testLongFieldsAreCutToTheFirmwaresBuffers() {
        let long = String(repeating: "a", count: 300)
        guard case .complete(let head)? = parse("VERYLONGMETHOD /\(long) HTTP/1.1\r\nX-\(long): \(long)\r\n\r\n").outcome else {
            return XCTFail()
        }
        XCTAssertEqual(head.method, "VERYLONG")
        XCTAssertEqual(head.path.count, HTTPRequestParser.pathLimit)
        XCTAssertEqual(head.headers.first?.name.count, HTTPRequestParser.keyLimit)
        XCTAssertEqual(head.headers.first?.value.count, HTTPRequestParser.valueLimit)
    }

    func testTheLastOfARepeatedHeaderCounts() {
        guard case .complete(let head)? = parse("GET / HTTP/1.1\r\nOrigin: a\r\norigin: b\r\n\r\n").outcome else { return XCTFail() }
        XCTAssertEqual(head.value("ORIGIN"), "b")
    }
}
