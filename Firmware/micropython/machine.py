# machine: MicroPython's classes over the native module _machine (MachineModule.swift).
import _machine

_RP2 = _machine.port == "rp2"
_MODES = {0: "IN", 1: "OUT", 2: "OPEN_DRAIN", 3: "ALT"}


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    ALT = 3
    PULL_UP = 1
    PULL_DOWN = 2
    if _RP2:
        IRQ_FALLING = 4
        IRQ_RISING = 8
    else:
        IRQ_FALLING = 2
        IRQ_RISING = 1

    def __init__(self, id, mode=-1, pull=-1, value=None, **kw):
        if isinstance(id, Pin):
            self._k, self._n = id._k, id._n
        else:
            self._k, self._n = _machine.pin_resolve(id)
        self._handler = None
        self.init(mode, pull, value, **kw)

    def init(self, mode=-1, pull=-1, value=None, **kw):
        if "mode" in kw:
            mode = kw["mode"]
        if "pull" in kw:
            pull = kw["pull"]
        if "value" in kw:
            value = kw["value"]
        if mode is None:
            mode = -1
        if pull is None:
            pull = 0 if mode != -1 else -1
        elif pull == -1 and mode != -1:
            pull = 0
        _machine.pin_config(self._k, self._n, mode, pull, value)

    def value(self, v=None):
        if v is None:
            return _machine.pin_read(self._k, self._n)
        _machine.pin_write(self._k, self._n, 1 if v else 0)

    def __call__(self, v=None):
        return self.value(v)

    def on(self):
        _machine.pin_write(self._k, self._n, 1)

    def off(self):
        _machine.pin_write(self._k, self._n, 0)

    def high(self):
        _machine.pin_write(self._k, self._n, 1)

    def low(self):
        _machine.pin_write(self._k, self._n, 0)

    def toggle(self):
        _machine.pin_write(self._k, self._n, 0 if _machine.pin_read(self._k, self._n) else 1)

    def mode(self, m=None):
        if m is None:
            return _machine.pin_state(self._k, self._n)[0]
        _machine.pin_config(self._k, self._n, m, -1, None)

    def pull(self, p=None):
        if p is None:
            return _machine.pin_state(self._k, self._n)[1] or None
        _machine.pin_config(self._k, self._n, -1, p or 0, None)

    def irq(self, handler=None, trigger=None, hard=False):
        if trigger is None:
            trigger = Pin.IRQ_FALLING | Pin.IRQ_RISING
        edges = (1 if trigger & Pin.IRQ_FALLING else 0) | (2 if trigger & Pin.IRQ_RISING else 0)
        self._handler = handler
        _machine.pin_irq(self._k, self._n, edges, handler, self)

    def __eq__(self, other):
        return isinstance(other, Pin) and other._k == self._k and other._n == self._n

    def __hash__(self):
        return self._k * 1000 + self._n

    def _gpio(self):
        if self._k != 0:
            raise ValueError("invalid pin")
        return self._n

    def __repr__(self):
        if not _RP2:
            return "Pin(%d)" % self._n
        mode, pull = _machine.pin_state(self._k, self._n)
        s = "Pin(%s, mode=%s" % (_machine.pin_name(self._k, self._n), _MODES[mode])
        if pull == 1:
            s += ", pull=PULL_UP"
        elif pull == 2:
            s += ", pull=PULL_DOWN"
        return s + ")"


def _pin_number(p):
    if isinstance(p, Pin):
        return p._gpio()
    return Pin(p)._gpio()


class I2C:
    def __init__(self, id=0, *, scl=None, sda=None, freq=400000, timeout=50000):
        dscl, dsda = _machine.i2c_defaults(id)
        self._id = id
        self._scl = dscl if scl is None else _pin_number(scl)
        self._sda = dsda if sda is None else _pin_number(sda)
        self._timeout = timeout
        self._freq = _machine.i2c_setup(id, self._scl, self._sda, freq)
        self._bus = id
        self._soft = 0

    def __repr__(self):
        if _RP2:
            return "I2C(%d, freq=%d, scl=%d, sda=%d, timeout=%d)" % (self._id, self._freq, self._scl, self._sda, self._timeout)
        return "I2C(%d, scl=%d, sda=%d, freq=%d, timeout=%d)" % (self._id, self._scl, self._sda, self._freq, self._timeout)

    def init(self, *, scl=None, sda=None, freq=400000, timeout=50000):
        self.__init__(self._id, scl=scl, sda=sda, freq=freq, timeout=timeout)

    def deinit(self):
        pass

    def scan(self):
        return _machine.i2c_scan(self._bus)

    def readfrom(self, addr, nbytes, stop=True):
        return _machine.i2c_read(self._bus, addr, nbytes, self._soft)

    def readfrom_into(self, addr, buf, stop=True):
        n = len(buf)
        buf[0:n] = _machine.i2c_read(self._bus, addr, n, self._soft)

    def writeto(self, addr, buf, stop=True):
        return _machine.i2c_write(self._bus, addr, bytes(buf), stop, self._soft)

    def writevto(self, addr, vector, stop=True):
        data = b""
        for b in vector:
            data += bytes(b)
        return _machine.i2c_write(self._bus, addr, data, stop, self._soft)

    def _reg(self, memaddr, addrsize):
        n = addrsize // 8
        return bytes([(memaddr >> (8 * (n - 1 - i))) & 0xFF for i in range(n)])

    def readfrom_mem(self, addr, memaddr, nbytes, *, addrsize=8):
        return _machine.i2c_readmem(self._bus, addr, self._reg(memaddr, addrsize), nbytes, self._soft)

    def readfrom_mem_into(self, addr, memaddr, buf, *, addrsize=8):
        n = len(buf)
        buf[0:n] = _machine.i2c_readmem(self._bus, addr, self._reg(memaddr, addrsize), n, self._soft)

    def writeto_mem(self, addr, memaddr, buf, *, addrsize=8):
        _machine.i2c_writemem(self._bus, addr, self._reg(memaddr, addrsize), bytes(buf), self._soft)


