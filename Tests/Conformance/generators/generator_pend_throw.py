# generator.pend_throw (MicroPython's): the exception waits for the next
# resume; None cancels it; it returns what was pending.
def gen():
    i = 0
    while True:
        yield i
        i += 1


g = gen()
print(next(g), next(g))
g.pend_throw(ValueError('later'))
try:
    next(g)
except ValueError as e:
    print('raised', repr(e))

g = gen()
g.pend_throw(OSError())
try:
    next(g)
except OSError:
    print('raised before starting')


def runner():
    g2.pend_throw(ValueError())
    yield 1


g2 = runner()
try:
    next(g2)
except ValueError as e:
    print('ValueError', e)


class Cancelled(Exception):
    pass


def survivor():
    for i in range(3):
        try:
            yield i
        except Cancelled:
            print('ignored')


g = survivor()
print(next(g))
g.pend_throw(Cancelled())
print(next(g))
g = gen()
next(g)
print(repr(g.pend_throw(Cancelled())), repr(g.pend_throw(None)), next(g))
