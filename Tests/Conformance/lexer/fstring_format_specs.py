# f-string format specs, including nested replacement fields
x = 3.14159
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|")
print(f"{42:5d}|{42:<5d}|{42:05d}|{-42:05d}|{42:+d}")
print(f"{255:x}|{255:X}|{255:o}|{255:b}|{255:#x}|{255:#o}|{255:#b}")
width = 8
prec = 3
print(f"{x:{width}.{prec}f}|")
print(f"{'ab':{width}}|{'ab':>{width}}|")
fill = "*"
print(f"{'mid':{fill}^9}")
print(f"{1234567:,}|{1234567:_}")
print(f"{0.5:%}|{0.125:.1%}")
print(f"{12.5:e}|{12345.678:.2e}")
print(f"{'s':3}|{7:3}|")
