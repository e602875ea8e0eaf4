# Generators and comprehensions: pipelines, yield from, sum over genexps
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    for x in it:
        yield x * x

def chained(n):
    yield from numbers(n)
    yield from numbers(n // 2)

def main():
    total = sum(squares(evens(numbers(300000))))
    total += sum(x for x in chained(100000) if x % 3)
    lst = [x * 2 for x in range(10000) if x & 1]
    total += len(lst) + sum(lst)
    d = {x: x + 1 for x in range(5000)}
    total += sum(d[k] for k in d)
    total += len({x % 1000 for x in range(100000)})
    return (total)

REPEAT = 23
result = None
for _ in range(REPEAT):
    result = main()
print("generators", result)
