# A tiny round-robin scheduler running several coroutines
class Yield:
    def __await__(self):
        yield
    __iter__ = __await__  # MicroPython awaits via __iter__
def run(coros):
    queue = list(coros)
    results = {}
    while queue:
        name, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((name, c))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
async def worker(name, n):
    total = 0
    for i in range(n):
        log.append(name + str(i))
        total += i
        await Yield()
    return total
res = run([("a", worker("a", 3)), ("b", worker("b", 2)), ("c", worker("c", 1))])
print(log)
print(sorted(res.items()))
