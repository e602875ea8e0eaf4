# Strings: concatenation, join, split, formatting, slicing, searching
def main():
    words = []
    for i in range(3000):
        words.append("w%d" % (i % 977))
    text = " ".join(words)
    parts = text.split(" ")
    total = len(parts)
    s = ""
    for i in range(3000):
        s += str(i % 10)
    total += len(s) + s.count("7")
    acc = 0
    for w in parts:
        acc += len(w.upper()) + (1 if w.startswith("w9") else 0)
    line = "key=value;other=thing;last=one"
    for i in range(3000):
        fields = line.split(";")
        k, v = fields[i % 3].split("=")
        acc += len("{}:{}".format(k, v)) + len(line[i % 7:i % 7 + 5])
        acc += line.find("last") + len("%s-%d" % (k, i))
    rev = ""
    for i in range(3000):
        rev = s[i:i + 10] + rev[:50]
    return (total, acc, len(rev), rev[:12])

REPEAT = 250
result = None
for _ in range(REPEAT):
    result = main()
print("strings", result)
