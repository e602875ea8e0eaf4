# async def / await driven by calling send(None) by hand
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return "woke " + str(got)
    __iter__ = __await__  # MicroPython awaits via __iter__
async def child(n):
    r = await Sleep("child%d" % n)
    return r + " x" + str(n)
async def main():
    a = await child(1)
    b = await child(2)
    return [a, b]
coro = main()
step = 0
try:
    v = coro.send(None)
    while True:
        print("yielded", v)
        step += 1
        v = coro.send(step)
except StopIteration as e:
    print("result", e.value)
