// GENERATED FILE - DO NOT EDIT.
// Made by `python3 Scripts/freeze.py` from the Python files under Firmware/micropython;
// edit those and run the command again.

/// The Python modules of the MicroPython flavour (over `_machine`), by name.
let microPythonModuleSources: [String: String] = [
    "dht": ##"""
# dht: the DHT11 and DHT22 driver both ports freeze (micropython-lib's
# micropython/drivers/sensor/dht/dht.py, required by ports/rp2/boards/manifest.py
# and ports/esp32/boards/manifest.py), written again to behave as it does:
# measure() reads the five bytes through machine.dht_readinto and checks the
# checksum; temperature() and humidity() decode the last bytes read.
from machine import dht_readinto


class DHTBase:
    def __init__(self, pin):
        self.pin = pin
        self.buf = bytearray(5)

    def measure(self):
        buf = self.buf
        dht_readinto(self.pin, buf)
        if (buf[0] + buf[1] + buf[2] + buf[3]) & 0xFF != buf[4]:
            raise Exception("checksum error")


class DHT11(DHTBase):
    # Whole degrees and percent in bytes 2 and 0.
    def humidity(self):
        return self.buf[0]

    def temperature(self):
        return self.buf[2]


class DHT22(DHTBase):
    # Tenths, big-endian; the temperature's top bit is its sign.
    def humidity(self):
        return (self.buf[0] << 8 | self.buf[1]) * 0.1

    def temperature(self):
        t = ((self.buf[2] & 0x7F) << 8 | self.buf[3]) * 0.1
        if self.buf[2] & 0x80:
            t = -t
        return t

"""##,
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

"""##,
    "mip": ##"""
# mip: installs packages from micropython-lib's index, or from URLs
# (http://, https://, github:, gitlab:, codeberg:), onto the board's file
# system, as micropython-lib's mip does.
import sys

import requests

from micropython import const

_PACKAGE_INDEX = const("https://micropython.org/pi/v2")
_CHUNK_SIZE = const(128)

# Host shorthands, each a format taking the organisation, the repository and
# the branch (positional) and the path in the repository (p); the https://
# is added by _rewrite_url.
_HOSTS = {
    "codeberg:": "codeberg.org/api/v1/repos/{}/{}/raw/{p}?ref={}",
    "github:": "raw.githubusercontent.com/{}/{}/{}/{p}",
    "gitlab:": "gitlab.com/{}/{}/-/raw/{}/{p}",
}

_ALLOWED_MIP_URL_PREFIXES = const(("http://", "https://", "codeberg:", "github:", "gitlab:"))


# Makes the directories leading to `path` (os.makedirs(os.path.dirname(path))).
def _ensure_path_exists(path):
    import os

    parts = path.split("/")
    if not parts[0]:
        # An absolute path: "/lib/x.py" -> ["/lib", "x.py"].
        parts.pop(0)
        parts[0] = "/" + parts[0]

    prefix = ""
    for part in parts[:-1]:
        prefix += part
        try:
            os.stat(prefix)
        except:
            os.mkdir(prefix)
        prefix += "/"


# Copies the stream `src` to `dest`, a function taking bytes, a chunk at a time.
def _chunk(src, dest):
    buf = memoryview(bytearray(_CHUNK_SIZE))
    while True:
        n = src.readinto(buf)
        if n == 0:
            break
        dest(buf if n == _CHUNK_SIZE else buf[:n])


# Is there a file at `path` whose SHA-256 starts with `short_hash` (hex)?
def _check_exists(path, short_hash):
    try:
        import binascii
        import hashlib

        with open(path, "rb") as f:
            hs256 = hashlib.sha256()
            _chunk(f, hs256.update)
            existing = str(binascii.hexlify(hs256.digest())[: len(short_hash)], "utf-8")
            return existing == short_hash
    except:
        return False


def _rewrite_url(url, branch=None):
    for provider, url_format in _HOSTS.items():
        if url.startswith(provider):
            components = url[len(provider) :].split("/")
            return _ALLOWED_MIP_URL_PREFIXES[1] + url_format.format(
                components[0], components[1], branch or "HEAD", p="/".join(components[2:])
            )
    return url


def _download_file(url, dest):
    response = requests.get(url)
    try:
        if response.status_code != 200:
            print("Error", response.status_code, "requesting", url)
            return False

        print("Copying:", dest)
        _ensure_path_exists(dest)
        with open(dest, "wb") as f:
            _chunk(response.raw, f.write)
        return True
    finally:
        response.close()


# Installs what a package.json lists: "hashes" (files in the index, by
# content hash), "urls" (files anywhere, relative to the json's folder unless
# absolute) and "deps" (other packages, with their versions).
def _install_json(package_json_url, index, target, version, mpy):
    response = requests.get(_rewrite_url(package_json_url, version))
    try:
        if response.status_code != 200:
            print("Package not found:", package_json_url)
            return False
        package_json = response.json()
    finally:
        response.close()
    for target_path, short_hash in package_json.get("hashes", ()):
        fs_target_path = target + "/" + target_path
        if _check_exists(fs_target_path, short_hash):
            print("Exists:", fs_target_path)
        else:
            file_url = "{}/file/{}/{}".format(index, short_hash[:2], short_hash)
            if not _download_file(file_url, fs_target_path):
                print("File not found: {} {}".format(target_path, short_hash))
                return False
    base_url = package_json_url.rpartition("/")[0]
    for target_path, url in package_json.get("urls", ()):
        fs_target_path = target + "/" + target_path
        is_full_url = any(url.startswith(p) for p in _ALLOWED_MIP_URL_PREFIXES)
        if base_url and not is_full_url:
            url = "{}/{}".format(base_url, url)
        if not _download_file(_rewrite_url(url, version), fs_target_path):
            print("File not found: {} {}".format(target_path, url))
            return False
    for dep, dep_version in package_json.get("deps", ()):
        if not _install_package(dep, index, target, dep_version, mpy):
            return False
    return True


def _install_package(package, index, target, version, mpy):
    if any(package.startswith(p) for p in _ALLOWED_MIP_URL_PREFIXES):
        if package.endswith(".py") or package.endswith(".mpy"):
            # A single file, installed under its own name.
            print("Downloading {} to {}".format(package, target))
            return _download_file(
                _rewrite_url(package, version), target + "/" + package.rsplit("/")[-1]
            )
        if not package.endswith(".json"):
            if not package.endswith("/"):
                package += "/"
            package += "package.json"
        print("Installing {} to {}".format(package, target))
    else:
        if not version:
            version = "latest"
        print("Installing {} ({}) from {} to {}".format(package, version, index, target))
        # The index holds .mpy builds by bytecode version, and plain .py under "py".
        if mpy and hasattr(sys.implementation, "_mpy"):
            mpy_version = sys.implementation._mpy & 0xFF
        else:
            mpy_version = "py"
        package = "{}/package/{}/{}/{}.json".format(index, mpy_version, package, version)

    return _install_json(package, index, target, version, mpy)


def install(package, index=None, target=None, version=None, mpy=True):
    if not target:
        # The first lib folder on sys.path outside the read-only /rom.
        for p in sys.path:
            if not p.startswith("/rom") and p.endswith("/lib"):
                target = p
                break
        else:
            print("Unable to find lib dir in sys.path")
            return

    if not index:
        index = _PACKAGE_INDEX

    if _install_package(package, index.rstrip("/"), target, version, mpy):
        print("Done")
    else:
        print("Package may be partially installed")

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
    "ntptime": ##"""
# ntptime: the time from an NTP server (one query over UDP), as micropython-lib's.
from time import gmtime
import socket
import struct

# Both may be changed at run time: ntptime.host = "...", ntptime.timeout = 2.
host = "pool.ntp.org"
timeout = 1  # seconds


def time():
    query = bytearray(48)
    query[0] = 0x23  # leap 0, version 4, mode 3 (client)
    addr = socket.getaddrinfo(host, 123)[0][-1]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.settimeout(timeout)
        s.sendto(query, addr)
        msg = s.recv(48)
    finally:
        s.close()
    # The transmit timestamp's seconds since 1900.
    val = struct.unpack("!I", msg[40:44])[0]

    # NTP seconds wrap to 0 in February 2036. Nothing older than 2024-01-01
    # (NTP 3913056000) can be the real time, so a smaller value has wrapped
    # (good until 2160).
    if val < 3913056000:
        val += 0x100000000

    epoch_year = gmtime(0)[0]
    if epoch_year == 2000:
        ntp_delta = 3155673600  # seconds from 1900-01-01 to 2000-01-01
    elif epoch_year == 1970:
        ntp_delta = 2208988800  # seconds from 1900-01-01 to 1970-01-01
    else:
        raise Exception("Unsupported epoch: {}".format(epoch_year))
    return val - ntp_delta


# Sets the RTC to UTC (MicroPython has no time zones).
def settime():
    t = time()
    import machine

    tm = gmtime(t)
    # RTC.datetime wants (year, month, day, weekday, hours, minutes, seconds, subseconds).
    machine.RTC().datetime((tm[0], tm[1], tm[2], tm[6] + 1, tm[3], tm[4], tm[5], 0))

"""##,
    "requests": ##"""
# requests: HTTP/1.1 client, as micropython-lib's `requests` (1.1.x) behaves.
# One request per connection (`Connection: close`); the body is streamed from
# the socket through `Response.raw`.
import socket


class BodyStream:
    # Reads a body of known length (`remaining` >= 0) or a chunked body
    # (`remaining` < 0: the next chunk's size line is still to be read).
    def __init__(self, sock, remaining):
        self._sock = sock
        self._chunk = remaining < 0
        self._remaining = remaining

    def read(self, n=-1):
        buf = bytearray(256 if n < 0 else n)
        if n >= 0:
            got = self.readinto(buf)
            if not got:
                return b""
            return buf[:got]
        out = b""
        while True:
            got = self.readinto(buf)
            if not got:
                return out
            out += buf[:got]

    def readinto(self, buf):
        sock = self._sock
        if self._remaining <= 0:
            if self._remaining == 0:
                return 0
            # Chunk size in hex, perhaps followed by ";extensions".
            self._remaining = int(sock.readline().split(b";")[0], 16)
            if self._remaining == 0:
                # Last chunk: skip the trailer up to its blank line.
                while True:
                    line = sock.readline()
                    if not line or line == b"\r\n":
                        return 0
        if len(buf) > self._remaining:
            buf = memoryview(buf)[: self._remaining]
        got = sock.readinto(buf)
        if not got:
            raise ValueError("Connection closed before body complete")
        self._remaining -= got
        if self._remaining == 0 and self._chunk:
            sock.readline()  # the CRLF after the chunk's data
            self._remaining = -1
        return got

    def close(self):
        self._sock.close()


class Response:
    def __init__(self, f):
        self.raw = f
        self.encoding = "utf-8"
        self._cached = None

    def close(self):
        if self.raw:
            self.raw.close()
            self.raw = None
        self._cached = None

    @property
    def content(self):
        if self._cached is None:
            try:
                self._cached = self.raw.read()
            finally:
                self.raw.close()
                self.raw = None
        return self._cached

    @property
    def text(self):
        return str(self.content, self.encoding)

    def json(self):
        import json

        return json.loads(self.content)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()


def request(
    method,
    url,
    data=None,
    json=None,
    headers=None,
    stream=None,
    auth=None,
    timeout=None,
    parse_headers=True,
):
    # The caller's dict is left as it was (a redirect reuses the copy).
    headers = {} if headers is None else headers.copy()
    redirect = None
    # An iterator without a length is sent chunk by chunk.
    chunked_data = data and getattr(data, "__next__", None) and not getattr(data, "__len__", None)

    if auth is not None:
        import binascii

        user, password = auth
        token = binascii.b2a_base64(b"{}:{}".format(user, password))[:-1]
        headers["Authorization"] = "Basic {}".format(str(token, "ascii"))

    try:
        proto, _, host, path = url.split("/", 3)
    except ValueError:
        proto, _, host = url.split("/", 2)
        path = ""
    if proto == "http:":
        port = 80
    elif proto == "https:":
        import tls

        port = 443
    else:
        raise ValueError("Unsupported protocol: " + proto)

    # A query or fragment straight after the host ("http://h?q") belongs to the path.
    for mark in "?#":
        if mark in host:
            host, rest = host.split(mark, 1)
            path = mark + rest + path

    if ":" in host:
        host, port = host.split(":", 1)
        port = int(port)

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]

    resp_d = None if parse_headers is False else {}

    s = socket.socket(ai[0], socket.SOCK_STREAM, ai[2])
    if timeout is not None:
        s.settimeout(timeout)

    try:
        s.connect(ai[-1])
        if proto == "https:":
            context = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
            context.verify_mode = tls.CERT_NONE
            s = context.wrap_socket(s, server_hostname=host)
        s.write(b"%s /%s HTTP/1.1\r\n" % (method, path))

        if "Host" not in headers:
            headers["Host"] = host

        if json is not None:
            assert data is None
            from json import dumps

            data = dumps(json)
            if "Content-Type" not in headers:
                headers["Content-Type"] = "application/json"

        if data:
            if chunked_data:
                if "Transfer-Encoding" not in headers and "Content-Length" not in headers:
                    headers["Transfer-Encoding"] = "chunked"
            else:
                if isinstance(data, str):
                    data = bytes(data, "utf-8")
                if "Content-Length" not in headers:
                    headers["Content-Length"] = str(len(data))

        if "Connection" not in headers:
            headers["Connection"] = "close"

        for k in headers:
            s.write(k)
            s.write(b": ")
            s.write(headers[k])
            s.write(b"\r\n")
        s.write(b"\r\n")

        if data:
            if not chunked_data:
                s.write(data)
            elif headers.get("Transfer-Encoding", None) == "chunked":
                for chunk in data:
                    s.write(b"%x\r\n" % len(chunk))
                    s.write(chunk)
                    s.write(b"\r\n")
                s.write("0\r\n\r\n")
            else:
                for chunk in data:
                    s.write(chunk)

        line = s.readline().split(None, 2)
        if len(line) < 2:
            raise ValueError("HTTP error: BadStatusLine:\n%s" % line)
        status = int(line[1])
        reason = line[2].rstrip() if len(line) > 2 else ""
        remaining = None
        chunked = False
        while True:
            line = s.readline()
            if not line or line == b"\r\n":
                break
            lower = line.lower()
            if lower.startswith(b"transfer-encoding:"):
                if b"chunked" in line:
                    chunked = True
            elif lower.startswith(b"location:") and not 200 <= status <= 299:
                if status in (301, 302, 303, 307, 308):
                    redirect = str(line[10:-2], "utf-8")
                    if redirect.startswith("/"):
                        redirect = proto + "//" + host + ":" + str(port) + redirect
                else:
                    raise NotImplementedError("Redirect %d not yet supported" % status)
            if parse_headers is True:
                k, v = str(line, "utf-8").split(":", 1)
                v = v.strip()
                resp_d[k] = v
                if lower.startswith(b"content-length:"):
                    remaining = int(v)
            elif parse_headers is not False:
                parse_headers(line, resp_d)
    except OSError:
        s.close()
        raise

    if redirect:
        s.close()
        # The new URL names its own host.
        headers.pop("Host", None)
        if status in (301, 302, 303):
            return request("GET", redirect, None, None, headers, stream)
        return request(method, redirect, data, json, headers, stream)

    if chunked:
        resp = Response(BodyStream(s, -1))
    elif remaining is not None:
        resp = Response(BodyStream(s, remaining))
    else:
        resp = Response(s)
    resp.status_code = status
    resp.reason = reason
    if resp_d is not None:
        resp.headers = resp_d
    return resp


