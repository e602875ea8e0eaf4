# bytearray mutators: append/extend/insert/pop/remove/clear/copy/reverse
a = bytearray(b"abc")
a.append(100)
a.extend(b"ef")
a.extend([103, 104])
a.extend(bytearray(b"!"))
print(a, len(a))
a.insert(0, 65)
a.insert(-1, 66)
a.insert(100, 67)
a.insert(-100, 68)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(ord("c"))
print(a)
c = a.copy()
c.reverse()
print(a, c, c is a, type(c).__name__)
a.clear()
print(a, len(a))
b = bytearray()
b += b"xy"
b[0] = 90
print(b, bytearray(3), bytearray([1, 2]), bytearray(b"q") == b"q")
for bad in [lambda: bytearray().pop(), lambda: bytearray(b"a").pop(5)]:
    try:
        bad()
    except IndexError:
        print("IndexError")
for bad in [lambda: bytearray(b"a").remove(98), lambda: bytearray().append(256)]:
    try:
        bad()
    except ValueError:
        print("ValueError")
for bad in [lambda: bytearray().append("a"), lambda: bytearray().extend("ab"), lambda: b"x".append(1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
