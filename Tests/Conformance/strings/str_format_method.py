# str.format with positional, keyword, index and attribute fields
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Al", age=3))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:*^9}|{:08.3f}|{:+d}|{:x}".format("mid", 3.14159, 7, 255))
print("{{}} {}".format("braces"))
print("{!r} {!s}".format("q", "q"))
w = 7
print("{:{}}|".format("a", w), "{:>{w}}|".format("b", w=w))
print("{0:b} {0:o} {0:X} {0:#x}".format(200))
