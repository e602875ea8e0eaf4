# async for over an asynchronous iterator
class Yield:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via __iter__
class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Yield()
        return self.i * 10
async def main():
    out = []
    async for v in Ticker(4):
        out.append(v)
    return out
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
