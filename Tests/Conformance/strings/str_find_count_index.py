# str.find/rfind/index/rindex/count with start/end, negative and None bounds
s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.find("hello", 1, 10), s.find("xyz"))
print(s.rfind("hello"), s.rfind("hello", 0, 17), s.rfind("o"), s.rfind("o", -5))
print(s.find("o", -3), s.find("o", None, 5), s.find("o", None, None), s.find("o", 5, None))
print(s.find(""), s.find("", 5), s.find("", 18), s.find("", 19), s.find("", -100))
print(s.rfind(""), s.rfind("", 3, 7), "".find(""), "".rfind(""), "".find("a"))
print(s.index("world"), s.rindex("l"), s.index("l", -4), s.rindex("l", 0, 4))
print(s.count("l"), s.count("l", 5), s.count("l", 3, -3), s.count("hello"), s.count(""), "".count(""))
print(s.count("", 5, 8), s.count("", 30), "aaaa".count("aa"), "aaaaa".count("aa", 1))
print(s.find("o", 100), s.count("o", 100), s.find("h", 10, 5))
for bad in [lambda: s.index("xyz"), lambda: s.rindex("xyz"), lambda: s.index("h", 1, 5)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError")
try:
    s.find(5)
except TypeError:
    print("TypeError")
u = "naïve café — naïve"
print(u.find("café"), u.find("naïve", 1), u.rfind("ï"), u.index("—"), u.count("ï"), u.count("ï", 3))
print(u.find("é", -8), u.rfind("a", 0, 5), u.find("", 4), u.count(""), len(u))
print("日本語日本語".find("語", 3), "日本語日本語".rfind("日本"), "日本語日本語".rindex("本", 0, 3))
print("x" in "xyz", "" in "abc", "é" in u, "zz" in u)
