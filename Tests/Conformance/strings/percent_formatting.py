# printf-style % formatting
print("%d %i %s %r" % (5, 6, "s", "r"))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%.2f %10.3f %-10.1f|" % (3.14159, 2.5, 1.3))
print("%c%c" % (72, "i"), "%%", "%s" % [1, 2], "%s" % (1,))
print("%(a)s and %(b)d" % {"a": "x", "b": 2})
print("%s" % "only", "%5s|%-5s|" % ("ab", "cd"))
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(type(e).__name__)
