# Breadbox asyncio: the scheduler, tasks, sleeping and the event loop.
#
# A task is parked while it waits for something (an Event, a Lock, another
# task, a wake-up time) and is otherwise either running or in the run queue.
# Coroutines are driven with send(None) / throw(exc); the awaitables below
# `yield` to hand control back to the loop. A task that yields without having
# parked itself is simply queued again (a bare yield means "reschedule me").
#
# Time is read from time.ticks_ms() and idle time passes in time.sleep_ms(),
# so on a board the virtual clock rules the scheduler.

import sys
import time


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


# The scheduler's state (new_event_loop() resets it).
_run_queue = []     # tasks ready to run, FIFO
_run_head = 0       # index of the next task in _run_queue
_sleepers = []      # parked tasks with a wake-up tick, ordered by it
_current = None     # the task being stepped
_stop = False       # Loop.stop() was called
_flag_waiters = 0   # tasks waiting on a ThreadSafeFlag
_exc_handler = None


def _schedule(t):
    # Puts t at the back of the run queue (at most once).
    if not t._queued:
        t._queued = True
        _run_queue.append(t)


def _sleep_until(t, wake):
    # Parks t until the tick `wake`; equal ticks keep their order.
    t._wake = wake
    t._sleeping = True
    lo = 0
    hi = len(_sleepers)
    while lo < hi:
        mid = (lo + hi) // 2
        if time.ticks_diff(_sleepers[mid]._wake, wake) <= 0:
            lo = mid + 1
        else:
            hi = mid
    _sleepers.insert(lo, t)


def _park(t, waiters):
    # Parks t in the list `waiters` until _wake(t).
    waiters.append(t)
    t._parked.append(waiters)


def _wake(t):
    # Unparks t from every list and the sleep queue, and queues it to run.
    for waiters in t._parked:
        try:
            waiters.remove(t)
        except ValueError:
            pass
    t._parked = []
    if t._sleeping:
        t._sleeping = False
        _sleepers.remove(t)
    _schedule(t)


def _current_or_error():
    if _current is None:
        raise RuntimeError("no running event loop")
    return _current


class _Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        t = _current_or_error()
        if self.ms > 0:
            _sleep_until(t, time.ticks_add(time.ticks_ms(), self.ms))
        yield

    __iter__ = __await__


def sleep_ms(t):
    return _Sleep(int(t))


def sleep(t):
    return _Sleep(int(t * 1000))


class Task:
    def __init__(self, coro):
        if not hasattr(coro, "send"):
            raise TypeError("coroutine expected")
        self.coro = coro
        self._done = False
        self._result = None
        self._exc = None
        self._retrieved = False
        self._waiters = []      # tasks awaiting this one, and callbacks
        self._throw = None      # exception to throw in at the next step
        self._parked = []       # lists this task is parked in
        self._sleeping = False
        self._wake = 0
        self._queued = False
        self._awaiting = None   # the task this one awaits

    def __repr__(self):
        return "<Task>"

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        if self is _current:
            raise RuntimeError("can't cancel self")
        # A task awaiting another task passes the cancellation on to it (the
        # CancelledError then comes back up through the await).
        while self._awaiting is not None and not self._awaiting._done:
            self = self._awaiting
        # A task cancelled twice before it runs gets a single CancelledError.
        if self._throw is None or not isinstance(self._throw, CancelledError):
            self._throw = CancelledError()
        _wake(self)
        return True

    def _outcome(self):
        self._retrieved = True
        if self._exc is not None:
            raise self._exc
        return self._result

    def __await__(self):
        if not self._done:
            t = _current_or_error()
            _park(t, self._waiters)
            t._awaiting = self
            try:
                yield
            finally:
                t._awaiting = None
        return self._outcome()

    __iter__ = __await__

    def _finish(self, result, exc):
        self._done = True
        self._result = result
        self._exc = exc
        waiters = self._waiters[:]
        for w in waiters:
            if isinstance(w, Task):
                _wake(w)
            else:
                w(self)
        self._waiters = []
        if exc is not None and not waiters and not isinstance(exc, CancelledError):
            # Give an awaiting task one turn of the loop to retrieve the
            # exception; the loop reports it when it comes up again.
            _schedule(self)


