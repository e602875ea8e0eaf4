# cmath: MicroPython's functions, on numbers and on objects with __complex__
# or __float__.
import cmath

print('%.5g %.5g' % (cmath.e, cmath.pi))
for z in (complex(1, 2), complex(-0.5, 1.2345), complex(10, -1), 3.0, 2):
    for name in ('phase', 'exp', 'log', 'log10', 'sqrt', 'cos', 'sin'):
        r = getattr(cmath, name)(z)
        if isinstance(r, float):
            print(name, '%.5g' % r)
        else:
            print(name, '%.5g %.5g' % (r.real, r.imag))
    print('polar %.5g %.5g' % cmath.polar(z))
r = cmath.rect(2, 0.5)
print('rect %.5g %.5g' % (r.real, r.imag))


class F:
    def __float__(self):
        return 1.0


class C:
    def __complex__(self):
        return complex(10, 1)


print('%.5g %.5g' % (cmath.phase(F()), cmath.phase(C())))
try:
    cmath.sqrt('x')
except TypeError:
    print('TypeError')
