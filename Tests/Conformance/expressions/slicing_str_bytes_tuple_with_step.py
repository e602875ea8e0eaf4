# Stepped and reversed slices of str, bytes and tuple (CPython oracle: MicroPython supports step 1 only)
s = "abcdefghij"
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-4:-1])
print(b"bytes"[::-1], b"abcdef"[::2])
print("racecar" == "racecar"[::-1], "hello"[::-1].upper())
print(tuple(range(10))[::-4], (1, 2, 3, 4)[::2])
# Longer than 15 bytes: the text is read from storage, not from inside the String value.
t = "abcdefghijklmnopqrstuvwxyz" * 2
print(t[::3], t[-1:0:-7], t[5:40:4], len(t[::5]))
