# A conditional expression or and/or whose operands share a viper type has
# that type; the methods of a @micropython.native or viper class are compiled
# with its emitter; the first statement with a type error is the one reported.
import micropython


@micropython.viper
def clamp(x: int) -> int:
    y = 255 if x > 255 else x
    z = y or 1
    return z + 1


@micropython.viper
class Counter:
    def __init__(self, start: int):
        self.n = start

    def bump(self, k: int) -> int:
        n = int(self.n) + k
        self.n = n
        return n


@micropython.native
class Doubler:
    def twice(self, x):
        return 2 * x


def check(code):
    try:
        exec(code)
        print("compiled")
    except ViperTypeError as e:
        print(e)


print(clamp(300), clamp(7), clamp(0))
c = Counter(5)
print(c.bump(3), c.bump(-10))
print(Doubler().twice(21))
check("@micropython.viper\ndef f(x: int):\n    x = []\n    return x")
check("@micropython.viper\ndef f(x: int):\n    y = x + 1.5\n    return y")
check("@micropython.viper\ndef f(x: int):\n    y = 1 if x else 2\n    y = []")
