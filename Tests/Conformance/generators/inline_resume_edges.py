# Generators that a for loop resumes as frames of its own interpreter loop, and
# Python calls made from inside generators: yields, returns, exceptions and
# nesting must behave as when each resumption runs on its own.
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


print(sum(squares(evens(numbers(20)))), list(squares(evens(numbers(10)))))


def returns_a_value():
    yield 1
    return 5


for x in returns_a_value():
    print("returns_a_value", x)


def raises_stop_iteration():
    yield 1
    raise StopIteration


try:
    for x in raises_stop_iteration():
        print("raises_stop_iteration", x)
except RuntimeError as e:
    print("RuntimeError:", e)


def raises_value_error():
    yield 1
    raise ValueError("boom")


try:
    for x in raises_value_error():
        print("raises_value_error", x)
except ValueError as e:
    print("ValueError:", e)

g = numbers(5)
for x in g:
    if x == 2:
        break
print("rest", list(g), next(g, "done"))


def iterates_itself():
    for x in itself:
        yield x


itself = iterates_itself()
try:
    for x in itself:
        pass
except ValueError as e:
    print("ValueError:", e)


def delegates():
    yield from numbers(3)
    yield 10


for x in delegates():
    print("delegates", x)


def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1


print(list(deep(50)))


def closes():
    for x in numbers(3):
        try:
            yield x
        except GeneratorExit:
            print("GeneratorExit")
            raise


c = closes()
for x in c:
    print("closes", x)
    if x == 1:
        break
c.close()


def receives():
    got = yield 1
    print("got", got)
    yield 2


r = receives()
print(next(r), r.send("hi"))
for x in r:
    print("never", x)


class Reading:
    def __init__(self, value):
        self.value = value

    def scaled(self, k):
        return self.value * k


def helper(x, *, k=1):
    if x == 13:
        raise KeyError(x)
    return x * k


def calls_from_a_generator(n):
    for i in range(n):
        try:
            yield helper(i, k=2) + Reading(i).scaled(3)
        except KeyError as e:
            yield "KeyError %s" % e


print(list(calls_from_a_generator(15)))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def recursion_inside():
    for n in range(12):
        yield fib(n)


print(list(recursion_inside()))


def pipeline_with_calls():
    for v in squares(x for x in numbers(6)):
        yield helper(v)


print(list(pipeline_with_calls()))
