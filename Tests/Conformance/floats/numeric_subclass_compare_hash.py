# comparisons and hashes of int and float subclass instances use the numeric value
class I(int):
    pass
class F(float):
    pass
print(I(5) == 5, I(5) < 6, 5 > I(4), I(3) <= I(3), I(2 ** 70) > 2 ** 69, I(1) == 1.0)
print(F(2.5) == 2.5, F(2.5) < 3, 2 < F(2.5), F(1.0) == 1, F(2.0) != I(2))
print(hash(F(2.5)) == hash(2.5), hash(I(7)) == hash(7), {F(1.5): "x"}[1.5], sorted([I(3), 1, F(2.5)]))
