g = {"x": 1}
exec("y = x + 1\ndef f():\n    return y * 10", g)
print(g["y"], g["f"](), sorted(k for k in g if k != "__builtins__"))
l = {}
exec("z = x + 2", g, l)
print(l, "z" in g)
print(eval("x + y", g), eval("a * 2", {}, {"a": 21}))
print(eval("[i for i in range(3)]"), eval("len('abc')", {}))
code = compile("1 + 2", "<s>", "eval")
print(eval(code))
code2 = compile("q = 5\nprint('exec code', q)", "<s>", "exec")
ns = {}
exec(code2, ns)
print(ns["q"])
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    exec("def f(:\n pass")
except SyntaxError:
    print("SyntaxError exec")
def scope():
    v = 5
    return eval("v + 1")
print(scope())
def scope2():
    loc = {}
    exec("w = 7", globals(), loc)
    return loc["w"]
print(scope2())
exec("class K:\n    a = 1\nk = K()", g)
print(g["k"].a, type(g["k"]).__name__)
print(eval("__name__", {"__name__": "fake"}))
r = exec("1")
print(r)
src = """
def gen():
    yield 1
    yield 2
res = list(gen())
"""
e = {}
exec(src, e)
print(e["res"])
try:
    eval("undefined_name", {})
except NameError as err:
    print("NameError")
print(eval("x", {"x": 1}, {"x": 2}))
lc = {"a": 1}
exec("b = a + 1", {}, lc)
print(sorted(lc.items()))
try:
    exec("c = [a for _ in range(2)]", {}, lc)
except NameError:
    print("comprehension does not see exec locals")
exec("global gg\ngg = 3", g)
print(g["gg"])
print(compile("x = 1", "<s>", "single") is not None)
single_ns = {}
exec(compile("x = 41\nx += 1", "<s>", "exec"), single_ns)
print(single_ns["x"])
print(eval("lambda q: q * 2")(4))
