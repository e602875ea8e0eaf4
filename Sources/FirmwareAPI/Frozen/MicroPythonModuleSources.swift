// GENERATED FILE - DO NOT EDIT.
// Made by `python3 Scripts/freeze.py` from the Python files under Firmware/micropython;
// edit those and run the command again.

/// The Python modules of the MicroPython flavour (over `_machine`), by name.
let microPythonModuleSources: [String: String] = [
    "esp32": ##"""
# esp32 (ESP32 boards only). Wake sources are recorded; NVS lives in memory
# for the session (the runtime), not across resets.
import _machine

WAKEUP_ALL_LOW = False
WAKEUP_ANY_HIGH = True

_ext0 = None
_ext1 = None


def mcu_temperature():
    return int(round(_machine.mcu_temperature()))


def raw_temperature():
    # As on the original ESP32: degrees Fahrenheit.
    return int(round(_machine.mcu_temperature() * 9 / 5 + 32))


def wake_on_ext0(pin, level):
    global _ext0
    _ext0 = None if pin is None else (pin, level)


def wake_on_ext1(pins, level):
    global _ext1
    _ext1 = None if pins is None else (tuple(pins), level)


def wake_on_touch(wake):
    pass


def wake_on_ulp(wake):
    pass


_namespaces = {}


def _not_found():
    return OSError(-4354, "ESP_ERR_NVS_NOT_FOUND")


class NVS:
    def __init__(self, namespace):
        if namespace not in _namespaces:
            _namespaces[namespace] = {}
        self._d = _namespaces[namespace]

    def set_i32(self, key, value):
        self._d[key] = ("i32", int(value))

    def get_i32(self, key):
        v = self._d.get(key)
        if v is None or v[0] != "i32":
            raise _not_found()
        return v[1]

    def set_blob(self, key, value):
        self._d[key] = ("blob", bytes(value))

    def get_blob(self, key, buffer):
        v = self._d.get(key)
        if v is None or v[0] != "blob":
            raise _not_found()
        data = v[1]
        n = min(len(data), len(buffer))
        for i in range(n):
            buffer[i] = data[i]
        return len(data)

    def erase_key(self, key):
        if key not in self._d:
            raise _not_found()
        del self._d[key]

    def commit(self):
        pass

"""##,
    "machine": ##"""
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



"""##,
    "neopixel": ##"""
# neopixel: MicroPython's NeoPixel class; write() sends the GRB(W) buffer
# through _machine.neopixel_write.
import _machine


class NeoPixel:
    ORDER = (1, 0, 2, 3)

    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        self.timing = timing
        pin.init(pin.OUT)

    def __len__(self):
        return self.n

    def __setitem__(self, i, v):
        offset = i * self.bpp
        for i in range(self.bpp):
            self.buf[offset + self.ORDER[i]] = v[i]

    def __getitem__(self, i):
        offset = i * self.bpp
        return tuple(self.buf[offset + self.ORDER[i]] for i in range(self.bpp))

    def fill(self, v):
        b = self.buf
        l = len(self.buf)
        bpp = self.bpp
        for i in range(bpp):
            c = v[i]
            j = self.ORDER[i]
            while j < l:
                b[j] = c
                j += bpp

    def write(self):
        _machine.neopixel_write(self.pin._k, self.pin._n, bytes(self.buf), self.timing)

"""##,
    "network": ##"""
# network: the board's Wi-Fi as MicroPython's rp2 port (extmod/network_cyw43.c,
# the Pico W's CYW43 chip) and ESP32 port (ports/esp32/network_wlan.c) offer it,
# over _network (BoardNetwork's WiFiRadio in Swift). Each port keeps its own
# status codes, scan tuples, config keys, reprs and error texts.
import _network

_RP2 = _network.port == 'rp2'
STA_IF = 0
AP_IF = 1

# The radio's states (WiFiRadio.StationState) as each port reports them.
_IDLE, _JOINING, _CONNECTED, _NO_AP, _BAD_PASSWORD, _LINK_LOST = 0, 1, 2, 3, 4, 5

if _RP2:
    STAT_IDLE = 0
    STAT_CONNECTING = 1
    STAT_GOT_IP = 3
    STAT_CONNECT_FAIL = -1
    STAT_NO_AP_FOUND = -2
    STAT_WRONG_PASSWORD = -3
    _STATUS = {_IDLE: 0, _JOINING: 1, _CONNECTED: 3, _NO_AP: -2, _BAD_PASSWORD: -3, _LINK_LOST: 1}
    _hostname = 'PicoW'
else:
    STAT_IDLE = 1000
    STAT_CONNECTING = 1001
    STAT_GOT_IP = 1010
    STAT_BEACON_TIMEOUT = 200
    STAT_NO_AP_FOUND = 201
    STAT_WRONG_PASSWORD = 202
    STAT_ASSOC_FAIL = 203
    STAT_HANDSHAKE_TIMEOUT = 204
    STAT_NO_AP_FOUND_IN_RSSI_THRESHOLD = 211
    STAT_NO_AP_FOUND_IN_AUTHMODE_THRESHOLD = 212
    STAT_NO_AP_FOUND_W_COMPATIBLE_SECURITY = 210
    _STATUS = {_IDLE: 1000, _JOINING: 1001, _CONNECTED: 1010, _NO_AP: 201, _BAD_PASSWORD: 202, _LINK_LOST: 200}
    AUTH_OPEN = 0
    AUTH_WEP = 1
    AUTH_WPA_PSK = 2
    AUTH_WPA2_PSK = 3
    AUTH_WPA_WPA2_PSK = 4
    AUTH_WPA2_ENTERPRISE = 5
    AUTH_WPA3_PSK = 6
    AUTH_WPA2_WPA3_PSK = 7
    AUTH_WAPI_PSK = 8
    AUTH_OWE = 9
    AUTH_WPA3_ENT_192 = 10
    AUTH_MAX = 11
    MODE_11B = 1
    MODE_11G = 2
    MODE_11N = 4
    MODE_LR = 8
    _hostname = 'mpy-' + _network.chip

_country = 'XX'


def hostname(*args):
    global _hostname
    if len(args) > 1:
        raise TypeError('function takes at most 1 positional arguments')
    if not args:
        return _hostname
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("can't convert %s to str" % type(name).__name__)
    if len(name) > 32:
        raise ValueError
    _hostname = name


def country(*args):
    global _country
    if not args:
        return _country
    code = args[0]
    if not isinstance(code, str):
        raise TypeError("can't convert %s to str" % type(code).__name__)
    if len(code) != 2:
        raise ValueError
    _country = code


def ipconfig(*args, **kwargs):
    if kwargs:
        if args:
            raise TypeError("can't specify pos and kw args")
        for key in kwargs:
            if key != 'prefer' and key != 'dns':
                raise ValueError('unexpected key')
        return None
    if len(args) != 1:
        raise TypeError('must query one param')
    if args[0] == 'dns':
        return _network.ifconfig(STA_IF)[3]
    if args[0] == 'prefer' and _RP2:
        return 4
    raise ValueError('unexpected key')


def _bytes(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return str(bytes(value), 'utf-8')
    raise TypeError("object with buffer protocol required")


class WLAN:
    if _RP2:
        IF_STA = 0
        IF_AP = 1
        SEC_OPEN = 0
        SEC_WPA_WPA2 = 0x00400004
        SEC_WPA3 = 0x01000004
        SEC_WPA2_WPA3 = 0x01400004
        PM_NONE = 0x00000010
        PM_PERFORMANCE = 0x00a11142
        PM_POWERSAVE = 0x00000011

    def __new__(cls, interface=STA_IF):
        if not isinstance(interface, int):
            raise TypeError("can't convert %s to int" % type(interface).__name__)
        if _RP2:
            interface = STA_IF if interface == STA_IF else AP_IF
        elif interface not in (STA_IF, AP_IF):
            raise ValueError('invalid WLAN interface identifier')
        # One object per interface, as the firmware's are static.
        found = _interfaces.get(interface)
        if found is None:
            found = object.__new__(cls)
            found._itf = interface
            found._settings = {}
            _interfaces[interface] = found
        return found

    def __init__(self, interface=STA_IF):
        pass

    def __repr__(self):
        if not _RP2:
            return '<WLAN>'
        state = _network.state()
        if self._itf == AP_IF:
            text = 'up' if _network.active(AP_IF) else 'down'
        elif state == _CONNECTED:
            text = 'up'
        elif state in (_JOINING, _LINK_LOST):
            text = 'join'
        elif state == _NO_AP:
            text = 'nonet'
        elif state == _BAD_PASSWORD:
            text = 'badauth'
        else:
            text = 'down'
        return '<CYW43 %s %s %s>' % ('STA' if self._itf == STA_IF else 'AP', text, self.ifconfig()[0])

    def active(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if not args:
            return _network.active(self._itf, None)
        _network.active(self._itf, bool(args[0]))
        return None if _RP2 else bool(args[0])

    def connect(self, ssid=None, key=None, *, bssid=None, **kwargs):
        if _RP2:
            for k in kwargs:
                if k not in ('auth', 'security', 'channel'):
                    raise TypeError("unexpected keyword argument '%s'" % k)
            if ssid is None:
                raise TypeError("'ssid' argument required")
            if not _network.active(STA_IF, None):
                raise OSError(1)  # cyw43_wifi_join: -CYW43_EPERM while the interface is down
        else:
            if kwargs:
                raise TypeError("unexpected keyword argument '%s'" % list(kwargs)[0])
            if self._itf != STA_IF or not _network.active(STA_IF, None):
                raise OSError('Wifi Not Started' if not _network.active(STA_IF, None) else 'Wifi Invalid Mode')
            if ssid is None:
                ssid = _network.sta_ssid()
                if key is None:
                    key = _network.sta_key()
        if bssid is not None and len(bssid) != 6:
            raise ValueError
        _network.connect(_bytes(ssid), '' if key is None else _bytes(key), None if bssid is None else bytes(bssid))

    def disconnect(self):
        _network.disconnect()

    def isconnected(self):
        if self._itf == AP_IF:
            return False  # no station has joined the board's access point
        return _network.state() == _CONNECTED

    def status(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if not args:
            if self._itf == AP_IF:
                return None if not _RP2 else (3 if _network.active(AP_IF, None) else 0)
            return _STATUS[_network.state()]
        param = args[0]
        if param == 'rssi':
            if not _RP2 and self._itf != STA_IF:
                raise OSError('STA required')
            rssi = _network.rssi()
            if rssi is None:
                if _RP2:
                    raise OSError(1)
                raise OSError('Wifi Not Connected')
            return rssi
        if param == 'stations':
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            return []
        raise ValueError('unknown status param')

    def scan(self, **kwargs):
        if not _network.active(STA_IF, None):
            if _RP2:
                raise OSError(1)
            raise OSError('STA must be active')
        out = []
        for ssid, bssid, channel, rssi, secure in _network.scan():
            if _RP2:
                # (ssid, bssid, channel, RSSI, security, hits): CYW43 auth codes.
                out.append((ssid, bssid, channel, rssi, 5 if secure else 0, 1))
            else:
                # (ssid, bssid, channel, RSSI, authmode, hidden): ESP-IDF auth modes.
                out.append((ssid, bssid, channel, rssi, 3 if secure else 0, False))
        return out

    def ifconfig(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 2 positional arguments')
        if args:
            config = args[0]
            if isinstance(config, str):
                if config != 'dhcp' or self._itf != STA_IF:
                    raise ValueError('invalid arguments')
                return None
            if not isinstance(config, (tuple, list)) or len(config) != 4:
                raise ValueError('invalid arguments' if not _RP2 else 'need more than %d values to unpack' % len(config))
            _network.set_ifconfig(self._itf, tuple(config))
            return None
        return _network.ifconfig(self._itf)

    def ipconfig(self, *args, **kwargs):
        if kwargs:
            if args:
                raise TypeError("can't specify pos and kw args")
            return None
        if len(args) != 1:
            raise TypeError('must query one param')
        ip, mask, gw, _ = _network.ifconfig(self._itf)
        key = args[0]
        if key == 'addr4':
            return (ip, mask)
        if key == 'gw4':
            return gw
        if key == 'dhcp4':
            return self._itf == STA_IF
        if key == 'has_dhcp4':
            return self._itf == STA_IF and ip != '0.0.0.0'
        if key == 'addr6':
            return []
        if key == 'autoconf6' or key == 'has_autoconf6':
            return False
        raise ValueError('unexpected key')

    def config(self, *args, **kwargs):
        if kwargs:
            if args:
                raise TypeError("can't specify pos and kw args" if _RP2 else 'either pos or kw args are allowed')
            for key, value in kwargs.items():
                self._set(key, value)
            return None
        if len(args) != 1:
            raise TypeError('must query one param' if _RP2 else 'can query only one param')
        return self._get(args[0])

    def _get(self, key):
        if key == 'mac':
            return _network.mac(self._itf)
        if key in ('ssid', 'essid'):
            return _network.sta_ssid() if self._itf == STA_IF else _network.ap_ssid()
        if key == 'channel':
            return _network.channel(self._itf)
        if key == 'hostname' or (key == 'dhcp_hostname' and not _RP2):
            return _hostname
        if key == 'txpower':
            return 31 if _RP2 else 20.0
        if key == 'pm':
            return self.PM_PERFORMANCE if _RP2 else 1
        if key in self._settings:
            return self._settings[key]
        if key == 'security' or (key == 'authmode' and not _RP2):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            return (0x00400004 if _RP2 else 3) if _network.ap_key() else 0
        if not _RP2 and key == 'reconnects':
            return -1
        if not _RP2 and key == 'max_clients':
            return 4
        raise ValueError('unknown config param')

    def _set(self, key, value):
        global _hostname
        if key in ('ssid', 'essid'):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            _network.set_ap(_bytes(value), None, None)
        elif key in ('key', 'password'):
            if not _RP2 and self._itf != AP_IF:
                raise OSError('AP required')
            _network.set_ap(None, _bytes(value), None)
        elif key == 'channel':
            _network.set_ap(None, None, int(value))
        elif key == 'hostname' or (key == 'dhcp_hostname' and not _RP2):
            hostname(value)
        elif key in _RADIO_SETTINGS:
            # Kept and read back; they do not change the simulated link.
            self._settings[key] = value
        elif key == 'mac':
            if len(value) != 6:
                raise ValueError('invalid buffer length')
        else:
            raise ValueError('unknown config param')


_interfaces = {}
# Radio settings config() keeps without modelling them, per port.
if _RP2:
    _RADIO_SETTINGS = ('pm', 'txpower', 'security', 'antenna', 'trace', 'monitor')
else:
    _RADIO_SETTINGS = ('pm', 'txpower', 'security', 'authmode', 'reconnects', 'max_clients', 'hidden', 'protocol')

"""##,
    "rp2": ##"""
# rp2 (RP2040 boards only).
# rp2 here offers bootsel_button() and country() only. Absent, so their use raises
# AttributeError: PIO, StateMachine, asm_pio (PIO emulation is not done), DMA, Flash.

_country = "XX"


def bootsel_button():
    # The boards have no BOOTSEL button part yet: it is never pressed.
    return 0


def country(code=None):
    global _country
    if code is None:
        return _country
    _country = code

"""##,
    "ssl": ##"""
# ssl: the module MicroPython's rp2 and ESP32 firmware freeze from
# micropython-lib (python-stdlib/ssl) — CPython's names over `tls`.
import tls
from tls import *


class SSLContext:
    def __init__(self, *args):
        self._context = tls.SSLContext(*args)
        # micropython-lib's ssl turns verification off until asked for it.
        self._context.verify_mode = CERT_NONE

    @property
    def verify_mode(self):
        return self._context.verify_mode

    @verify_mode.setter
    def verify_mode(self, value):
        self._context.verify_mode = value

    def load_cert_chain(self, certfile, keyfile):
        self._context.load_cert_chain(_contents(certfile), _contents(keyfile))

    def load_verify_locations(self, cafile=None, cadata=None):
        if cafile:
            cadata = _contents(cafile)
        self._context.load_verify_locations(cadata)

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        return self._context.wrap_socket(sock, server_side=server_side,
                                         do_handshake_on_connect=do_handshake_on_connect,
                                         server_hostname=server_hostname)


def _contents(path_or_data):
    # A str names a file on the board; anything else is the data itself.
    if isinstance(path_or_data, str):
        with open(path_or_data, 'rb') as f:
            return f.read()
    return path_or_data


def wrap_socket(sock, server_side=False, key=None, cert=None, cert_reqs=CERT_NONE, cadata=None,
                server_hostname=None, do_handshake=True):
    context = SSLContext(PROTOCOL_TLS_SERVER if server_side else PROTOCOL_TLS_CLIENT)
    if cert or key:
        context.load_cert_chain(cert, key)
    if cadata:
        context.load_verify_locations(cadata=cadata)
    context.verify_mode = cert_reqs
    return context.wrap_socket(sock, server_side=server_side, do_handshake_on_connect=do_handshake,
                               server_hostname=server_hostname)

"""##,
]
