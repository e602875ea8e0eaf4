# throw() raises inside the generator; close() raises GeneratorExit
def g():
    try:
        yield 1
        yield 2
    except ValueError:
        print("caught inside")
        yield "recovered"
    finally:
        print("gen finally")
x = g()
print(next(x))
print(x.throw(ValueError))
try:
    next(x)
except StopIteration:
    print("finished")
y = g()
next(y)
y.close()
print("closed")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
s = stubborn()
next(s)
s.close()
z = g()
try:
    z.throw(KeyError)
except KeyError:
    print("throw before start propagates")
