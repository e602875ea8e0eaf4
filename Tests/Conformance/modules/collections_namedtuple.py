from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, repr(p), str(p))
print(p.x, p.y, p[0], p[1], p[-1], len(p), list(p))
x, y = p
print(x, y)
print(p == (1, 2), p == Point(1, 2), p != Point(2, 1), isinstance(p, tuple))
print(Point._fields, p._asdict())
print(p._replace(y=5), p)
print(Point(y=3, x=4), Point(1, y=7))
P3 = namedtuple('P3', ['a', 'b', 'c'])
print(P3(1, 2, 3), P3._make([4, 5, 6]))
P4 = namedtuple('P4', 'a, b,c')
print(P4._fields)
D = namedtuple('D', 'a b c', defaults=(10, 20))
print(D(1), D(1, 2), D(1, 2, 3))
print(p[:1], p + (3,), sorted([Point(2, 1), Point(1, 2)]))
print(hash(p) == hash((1, 2)), {p: 'v'}[(1, 2)])
print(type(p).__name__, Point.__name__)
try:
    Point(1)
except TypeError:
    print('TypeError')
try:
    p.x = 5
except AttributeError:
    print('AttributeError')
