# Pairs of instructions the VM runs as one (local and constant operands of an
# operator, a comparison and its jump, an operator and its store, a loop's
# jump to its FOR_ITER): their slow paths, unbound locals in either place,
# jumps landing on a pair's second half, and loops whose variable is not a local.


def unbound_first():
    try:
        print(x + 1)
    except NameError:
        print("unbound", "first")
    x = 1
    return x


def unbound_second(flag):
    a = 2
    if flag:
        b = 3
    try:
        return a + b
    except NameError:
        return "unbound"


def unbound_pair_loads(flag):
    if flag:
        c = 5
    try:
        d = c
        return d
    except NameError:
        return "unbound"


def slow_operands():
    s = "ab"
    t = s + "cd"          # str + str: no small-int fast path
    big = 2 ** 62
    u = big + 1           # leaves the small-int range
    f = 1.5
    g = f * 2             # float result
    h = f + t.count("c")
    lst = [1]
    lst = lst + [2]
    return t, u, g, h, lst


class Loud:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("lt", self.v, other)
        return self.v < other

    def __add__(self, k):
        return Loud(self.v + k)


def compare_slow(n):
    x = Loud(0)
    steps = 0
    while x < n:
        x = x + 1
        steps += 1
    return steps


def join_point(c, x, y):
    # The else branch's LOAD_FAST y heads a pair whose second half is where
    # the then branch jumps to.
    return (x if c else y) + 1


def compare_raises():
    try:
        if 1 < "a":
            return "no"
    except TypeError:
        return "TypeError"


def loop_targets():
    out = []
    box = [0]
    for box[0] in range(3):
        out.append(box[0])
    for a, b in [(1, 2), (3, 4)]:
        out.append(a * b)

    class Holder:
        pass

    h = Holder()
    for h.i in range(2):
        out.append(h.i)
    items = [1, 2, 3]
    for v in items:
        if v == 1:
            items.append(4)
        out.append(v)
    for i in range(3):
        if i == 5:
            break
    else:
        out.append("else")
    return out


def gen(n):
    for i in range(n):
        yield i * i
    return "done"


def loop_over_generator():
    total = 0
    for v in gen(5):
        total += v
    return total


def overflowing_counter():
    x = 1
    for _ in range(70):
        x += x
    return x


def inplace_on_shared_list():
    a = [1, 2]
    b = a
    a += [3]
    return a, b, a is b


g = 0
for g in range(4):
    g += 10
print("module loop", g)

print(unbound_first())
print(unbound_second(True), unbound_second(False))
print(unbound_pair_loads(True), unbound_pair_loads(False))
print(slow_operands())
print(compare_slow(3))
print(join_point(True, 10, 20), join_point(False, 10, 20), join_point(0, 1.5, 2.5))
print(compare_raises())
print(loop_targets())
print(loop_over_generator())
print(overflowing_counter())
print(inplace_on_shared_list())
