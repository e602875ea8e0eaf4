# Non-ASCII strings index and measure by code point
s = "naïve café ☕"
print(len(s), len(s.encode("utf-8")))
print(s.encode("utf-8").decode("utf-8") == s)
print([ord(c) for c in "aé☕"])
print("☕" in s, s.find("é"), s.index("☕"), s[2], s[-1])
print(len("😀"), len("😀".encode()), "😀" == "\U0001F600")
print(s[6:10], s.split(" ")[1] == "café")
