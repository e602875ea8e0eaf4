# Exceptions: try/except in a loop, raising, custom classes, finally
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

def check(i):
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        raise KeyError(i)
    return i

def main():
    total = 0
    for i in range(150000):
        try:
            total += check(i)
        except AppError as e:
            total += e.code // 5
        except KeyError:
            total -= 1
        finally:
            total += 1
    d = {}
    for i in range(100000):
        try:
            d[i % 100] += 1
        except KeyError:
            d[i % 100] = 1
    total += sum(d.values())
    return (total)

REPEAT = 21
result = None
for _ in range(REPEAT):
    result = main()
print("exceptions", result)
