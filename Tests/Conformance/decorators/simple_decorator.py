# A decorator wraps a function
def loud(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        result = fn(*args, **kwargs)
        print("result", result)
        return result
    return wrapper
@loud
def add(a, b):
    return a + b
add(2, 3)
@loud
def hello(name="x"):
    return "hello " + name
hello(name="y")
def identity(fn):
    return fn
@identity
def same():
    return "same"
print(same.__name__, same())
