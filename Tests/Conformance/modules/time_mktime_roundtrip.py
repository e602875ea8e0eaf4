import time

for secs in [0, 86399, 951782400, 1234567890, 1700000000, 2147483647, 4102444800]:
    t = time.gmtime(secs)
    print(secs, time.mktime(t) == secs, time.localtime(secs)[:8] == t[:8])
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 2, 29, 12, 30, 45, 0, 0)))
print(time.mktime((2023, 13, 1, 0, 0, 0, 0, 0)), time.mktime((2024, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 3, 0, 0, 0, 0, 0, 0)), time.mktime((2024, 2, 29, 0, 0, 0, 0, 0)))
print(time.mktime((2024, 1, 1, 25, 61, 61, 0, 0)))
print(time.gmtime(time.mktime((2024, 2, 29, 12, 30, 45, 0, 0)))[:8])
