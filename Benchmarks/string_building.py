# String building: += in loops, join, f-strings and % formatting, as firmware
# builds a report line, a CSV row or an HTTP body.
def main():
    out = ""
    for i in range(2000):
        out += "reading " + str(i) + "\n"
    rows = []
    for i in range(2000):
        rows.append(f"{i},{i * 3 % 17},{i / 8:.2f},{'on' if i % 3 else 'off'}")
    csv = "\n".join(rows)
    body = ""
    for i in range(1000):
        body += "%s=%d&" % ("k" + str(i % 13), i)
    parts = []
    for i in range(1000):
        parts.append("{:>6}|{:<4}|{:08.3f}".format(i, i % 10, i / 7))
    table = "".join(parts)
    return (len(out), out[-12:], len(csv), csv[-14:], len(body), len(table), table[-20:])


REPEAT = 40
result = None
for _ in range(REPEAT):
    result = main()
print("string_building", result)
