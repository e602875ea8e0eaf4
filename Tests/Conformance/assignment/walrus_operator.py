# Assignment expressions (:=)
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print("popped", item)
print(data)
vals = [y for x in range(5) if (y := x * x) % 2 == 0]
print(vals, y)
print((a := 3) + a)
def f(v):
    return v * 2
results = [r for v in range(4) if (r := f(v)) > 2]
print(results)
def running():
    total = 0
    out = [total := total + i for i in range(5)]
    return out, total
print(running())
