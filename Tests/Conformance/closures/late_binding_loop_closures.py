# Closures capture variables, not values: late binding in loops
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda: j for j in range(3)]
print([f() for f in fs])
fs = [lambda j=j: j for j in range(3)]
print([f() for f in fs])
def make(n):
    return lambda: n
fs = [make(k) for k in range(3)]
print([f() for f in fs])
def later():
    v = 1
    f = lambda: v
    v = 2
    return f()
print(later())
