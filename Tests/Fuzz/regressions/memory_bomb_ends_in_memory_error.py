# The harness's small heap ends a program that only grows.
x = []
while True:
    x.append([0] * 1000)
