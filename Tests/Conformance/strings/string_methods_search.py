# find, rfind, index, rindex, count, startswith, endswith
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.find("at", 6), s.find("at", 6, 9))
print(s.index("sat"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""))
print(s.startswith("the"), s.startswith("cat", 4), s.endswith("mat"), s.endswith(("x", "at")))
print(s.startswith(("a", "t")), "".startswith(""), "abc".endswith(""))
try:
    s.index("dog")
except ValueError as e:
    print(type(e).__name__)
print("aaaa".count("aa"), "abc".find(""), "abc".rfind(""))
print("x" in s, "cat sat" in s)