def head(url, **kw):
    return request("HEAD", url, **kw)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)

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
    "umqtt": ##"""
# umqtt: the MQTT 3.1.1 clients `umqtt.simple` and `umqtt.robust`.

"""##,
    "umqtt.robust": ##"""
# umqtt.robust: umqtt.simple's client that reconnects (and retries) whenever
# a publish or a wait for a message fails with OSError.
import time
from . import simple


class MQTTClient(simple.MQTTClient):
    DELAY = 2  # seconds between reconnection attempts
    DEBUG = False

    def delay(self, i):
        time.sleep(self.DELAY)

    def log(self, in_reconnect, e):
        if self.DEBUG:
            if in_reconnect:
                print("mqtt reconnect: %r" % e)
            else:
                print("mqtt: %r" % e)

    def reconnect(self):
        i = 0
        while True:
            try:
                # The subclass's connect, if it has one; the session is kept.
                return self.connect(False)
            except OSError as e:
                self.log(True, e)
                i += 1
                self.delay(i)

    def publish(self, topic, msg, retain=False, qos=0):
        while True:
            try:
                return super().publish(topic, msg, retain, qos)
            except OSError as e:
                self.log(False, e)
            self.reconnect()

    def wait_msg(self):
        while True:
            try:
                return super().wait_msg()
            except OSError as e:
                self.log(False, e)
            self.reconnect()

    def check_msg(self, attempts=2):
        while attempts:
            self.sock.setblocking(False)
            try:
                return super().wait_msg()
            except OSError as e:
                self.log(False, e)
            self.reconnect()
            attempts -= 1

