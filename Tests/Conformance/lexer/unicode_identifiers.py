# Non-ASCII identifiers
café = "coffee"
print(café)
π = 3.14159
print(round(π * 2, 3))
def größe(x):
    return x * 2
print(größe(21))
class Über:
    ñ = 1
print(Über.ñ, Über.__name__)
変数 = [1, 2]
print(変数, len("日本語"))
