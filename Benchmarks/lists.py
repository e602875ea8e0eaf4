# Lists: append, pop, insert, sort, index, slicing, reverse
def main():
    lst = []
    for i in range(20000):
        lst.append((i * 7919) % 10007)
    total = 0
    while len(lst) > 10000:
        total += lst.pop()
    lst.sort()
    total += lst[0] + lst[-1] + lst[len(lst) // 2]
    small = list(range(200))
    for i in range(2000):
        total += small.index(i % 200)
    for i in range(200):
        small.insert(0, small.pop())
    total += small[0]
    rev = lst[:]
    rev.reverse()
    total += rev[10] + len(lst[::3])
    stack = []
    for i in range(10000):
        stack.append(i)
        if i % 3 == 0:
            total += stack.pop()
    words = [str(i) for i in range(5000)]
    words.sort()
    total += len(words[100]) + int(words[-1])
    return (total)

REPEAT = 200
result = None
for _ in range(REPEAT):
    result = main()
print("lists", result)
