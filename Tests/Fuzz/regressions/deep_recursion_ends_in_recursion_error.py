# Python recursion is bounded by the runtime, whatever the host's stack.
def f(n):
    return f(n + 1) + 1

f(0)
