# Stacked decorators apply bottom-up
def tag(name):
    def deco(fn):
        def wrapper():
            return "<" + name + ">" + fn() + "</" + name + ">"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hi"
print(text())
order = []
def rec(label):
    order.append("make " + label)
    def deco(fn):
        order.append("apply " + label)
        return fn
    return deco
@rec("outer")
@rec("inner")
def f():
    pass
print(order)
