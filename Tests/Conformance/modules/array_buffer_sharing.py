# An array's items are packed bytes shared with a memoryview of it; bytes
# concatenate with and search for an array's bytes; arrays convert from arrays.
from array import array

a = array('i', [1, 2, 3, 4])
m = memoryview(a)
print(len(m), list(m), list(m[1:-1]))
m[2] = 6
print(a, m[-1])
a2 = array('I', range(6))
mv = memoryview(a2)
mv[1:] = mv[:-1]
print(a2)
try:
    memoryview(array('i'))[0:2] = b'1234'
except ValueError:
    print('ValueError')
print(list(memoryview(array('h', [0x7f00, -0x8000]))), list(memoryview(array('B', [0x7f, 0xff]))))
print(b'123' + array('h', [0x1515]), b'\x01\x02' + array('b', [1, 2]))
print(array('b', [1, 2]) in b'\x01\x02\x03', array('b', [2, 1]) in b'\x01\x02\x03')
print(array('H', array('b', [1, 2])), array('b', array('I', [1, 2])), array('d', array('f', [0.5])))
print(bytes(a), bytearray(array('h', [-1])))
a3 = array('b', [1, 2, 3])
a3[0] = -9
print(a3, a3 + array('b', [5]), a3[1:])
