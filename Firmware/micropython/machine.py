# machine: MicroPython's classes over the native module _machine (MachineModule.swift).
import _machine

_RP2 = _machine.port == "rp2"


class Pin:
    # The ports' own values: user code may print or store them.
    if _RP2:
        # ports/rp2/machine_pin.c
        IN = 0
        OUT = 1
        OPEN_DRAIN = 2
        ALT = 3
        PULL_UP = 1
        PULL_DOWN = 2
        IRQ_FALLING = 4
        IRQ_RISING = 8
        ALT_SPI = 1
        ALT_UART = 2
        ALT_I2C = 3
        ALT_PWM = 4
        ALT_SIO = 5
        ALT_PIO0 = 6
        ALT_PIO1 = 7
        ALT_GPCK = 8
        ALT_USB = 9
    else:
        # ports/esp32/machine_pin.c: ESP-IDF's GPIO_MODE_*, GPIO_INTR_* and drive strengths
        IN = 1
        OUT = 3
        OPEN_DRAIN = 7
        PULL_DOWN = 1
        PULL_UP = 2
        IRQ_RISING = 1
        IRQ_FALLING = 2
        WAKE_LOW = 4
        WAKE_HIGH = 5
        DRIVE_0 = 0
        DRIVE_1 = 1
        DRIVE_2 = 2
        DRIVE_3 = 3

    def __init__(self, id, mode=-1, pull=-1, value=None, **kw):
        if isinstance(id, Pin):
            self._k, self._n = id._k, id._n
        else:
            self._k, self._n = _machine.pin_resolve(id)
        self._handler = None
        # As on the ports, Pin(id) alone leaves the pin as it is.
        if mode != -1 or pull != -1 or value is not None or kw:
            self.init(mode, pull, value, **kw)

    def init(self, mode=-1, pull=-1, value=None, alt=-1, **kw):
        if mode is None:
            mode = -1
        ext = self._k == _machine.KIND_EXT
        if _RP2 and ext:
            if pull not in (-1, None):
                raise ValueError("pulls are not supported for external pins")
            if alt not in (-1, Pin.ALT_SIO):
                raise ValueError("alternate functions are not supported for external pins")
        code = _machine.MODE_KEEP if mode == -1 else _mode_code(self, mode, alt)
        _machine.pin_config(self._k, self._n, code, _pull_code(pull), value)

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
            if self._k == _machine.KIND_GPIO and self._n in _alt_function:
                return Pin.ALT
            return _PORT_MODE[_machine.pin_state(self._k, self._n)[0]]
        _machine.pin_config(self._k, self._n, _mode_code(self, m, -1), _machine.PULL_KEEP, None)

    def pull(self, p=None):
        if p is None:
            return _PORT_PULL[_machine.pin_state(self._k, self._n)[1]]
        _machine.pin_config(self._k, self._n, _machine.MODE_KEEP, _pull_code(p or 0), None)

    def irq(self, handler=None, trigger=None, hard=False):
        if trigger is None:
            trigger = Pin.IRQ_FALLING | Pin.IRQ_RISING
        edges = (_machine.EDGE_FALLING if trigger & Pin.IRQ_FALLING else 0) | (
            _machine.EDGE_RISING if trigger & Pin.IRQ_RISING else 0)
        self._handler = handler
        _machine.pin_irq(self._k, self._n, edges, handler, self)

    def __eq__(self, other):
        return isinstance(other, Pin) and other._k == self._k and other._n == self._n

    def __hash__(self):
        return self._k * 1000 + self._n

    def _gpio(self):
        if self._k != _machine.KIND_GPIO:
            raise ValueError("invalid pin")
        return self._n

    def __repr__(self):
        if not _RP2:
            return "Pin(%d)" % self._n
        mode, pull = _machine.pin_state(self._k, self._n)
        alt = _alt_function.get(self._n) if self._k == _machine.KIND_GPIO else None
        s = "Pin(%s, mode=%s" % (_machine.pin_name(self._k, self._n), "ALT" if alt else _MODE_NAME[mode])
        if pull == _machine.PULL_UP:
            s += ", pull=PULL_UP"
        elif pull == _machine.PULL_DOWN:
            s += ", pull=PULL_DOWN"
        if alt:
            s += ", alt=%s" % _ALT_NAME[alt]
        return s + ")"


_MODE_NAME = {_machine.MODE_IN: "IN", _machine.MODE_OUT: "OUT", _machine.MODE_OPEN_DRAIN: "OPEN_DRAIN"}
_PORT_MODE = {_machine.MODE_IN: Pin.IN, _machine.MODE_OUT: Pin.OUT, _machine.MODE_OPEN_DRAIN: Pin.OPEN_DRAIN}
_PORT_PULL = {_machine.PULL_NONE: None, _machine.PULL_UP: Pin.PULL_UP, _machine.PULL_DOWN: Pin.PULL_DOWN}

# rp2: the alternate function a GPIO has been switched to with Pin.ALT (absent: SIO, plain GPIO).
_alt_function = {}
_ALT_NAME = {1: "SPI", 2: "UART", 3: "I2C", 4: "PWM", 6: "PIO0", 7: "PIO1", 8: "GPCK", 9: "USB"}


