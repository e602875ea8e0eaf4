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

    /// Every method of the built-in types, called through its type with
    /// receivers and arguments of every kind: each call returns or raises;
    /// none may reach native code with storage it does not expect.
    func testEveryBuiltinMethodSurvivesOddReceivers() {
        assertOutput("""
            kinds = [int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice,
                     memoryview, complex, bool, type, object, BaseException, OSError, KeyError]
            receivers = [7, -2**70, 1.5, None, True, 'a', b'a', bytearray(b'ab'), [1], (1,), {1: 2},
                         {1}, range(3), 1j, object(), int]
            argsets = [(), (1,), (-1,), (2**64,), ('a',)]
            calls = 0
            for T in kinds:
                for name in dir(T):
                    if name in ('__init_subclass__', '__subclasshook__', '__class__'):
                        continue
                    try:
                        f = getattr(T, name)
                    except Exception:
                        continue
                    if not callable(f):
                        continue
                    for r in receivers:
                        for a in argsets:
                            calls += 1
                            try:
                                f(r, *a)
                            except Exception:
                                pass
            print(calls > 10000)
            """, "True\n")
    }
}
