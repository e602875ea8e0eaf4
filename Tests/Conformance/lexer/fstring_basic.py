# f-string basics
name = "world"
n = 42
print(f"hello {name}")
print(f"{n} {n+1} {n*2}")
print(f"{{literal braces}} {n}")
print(f"{'quoted'} {name.upper()} {len(name)}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {items}")
d = {"k": "v"}
print(f"{d['k']}")
print(f"{n if n > 10 else 0}")
print(f"{3.5}", f"{True}", f"{None}")
print(f"" == "")
