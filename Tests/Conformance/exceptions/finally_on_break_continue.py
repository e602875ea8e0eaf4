# finally runs on break and continue
out = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append("body%d" % i)
    finally:
        out.append("fin%d" % i)
print(out)
i = 0
while i < 10:
    i += 1
    try:
        try:
            if i == 2:
                break
        finally:
            print("inner", i)
    finally:
        print("outer", i)
