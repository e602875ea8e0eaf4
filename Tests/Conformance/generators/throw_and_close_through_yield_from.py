# throw() and close() of a generator delegating with `yield from` to an object
# that is not a generator, and throw(type, instance).

class Iter:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, x):
        print('throw', x)
        return 456

    def close(self):
        print('close')


def gen():
    yield from Iter()


g = gen()
print(next(g))
g.close()           # the delegate's close(), not its throw()
g = gen()
print(next(g))
print(g.throw(ZeroDivisionError))
g.close()


class Stopper:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


def gen2():
    r = yield from Stopper()
    print('yield from gave', r)
    yield r


print(list(gen2()))


def gen3():
    try:
        yield 1
    except ValueError as e:
        print('caught', repr(e.args))
    yield 2


g = gen3()
next(g)
print(g.throw(ValueError, ValueError(123)))
g = gen3()
next(g)
print(g.throw(ValueError(7), None))
