# pow with a modulus, including negative exponents (modular inverse)
print(pow(3, 4, 5), pow(2, 100, 10 ** 9 + 7), pow(-3, 5, 7), pow(-3, 5, -7), pow(3, 5, -7), pow(0, 0, 5), pow(5, 0, 1))
print(pow(3, -1, 7), pow(2, -3, 11), pow(-2, -1, 5), pow(38, -1, 97))
for args in ((2, -1, 4), (2, 3, 0), (2.0, 3, 5)):
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
