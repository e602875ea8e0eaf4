import random

random.seed(42)
a = [random.getrandbits(16) for _ in range(10)]
random.seed(42)
b = [random.getrandbits(16) for _ in range(10)]
print('reproducible', a == b)
random.seed(7)
c = [random.random() for _ in range(5)]
random.seed(7)
print('reproducible float', c == [random.random() for _ in range(5)])
print('bits', all(0 <= random.getrandbits(n) < 2 ** n for n in range(1, 33) for _ in range(20)))
print('bits0', random.getrandbits(0))
print('randrange', all(0 <= random.randrange(10) < 10 for _ in range(200)))
print('randrange2', all(5 <= random.randrange(5, 9) < 9 for _ in range(200)))
print('randrange3', all(random.randrange(0, 20, 5) in (0, 5, 10, 15) for _ in range(200)))
print('randrange neg', all(random.randrange(10, 0, -3) in (10, 7, 4, 1) for _ in range(200)))
print('randint', sorted(set(random.randint(1, 3) for _ in range(300))))
print('randint same', random.randint(5, 5))
print('random', all(0.0 <= random.random() < 1.0 for _ in range(200)))
print('uniform', all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(200)))
print('choice', all(random.choice('abc') in 'abc' for _ in range(100)), random.choice([9]))
print('choice tuple', random.choice((1, 2, 3)) in (1, 2, 3))
tests = [lambda: random.getrandbits(33), lambda: random.getrandbits(-1), lambda: random.randrange(0),
         lambda: random.randrange(5, 1), lambda: random.randrange(1, 10, 0), lambda: random.randint(3, 1),
         lambda: random.choice([]), lambda: random.getrandbits(1.0), lambda: random.seed(1.5)]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__)
print(random.seed(), random.seed(None), random.seed(3))
