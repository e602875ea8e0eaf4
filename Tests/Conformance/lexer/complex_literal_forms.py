# Imaginary literals
z = 3 + 4j
print(z.real, z.imag)
print(1j * 1j)
print(2J == 2j, type(1j).__name__)
print(abs(3 + 4j))
print((1 + 2j) * (3 - 1j))
print((1.5j).imag, 0j == 0)
