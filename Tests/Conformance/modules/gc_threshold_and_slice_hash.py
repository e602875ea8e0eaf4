# gc.threshold reads back rounded down to the heap's block size (MicroPython's).
import gc
gc.threshold(1)
print(gc.threshold())
gc.threshold(100)
print(gc.threshold() <= 100, gc.threshold() > 0)
gc.threshold(-1)
print(gc.threshold())

# A slice is not hashable (tests/basics/slice_op.py), so it keys no dict.
try:
    {}[:] = {}
except TypeError:
    print('TypeError')
