# Unsupported operand types raise TypeError
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: {} + {},
    lambda: None * 2,
    lambda: -"s",
    lambda: "a" < 1,
    lambda: len(5),
    lambda: 5(),
    lambda: "abc"["x"],
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: iter(5),
    lambda: (lambda a: a)(),
    lambda: int([1]),
]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__)
