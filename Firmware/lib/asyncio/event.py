# Breadbox asyncio: Event and ThreadSafeFlag.

from . import core


class Event:
    def __init__(self):
        self._set = False
        self._waiters = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        while self._waiters:
            core._wake(self._waiters[0])

    def clear(self):
        self._set = False

    def _wait(self):
        if not self._set:
            core._park(core._current_or_error(), self._waiters)
            yield
        return True

    async def wait(self):
        return await _Awaitable(self._wait)


class _Awaitable:
    # Lets a generator method be awaited like a coroutine.
    def __init__(self, gen_fn):
        self._gen_fn = gen_fn

    def __await__(self):
        return self._gen_fn()

    __iter__ = __await__


class ThreadSafeFlag:
    # A flag that interrupt handlers and scheduled callbacks may set; a waiting
    # task clears it when it wakes. While a task waits, the loop keeps time
    # passing in short steps so that timers get to run.
    def __init__(self):
        self._flag = False
        self._waiters = []

    def set(self):
        self._flag = True
        if self._waiters:
            core._wake(self._waiters[0])

    def clear(self):
        self._flag = False

    def _wait(self):
        if not self._flag:
            t = core._current_or_error()
            core._park(t, self._waiters)
            core._flag_waiters += 1
            try:
                yield
            finally:
                core._flag_waiters -= 1
        self._flag = False

    async def wait(self):
        return await _Awaitable(self._wait)