class SoftI2C(I2C):
    def __init__(self, scl, sda, *, freq=400000, timeout=50000):
        self._scl = _pin_number(scl)
        self._sda = _pin_number(sda)
        self._freq = freq
        self._timeout = timeout
        self._soft = 1
        self._bus = _machine.i2c_bus_for_pins(self._scl, self._sda)
        if self._bus is None:
            self._bus = -1

    def __repr__(self):
        return "SoftI2C(scl=%d, sda=%d, freq=%d)" % (self._scl, self._sda, self._freq)

    def scan(self):
        if self._bus < 0:
            return []
        return _machine.i2c_scan(self._bus)

    def init(self, scl, sda, *, freq=400000, timeout=50000):
        self.__init__(scl, sda, freq=freq, timeout=timeout)


class ADC:
    CORE_TEMP = 4

    def __init__(self, id):
        if isinstance(id, Pin):
            self._u, self._c = _machine.adc_channel(id._gpio(), -1)
        elif _RP2 and 0 <= id <= 4:
            self._u, self._c = _machine.adc_channel(-1, id)
        else:
            self._u, self._c = _machine.adc_channel(_pin_number(id), -1)

    def read_u16(self):
        return _machine.adc_read_u16(self._u, self._c)


class PWM:
    def __init__(self, dest, *, freq=None, duty_u16=None, duty_ns=None, invert=False):
        self._g = _pin_number(dest)
        _machine.pwm_attach(self._g)
        if freq is not None:
            self.freq(freq)
        if duty_u16 is not None:
            self.duty_u16(duty_u16)
        if duty_ns is not None:
            self.duty_ns(duty_ns)

    def init(self, *, freq=None, duty_u16=None, duty_ns=None):
        _machine.pwm_attach(self._g)
        if freq is not None:
            self.freq(freq)
        if duty_u16 is not None:
            self.duty_u16(duty_u16)
        if duty_ns is not None:
            self.duty_ns(duty_ns)

    def freq(self, f=None):
        if f is None:
            return _machine.pwm_freq(self._g)
        _machine.pwm_freq(self._g, f)

    def duty_u16(self, d=None):
        if d is None:
            return _machine.pwm_duty_u16(self._g)
        _machine.pwm_duty_u16(self._g, max(0, min(65535, d)))

    def duty_ns(self, ns=None):
        f = _machine.pwm_freq(self._g)
        if ns is None:
            if f == 0:
                return 0
            return _machine.pwm_duty_u16(self._g) * 1000000000 // (65535 * f)
        self.duty_u16(ns * f * 65535 // 1000000000)

    def deinit(self):
        _machine.pwm_detach(self._g)

    def __repr__(self):
        return "<PWM pin=%d freq=%d duty_u16=%d>" % (self._g, self.freq(), self.duty_u16())


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, id=-1, *args, **kw):
        self._id = id
        self._t = None
        if args or kw:
            self.init(*args, **kw)

    def init(self, *, mode=1, period=-1, freq=-1, tick_hz=1000, callback=None):
        self.deinit()
        if freq > 0:
            ns = 1000000000 // freq
        elif period >= 0:
            ns = period * 1000000000 // tick_hz
        else:
            ns = 1000000000
        self._t = _machine.timer_start(max(ns, 1), mode == Timer.PERIODIC, callback, self)

    def deinit(self):
        if self._t is not None:
            _machine.timer_stop(self._t)
            self._t = None

    def __repr__(self):
        return "Timer(mode=%s)" % ("PERIODIC" if self._t is not None else "ONE_SHOT")


class RTC:
    def __init__(self, id=0):
        pass

    def datetime(self, t=None):
        if t is None:
            return _machine.rtc_get()
        _machine.rtc_set(*t)

    def init(self, t):
        # init takes (year, month, day, hour, minute, second, microsecond, tzinfo)
        t = tuple(t) + (0,) * (8 - len(t))
        _machine.rtc_set(t[0], t[1], t[2], 0, t[3], t[4], t[5], t[6])


class WDT:
    def __init__(self, id=0, timeout=5000):
        _machine.wdt_start(timeout)

    def feed(self):
        _machine.wdt_feed()


PWRON_RESET = 1
HARD_RESET = 2
WDT_RESET = 3
DEEPSLEEP_RESET = 4
SOFT_RESET = 5
WAKE_REASON_TIMER = 4
unique_id = _machine.unique_id
reset_cause = _machine.reset_cause
freq = _machine.freq


def reset():
    _machine.reset(0)


def soft_reset():
    _machine.reset(1)


def idle():
    _machine.sleep_ns(1000)


def lightsleep(ms=None):
    if ms is not None:
        _machine.sleep_ns(ms * 1000000)


def deepsleep(ms=None):
    _machine.deepsleep(0 if ms is None else max(1, ms) * 1000000)


def disable_irq():
    return _machine.irq_state(0)


def enable_irq(state=True):
    _machine.irq_state(1 if state else 0)


def bootloader():
    _machine.reset(0)


