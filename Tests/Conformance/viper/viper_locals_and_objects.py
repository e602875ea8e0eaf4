# Ordinary Python inside viper: objects, calls, containers, exceptions and
# with blocks; words become objects where Python needs them.
import micropython


class Box:
    def __init__(self):
        self.items = []


@micropython.viper
def collect(box, n: int):
    total = 0
    for i in range(1, n + 1):
        box.items.append(i * i)
        total += i
    box.total = total
    return (n, tuple(box.items), total > 5)


@micropython.viper
def guarded(x) -> int:
    try:
        return int(x) * 2
    except TypeError:
        return -1
    finally:
        print("finally", x)


@micropython.viper
def truthy(x: bool, y: int):
    if x and y:
        return "both"
    if not y:
        return "no y"
    return "y"


b = Box()
print(collect(b, 4), b.total)
print(guarded(21), guarded(None))
print(truthy(1, 2), truthy([], 3), truthy(True, 0))
