# Closures: creating and calling closures, nonlocal updates, higher-order functions
def make_adder(n):
    def add(x):
        return x + n
    return add

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def compose(f, g):
    return lambda x: f(g(x))

def main():
    total = 0
    adders = [make_adder(i) for i in range(100)]
    for i in range(3000):
        for a in adders:
            total = a(total) & 0xFFFFFF
    c = make_counter()
    for _ in range(200000):
        c()
    total += c()
    f = compose(make_adder(3), make_adder(4))
    for i in range(100000):
        total += f(i) & 7
    return (total)

REPEAT = 24
result = None
for _ in range(REPEAT):
    result = main()
print("closures", result)
