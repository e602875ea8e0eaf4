# == and != with numbers, hashing like float for zero imaginary part, no ordering
print(1 + 0j == 1, 1 == 1 + 0j, 1.5 + 0j == 1.5, 1j == 1j, 1j != 1j, 1j == 1, 2j != 2)
print(1 + 0j == True, 0j == 0, 0j == 0.0, 1j == "1j", 1j == None, (1 + 2j) == (1 + 2j))
print(2 ** 60 + 0j == 2 ** 60, float("nan") * 1j == float("nan") * 1j)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j) == hash(-1), hash(0j) == 0)
print(hash(1 + 2j), hash(-3.5j), hash(complex(1e300, 1e-300)))
d = {1: "one", 2.5: "two and a half", 3j: "three j"}
print(d[1 + 0j], d[2.5 + 0j], d[3j], 3j in d, 3 in d)
print(len({1, 1.0, 1 + 0j, True}), sorted([1j, 2j], key=abs))
for op in ("<", "<=", ">", ">="):
    try:
        eval("1j " + op + " 2j")
        print(op, "no error")
    except TypeError:
        print(op, "TypeError")
try:
    1j < 1
except TypeError:
    print("TypeError")
