# A stream written in Python (io.IOBase with readinto/write): json.load reads
# it through readinto, print writes again what a short write left, and a
# stream claiming more bytes than it was given is OSError(EIO).
import io
import json


class Source(io.IOBase):
    def __init__(self, data):
        self.data = data

    def readinto(self, buf):
        n = min(len(buf), len(self.data))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


print(json.load(Source(b'{"a": [1, 2]}')))


class Short(io.IOBase):
    def write(self, buf):
        print('write', len(buf))
        return 1


print('abc', file=Short())


class Liar(io.IOBase):
    def write(self, buf):
        return 2

    def ioctl(self, request, arg):
        return 0

    def readinto(self, buf):
        return 3


try:
    print('abc', file=Liar())
except OSError as e:
    print('write errno', e.errno)
try:
    json.load(Liar())
except OSError as e:
    print('read errno', e.errno)
