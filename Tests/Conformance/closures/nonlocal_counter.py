# nonlocal lets an inner function rebind an enclosing variable
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get())
def outer():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "inner"
        inner()
    mid()
    return x
print(outer())