def _step(t):
    global _current
    _current = t
    exc = t._throw
    t._throw = None
    try:
        if exc is None:
            t.coro.send(None)
        else:
            t.coro.throw(exc)
    except StopIteration as e:
        _current = None
        t._finish(e.value, None)
        return
    except BaseException as e:
        _current = None
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            t._finish(None, e)
            raise
        t._finish(None, e)
        return
    _current = None
    if not t._parked and not t._sleeping:
        _schedule(t)


def _report(t):
    # A finished task came up again: report its exception if nobody took it.
    if not t._retrieved and t._exc is not None:
        Loop.call_exception_handler({
            "message": "Task exception wasn't retrieved",
            "exception": t._exc,
            "future": t,
        })
        t._retrieved = True


def _run(main):
    # Runs tasks until `main` is done (or, with main None, until stop() or
    # nothing is left to do).
    global _run_queue, _run_head, _stop
    _stop = False
    while True:
        if main is not None and main._done:
            return
        if _stop:
            _stop = False
            return
        if _sleepers:
            now = time.ticks_ms()
            while _sleepers and time.ticks_diff(_sleepers[0]._wake, now) <= 0:
                t = _sleepers.pop(0)
                t._sleeping = False
                _wake(t)
        if _run_head >= len(_run_queue):
            _run_queue = []
            _run_head = 0
            if _sleepers:
                delay = time.ticks_diff(_sleepers[0]._wake, time.ticks_ms())
            elif main is None and not _flag_waiters:
                return
            else:
                # Only an interrupt or a scheduled callback can wake a task
                # now: let time pass (MicroPython waits forever too).
                delay = 10
            if _flag_waiters and delay > 1:
                delay = 1   # notice a ThreadSafeFlag set from a timer quickly
            if delay > 0:
                time.sleep_ms(delay)
            continue
        t = _run_queue[_run_head]
        _run_queue[_run_head] = None
        _run_head += 1
        if _run_head > 64 and _run_head * 2 > len(_run_queue):
            del _run_queue[:_run_head]
            _run_head = 0
        t._queued = False
        if t._done:
            _report(t)
        else:
            _step(t)


def create_task(coro):
    t = Task(coro)
    _schedule(t)
    return t


def current_task():
    return _current_or_error()


def _promote(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def run_until_complete(main_task=None):
    if main_task is None:
        _run(None)
        return None
    main_task = _promote(main_task)
    if _current is not None:
        raise RuntimeError("event loop is already running")
    main_task._retrieved = True     # the caller gets the outcome
    _run(main_task)
    return main_task._outcome()


def run(coro):
    return run_until_complete(create_task(coro))


class Loop:
    _exc_handler = None

    @staticmethod
    def create_task(coro):
        return create_task(coro)

    @staticmethod
    def run_forever():
        _run(None)

    @staticmethod
    def run_until_complete(aw):
        return run_until_complete(aw)

    @staticmethod
    def stop():
        global _stop
        _stop = True

    @staticmethod
    def close():
        pass

    @staticmethod
    def set_exception_handler(handler):
        Loop._exc_handler = handler

    @staticmethod
    def get_exception_handler():
        return Loop._exc_handler

    @staticmethod
    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    @staticmethod
    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def new_event_loop():
    global _run_queue, _run_head, _sleepers, _current, _stop, _flag_waiters
    # Tasks of the old loop are dropped; forget that they were queued.
    for t in _run_queue[_run_head:]:
        if t is not None:
            t._queued = False
    for t in _sleepers:
        t._sleeping = False
    _flag_waiters = 0
    _run_queue = []
    _run_head = 0
    _sleepers = []
    _current = None
    _stop = False
    Loop._exc_handler = None
    return Loop
