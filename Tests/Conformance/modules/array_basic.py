from array import array

a = array('i', [1, 2, 3])
print(a, len(a), a[0], a[-1], list(a))
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
print(a, a.typecode, a.itemsize)
a[0] = 100
print(a[0], a[1:3], a[::2], 3 in a, 99 in a)
print(array('b'), array('B', [255, 0]), array('h', [-2, 2]), array('H', [65535]))
print(array('l', [-1]), array('L', [2**32]), array('q', [-2**63]), array('Q', [2**64 - 1]))
print(array('f', [1.5, 0.25]), array('d', [0.1, -2.0]), array('f', [0.1])[0])
print(array('I', [1, 2]).tobytes(), bytes(array('h', [1, -1])), bytearray(array('B', [1, 2])))
b = array('h')
b.frombytes(b'\x01\x00\xff\xff')
print(b, array('i', b'\x02\x00\x00\x00'))
print(array('B', b'ab'), array('i', range(3)))
print([x * 2 for x in array('d', [1.0, 2.5])])
c = array('i', [1, 2]) + array('i', [3])
print(c, c == array('i', [1, 2, 3]), c == array('i', [1]))
c[1:2] = array('i', [8, 9])
print(c, c.tolist(), c.pop(), c)
try:
    array('z')
except ValueError:
    print('ValueError')
try:
    array('i', [1])[5]
except IndexError:
    print('IndexError')
