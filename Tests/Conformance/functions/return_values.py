# return forms: bare, none, tuples, early return
def nothing():
    pass
def bare():
    return
def tup():
    return 1, 2
def early(n):
    for i in range(n):
        if i == 3:
            return "early", i
    return "late", n
print(nothing(), bare(), tup(), type(tup()).__name__)
print(early(10), early(2))
def nested_return():
    def inner():
        return "inner"
    return inner()
print(nested_return())
def multi(x):
    if x:
        return x
print(multi(0), multi(5))
