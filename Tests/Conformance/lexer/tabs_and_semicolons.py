# Tab indentation and mixed consistent indentation
def f(x):
	if x:
		return "tab-true"
	return "tab-false"
print(f(1), f(0))
class C:
	def m(self):
		for i in range(2):
			print("tab loop", i)
C().m()
x = 1;  y = 2;	z = 3
print(x, y, z)
if x: print("one-line if")
while x < 3: x += 1
print(x)
