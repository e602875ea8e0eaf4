# Conditional expressions
for n in (-1, 0, 1):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
x = 7
y = x * 2 if x > 5 else x / 2
print(y)
print([i if i % 2 else -i for i in range(5)])
f = lambda v: "even" if v % 2 == 0 else "odd"
print(f(4), f(5))
def side(label, v):
    print("evaluated", label)
    return v
print(side("then", 1) if True else side("else", 2))
print(side("then", 1) if False else side("else", 2))
print((1, 2) if [] else (3, 4))