"""##,
    "umqtt.simple": ##"""
# umqtt.simple: a small MQTT 3.1.1 client, as micropython-lib's behaves.
# QoS 0 and 1 (QoS 2 is not supported); one packet is read at a time from a
# blocking socket, and subscribed messages go to the callback set with
# set_callback(topic, msg).
import socket
import struct


class MQTTException(Exception):
    pass


def _encode_len(pkt, sz):
    # Writes `sz` as MQTT's variable-length integer into pkt[1:];
    # returns the index of its last byte.
    i = 1
    while sz > 0x7F:
        pkt[i] = (sz & 0x7F) | 0x80
        sz >>= 7
        i += 1
    pkt[i] = sz
    return i


class MQTTClient:
    def __init__(
        self,
        client_id,
        server,
        port=0,
        user=None,
        password=None,
        keepalive=0,
        ssl=None,
        ssl_params={},
    ):
        if port == 0:
            port = 8883 if ssl else 1883
        self.client_id = client_id
        self.sock = None
        self.server = server
        self.port = port
        self.ssl = ssl
        self.ssl_params = ssl_params
        self.pid = 0
        self.cb = None
        self.user = user
        self.pswd = password
        self.keepalive = keepalive
        self.lw_topic = None
        self.lw_msg = None
        self.lw_qos = 0
        self.lw_retain = False

    def _send_str(self, s):
        self.sock.write(struct.pack("!H", len(s)))
        self.sock.write(s)

    def _recv_len(self):
        n = 0
        shift = 0
        while True:
            b = self.sock.read(1)[0]
            n |= (b & 0x7F) << shift
            if not b & 0x80:
                return n
            shift += 7

    def set_callback(self, f):
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        assert 0 <= qos <= 2
        assert topic
        self.lw_topic = topic
        self.lw_msg = msg
        self.lw_qos = qos
        self.lw_retain = retain

    def connect(self, clean_session=True, timeout=None):
        if self.sock:
            self.sock.close()
        self.sock = socket.socket()
        self.sock.settimeout(timeout)
        addr = socket.getaddrinfo(self.server, self.port)[0][-1]
        self.sock.connect(addr)
        if self.ssl is True:
            # The older interface: ssl=True with ssl_params for ssl.wrap_socket.
            import ssl

            self.sock = ssl.wrap_socket(self.sock, **self.ssl_params)
        elif self.ssl:
            # An SSLContext.
            self.sock = self.ssl.wrap_socket(self.sock, server_hostname=self.server)
        premsg = bytearray(b"\x10\0\0\0\0\0")
        # Protocol name "MQTT", level 4, connect flags, keepalive (two bytes).
        msg = bytearray(b"\x04MQTT\x04\x02\0\0")

        sz = 10 + 2 + len(self.client_id)
        msg[6] = clean_session << 1
        if self.user:
            sz += 2 + len(self.user) + 2 + len(self.pswd)
            msg[6] |= 0xC0
        if self.keepalive:
            assert self.keepalive < 65536
            msg[7] |= self.keepalive >> 8
            msg[8] |= self.keepalive & 0x00FF
        if self.lw_topic:
            sz += 2 + len(self.lw_topic) + 2 + len(self.lw_msg)
            msg[6] |= 0x4 | (self.lw_qos & 0x1) << 3 | (self.lw_qos & 0x2) << 3
            msg[6] |= self.lw_retain << 5

        i = _encode_len(premsg, sz)
        self.sock.write(premsg, i + 2)
        self.sock.write(msg)
        self._send_str(self.client_id)
        if self.lw_topic:
            self._send_str(self.lw_topic)
            self._send_str(self.lw_msg)
        if self.user:
            self._send_str(self.user)
            self._send_str(self.pswd)
        resp = self.sock.read(4)
        # CONNACK: session-present flag, then the return code (0 accepted).
        assert resp[0] == 0x20 and resp[1] == 0x02
        if resp[3] != 0:
            raise MQTTException(resp[3])
        return resp[2] & 1

    def disconnect(self):
        self.sock.write(b"\xe0\0")
        self.sock.close()

    def ping(self):
        self.sock.write(b"\xc0\0")

    def publish(self, topic, msg, retain=False, qos=0):
        pkt = bytearray(b"\x30\0\0\0")
        pkt[0] |= qos << 1 | retain
        sz = 2 + len(topic) + len(msg)
        if qos > 0:
            sz += 2
        assert sz < 2097152
        i = _encode_len(pkt, sz)
        self.sock.write(pkt, i + 1)
        self._send_str(topic)
        if qos > 0:
            self.pid += 1
            pid = self.pid
            struct.pack_into("!H", pkt, 0, pid)
            self.sock.write(pkt, 2)
        self.sock.write(msg)
        if qos == 1:
            # Wait for the PUBACK of this packet id (other packets are handled on the way).
            while True:
                op = self.wait_msg()
                if op == 0x40:
                    sz = self.sock.read(1)
                    assert sz == b"\x02"
                    rcv_pid = self.sock.read(2)
                    rcv_pid = rcv_pid[0] << 8 | rcv_pid[1]
                    if pid == rcv_pid:
                        return
        elif qos == 2:
            assert 0

    def _send_subunsub(self, topic, typ, ack_op, ack_n, qos=0):
        # SUBSCRIBE (ack_n 4: SUBACK carries the granted QoS) or UNSUBSCRIBE (ack_n 3).
        pkt = bytearray(4)
        pkt[0] = typ
        self.pid += 1
        pid = self.pid
        i = _encode_len(pkt, 4 + len(topic) + (ack_n > 3))
        self.sock.write(pkt, i + 1)
        struct.pack_into("!H", pkt, 0, pid)
        self.sock.write(pkt, 2)
        self._send_str(topic)
        if ack_n > 3:
            self.sock.write(bytes((qos,)))
        while True:
            op = self.wait_msg()
            if op == ack_op:
                resp = self.sock.read(ack_n)
                assert (resp[1] << 8 | resp[2]) == pid
                if ack_n > 3 and resp[3] == 0x80:
                    raise MQTTException(resp[3])
                return

    def subscribe(self, topic, qos=0):
        assert self.cb is not None, "Subscribe callback is not set"
        self._send_subunsub(topic, 0x82, 0x90, 4, qos)

    def unsubscribe(self, topic):
        self._send_subunsub(topic, 0xA2, 0xB0, 3)

    # Waits for one packet from the server and handles it: a PUBLISH goes to the
    # callback, PINGRESP is consumed; returns the packet's first byte (None for
    # PINGRESP, or when a non-blocking read found nothing) for the caller to
    # read the rest of other packets.
    def wait_msg(self):
        res = self.sock.read(1)
        self.sock.setblocking(True)
        if res is None:
            return None
        if res == b"":
            raise OSError(-1)
        if res == b"\xd0":  # PINGRESP
            sz = self.sock.read(1)[0]
            assert sz == 0
            return None
        op = res[0]
        if op & 0xF0 != 0x30:
            return op
        sz = self._recv_len()
        topic_len = self.sock.read(2)
        topic_len = (topic_len[0] << 8) | topic_len[1]
        topic = self.sock.read(topic_len)
        sz -= topic_len + 2
        if op & 6:
            pid = self.sock.read(2)
            pid = pid[0] << 8 | pid[1]
            sz -= 2
        msg = self.sock.read(sz)
        self.cb(topic, msg)
        if op & 6 == 2:
            pkt = bytearray(b"\x40\x02\0\0")
            struct.pack_into("!H", pkt, 2, pid)
            self.sock.write(pkt)
        elif op & 6 == 4:
            assert 0
        return op

    # Like wait_msg, but returns None at once when nothing has arrived.
    def check_msg(self):
        self.sock.setblocking(False)
        return self.wait_msg()

