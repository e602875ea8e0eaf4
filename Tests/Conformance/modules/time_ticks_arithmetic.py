import time

P = 2 ** 30
for a, b in [(5, 2), (2, 5), (0, P - 1), (P - 1, 0), (5, P - 5), (P - 5, 5), (P // 2, 0), (0, P // 2),
             (P // 2 - 1, 0), (0, P // 2 + 1), (123456, 123456), (1000, P - 1000)]:
    print('diff', a, b, time.ticks_diff(a, b))
for t, d in [(0, 1), (P - 1, 1), (P - 1, 2), (5, -10), (0, -1), (100, P), (100, -P), (P // 2, P // 2), (7, 3 * P + 1)]:
    print('add', t, d, time.ticks_add(t, d))
for f in [time.ticks_ms, time.ticks_us, time.ticks_cpu]:
    v = f()
    print(type(v).__name__, 0 <= v < P)
start = time.ticks_ms()
deadline = time.ticks_add(start, 30)
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    pass
print('elapsed', time.ticks_diff(time.ticks_ms(), start) >= 30)
