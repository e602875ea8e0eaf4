# Function calls: recursion, positional/keyword/default arguments, method calls
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def add(a, b, c=1):
    return a + b + c

def kw(x, y=2, *, z=3):
    return x * y + z

def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z

def main():
    total = fib(24)
    acc = 0
    for i in range(150000):
        acc = add(acc, i) % 1000003
        acc = (acc + kw(i, z=i)) % 1000003
    total += acc + tak(18, 12, 6)
    return (total)

REPEAT = 32
result = None
for _ in range(REPEAT):
    result = main()
print("calls", result)
