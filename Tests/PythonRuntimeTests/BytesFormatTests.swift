import XCTest
@testable import PythonRuntime

/// bytes.format, which MicroPython has and CPython lacks (micropython-lib's
/// requests formats its Basic auth token with it); outputs from the unix port.
final class BytesFormatTests: XCTestCase {
    func testFormatsLikeStrAndGivesBytes() {
        assertOutput("""
            print(b'{}:{}'.format('u', 'p'))
            print(b'{}:{}'.format(b'u', 1))
            print(b'{:>4}|{!r}'.format('ab', 'a'))
            print(bytearray(b'{}').format(1))
            print(b'\\xff{}'.format(1))
            print(b'{}'.format('\\u00e9'))
            print(b'\\xff{}'.format('\\u00e9'))
            """, """
            b'u:p'
            b"b'u':1"
            b"  ab|'a'"
            bytearray(b'1')
            b'\\xff1'
            b'\\xc3\\xa9'
            b'\\xff\\xc3\\xa9'

            """)
    }
}
