# f-strings holding a parenthesised lambda and a nested f-string (CPython oracle)
x = 3
print(f"{(lambda v: v + 1)(5)}")
print(f"{'nested ' + f'{x + 2}'}")
print(f"{f'{x}' * 2}")
print(f"{[f'{i}' for i in range(3)]}")
