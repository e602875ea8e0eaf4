# Nested while/for loops over range with integer arithmetic
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    return sum(1 for f in flags if f)

def collatz_max(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        steps = 0
        x = n
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_n = n
    return best_n, best

def main():
    s = 0
    for i in range(300):
        for j in range(300):
            s += (i * j) ^ (i + j)
    return (s, sieve(200000), collatz_max(12000))

REPEAT = 14
result = None
for _ in range(REPEAT):
    result = main()
print("loops", result)
