# io.StringIO: reading, writing, seeking and iterating an in-memory text stream.
import io

s = io.StringIO()
print(s.write("hello"), s.write(" world\n"), s.tell())
print(repr(s.getvalue()))
print(s.seek(0), repr(s.read(5)), repr(s.read()))
print(repr(s.read()), s.tell())

s = io.StringIO("line one\nline two\nlast")
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.readline()), repr(s.readline()))
s.seek(0)
print([line for line in s])

# Writing over the start of an initial value.
s = io.StringIO("abcdef")
s.write("XY")
print(repr(s.getvalue()), s.tell(), repr(s.read()))

# Seeking past the end and relative to the end.
s = io.StringIO("12345")
print(s.seek(0, 2), s.tell())
s.write("67")
print(repr(s.getvalue()))

with io.StringIO("ctx") as c:
    print(c.read())
try:
    c.read()
except ValueError:
    print("ValueError on closed stream")

# print() to a stream.
out = io.StringIO()
print("a", 1, [2], sep="-", end="!\n", file=out)
print(repr(out.getvalue()))
