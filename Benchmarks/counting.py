# Counting and grouping with dicts: word counts, readings grouped by sensor,
# the highest counts picked out, as a hub aggregates what its sensors send.
WORDS = ("fan relay led sensor room warm cool humid dry door window heater "
         "alarm button light motion wifi mqtt broker topic").split()


def main():
    counts = {}
    for i in range(6000):
        w = WORDS[(i * 7 + i // 3) % len(WORDS)]
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for i in range(4000):
        sensor = "s" + str(i % 23)
        if sensor not in groups:
            groups[sensor] = []
        groups[sensor].append((i * 13) % 97)
    summary = {}
    for sensor, values in groups.items():
        summary[sensor] = (min(values), max(values), sum(values) // len(values))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    by_first = {}
    for w in WORDS:
        by_first.setdefault(w[0], []).append(w)
    return (top, summary["s7"], len(summary), sorted(by_first)[:6], len(by_first["m"]))


REPEAT = 60
result = None
for _ in range(REPEAT):
    result = main()
print("counting", result)
