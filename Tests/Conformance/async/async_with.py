# async with calls __aenter__ and __aexit__
class Yield:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via __iter__
class Lock:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("acquire", self.name)
        await Yield()
        return self.name
    async def __aexit__(self, et, ev, tb):
        print("release", self.name, et.__name__ if et else None)
        return et is KeyError
async def main():
    async with Lock("L1") as n:
        print("inside", n)
    async with Lock("L2"):
        raise KeyError("suppressed")
    print("after suppressed")
    return "done"
def run(c):
    steps = 0
    try:
        while True:
            c.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
print(run(main()))
