# '%.Nf' and '{:.Nf}' round the exact binary value of a float, halves to
# even: ties, near-ties, powers of two, tiny and huge values, and a few
# thousand pseudo-random doubles at every precision up to 17.
import struct

def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]

ties = [0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 0.625, 2.675, 1.005, 1.115, 0.045,
        1e15 + 0.5, 4503599627370495.5, 0.0, -0.0, 5e-324, 2.2250738585072014e-308,
        1e-7, 9.5, 99.5, 999.9999999, 123456789.987654321, 2.0 ** 52, 2.0 ** 53 + 2,
        9.2e18, 9.3e18, 1e19, 1.8446744073709552e19, 1e22, 1e29]
for x in ties:
    print([("%." + str(p) + "f") % x for p in (0, 1, 2, 3, 6, 15)])
    print("{:.2f} {:10.4f} {:+.0f} {:08.3f}".format(x, -x, x, x))

# A linear congruential generator over 64-bit patterns (finite doubles only).
state = 12345
lines = []
for n in range(3000):
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    # Exponents mostly near 1.0, where report values live; some from the
    # subnormals up to 2^99 (beyond 1e31 the boards switch to 'e', see
    # floats/fixed_format_overflows_to_exponent.py).
    mantissa = state & ((1 << 52) - 1)
    if n % 4:
        bits = mantissa | ((1023 - 20 + (state >> 58)) << 52)
    else:
        bits = mantissa | (((state >> 52) % (1023 + 100)) << 52)
    x = from_bits(bits)
    if x != x or x in (float("inf"), float("-inf")):
        continue
    p = n % 18
    lines.append(("%." + str(p) + "f") % x)
    if len(lines) == 10:
        print(" ".join(lines))
        lines = []
print(" ".join(lines))
