# Files read and written through a small window: text split at window edges,
# random access, writes bigger than a window, gaps, and a log several times the
# heap. Its .exp is CPython 3's output (the MicroPython unix port prints the same).
import os
# Text across window edges: 3-byte characters that straddle every 512-byte boundary.
line = 'é€' * 100 + '\n'
with open('t.txt', 'w') as f:
    for i in range(20):
        f.write('%03d ' % i + line)
with open('t.txt') as f:
    lines = f.readlines()
print(len(lines), all(l[4:] == line for l in lines), lines[7][:3])
with open('t.txt') as f:
    a = f.read(1000)
    b = f.read(7)
    rest = f.read()
    print(len(a), b, a + b + rest == ''.join(lines))
with open('t.txt') as f:
    n = sum(1 for l in f)
print(n)
# Binary: random access, overwrite in the middle, writes bigger than a window, a gap.
with open('b.bin', 'wb') as f:
    f.write(bytes(range(256)) * 8)
with open('b.bin', 'r+b') as f:
    f.seek(1000)
    f.write(b'XYZ')
    print(f.tell())
    f.seek(-5, 2)
    print(f.read())
    f.seek(998)
    print(f.read(7))
    f.seek(0, 2)
    f.write(b'Q' * 1500)
    print(f.tell())
    f.seek(10)
    print(f.read(4))
print(os.stat('b.bin')[6])
with open('b.bin', 'rb') as f:
    data = f.read()
print(len(data), data[995:1006], data[2047:2050], data.count(b'Q'))
buf = bytearray(600)
with open('b.bin', 'rb') as f:
    f.seek(700)
    print(f.readinto(buf), buf[298:306])
    print(f.readinto(buf), f.readinto(buf), f.readinto(buf), f.readinto(buf), f.readinto(buf))
# w+ reads what it wrote; a+ writes at the end wherever it read.
with open('w.txt', 'w+') as f:
    f.write('hello world\n' * 50)
    f.seek(0)
    print(f.readline(), f.tell())
    f.seek(6)
    f.write('WORLD')
    f.seek(0)
    print(f.read(20))
with open('w.txt', 'a+') as f:
    f.seek(0)
    print(f.read(5))
    f.write('tail\n')
    print(f.tell())
with open('w.txt') as f:
    print(f.read()[-10:])
# Seeking past the end and writing leaves zeros.
with open('g.bin', 'wb') as f:
    f.write(b'ab')
    f.seek(700)
    f.write(b'cd')
with open('g.bin', 'rb') as f:
    g = f.read()
print(len(g), g[:3], g[698:], len([x for x in g if x == 0]))
# A log five times the heap, written line by line and read back line by line.
with open('log.txt', 'w') as f:
    for i in range(6000):
        f.write('reading %05d: 21.5 C, 40 %%\n' % i)
total = count = 0
with open('log.txt') as f:
    for l in f:
        count += 1
        total += int(l[8:13])
print(count, total, os.stat('log.txt')[6])
