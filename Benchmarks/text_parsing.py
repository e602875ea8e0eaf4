# Text parsing: a sensor log's lines split, stripped, searched and their
# fields turned into ints and floats, as firmware reads a config or a log.
def make_log(n):
    lines = []
    for i in range(n):
        lines.append("  %05d, room=%d.%02d C ; hum=%d %% ; note: %s  " % (
            i, 18 + i % 9, (i * 37) % 100, 30 + i % 40, "ok" if i % 7 else "fan on"))
    return "\n".join(lines)


def main(log):
    total_t = 0.0
    total_h = 0
    fans = 0
    longest = 0
    for line in log.split("\n"):
        line = line.strip()
        if not line:
            continue
        number, rest = line.split(",", 1)
        fields = rest.split(";")
        t = fields[0].strip()
        total_t += float(t[t.find("=") + 1:t.rfind(" ")])
        h = fields[1].strip()
        total_h += int(h[4:h.index(" ")])
        note = fields[2].strip()
        if note.endswith("fan on"):
            fans += int(number)
        longest = max(longest, len(line))
    return (round(total_t, 2), total_h, fans, longest)


LOG = make_log(2000)
REPEAT = 40
result = None
for _ in range(REPEAT):
    result = main(LOG)
print("text_parsing", result)
