# Coroutines awaiting other coroutines in a chain
class Yield:
    def __await__(self):
        v = yield
        return v
    __iter__ = __await__  # MicroPython awaits via __iter__
async def produce(n):
    return [i * i for i in range(n)]
async def transform(n):
    data = await produce(n)
    await Yield()
    return [d + 1 for d in data]
async def consume():
    a = await transform(3)
    b = await transform(4)
    return sum(a) + sum(b)
c = consume()
yields = 0
try:
    while True:
        c.send(None)
        yields += 1
except StopIteration as e:
    print(e.value, yields)
