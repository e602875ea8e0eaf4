# Closures over parameters and rebinding them
def adder(n):
    def add(x):
        return x + n
    return add
add5 = adder(5)
add10 = adder(10)
print(add5(1), add10(1), adder(-1)(1))
def multiplier(factor):
    factor *= 2
    return lambda x: x * factor
print(multiplier(3)(7))
def memo(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
