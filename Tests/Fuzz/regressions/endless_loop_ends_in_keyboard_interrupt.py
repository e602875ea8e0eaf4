# The harness's instruction budget interrupts a loop that never ends.
n = 0
while True:
    n += 1
