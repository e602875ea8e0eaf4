# micropython.const: folded at compile time in module and class bodies; a private
# (_NAME) constant is not stored; the argument must fold to a constant.
from micropython import const

X = const(123)
Y = const(X + 456)
_P = const(1 << 4)
_Q = const(-17 // 5 + _P % 3)


def f():
    return X, Y, _P, _Q


class A:
    Z = const(1)
    _Z = const(2)

    def g(self):
        return Z, _Z, self.Z


print(f(), A().g(), "X" in globals(), "_P" in globals(), hasattr(A, "Z"), hasattr(A, "_Z"))
for code in ("B = const(1 % 0)", "C = const([1])", "X = const(5)"):
    try:
        exec(code)
    except SyntaxError:
        print("SyntaxError")
