import struct

# MicroPython: ValueError/TypeError, no struct.error; integers wrap to the field width.
print(struct.pack('b', 200), struct.pack('<h', 70000), struct.pack('<Q', -1), struct.pack('<i', 1 << 40))
print(struct.unpack('<h', b'\x01\x02\x03'))
print(struct.pack('3s', b'abcdef'), struct.pack('s', 'ab'))
tests = [lambda: struct.unpack('<h', b'\x01'), lambda: struct.unpack_from('<h', b'\x01', 0),
         lambda: struct.pack_into('<h', bytearray(1), 0, 1), lambda: struct.pack('z', 1),
         lambda: struct.calcsize('k'), lambda: struct.pack('<b', 1.5), lambda: struct.unpack_from('<i', b'\x00' * 6, 3)]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(hasattr(struct, 'error'))
