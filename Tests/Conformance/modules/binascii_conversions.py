import binascii

print(binascii.hexlify(b''), binascii.hexlify(b'\x00\x01\xab\xff'), binascii.hexlify(bytearray(b'hi')))
print(binascii.hexlify(b'\x01\x02\x03', ':'), binascii.hexlify(b'\x01\x02\x03', b'-'))
print(binascii.unhexlify('00ff10Ab'), binascii.unhexlify(b'deadbeef'), binascii.unhexlify(''))
for bad in ['abc', 'zz']:
    try:
        binascii.unhexlify(bad)
    except ValueError:
        print('ValueError', bad)
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40]]:
    enc = binascii.b2a_base64(data)
    print(enc, binascii.b2a_base64(data, newline=False), binascii.a2b_base64(enc) == data)
print(binascii.a2b_base64('Zm9v YmFy\n'), binascii.a2b_base64(b'Zm9vYg=='), binascii.a2b_base64('Zm9vYg==extra'))
print(binascii.a2b_base64('Zm9vYmE='), binascii.a2b_base64('Zm9vYmE==='))
for bad in ['Zm9vY', 'Zm9vYmE']:
    try:
        print(binascii.a2b_base64(bad))
    except ValueError:
        print('ValueError', bad)
print(binascii.crc32(b''), binascii.crc32(b'hello'), binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
print(binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'))
print(binascii.crc32(bytearray(b'abc'), 0xFFFFFFFF))
