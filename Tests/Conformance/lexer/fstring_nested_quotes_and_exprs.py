# f-strings with nested expressions
data = {"a": [1, 2, 3], "b": "bee"}
print(f"{data['a'][1]} {data['b'][0]}")
print(f"{sum(data['a'])} {max(data['a'])}")
print(f"{[i * i for i in range(4)]}")
print(f"{'nested ' + str(1 + 2)}")
x = 10
print(f"{x:{'>' if x > 5 else '<'}6}|")
print(f"{x!r:>4}|{str(x):*<4}|")
print(f"{ x }", f"{x   +   1}")
print(f'''{x}
{x*2}''')
