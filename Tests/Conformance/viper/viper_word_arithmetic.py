# viper ints are machine words: + - * << wrap, >> is arithmetic for int and
# logical for uint, // and % round toward negative infinity, and a uint
# becomes an unsigned int when it leaves the function.
import micropython


@micropython.viper
def mix(a: int, b: int) -> int:
    x = a * b + 7
    x = x - (b << 3)
    return (x >> 2) ^ (a | b) & 0xFF


@micropython.viper
def divmod_(a: int, b: int):
    return a // b, a % b


@micropython.viper
def unsigned(a: uint, n: uint) -> uint:
    return a >> n


@micropython.viper
def ucmp(a: uint, b: uint) -> bool:
    return a < b


@micropython.viper
def neg(a: int) -> int:
    return -a


@micropython.viper
def inv(a: int) -> int:
    return ~a


print(mix(3, 5), mix(-1000, 77), mix(0, 0))
for a in (7, -7):
    for b in (2, -2, 3):
        print(a, b, divmod_(a, b))
print(unsigned(256, 4), unsigned(-1, 60) > 0)
print(ucmp(1, -1), ucmp(-1, 1))
print(neg(5), neg(-5), inv(5), inv(-5))
