# Chained comparisons evaluate each operand once and short-circuit
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(1 < x <= 5, 0 <= x < 5, 1 < x > 4, x == 5 != 6)
print(1 < 2 < 3 < 4 < 5, 1 < 2 > 3 < 4)
print("a" < "b" < "c", [1] < [1, 0] < [2])
print(1 is 1 if False else None is None is not False)
a = [1]
b = a
print(a is b is not None, 1 in [1] in [[1]])
