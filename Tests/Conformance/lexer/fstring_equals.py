# f-string self-documenting '=' specifier
x = 5
name = "bob"
print(f"{x=}")
print(f"{x + 1=}")
print(f"{name=}")
print(f"{x=:03d}")
print(f"{name=!s}")
