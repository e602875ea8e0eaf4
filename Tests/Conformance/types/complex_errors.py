# Division by zero, unsupported operators and conversions
for f in (lambda: 1j / 0, lambda: 1 / 0j, lambda: (1 + 1j) / 0.0, lambda: 0j ** -1, lambda: 0j ** 1j,
          lambda: 0j / 0j):
    try:
        f()
        print("no error")
    except ZeroDivisionError:
        print("ZeroDivisionError")
for f in (lambda: 1j // 2, lambda: 1j % 2, lambda: 1j & 1, lambda: ~1j, lambda: int(1j), lambda: float(1j),
          lambda: 1j + "a", lambda: "a" * 1j, lambda: [1, 2][1j]):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")
print(abs(3 - 4j), 0j ** 0, 1j ** 0)
