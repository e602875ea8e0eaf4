# Dictionaries: insert, lookup, update, delete with str and int keys
def main():
    d = {}
    for i in range(6000):
        d[i] = i * 2
    s = 0
    for i in range(0, 6000, 3):
        s += d[i]
    for i in range(0, 6000, 2):
        del d[i]
    s += len(d)
    names = {}
    keys = ["k" + str(i) for i in range(500)]
    for rep in range(30):
        for k in keys:
            names[k] = names.get(k, 0) + rep
    s += sum(names.values())
    counts = {}
    text = "the quick brown fox jumps over the lazy dog " * 200
    for w in text.split():
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    s += counts["the"] + len(counts)
    for k in keys[:250]:
        names.pop(k)
    s += len(names) + sum(1 for k in keys if k in names)
    return (s)

REPEAT = 500
result = None
for _ in range(REPEAT):
    result = main()
print("dicts", result)
