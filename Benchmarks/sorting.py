# Sorting: lists of numbers, of tuples, of objects by key functions, reversed
# with ties broken by full keys (MicroPython's sort is not stable), as firmware
# ranks readings or schedules events.
class Event:
    def __init__(self, at, name, priority):
        self.at = at
        self.name = name
        self.priority = priority


def main():
    seed = 12345
    numbers = []
    for i in range(3000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        numbers.append(seed % 10007)
    a = sorted(numbers)
    b = sorted(numbers, reverse=True)
    pairs = [(n % 101, n) for n in numbers]
    pairs.sort()
    events = [Event(n % 977, "e" + str(i), n % 5) for i, n in enumerate(numbers[:1500])]
    events.sort(key=lambda e: e.at)
    events.sort(key=lambda e: (e.priority, e.at, e.name))
    words = ["w" + str(n) for n in numbers[:1500]]
    words.sort(key=lambda w: (len(w), w))
    return (a[0], a[-1], a[1500], b[7], pairs[100], events[0].name, events[-1].name, words[:3])


REPEAT = 40
result = None
for _ in range(REPEAT):
    result = main()
print("sorting", result)
