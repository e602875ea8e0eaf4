# class scope vs comprehension scope
x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    z = [i for i in range(3) if i < len(x)]
    w = (lambda: x)()
print(C.y, C.z, C.w)

class D:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * k for v in vals for k in vals]
    except NameError as e:
        bad = "NameError"
print(D.doubled, D.bad)

def outer():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner
    f = mid()
    f(); f()
    return a
print(outer())

def outer2():
    a = 1
    def mid():
        nonlocal a
        a = 2
        def inner():
            nonlocal a
            a = 3
        inner()
        return a
    r = mid()
    return r, a
print(outer2())

g = 0
def setg():
    def inner():
        global g
        g = 42
    inner()
    g2 = g
    return g2
print(setg(), g)

fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])

def exc_closure():
    try:
        1 / 0
    except ZeroDivisionError as e:
        f = lambda: type(e).__name__
        r = f()
    try:
        e
    except NameError:
        r += " cleared"
    try:
        f()
    except NameError as ex:
        r += " closure-too"
    return r
print(exc_closure())

def del_closed():
    x = 5
    def get():
        return x
    a = get()
    del x
    try:
        get()
    except NameError as e:
        return a, "NameError"
print(del_closed())

e = "outer"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print("e deleted at module level")

def nested_class_global():
    global GG
    GG = 1
    class K:
        GG = 2
        val = GG
        def m(self):
            return GG
    return K.val, K().m()
print(nested_class_global())

def f_class_free():
    y = 10
    class K:
        y = 20
        def m(self):
            return y
        z = y
    return K().m(), K.z
print(f_class_free())

def f_class_free2():
    y = 10
    class K:
        try:
            print("in K", y)
        except NameError:
            print("class-local y unbound, no fallback to enclosing")
        y = 20
    return K.y
print(f_class_free2())

def shadow():
    items = [1, 2]
    result = [items for items in items]
    return result, items
print(shadow())

def walrus():
    data = [1, 5, 2, 8]
    found = [y for x in data if (y := x * 2) > 4]
    return found, y
print(walrus())
class W:
    pass
def walrus_nested():
    r = [[(last := j) for j in range(i)] for i in range(4)]
    return r, last
print(walrus_nested())
