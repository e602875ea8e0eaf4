# break and continue crossing try/finally blocks
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
for i in range(5):
    try:
        try:
            if i == 2:
                break
        finally:
            print("inner finally", i)
    finally:
        print("outer finally", i)
print("after", i)
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    except Exception:
        pass
    else:
        print("else", n)
print("n", n)
