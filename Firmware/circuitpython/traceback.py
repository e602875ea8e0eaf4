# traceback: CircuitPython's (shared-bindings/traceback): print_exception and
# format_exception, the exception first (CPython 3.10's form) or in `value`.
import io
import sys


def _text(exc, value, tb, limit):
    if value is not None:
        exc = value
    if not isinstance(exc, BaseException):
        raise TypeError('invalid exception')
    if (value is not None and tb is None) or limit == 0:
        # No traceback asked for: just the exception's own line.
        message = str(exc)
        return type(exc).__name__ + (': ' + message if message else '') + '\n'
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    return buf.getvalue()


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    return [_text(exc, value, tb, limit)]


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    text = _text(exc, value, tb, limit)
    if file is None:
        print(text, end='')
    else:
        file.write(text)
