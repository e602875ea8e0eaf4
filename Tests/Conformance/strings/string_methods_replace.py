# str.replace with and without a count
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "aaa".replace("a", "b", 0))
print("hello".replace("l", ""), "x".replace("y", "z"), "abab".replace("ab", "ba"))
print("a.b.c".replace(".", "::"), "".replace("", "x"), "aaaa".replace("aa", "a"))
s = "immutable"
t = s.replace("m", "M")
print(s, t, s is not t)
