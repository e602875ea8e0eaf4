# Text operations the runtime takes short cuts for: concatenation chains,
# plain slices, split, %-format, int(), sorting of uniform keys, keyword calls.
s = ""
kept = []
for i in range(60):
    s += "piece %d;" % i
    if i % 20 == 0:
        kept.append(s)
print(len(s), s[-12:], [len(k) for k in kept], kept[1][-9:])
t = kept[1]
t2 = t + "X"
t3 = t + "Y"
print(t2[-3:], t3[-3:], len(t), t == kept[1])
u = "é" * 70
u += "ü" * 70
print(len(u), u[68:72], u[-3:])
text = "0123456789abcdef"
print(text[3:7], text[-4:], text[:-12], text[10:2], text[5:100], text[-100:3], text[None:4])
print([1, 2, 3, 4, 5][1:-1], [1, 2, 3][5:], "αβγδ"[1:3], "αβγδ"[-1:])
print("a,b,,c".split(","), " a  b ".split(), "k=v".split("="), "x".split("x"), "a;b;c".rsplit(";", 1))
print(int("0012"), int(" -007 "), int("+0"), int("0"), int("00000000000000000000012"))
for bad in ("012x", ""):
    try:
        int(bad)
    except ValueError:
        print("ValueError")
try:
    int("012", 0)
except ValueError:
    print("ValueError")
print("%s-%d|%05d|%-5s|%+d|%x|%#o|%5.1f%%" % ("k", 3, 42, "ab", 7, 255, 8, 2.5))
print("%(a)s %(b)d" % {"a": "A", "b": 2}, "%c%c" % (72, "i"), "%r" % "q")
print(sorted([3, 1.5, -2, 0.5, True]), "|".join(sorted(["b", "a", "é", "B", ""])), sorted([2.5, -0.5, -1e300]))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a"), (2, "a")]
print(sorted(pairs), sorted(pairs, reverse=True), sorted(pairs, key=lambda p: p[1] + str(p[0])))
print(sorted([(1, 2.5), (1, 2), (0, 9)]), sorted([("a", 1), ("a",), ()]))
def f(a, b=2, *rest, c, d=4, **extra):
    return (a, b, rest, c, d, sorted(extra.items()))
print(f(1, c=3), f(1, 2, 3, c=5, d=6, z=7), f(c=1, a=0), f(**{"a": 1, "c": 2, "x" + "y": 3}))
try:
    f(1, a=2, c=3)
except TypeError as e:
    print("TypeError")
try:
    f(1)
except TypeError as e:
    print("TypeError")
for v in (0, 7, -7, 123456, -123456, 2**40):
    print("%d|%5d|%-5d|%05d|%+d|% d|%+05d|%-+6d|%.3d|%8.3d|%-8.3d|%08.3d|%#d|%i|%u|%0d|%#5d" % ((v,) * 17))
