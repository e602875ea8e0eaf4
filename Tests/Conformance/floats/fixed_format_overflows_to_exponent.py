# The board formats a float into a 32-byte buffer: '%f' of a number whose
# integer part does not fit turns to the exponent form without trailing zeros
# (py/formatfloat.c).
for v in (8.888e32, 1.2e33, -1.2345678e32, 1.2345678912e40, 1e32):
    print('%.2f' % v, '%.3f' % v, '{:.2f}'.format(v))
print('%.2f' % 1.5e20, '%.1f' % 123.45)
