d = {"key": "v", 1: "one"}
name = "world"
w, p = 10, 3
x = 3.14159
print(f"{d['key']} {d[1]} {name!r} {name!s:>8} {x:{w}.{p}f}|{x:<{w}}|")
print(f'{"double inside single"}', f"{'single inside double'}")
print(f"{x=}", f"{x = :.2f}", f"{name=!r}", f"{1+1=}")
print(f"{{literal}} {{{w}}}")
print(f"{w:#x} {w:08b} {w:+d} {-w:05d} {w:^7}|{w:_>6}")
print(f"{1234567.891:,.2f} {0.000123:e} {1e21:g} {12.5:%} {255:X}")
print(f"{[1, 2][0]} {(lambda: 5)()} {'abc'[1:]} {len(name)}")
print(f"{name:{'>' if w > 5 else '<'}{w}}|")
def fmt(v):
    return f"<{v!r:^12}>"
print(fmt("s"), fmt(1.5), fmt(None))
class C:
    def __format__(self, spec):
        return "C(" + spec + ")"
    def __repr__(self):
        return "Crepr"
    def __str__(self):
        return "Cstr"
print(f"{C()} {C():xyz} {C()!r} {C()!s}")
print(f"{3:{''}}|{'x':{''}}")
print(f"""{
    1 + 2
}""")
print(f"{'a' 'b'}", f"a" "b" f"{w}")
print(format(5, "03"), format("x", "^5"), format(3.0, ""), format(1e16), format(True), f"{True:d}", f"{True}")
print("%s %r %d %05.1f %x %%" % ("s", "r", 42, 2.345, 255))
print("%(a)s-%(b)d" % {"a": "A", "b": 2})
print("{0}{1}{0}".format("a", "b"), "{x[0]} {y.real}".format(x=[9], y=3))
print("{:>{}}".format("r", 4), "{!r:>6}".format("q"))
print(f"{w!r:>{p}}")
print(f"{-0.0} {float('inf')} {1e-7} {123456789012345678.0} {0.1+0.2}")
print(f"{10**20} {-10**20:,} {2**64:x}")
