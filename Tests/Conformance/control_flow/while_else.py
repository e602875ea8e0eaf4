# while/else: else runs only when the loop ends without break
n = 0
while n < 3:
    n += 1
else:
    print("else after normal exit", n)
n = 0
while n < 10:
    if n == 4:
        break
    n += 1
else:
    print("not printed")
print("broke at", n)
while False:
    pass
else:
    print("else for zero iterations")
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
