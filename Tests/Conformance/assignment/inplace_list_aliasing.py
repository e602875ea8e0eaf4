# += on a list mutates in place, + creates a new list
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
l = [0]
l *= 3
print(l)
s = {1}
s2 = s
s |= {2}
print(sorted(s2))
