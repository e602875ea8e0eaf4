# Multiple closures share the same cell
def pair():
    val = [0]
    box = 0
    def setter(v):
        nonlocal box
        box = v
    def getter():
        return box
    return setter, getter
s, g = pair()
s(42)
print(g())
s("x")
print(g())
def acc():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    return add
a = acc()
print(a(1), a(2), a(3))
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
