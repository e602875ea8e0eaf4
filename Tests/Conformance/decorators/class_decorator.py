# Decorators applied to classes
def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls
@add_hello
class A:
    pass
print(A().hello())
instances = []
def track(cls):
    orig = cls.__init__
    def init(self, *a):
        instances.append(a)
        orig(self, *a)
    cls.__init__ = init
    return cls
@track
class B:
    def __init__(self, x):
        self.x = x
b1 = B(1); b2 = B(2)
print(instances, b2.x)
def singleton(cls):
    inst = cls()
    return lambda: inst
@singleton
class S: pass
print(S() is S())
