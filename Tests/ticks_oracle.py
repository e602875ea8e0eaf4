# CPython shim of MicroPython's board-port ticks (period 2**30, docs formula), for .exp generation.
import sys, time as _t, types
P = 2 ** 30
m = types.ModuleType('time')
m.ticks_ms = lambda: int(_t.monotonic() * 1000) % P
m.ticks_us = lambda: int(_t.monotonic() * 1000000) % P
m.ticks_cpu = m.ticks_us
m.ticks_diff = lambda a, b: ((a - b + P // 2) % P) - P // 2
m.ticks_add = lambda t, d: (t + d) % P
sys.modules['time'] = m
exec(open(sys.argv[1]).read(), {'__name__': '__main__'})
