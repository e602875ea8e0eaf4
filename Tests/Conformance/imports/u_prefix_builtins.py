# MicroPython keeps the old u-prefixed names of its extensible built-in modules
# working: `import ustruct` gives the built-in `struct` (how umqtt.simple and other
# micropython-lib packages import `usocket`, `ustruct`, `ubinascii`).
import ustruct
import struct
import usys
import sys
import ubinascii
import ujson
import utime
import uos
import ucollections
import uerrno
print(ustruct.__name__, usys.__name__, ubinascii.__name__, ujson.__name__)
print(ustruct is struct, usys is sys)
print(ustruct.pack(">H", 258), ubinascii.hexlify(b"\x01\xab"))
print(ujson.dumps([1, "a"]), uerrno.ENOENT)
from ucollections import namedtuple
P = namedtuple("P", "x y")
print(P(1, 2).x)
try:
    import umath
    print("umath found")
except ImportError:
    print("umath ImportError")
try:
    import ugc
    print("ugc found")
except ImportError:
    print("ugc ImportError")
