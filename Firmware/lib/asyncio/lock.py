# Breadbox asyncio: Lock.

from . import core


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []
        self._handed_to = None  # the waiter the lock was just handed to

    def locked(self):
        return self._locked

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock not acquired")
        if self._waiters:
            # Hand the lock straight to the next waiter: it stays locked.
            t = self._waiters[0]
            self._handed_to = t
            core._wake(t)
        else:
            self._locked = False

    def _acquire(self):
        if self._locked:
            t = core._current_or_error()
            core._park(t, self._waiters)
            try:
                yield
            except BaseException:
                # Cancelled: if the lock was already handed over, pass it on.
                if self._handed_to is t:
                    self._handed_to = None
                    self.release()
                raise
            self._handed_to = None
        self._locked = True
        return True

    async def acquire(self):
        return await _LockAwaitable(self)

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _LockAwaitable:
    def __init__(self, lock):
        self._lock = lock

    def __await__(self):
        return self._lock._acquire()

    __iter__ = __await__
