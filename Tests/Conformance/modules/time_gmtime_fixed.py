import time

for secs in [0, 1, 59, 86399, 86400, 951782400, 951868800, 1000000000, 1234567890, 1700000000,
             2147483647, 2147483648, 4102444800, 253402300799, -1, -86400, -2208988800]:
    t = time.gmtime(secs)
    print(secs, tuple(t[:8]))
print(tuple(time.gmtime(1.9)[:6]), tuple(time.gmtime(-0.5)[:6]))
print(len(time.localtime()) >= 8, isinstance(time.time(), (int, float)))
print(isinstance(time.time_ns(), int), time.time_ns() > 1600000000 * 10**9)
print(time.monotonic_ns() <= time.monotonic_ns(), isinstance(time.monotonic(), float))
t0 = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - t0 >= 0.0099)
