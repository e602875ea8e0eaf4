# Decorator factories that take arguments
def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(4))
def prefix(p, sep=": "):
    def deco(fn):
        return lambda s: p + sep + fn(s)
    return deco
@prefix("LOG", sep=" | ")
def msg(s):
    return s.upper()
print(msg("disk full"))
registry = {}
def register(key):
    def deco(fn):
        registry[key] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("neg")
def neg(x):
    return -x
print(sorted(registry), registry["sq"](5), registry["neg"](5))
