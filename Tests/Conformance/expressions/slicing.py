# Slicing with negative indices, steps and omitted bounds
s = "abcdefghij"
l = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(l[2:8:3], l[100:], l[-100:2], l[5:2], l[::-3])
t = tuple(l)
print(t[1:4])
print(s[3:3] == "", l[0:0])
print(b"bytes"[1:3])
print(range(10)[2:8:2], list(range(10)[::-3]))
n = 3
print(s[n - 1:n + 1], l[-n:])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][::-1], m[-1][-1])
print("hello"[1], "hello"[-1], "x"[0:100])
