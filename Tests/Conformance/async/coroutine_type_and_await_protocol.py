# Coroutine objects and the __await__ protocol (CPython oracle: MicroPython
# coroutines are generators and await uses __iter__)
class Sleep:
    def __await__(self):
        return (yield "slept")
async def main():
    return await Sleep()
c = main()
print(type(c).__name__, c.send(None))
try:
    c.send("value")
except StopIteration as e:
    print(e.value)
async def noop():
    pass
n = noop()
print(type(n).__name__, hasattr(n, "__await__"))
n.close()
