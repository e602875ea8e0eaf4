# micropython: the Python half (RingIO); MicroPythonModule.swift adds the
# native functions first.

class RingIO:
    # A byte ring buffer read and written as a stream (py/objringio.c over
    # py/ringbuf.c): RingIO(n) holds up to n bytes (a buffer of n + 1, as the
    # ring keeps one byte free); RingIO(buffer) uses that writable buffer and
    # holds len(buffer) - 1. The ring's indices are 16-bit, hence the limits.
    def __init__(self, size_or_buffer):
        if isinstance(size_or_buffer, int):
            if size_or_buffer < 1 or size_or_buffer > 65534:
                raise ValueError('invalid size')
            self._buf = bytearray(size_or_buffer + 1)
        else:
            buf = memoryview(size_or_buffer)
            if len(buf) < 2 or len(buf) > 65535:
                raise ValueError('invalid size')
            self._buf = buf
        self._get = 0
        self._put = 0

    def __repr__(self):
        return '<RingIO>'

    def any(self):
        return (self._put - self._get) % len(self._buf)

    def _take(self, n):
        avail = self.any()
        if n is None or n < 0 or n > avail:
            n = avail
        buf, size, at = self._buf, len(self._buf), self._get
        first = min(n, size - at)
        out = bytes(buf[at:at + first]) + bytes(buf[0:n - first])
        self._get = (at + n) % size
        return out

    def read(self, n=-1):
        return self._take(n)

    def readinto(self, b, n=None):
        data = self._take(len(b) if n is None else min(n, len(b)))
        b[0:len(data)] = data
        return len(data)

    def readline(self, n=-1):
        out = b''
        while self.any() and (n < 0 or len(out) < n):
            c = self._take(1)
            out += c
            if c == b'\n':
                break
        return out

    def write(self, data):
        buf, size = self._buf, len(self._buf)
        n = min(len(data), size - 1 - self.any())
        for i in range(n):
            buf[self._put] = data[i]
            self._put = (self._put + 1) % size
        return n

    def close(self):
        pass
