import XCTest
@testable import PythonRuntime

/// A built-in method called through its type with something else as `self`
/// (`list.append(5, 1)`) raises MicroPython's TypeError, naming both types as
/// Python spells them, and never reaches the method's native code.
final class MethodReceiverTests: XCTestCase {
    func testWrongSelfRaisesMicroPythonsTypeError() {
        assertOutput("""
            for call in (lambda: list.append(5, 1), lambda: str.upper(5), lambda: dict.keys([]),
                         lambda: set.add((), 1), lambda: tuple.count('ab', 'a'), lambda: bytes.hex(3)):
                try:
                    call()
                except TypeError as e:
                    print(e)
            """, """
            argument should be a 'list' not a 'int'
            argument should be a 'str' not a 'int'
            argument should be a 'dict' not a 'list'
            argument should be a 'set' not a 'tuple'
            argument should be a 'tuple' not a 'str'
            argument should be a 'bytes' not a 'int'

            """)
    }
}
