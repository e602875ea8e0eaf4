# print(file=) writes each item, separator and end with its own write(); an
# in-memory stream can be subclassed and iterated; seeking before the start of
# a BytesIO is OSError(EINVAL) as for a file (MicroPython's py/stream.c).
import io


class Log(io.IOBase):
    def write(self, s):
        # MicroPython passes a bytearray, CPython a str.
        print('write', repr(s if isinstance(s, str) else bytes(s).decode()))
        return len(s)


print('a', 'bc', file=Log())
print('x', file=Log(), end='')
print(1, 2, sep='--', file=Log())


class Lines(io.StringIO):
    def shout(self):
        return self.getvalue().upper()


s = Lines()
s.write('hello\nworld\n')
s.seek(0)
for line in s:
    print(repr(line))
print(s.shout(), isinstance(s, io.StringIO))

b = io.BytesIO(b'foobar')
try:
    b.seek(-10)
except OSError as e:
    print('OSError', e.args[0] > 0)
print(b.seek(2), b.read())
