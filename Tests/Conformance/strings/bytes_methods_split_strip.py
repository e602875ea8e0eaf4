# bytes/bytearray split/rsplit/strip/partition/replace/join/pad/case
b = b"  a  b\tc\n d  "
print(b.split(), b.rsplit(None, 1), b.split(None, 1), b.split(maxsplit=2), b"".split(), b"   ".split())
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b"a,b,,c".split(b",", maxsplit=1), b"a\x1cb".split())
print(bytearray(b"a b").split(), bytearray(b"x,y").rsplit(b","), bytearray(b"a,b").partition(b","))
print(b.strip(), b.lstrip(), b.rstrip(), b"xxhixx".strip(b"x"), b"xyhi".lstrip(b"yx"), bytearray(b" q ").strip())
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kv".partition(b"="), b"kv".rpartition(b"="))
print(b"aaa".replace(b"a", b"bb"), b"aaa".replace(b"a", b"b", 2), b"ab".replace(b"", b"-"), bytearray(b"xx").replace(b"x", b"y"))
print(b"-".join([b"a", bytearray(b"b"), b"c"]), bytearray(b", ").join([b"x", b"y"]), b"".join([]))
print(b"ab".center(6), b"ab".center(7, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"-5".zfill(4), b"7".zfill(3))
print(b"Hello World".upper(), b"Hello World".lower(), b"Hello World".swapcase(), b"hello world".title(), b"hELLO".capitalize())
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"".isalpha(), b"abc".islower())
print(b"ABC".isupper(), b"Hello World".istitle(), b"\xff".isascii(), b"".isascii(), b"\xe9".isalpha())
print(b"a\tb".expandtabs(4), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"))
try:
    b"a,b".split(b"")
except ValueError:
    print("ValueError")
try:
    b"-".join([b"a", "b"])
except TypeError:
    print("TypeError")
try:
    b"a".split(",")
except TypeError:
    print("TypeError")
