class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError
with Ctx() as cx:
    print("body")
with Ctx():
    raise KeyError("k")
def wret():
    with Ctx():
        return "from with"
print(wret())
import asyncio
async def work(n):
    await asyncio.sleep(0)
    return n * 2
async def main():
    r = await work(21)
    print("async", r)
    class AIter:
        def __init__(self):
            self.i = 0
        def __aiter__(self):
            return self
        async def __anext__(self):
            self.i += 1
            if self.i > 2:
                raise StopAsyncIteration
            return self.i
    async for v in AIter():
        print("av", v)
    class ACtx:
        async def __aenter__(self):
            print("aenter")
        async def __aexit__(self, *a):
            print("aexit", a[0])
    async with ACtx():
        print("in async with")
    for i in range(3):
        async with ACtx():
            if i == 1:
                break
    return "main done"
print(asyncio.run(main()))
