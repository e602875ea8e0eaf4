import hashlib

vectors = [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmjklmnklmnolmnopmnopnopq',
           b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 65, b'a' * 1000,
           b'The quick brown fox jumps over the lazy dog']
for name in ['sha256', 'sha1', 'md5']:
    ctor = getattr(hashlib, name)
    for v in vectors:
        print(name, len(v), ctor(v).hexdigest())
    h = ctor()
    for i in range(0, 1000, 7):
        h.update(b'a' * 7)
    print(name, 'incremental', h.hexdigest() == ctor(b'a' * 1001).hexdigest())
    h = ctor(b'abc')
    d = h.digest()
    print(name, type(d).__name__, len(d), d == bytes.fromhex(h.hexdigest()))
    print(name, h.digest() == d, h.digest_size, h.name)
    h.update(b'def')
    print(name, h.hexdigest() == ctor(b'abcdef').hexdigest())
    print(name, ctor(bytearray(b'abc')).digest() == ctor(b'abc').digest())
    c = h.copy()
    c.update(b'g')
    print(name, h.hexdigest() == ctor(b'abcdef').hexdigest(), c.hexdigest() == ctor(b'abcdefg').hexdigest())
try:
    hashlib.sha256('text')
except TypeError:
    print('TypeError str')
