# Exceptions propagate through await; throw() into a coroutine
class Yield:
    def __await__(self):
        yield "tick"
    __iter__ = __await__  # MicroPython awaits via __iter__
async def fails():
    await Yield()
    raise ValueError("inner")
async def main():
    try:
        await fails()
    except ValueError:
        return "handled in main"
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
async def waiter():
    try:
        await Yield()
    except KeyError:
        return "cancelled"
w = waiter()
print(w.send(None))
try:
    w.throw(KeyError)
except StopIteration as e:
    print(e.value)
