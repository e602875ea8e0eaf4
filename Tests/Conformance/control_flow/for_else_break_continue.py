# for/else with break and continue
for i in range(5):
    if i == 2:
        continue
    print("i", i)
else:
    print("for completed")
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            print("found at", idx)
            break
    else:
        print("not found")
find([3, 1, 4], 4)
find([3, 1, 4], 9)
for x in []:
    print("never")
else:
    print("empty else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
    else:
        print("inner else never")
