# Float literal forms: leading/trailing dots, exponents, underscores
print(1.0, 1., .5, 0.25)
print(1e3, 1E3, 1e-3, 2.5e+2)
print(1_000.5, 1_0e1_0 == 1e11)
print(3.14_15, 0.000_1)
print(type(1.).__name__, type(1e0).__name__)
print(1e0 == 1, .0 == 0)
print(10e-1, 123e-2)
print(0e0, -0.0 + 0.0)
