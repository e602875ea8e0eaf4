# Out-of-range indexes raise IndexError
for seq in ([1, 2], (1, 2), "ab", b"ab", range(2)):
    try:
        seq[5]
    except IndexError as e:
        print(type(seq).__name__, type(e).__name__)
try:
    [].pop()
except IndexError as e:
    print("pop", type(e).__name__)
lst = [1]
try:
    lst[-2] = 0
except IndexError as e:
    print("assign", type(e).__name__)
print([1, 2][5:], "ab"[-9:])