def _mode_code(pin, mode, alt):
    """The _machine mode for the port's `mode` (rp2's ALT is checked and recorded here)."""
    if _RP2:
        code = {Pin.IN: _machine.MODE_IN, Pin.OUT: _machine.MODE_OUT,
                Pin.OPEN_DRAIN: _machine.MODE_OPEN_DRAIN}.get(mode)
        if pin._k != _machine.KIND_GPIO:
            return _machine.MODE_IN if code is None else code
        if code is not None:
            _alt_function.pop(pin._n, None)
            return code
        # Any other mode selects alternate function `alt` (SIO by default), as
        # ports/rp2/machine_pin.c does: it must be one of the pin's functions
        # (rp2_af.csv: 1-7 and 9 on every GPIO, GPCK (8) on GPIO20-25 only).
        af = Pin.ALT_SIO if alt == -1 else alt
        fn = af & 0xFF
        if not (1 <= fn <= 9 and (fn != Pin.ALT_GPCK or 20 <= pin._n <= 25)):
            raise ValueError("invalid pin af: %d" % af)
        if fn == Pin.ALT_SIO:
            _alt_function.pop(pin._n, None)
        else:
            _alt_function[pin._n] = fn
        return _machine.MODE_KEEP
    # esp32 passes the mode to gpio_set_direction: bit 1 output, bit 2 open drain.
    if mode & 4:
        return _machine.MODE_OPEN_DRAIN
    if mode & 2:
        return _machine.MODE_OUT
    return _machine.MODE_IN


def _pull_code(pull):
    """The _machine pull for the port's `pull`: rp2 sets the pulls whenever a pin
    is configured (none unless given); esp32 leaves them unless `pull` is given."""
    if pull == -1:
        return _machine.PULL_NONE if _RP2 else _machine.PULL_KEEP
    if pull is None:
        return _machine.PULL_NONE
    if pull & Pin.PULL_UP:
        return _machine.PULL_UP
    if pull & Pin.PULL_DOWN:
        return _machine.PULL_DOWN
    return _machine.PULL_NONE


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
        self.init(freq=freq, duty_u16=duty_u16, duty_ns=duty_ns)

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
        if _RP2 and id != -1:
            # ports/rp2/machine_timer.c: only the soft timer (-1) exists.
            raise ValueError("Timer doesn't exist")
        self._id = id
        self._t = None
        self._mode = Timer.ONE_SHOT
        self._ticks = 0  # the period: microseconds on rp2, _ESP32_TIMER_HZ ticks on esp32
        if args or kw:
            self.init(*args, **kw)

    def init(self, *, mode=PERIODIC, callback=None, period=0xFFFFFFFF, tick_hz=1000, freq=None):
        self.deinit()
        hz = 1000000 if _RP2 else _ESP32_TIMER_HZ
        if freq is not None:
            ticks = int(hz / freq)
        else:
            ticks = period * hz // tick_hz
        if _RP2:
            ticks = max(ticks, 1)
        self._mode = mode
        self._ticks = ticks
        periodic = mode == Timer.PERIODIC if _RP2 else bool(mode)
        ns = ticks * 1000000000 // hz
        self._t = _machine.timer_start(max(ns, 1), periodic, callback, self)

    def deinit(self):
        if self._t is not None:
            _machine.timer_stop(self._t)
            self._t = None

    def __repr__(self):
        if _RP2:
            # ports/rp2/machine_timer.c prints the period in microseconds, past
            # 32 bits as milliseconds followed by "000".
            mode = "ONE_SHOT" if self._mode == Timer.ONE_SHOT else "PERIODIC"
            us = self._ticks
            period = str(us) if us <= 0xFFFFFFFF else "%d000" % ((us // 1000) & 0xFFFFFFFF)
            return "Timer(mode=%s, tick_hz=1000000, period=%s)" % (mode, period)
        # ports/esp32/machine_timer.c: hardware timer (group << 1 | index), period in ms.
        mode = "PERIODIC" if self._mode else "ONE_SHOT"
        return "Timer(%d, mode=%s, period=%d)" % (self._id & 3, mode, self._ticks // (_ESP32_TIMER_HZ // 1000))


# ports/esp32/machine_timer.c counts at APB_CLK_FREQ / TIMER_DIVIDER = 80 MHz / 8.
_ESP32_TIMER_HZ = 10000000


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


PWRON_RESET = _machine.RESET_PWRON
HARD_RESET = _machine.RESET_HARD
WDT_RESET = _machine.RESET_WDT
DEEPSLEEP_RESET = _machine.RESET_DEEPSLEEP
SOFT_RESET = _machine.RESET_SOFT
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




def _regular_gpio(pin):
    # mp_hal_get_pin_obj: any pin Pin() accepts; rp2 refuses the Pico W's
    # wireless-chip pins (ports/rp2/machine_pin.c).
    p = pin if isinstance(pin, Pin) else Pin(pin)
    if p._k != _machine.KIND_GPIO:
        raise ValueError("expecting a regular GPIO Pin")
    return p


def time_pulse_us(pin, pulse_level, timeout_us=1000000):
    # extmod/machine_pulse.c: -2 if the level never comes, -1 if it never ends.
    p = _regular_gpio(pin)
    return _machine.time_pulse_us(p._k, p._n, 1 if pulse_level else 0, timeout_us)


def dht_readinto(pin, buf):
    # drivers/dht/dht.c: the DHT11/DHT22 single-wire read, five bytes into buf.
    p = _regular_gpio(pin)
    _machine.dht_readinto(p._k, p._n, buf)
