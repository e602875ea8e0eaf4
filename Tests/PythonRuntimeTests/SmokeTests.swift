import XCTest
@testable import PythonRuntime
final class SmokeTests: XCTestCase { func testLoads() { XCTAssertEqual(SourceLocation(line: 1, column: 0).line, 1) } }
