// GENERATED FILE - DO NOT EDIT.
// Made by `python3 Scripts/freeze.py` from the Python files under Firmware/lib;
// edit those and run the command again.

/// Source of each module shipped inside the runtime, by dotted name.
let frozenModuleSources: [String: String] = [
    "asyncio": ##"""
# Breadbox asyncio: MicroPython's asyncio API on the runtime's own scheduler.

from .core import (
    CancelledError,
    TimeoutError,
    Task,
    Loop,
    create_task,
    current_task,
    get_event_loop,
    new_event_loop,
    run,
    run_until_complete,
    sleep,
    sleep_ms,
)
from .event import Event, ThreadSafeFlag
from .lock import Lock
from .funcs import gather, wait_for, wait_for_ms

__version__ = (3, 0, 0)

"""##,
    "asyncio.core": ##"""
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

"""##,
    "asyncio.event": ##"""
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

"""##,
    "asyncio.funcs": ##"""
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

"""##,
    "asyncio.lock": ##"""
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

"""##,
    "bme280": ##"""
# A small BME280 driver for MicroPython over machine.I2C.
#
# Written from the Bosch BME280 datasheet (BST-BME280-DS002): calibration
# layout (Table 16), register map (Table 18), forced mode (section 3.3.2) and
# the floating-point compensation formulas (section 8.1).
#
#     sensor = BME280(I2C(0, scl=Pin(5), sda=Pin(4)))
#     temperature_c, pressure_pa, humidity_percent = sensor.read()
import time

_REG_CALIB_TP = 0x88  # T1..P9, then 0xA0 (unused), 0xA1 = H1
_REG_CALIB_H = 0xE1   # H2..H6
_REG_CHIP_ID = 0xD0
_REG_RESET = 0xE0
_REG_CTRL_HUM = 0xF2
_REG_STATUS = 0xF3
_REG_CTRL_MEAS = 0xF4
_REG_CONFIG = 0xF5
_REG_DATA = 0xF7      # press[3], temp[3], hum[2]

_CHIP_ID = 0x60
_OVERSAMPLE_X1 = 0x01
_MODE_FORCED = 0x01


def _u16(b, i):
    return b[i] | (b[i + 1] << 8)


def _s16(b, i):
    v = _u16(b, i)
    return v - 0x10000 if v & 0x8000 else v


def _s8(v):
    return v - 0x100 if v & 0x80 else v


class BME280:
    def __init__(self, i2c, address=0x77):
        self.i2c = i2c
        self.address = address
        chip = self._read(_REG_CHIP_ID, 1)[0]
        if chip != _CHIP_ID:
            raise RuntimeError("BME280 not found at 0x%02x (chip id 0x%02x)" % (address, chip))
        self._write(_REG_RESET, 0xB6)
        time.sleep_ms(4)
        while self._read(_REG_STATUS, 1)[0] & 0x01:  # im_update: NVM still copying
            time.sleep_ms(1)

        c = self._read(_REG_CALIB_TP, 26)
        self.t1 = _u16(c, 0)
        self.t2 = _s16(c, 2)
        self.t3 = _s16(c, 4)
        self.p1 = _u16(c, 6)
        self.p2 = _s16(c, 8)
        self.p3 = _s16(c, 10)
        self.p4 = _s16(c, 12)
        self.p5 = _s16(c, 14)
        self.p6 = _s16(c, 16)
        self.p7 = _s16(c, 18)
        self.p8 = _s16(c, 20)
        self.p9 = _s16(c, 22)
        self.h1 = c[25]
        h = self._read(_REG_CALIB_H, 7)
        self.h2 = _s16(h, 0)
        self.h3 = h[2]
        self.h4 = _s8(h[3]) * 16 + (h[4] & 0x0F)
        self.h5 = _s8(h[5]) * 16 + (h[4] >> 4)
        self.h6 = _s8(h[6])

        # In sleep mode: IIR filter off; humidity x1 (takes effect with the
        # next ctrl_meas write, which each measurement makes).
        self._write(_REG_CONFIG, 0x00)
        self._write(_REG_CTRL_HUM, _OVERSAMPLE_X1)
        self.t_fine = 0.0

    def _read(self, register, count):
        return self.i2c.readfrom_mem(self.address, register, count)

    def _write(self, register, value):
        self.i2c.writeto_mem(self.address, register, bytes([value]))

    def read_raw(self):
        """One forced-mode measurement: (adc_T, adc_P, adc_H)."""
        self._write(_REG_CTRL_MEAS, (_OVERSAMPLE_X1 << 5) | (_OVERSAMPLE_X1 << 2) | _MODE_FORCED)
        time.sleep_ms(10)  # t_max with everything x1 is 9.3 ms
        while self._read(_REG_STATUS, 1)[0] & 0x08:  # measuring
            time.sleep_ms(1)
        d = self._read(_REG_DATA, 8)
        adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        adc_h = (d[6] << 8) | d[7]
        return adc_t, adc_p, adc_h

    def compensate_temperature(self, adc_t):
        v1 = (adc_t / 16384.0 - self.t1 / 1024.0) * self.t2
        v2 = (adc_t / 131072.0 - self.t1 / 8192.0)
        v2 = v2 * v2 * self.t3
        self.t_fine = int(v1 + v2)
        return (v1 + v2) / 5120.0

    def compensate_pressure(self, adc_p):
        """Pa; uses t_fine from the temperature of the same measurement."""
        a = self.t_fine / 2.0 - 64000.0
        b = a * a * self.p6 / 32768.0 + a * self.p5 * 2.0
        b = b / 4.0 + self.p4 * 65536.0
        a = (self.p3 * a * a / 524288.0 + self.p2 * a) / 524288.0
        a = (1.0 + a / 32768.0) * self.p1
        if a == 0:
            return 0.0
        p = (1048576.0 - adc_p - b / 4096.0) * 6250.0 / a
        return p + (self.p9 * p * p / 2147483648.0 + self.p8 * p / 32768.0 + self.p7) / 16.0

    def compensate_humidity(self, adc_h):
        """%RH; uses t_fine from the temperature of the same measurement."""
        h = self.t_fine - 76800.0
        h = (adc_h - (self.h4 * 64.0 + self.h5 / 16384.0 * h)) * (
            self.h2 / 65536.0 * (1.0 + self.h6 / 67108864.0 * h * (1.0 + self.h3 / 67108864.0 * h)))
        h = h * (1.0 - self.h1 * h / 524288.0)
        return min(100.0, max(0.0, h))

    def read(self):
        """(temperature in C, pressure in Pa, relative humidity in %)."""
        adc_t, adc_p, adc_h = self.read_raw()
        t = self.compensate_temperature(adc_t)
        return t, self.compensate_pressure(adc_p), self.compensate_humidity(adc_h)

    @property
    def temperature(self):
        return self.read()[0]

"""##,
]

/// The names in `frozenModuleSources` that are packages (from `__init__.py`).
let frozenPackages: Set<String> = ["asyncio"]
