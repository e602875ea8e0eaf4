# + - * / ** with int, float and complex operands, reflected and unary
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b)
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a)
print(a + 0.5, 0.5 + a, a * 0.5, 0.5 * a, a - 0.5, 0.5 - a)
print(a + True, a * False)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 2, (1 + 2j) ** 3, (2 + 0j) ** -1, a ** 0)
print(2 ** 1j, (1 + 1j) ** 0.5, 1j ** 1j, 0j ** 2, 0j ** 0)
print(-a, +a, -(-a), abs(a), abs(-3j), abs(1 + 1j))
x = 1
x += 2j
x *= 2
x -= 1
x /= 1j
print(x)
print(a.real, a.imag, (2j).real, (-2j).imag, a.conjugate(), (1 - 1j).conjugate())
print((5).real, (5).imag, (2.5).real, (2.5).imag)
print(bool(0j), bool(1j), bool(0.5 + 0j), not 0j)
print(sum([1j, 2, 3.5 + 1j]), [z * 1j for z in (1, 2j, 3 + 3j)])
