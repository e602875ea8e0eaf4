# float() of decimal text rounds correctly: 6,000 pseudo-random decimals of
# 1-17 digits with the point anywhere, exponents, signs and spaces (hashed),
# and edge cases: 2^53 + 1, 1e22/1e23, signed zero, underscores, inf, nan.
state = 4242
h = 0
count = 0
samples = []
for n in range(6000):
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    digits = str(state >> (n % 40))[: 1 + (state >> 3) % 17]
    k = (state >> 9) % (len(digits) + 1)
    text = digits[:k] + "." + digits[k:]
    if n % 3 == 0:
        text += "e" + str(((state >> 20) % 50) - 25)
    if n % 5 == 0:
        text = "-" + text
    if n % 7 == 0:
        text = "  " + text + " "
    x = float(text)
    r = repr(x)
    count += 1
    for ch in r:
        h = (h * 31 + ord(ch)) % 1000000007
    if n % 1000 == 0:
        samples.append((text, r))
for t in ["23.45", "-0.0", "0", "1e22", "1e23", "9007199254740993", "0.1", "123456789012345.6", ".5", "5.", "1_000.5", "inf", "-nan", "1e-22", "4.35", "2.675"]:
    samples.append((t, repr(float(t))))
print(count, h)
print(samples)
