# Special methods wrapped in staticmethod/classmethod, built-in functions stored
# in a class (they never bind self), bound-method equality and hashing, and
# != answered by __eq__ when a class has no __ne__.

class C:
    @staticmethod
    def __sub__(rhs):
        return ('sub', rhs)

    @classmethod
    def __add__(cls, rhs):
        return ('add', cls.__name__, rhs)

    @staticmethod
    def __getitem__(item):
        return ('get', item)

    @staticmethod
    def __setitem__(item, value):
        print('set', item, value)

    @staticmethod
    def __delitem__(item):
        print('del', item)

    f_abs = abs
    f_len = len


c = C()
print(c - 1, c + 2, c[3])
c[4] = 5
del c[6]
print(c.f_abs(-7), C.f_abs(-8), c.f_len('abc'))


class A:
    def f(self):
        return 1

    def g(self):
        return 2


a, b = A(), A()
print(a.f == a.f, a.f != a.f, a.f == b.f, a.f == a.g, a.f == None, None == a.f)
print(hash(a.f) == hash(a.f), {a.f: 1}[a.f])


class E:
    def __eq__(self, other):
        print('E eq', type(other).__name__)
        return 123


class F:
    def __ne__(self, other):
        print('F ne', type(other).__name__)
        return -456


print(E() != F())
print(F() != E())
print(E() != None, None != E(), None == E())

print(type(hash({}.values())))
for v in ({}.keys(), {}.items()):
    try:
        hash(v)
    except TypeError:
        print('TypeError')

print(list(enumerate(iterable=[1, 2])), list(enumerate(iterable='ab', start=3)))


def fn():
    pass


try:
    fn.__globals__ = None
except AttributeError:
    print('AttributeError')


class BadInt:
    def __int__(self):
        return None


try:
    int(BadInt())
except TypeError:
    print('TypeError')


class D:
    def __dir__(self):
        return ['a', 'zz']


print(dir(D()), 'a' in dir(D))


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


for make in (lambda: It(), lambda: enumerate(It()), lambda: map(abs, It()), lambda: zip(It())):
    try:
        next(make())
    except StopIteration as e:
        print('StopIteration', e.args)
print(next(It(), 'default'))