"""##,
    "urequests": ##"""
# urequests: the old name of `requests`. Attributes are looked up in `requests`
# on use (module __getattr__), so there is one copy of its globals.


def __getattr__(attr):
    import requests

    return getattr(requests, attr)

"""##,
    "webrepl": ##"""
# webrepl: MicroPython's WebREPL (micropython-lib micropython/net/webrepl/
# webrepl.py, which v1.24.0 freezes into the Pico W and ESP32 builds through
# bundle-networking). The texts it prints and its reading of webrepl_cfg.py
# are upstream's; the server (the listening socket, the WebSocket handshake,
# the password prompt, the REPL and the file transfers of extmod/modwebrepl.c)
# is the board's WebREPL service, reached through _webreplserver.
# setup_conn and accept_conn, which pass a listening socket and an accept
# callback (socket option 20) to os.dupterm, have no counterpart here and are
# not offered; nor is start's accept_handler argument.
import network
import time
import _webreplserver

_DEFAULT_STATIC_HOST = "https://micropython.org/webrepl/"
static_host = _DEFAULT_STATIC_HOST


def stop():
    _webreplserver.stop()


def _start(port, password, foreground):
    global static_host
    stop()
    webrepl_pass = password
    if webrepl_pass is None:
        try:
            import webrepl_cfg

            webrepl_pass = webrepl_cfg.PASS
            if hasattr(webrepl_cfg, "BASE"):
                static_host = webrepl_cfg.BASE
        except:
            print("WebREPL is not configured, run 'import webrepl_setup'")

    _webreplserver.password(webrepl_pass)
    _webreplserver.listen(port, static_host)
    for i in (network.AP_IF, network.STA_IF):
        iface = network.WLAN(i)
        if iface.active():
            print("WebREPL server started on http://%s:%d/" % (iface.ifconfig()[0], port))

    if foreground:
        print("Starting webrepl in foreground mode")
        # Upstream serves the page until a WebSocket client comes; the service does that meanwhile.
        while not _webreplserver.attached():
            time.sleep_ms(10)
    elif password is None:
        print("Started webrepl in normal mode")
    else:
        print("Started webrepl in manual override mode")


def start(port=8266, password=None):
    _start(port, password, False)


def start_foreground(port=8266, password=None):
    _start(port, password, True)

"""##,
]

/// The names in `microPythonModuleSources` that are packages (from `__init__.py`).
let microPythonPackages: Set<String> = ["mip", "requests", "umqtt"]
