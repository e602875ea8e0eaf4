# Breadbox asyncio: gather and wait_for.

from . import core


class _Park:
    # Awaiting it parks the current task in `waiters` (and, with a deadline,
    # in the sleep queue too) until something wakes it.
    def __init__(self, waiters, deadline=None):
        self._waiters = waiters
        self._deadline = deadline

    def __await__(self):
        t = core._current_or_error()
        core._park(t, self._waiters)
        if self._deadline is not None:
            core._sleep_until(t, self._deadline)
        yield

    __iter__ = __await__


async def _wait_for(aw, ms):
    task = core._promote(aw)
    if ms is None:
        return await task
    if not task._done:
        deadline = core.time.ticks_add(core.time.ticks_ms(), ms)
        try:
            await _Park(task._waiters, deadline)
        except core.CancelledError:
            # wait_for itself was cancelled: take the task down with it.
            task.cancel()
            raise
    if task._done:
        return task._outcome()
    # Timed out: cancel the task, let it finish, and report the timeout.
    task.cancel()
    while not task._done:
        await _Park(task._waiters)
    task._retrieved = True
    raise core.TimeoutError


def wait_for(aw, timeout):
    return _wait_for(aw, None if timeout is None else int(timeout * 1000))


def wait_for_ms(aw, timeout):
    return _wait_for(aw, None if timeout is None else int(timeout))


class _Gathering:
    def __init__(self, tasks, return_exceptions):
        self.tasks = tasks
        self.return_exceptions = return_exceptions
        self.remaining = len(tasks)
        self.error = None
        self.waiters = []   # the gathering task

    def child_done(self, t):
        self.remaining -= 1
        if t._exc is not None and not self.return_exceptions:
            if self.error is None:
                t._retrieved = True
                self.error = t._exc
                self.wake()
            return
        t._retrieved = True
        if self.remaining == 0:
            self.wake()

    def wake(self):
        if self.waiters:
            core._wake(self.waiters[0])


async def gather(*aws, return_exceptions=False):
    tasks = [core._promote(aw) for aw in aws]
    g = _Gathering(tasks, return_exceptions)
    done = g.child_done     # one bound method, to find it again below
    for t in tasks:
        if t._done:
            done(t)
        else:
            t._waiters.append(done)
    try:
        if g.remaining and g.error is None:
            await _Park(g.waiters)
    except core.CancelledError:
        for t in tasks:
            if not t._done:
                t.cancel()
        raise
    finally:
        for t in tasks:
            if done in t._waiters:
                t._waiters.remove(done)
    if g.error is not None:
        raise g.error
    return [t._exc if t._exc is not None else t._result for t in tasks]
