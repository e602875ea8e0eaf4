// GENERATED FILE - DO NOT EDIT.
// Made by `python3 Scripts/freeze.py` from the Python files under Firmware/circuitpython;
// edit those and run the command again.

/// The Python modules of the CircuitPython flavour (over `_cpboard`), by name.
let circuitPythonModuleSources: [String: String] = [
    "analogio": ##"""
# analogio: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc


class AnalogIn(_mc._Peripheral):
    def __init__(self, pin):
        if not isinstance(pin, _mc.Pin) or pin._k:
            raise ValueError("Invalid pin")
        try:
            self._u, self._c = _cpboard.adc_channel(pin._n, -1)
        except ValueError:
            raise ValueError("Invalid pin")
        _mc._claim(pin, self)
        self._pins = (pin,)

    @property
    def value(self):
        self._check_live()
        return _cpboard.adc_read_u16(self._u, self._c)

    @property
    def reference_voltage(self):
        return 3.3

"""##,
    "board": ##"""
# board: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc

board_id = _cpboard.board_id

for _name, _k, _n in _cpboard.pin_table():
    globals()[_name] = _mc._by_key[(_k, _n)]


def _named_bus(name, scl, sda, freq):
    box = []

    def get():
        if not box or box[0].deinited():
            import busio
            box[:] = [busio.I2C(_mc._by_key[(_cpboard.KIND_GPIO, scl)], _mc._by_key[(_cpboard.KIND_GPIO, sda)], frequency=freq)]
        return box[0]

    return get


for _row in _cpboard.named_i2c():
    globals()[_row[0]] = _named_bus(*_row)

"""##,
    "busio": ##"""
# busio: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc


def _slice(buf, start, end):
    if end is None:
        end = len(buf)
    return start, end


class _LockedBus(_mc._Peripheral):
    # I2C and SPI: shared buses a caller must lock before using.
    _locked = False

    def _check(self):
        self._check_live()
        if not self._locked:
            raise RuntimeError("Function requires lock")

    def try_lock(self):
        self._check_live()
        if self._locked:
            return False
        self._locked = True
        return True

    def unlock(self):
        self._locked = False


class I2C(_LockedBus):
    def __init__(self, scl, sda, *, frequency=100000, timeout=255):
        if not isinstance(scl, _mc.Pin) or not isinstance(sda, _mc.Pin) or scl._k or sda._k:
            raise ValueError("Invalid pins")
        self._bus = _cpboard.i2c_open(scl._n, sda._n, frequency)
        _mc._claim_all((scl, sda), self)
        self._pins = (scl, sda)
        self.frequency = frequency

    def probe(self, address):
        self._check()
        return address in _cpboard.i2c_scan(self._bus)

    def scan(self):
        self._check()
        return [a for a in _cpboard.i2c_scan(self._bus) if 0x08 <= a <= 0x77]

    def readfrom_into(self, address, buffer, *, start=0, end=None):
        self._check()
        start, end = _slice(buffer, start, end)
        n = end - start
        if n <= 0:
            return
        buffer[start:end] = _cpboard.i2c_read(self._bus, address, n, 1)

    def writeto(self, address, buffer, *, start=0, end=None):
        self._check()
        start, end = _slice(buffer, start, end)
        data = bytes(buffer[start:end])
        if not data:
            if address not in _cpboard.i2c_scan(self._bus):
                raise OSError(19)
            return
        _cpboard.i2c_write(self._bus, address, data, 1, 1)

    def writeto_then_readfrom(self, address, out_buffer, in_buffer, *, out_start=0, out_end=None, in_start=0, in_end=None):
        self._check()
        out_start, out_end = _slice(out_buffer, out_start, out_end)
        in_start, in_end = _slice(in_buffer, in_start, in_end)
        reg = bytes(out_buffer[out_start:out_end])
        n = in_end - in_start
        in_buffer[in_start:in_end] = _cpboard.i2c_readmem(self._bus, address, reg, n, 1)


class UART(_mc._Peripheral):
    class Parity:
        ODD = "ODD"
        EVEN = "EVEN"

    def __init__(self, tx=None, rx=None, *, rts=None, cts=None, rs485_dir=None, rs485_invert=False,
                 baudrate=9600, bits=8, parity=None, stop=1, timeout=1, receiver_buffer_size=64):
        for p in (tx, rx):
            if p is not None and (not isinstance(p, _mc.Pin) or p._k):
                raise ValueError("Invalid pins")
        self._id = _cpboard.uart_open(-1 if tx is None else tx._n, -1 if rx is None else rx._n, baudrate)
        self._pins = [p for p in (tx, rx) if p is not None]
        _mc._claim_all(self._pins, self)
        self.timeout = timeout

    def _check(self):
        self._check_live()


    @property
    def baudrate(self):
        self._check()
        return _cpboard.uart_baud(self._id)

    @baudrate.setter
    def baudrate(self, b):
        self._check()
        _cpboard.uart_baud(self._id, b)

    @property
    def in_waiting(self):
        self._check()
        return _cpboard.uart_available(self._id)

    def _wait(self, ready):
        waited = 0
        while not ready() and waited < self.timeout * 1000:
            _cpboard.sleep_ns(1000000)
            waited += 1

    def read(self, nbytes=None):
        self._check()
        if nbytes is None:
            self._wait(lambda: _cpboard.uart_available(self._id) > 0)
            data = _cpboard.uart_read(self._id, -1)
        else:
            self._wait(lambda: _cpboard.uart_available(self._id) >= nbytes)
            data = _cpboard.uart_read(self._id, nbytes)
        return data if data else None

    def readinto(self, buf):
        data = self.read(len(buf))
        if not data:
            return None
        buf[0:len(data)] = data
        return len(data)

    def readline(self):
        self._check()
        self._wait(lambda: _cpboard.uart_peek_line(self._id) > 0)
        n = _cpboard.uart_peek_line(self._id)
        data = _cpboard.uart_read(self._id, n if n > 0 else -1)
        return data if data else None

    def write(self, buf):
        self._check()
        return _cpboard.uart_write(self._id, bytes(buf))

    def reset_input_buffer(self):
        self._check()
        _cpboard.uart_read(self._id, -1)


class SPI(_LockedBus):
    def __init__(self, clock, MOSI=None, MISO=None, half_duplex=False):
        pins = [p for p in (clock, MOSI, MISO) if p is not None]
        for p in pins:
            if not isinstance(p, _mc.Pin) or p._k:
                raise ValueError("Invalid pins")
        _cpboard.spi_check(clock._n, None if MOSI is None else MOSI._n, None if MISO is None else MISO._n)
        _mc._claim_all(pins, self)
        self._pins = pins
        self._miso = MISO
        self._mosi = MOSI
        self.frequency = 250000

    def configure(self, *, baudrate=100000, polarity=0, phase=0, bits=8):
        self._check()
        self.frequency = baudrate

    def _delay(self, n):
        if n > 0 and self.frequency > 0:
            _cpboard.sleep_ns(n * 8 * 1000000000 // self.frequency)

    def write(self, buffer, *, start=0, end=None):
        self._check()
        if self._mosi is None:
            raise ValueError("No MOSI pin")
        start, end = _slice(buffer, start, end)
        self._delay(end - start)

    def readinto(self, buffer, *, start=0, end=None, write_value=0):
        self._check()
        if self._miso is None:
            raise ValueError("No MISO pin")
        start, end = _slice(buffer, start, end)
        for i in range(start, end):
            buffer[i] = 0xFF
        self._delay(end - start)

    def write_readinto(self, out_buffer, in_buffer, *, out_start=0, out_end=None, in_start=0, in_end=None):
        self._check()
        if self._miso is None or self._mosi is None:
            raise ValueError("Missing MISO or MOSI pin")
        out_start, out_end = _slice(out_buffer, out_start, out_end)
        in_start, in_end = _slice(in_buffer, in_start, in_end)
        if out_end - out_start != in_end - in_start:
            raise ValueError("buffer slices must be of equal length")
        for i in range(in_start, in_end):
            in_buffer[i] = 0xFF
        self._delay(in_end - in_start)

"""##,
    "digitalio": ##"""
# digitalio: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc


class _Const:
    def __init__(self, qual, name):
        self._s = qual + "." + name

    def __repr__(self):
        return self._s


class Direction:
    pass


Direction.INPUT = _Const("digitalio.Direction", "INPUT")
Direction.OUTPUT = _Const("digitalio.Direction", "OUTPUT")


class Pull:
    pass


Pull.UP = _Const("digitalio.Pull", "UP")
Pull.DOWN = _Const("digitalio.Pull", "DOWN")


class DriveMode:
    pass


DriveMode.PUSH_PULL = _Const("digitalio.DriveMode", "PUSH_PULL")
DriveMode.OPEN_DRAIN = _Const("digitalio.DriveMode", "OPEN_DRAIN")


class DigitalInOut(_mc._Peripheral):
    def __init__(self, pin):
        _mc._claim(pin, self)
        self._pin = pin
        self._dir = Direction.INPUT
        self._pull = None
        self._drive = DriveMode.PUSH_PULL
        _cpboard.pin_config(pin._k, pin._n, _cpboard.MODE_IN, _cpboard.PULL_NONE, None)

    def _check(self):
        if self._pin is None:
            raise _mc._deinitialized()

    def deinit(self):
        if self._pin is not None:
            _cpboard.pin_config(self._pin._k, self._pin._n, _cpboard.MODE_IN, _cpboard.PULL_NONE, None)
            _mc._release(self._pin)
            self._pin = None

    def deinited(self):
        return self._pin is None


    def switch_to_output(self, value=False, drive_mode=DriveMode.PUSH_PULL):
        self._check()
        self._dir = Direction.OUTPUT
        self._drive = drive_mode
        self._pull = None
        mode = _cpboard.MODE_OPEN_DRAIN if drive_mode is DriveMode.OPEN_DRAIN else _cpboard.MODE_OUT
        _cpboard.pin_config(self._pin._k, self._pin._n, mode, _cpboard.PULL_NONE, 1 if value else 0)

    def switch_to_input(self, pull=None):
        self._check()
        self._dir = Direction.INPUT
        self._set_pull(pull)

    def _set_pull(self, pull):
        if pull is not None and pull is not Pull.UP and pull is not Pull.DOWN:
            raise TypeError("pull must be of type Pull or None")
        self._pull = pull
        p = _cpboard.PULL_UP if pull is Pull.UP else _cpboard.PULL_DOWN if pull is Pull.DOWN else _cpboard.PULL_NONE
        _cpboard.pin_config(self._pin._k, self._pin._n, _cpboard.MODE_IN, p, None)

    @property
    def direction(self):
        self._check()
        return self._dir

    @direction.setter
    def direction(self, d):
        if d is Direction.OUTPUT:
            self.switch_to_output()
        elif d is Direction.INPUT:
            self.switch_to_input()
        else:
            raise TypeError("direction must be of type Direction, not %s" % type(d).__name__)

    @property
    def value(self):
        self._check()
        return bool(_cpboard.pin_read(self._pin._k, self._pin._n))

    @value.setter
    def value(self, v):
        self._check()
        if self._dir is not Direction.OUTPUT:
            raise AttributeError("Cannot set value when direction is input.")
        _cpboard.pin_write(self._pin._k, self._pin._n, 1 if v else 0)

    def _check_direction(self, wrong, message):
        self._check()
        if self._dir is wrong:
            raise AttributeError(message)

    @property
    def pull(self):
        self._check_direction(Direction.OUTPUT, "Pull not used when direction is output.")
        return self._pull

    @pull.setter
    def pull(self, p):
        self._check_direction(Direction.OUTPUT, "Pull not used when direction is output.")
        self._set_pull(p)

    @property
    def drive_mode(self):
        self._check_direction(Direction.INPUT, "Drive mode not used when direction is input.")
        return self._drive

    @drive_mode.setter
    def drive_mode(self, m):
        self._check_direction(Direction.INPUT, "Drive mode not used when direction is input.")
        self.switch_to_output(self.value, m)

"""##,
    "ipaddress": ##"""
# ipaddress: CircuitPython's (shared-bindings/ipaddress): IPv4Address and
# ip_address only. An address prints as its dotted quad in str and repr alike.


class IPv4Address:
    def __init__(self, address):
        if isinstance(address, int):
            # The firmware copies the int's memory (little-endian) as the four bytes.
            packed = bytes([address & 255, address >> 8 & 255, address >> 16 & 255, address >> 24 & 255])
        elif isinstance(address, str):
            packed = _parse(address)
            if packed is None:
                raise ValueError('Not a valid IP string')
        else:
            packed = bytes(address)
            if len(packed) != 4:
                raise ValueError('Address must be 4 bytes long')
        self._packed = packed

    @property
    def packed(self):
        return self._packed

    @property
    def version(self):
        return 4

    def __str__(self):
        return '%d.%d.%d.%d' % tuple(self._packed)

    def __repr__(self):
        return self.__str__()

    def __eq__(self, other):
        return isinstance(other, IPv4Address) and other._packed == self._packed

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._packed)


def _parse(text):
    parts = text.split('.')
    if len(parts) != 4:
        return None
    out = []
    for p in parts:
        if not p or len(p) > 3 or not all('0' <= c <= '9' for c in p) or int(p) > 255:
            return None
        out.append(int(p))
    return bytes(out)


def ip_address(obj):
    if isinstance(obj, int):
        return IPv4Address(obj)
    if isinstance(obj, str):
        if _parse(obj) is None:
            raise ValueError('Not a valid IP string')
        return IPv4Address(obj)
    raise ValueError('Only int or string supported for ip')

"""##,
    "microcontroller": ##"""
# microcontroller: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard

_claimed = {}


class _Peripheral:
    # A peripheral object (DigitalInOut, busio.I2C...): a context manager that
    # deinitialises it on exit. By default it owns the pins in _pins and is
    # live until deinit() releases them; objects with more to undo override
    # deinit() and deinited().
    _pins = None

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.deinit()

    def deinit(self):
        if self._pins is not None:
            for p in self._pins:
                _release(p)
            self._pins = None

    def deinited(self):
        return self._pins is None

    def _check_live(self):
        if self._pins is None:
            raise _deinitialized()


def _deinitialized():
    return ValueError("Object has been deinitialized and can no longer be used. Create a new object.")


class Pin:
    def __init__(self, name, k, n):
        self._name = name
        self._k = k
        self._n = n

    def __repr__(self):
        return "board." + self._name

    def __hash__(self):
        return self._k * 1000 + self._n

    def __eq__(self, other):
        return isinstance(other, Pin) and other._k == self._k and other._n == self._n


def _claim(pin, owner):
    if not isinstance(pin, Pin):
        raise TypeError("%s must be of type Pin, not %s" % ("pin", type(pin).__name__))
    key = (pin._k, pin._n)
    if key in _claimed:
        raise ValueError("%s in use" % pin._name)
    _claimed[key] = owner


def _claim_all(pins, owner):
    # Claims every pin or, when one is in use, none.
    claimed = []
    try:
        for p in pins:
            _claim(p, owner)
            claimed.append(p)
    except ValueError:
        for p in claimed:
            _release(p)
        raise


def _release(pin):
    if pin is not None:
        _claimed.pop((pin._k, pin._n), None)


def _gpio(pin):
    if pin._k != _cpboard.KIND_GPIO:
        raise ValueError("Invalid pin")
    return pin._n


class Processor:
    @property
    def temperature(self):
        return _cpboard.cpu_temperature()

    @property
    def frequency(self):
        return _cpboard.freq()

    @property
    def voltage(self):
        return 3.3

    @property
    def uid(self):
        return bytearray(_cpboard.unique_id())

    @property
    def reset_reason(self):
        return None


cpu = Processor()
cpus = (cpu,)


class _NVM:
    def __len__(self):
        return 4096

    def _index(self, i):
        if i < 0:
            i += 4096
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return bytearray([_cpboard.nvm_get(j) for j in range(*i.indices(4096))])
        return _cpboard.nvm_get(self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = list(range(*i.indices(4096)))
            if len(idx) != len(v):
                raise ValueError("Slice and value different lengths.")
            for j, b in zip(idx, v):
                _cpboard.nvm_set(j, b)
            return
        _cpboard.nvm_set(self._index(i), v)


nvm = _NVM()


class RunMode:
    NORMAL = 0
    SAFE_MODE = 1
    UF2 = 2
    BOOTLOADER = 3


def on_next_reset(run_mode):
    pass


def reset():
    _cpboard.reset(0)


def delay_us(delay):
    _cpboard.sleep_ns(delay * 1000)


def disable_interrupts():
    _cpboard.irq_state(0)


def enable_interrupts():
    _cpboard.irq_state(1)


class _PinNamespace:
    pass


pin = _PinNamespace()
_by_key = {}
for _name, _k, _n in _cpboard.pin_table():
    if (_k, _n) not in _by_key:
        _p = Pin(_name, _k, _n)
        _by_key[(_k, _n)] = _p
        setattr(pin, ("GPIO%d" % _n) if _k == _cpboard.KIND_GPIO else ("CYW%d" % _n), _p)

"""##,
    "neopixel_write": ##"""
# neopixel_write: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard


def neopixel_write(digitalinout, buf):
    pin = digitalinout._pin
    if pin is None:
        raise _mc._deinitialized()
    _cpboard.neopixel_write(pin._k, pin._n, bytes(buf))

"""##,
    "pulseio": ##"""
# pulseio: CircuitPython's PulseIn (shared-bindings/pulseio/PulseIn.c) over the
# native helper _cpboard (PulseInFunctions.swift). PulseOut is absent.
import _cpboard
import microcontroller as _mc


class PulseIn(_mc._Peripheral):
    def __init__(self, pin, maxlen=2, *, idle_state=False):
        _mc._claim(pin, self)
        try:
            self._id = _cpboard.pulsein_open(pin._k, pin._n, maxlen, 1 if idle_state else 0)
        except Exception:
            _mc._release(pin)
            raise
        self._pins = (pin,)

    def deinit(self):
        if self._pins is not None:
            _cpboard.pulsein_close(self._id)
        _mc._Peripheral.deinit(self)

    def _live(self):
        self._check_live()
        return self._id

    def pause(self):
        _cpboard.pulsein_pause(self._live())

    def resume(self, trigger_duration=0):
        _cpboard.pulsein_resume(self._live(), trigger_duration)

    def clear(self):
        _cpboard.pulsein_clear(self._live())

    def popleft(self):
        return _cpboard.pulsein_popleft(self._live())

    @property
    def maxlen(self):
        return _cpboard.pulsein_maxlen(self._live())

    @property
    def paused(self):
        return _cpboard.pulsein_paused(self._live())

    def __len__(self):
        return _cpboard.pulsein_len(self._live())

    def __bool__(self):
        return _cpboard.pulsein_len(self._live()) != 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise NotImplementedError("Slices not supported")
        n = _cpboard.pulsein_len(self._live())
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("PulseIn index out of range")
        return _cpboard.pulsein_get(self._id, index)

    def __setitem__(self, index, value):
        raise AttributeError("Read-only")

    def __delitem__(self, index):
        raise AttributeError("Cannot delete values")

"""##,
    "pwmio": ##"""
# pwmio: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc


class PWMOut(_mc._Peripheral):
    def __init__(self, pin, *, duty_cycle=0, frequency=500, variable_frequency=False):
        if not isinstance(pin, _mc.Pin) or pin._k:
            raise ValueError("Invalid pin")
        if frequency <= 0:
            raise ValueError("Invalid PWM frequency")
        _mc._claim(pin, self)
        self._g = pin._n
        self._pins = (pin,)
        self._variable = variable_frequency
        _cpboard.pwm_attach(self._g)
        _cpboard.pwm_freq(self._g, frequency)
        self.duty_cycle = duty_cycle

    @property
    def duty_cycle(self):
        self._check_live()
        return _cpboard.pwm_duty_u16(self._g)

    @duty_cycle.setter
    def duty_cycle(self, d):
        self._check_live()
        if not 0 <= d <= 65535:
            raise ValueError("duty_cycle must be 0-65535")
        _cpboard.pwm_duty_u16(self._g, d)

    @property
    def frequency(self):
        self._check_live()
        return _cpboard.pwm_freq(self._g)

    @frequency.setter
    def frequency(self, f):
        self._check_live()
        if not self._variable:
            raise AttributeError("Cannot change frequency on a fixed-frequency PWMOut. Use variable_frequency=True.")
        if f <= 0:
            raise ValueError("Invalid PWM frequency")
        _cpboard.pwm_freq(self._g, f)

    def deinit(self):
        if self._pins is not None:
            _cpboard.pwm_detach(self._g)
        _mc._Peripheral.deinit(self)

"""##,
    "rtc": ##"""
# rtc: CircuitPython's module (shared-bindings/rtc) over the board's RTC (the
# machine natives in _cpboard): RTC().datetime as a time.struct_time;
# time.localtime() follows the RTC once it is set. (set_time_source, for an
# outside RTC chip, is absent.)
import _cpboard
import time


class RTC:
    def __init__(self):
        pass

    @property
    def datetime(self):
        y, mo, d, wd, h, mi, s, _ = _cpboard.rtc_get()
        return time.localtime(time.mktime((y, mo, d, h, mi, s, wd, -1, -1)))

    @datetime.setter
    def datetime(self, t):
        _cpboard.rtc_set(t[0], t[1], t[2], t[6], t[3], t[4], t[5], 0)

    @property
    def calibration(self):
        return 0

    @calibration.setter
    def calibration(self, value):
        if not -127 <= value <= 127:
            raise ValueError('calibration must be -127-127')


"""##,
    "socketpool": ##"""
# socketpool: CircuitPython 9.1.4's module (shared-bindings/socketpool) over the
# natives of _socket (SocketModule.swift), as the raspberrypi port
# (common-hal/socketpool, lwIP's raw API) and the espressif port (lwIP sockets)
# behave: errno numbers are newlib's on both (CircuitPython builds without
# MICROPY_USE_INTERNAL_ERRNO, so ETIMEDOUT is 116, as its errno module says), getaddrinfo's one-entry
# answer, gaierror for names that do not resolve, and 8 sockets at most
# (raspberrypi MAX_SOCKETS 8; espressif CONFIG_LWIP_MAX_SOCKETS=8 in
# esp-idf-config/sdkconfig.defaults) beyond which socket() raises
# RuntimeError('Out of sockets'). The Pico W's lwIP has lwIP's default 5 TCP
# and 4 UDP control blocks (ports/raspberrypi/lwip_inc/lwipopts.h sets neither
# MEMP_NUM_TCP_PCB nor MEMP_NUM_UDP_PCB): a sixth TCP or fifth UDP socket raises
# ENOMEM first.
import _network
from _socket import (_resolve, _open, _close, _connect, _bind, _listen, _accept,
                     _send, _sendto, _recv, _recvfrom, _setopt)

_RP2 = _network.port == 'rp2'
_MAX_SOCKETS = 8
# The natives raise Linux numbers (MicroPython's); these are the ones that differ in newlib.
_ETIMEDOUT, _EINPROGRESS, _ECONNREFUSED, _ECONNRESET = 110, 115, 111, 104
_ERRNO = {110: 116, 113: 118, 115: 119, 107: 128, 106: 127, 114: 120, 98: 112, 103: 113}


def _raise(e):
    n = e.errno
    if n in _ERRNO:
        raise OSError(_ERRNO[n]) from None
    raise e


class gaierror(OSError):
    pass


_open_sockets = []


def _resolve_ipv4(host):
    # The stack answers a dotted-quad address itself, without a lookup.
    try:
        found = _resolve(host, 0, 2)
    except OSError:
        found = None
    if not found:
        raise gaierror(-2, 'Name or service not known')
    return found[0][1]


class Socket:
    def __init__(self, pool, family, type, proto):
        self._pool = pool
        self._type = type
        self._timeout = -1
        self._connected = False
        self._h = _open(family, type)
        _open_sockets.append(self)

    @property
    def type(self):
        return self._type

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def _handle(self):
        if self._h is None:
            raise OSError(9)  # EBADF
        return self._h

    def close(self):
        if self._h is not None:
            _close(self._h)
            self._h = None
            self._connected = False
            if self in _open_sockets:
                _open_sockets.remove(self)

    def settimeout(self, value):
        if value is None:
            self._timeout = -1
        else:
            # The ports keep whole milliseconds.
            self._timeout = int(value * 1000) * 1000000

    def setblocking(self, flag):
        self._timeout = -1 if flag else 0

    def setsockopt(self, level, optname, value):
        if isinstance(value, int):
            try:
                _setopt(self._handle(), level, optname, value)
            except OSError as e:
                _raise(e)

    def connect(self, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        h = self._handle()
        ip = _resolve_ipv4(host)
        timeout = self._timeout
        if _RP2 and timeout > 0:
            # The rp2 port waits in 100 ms steps and gives up with EINPROGRESS.
            timeout = timeout // 100000000 * 100000000
        try:
            if _RP2 and timeout == 0:
                raise OSError(_ERRNO[_EINPROGRESS])
            _connect(h, 2, ip, port, timeout)
        except OSError as e:
            if _RP2 and e.errno == _ETIMEDOUT:
                raise OSError(_ERRNO[_EINPROGRESS]) from None
            if _RP2 and e.errno == _ECONNREFUSED:
                # lwIP's tcp_err callback hands over ERR_RST for a refused connection.
                raise OSError(_ECONNRESET) from None
            _raise(e)
        self._connected = True

    def bind(self, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        try:
            _bind(self._handle(), 2, host or '0.0.0.0', port)
        except OSError as e:
            _raise(e)

    def listen(self, backlog):
        try:
            _listen(self._handle(), backlog)
        except OSError as e:
            _raise(e)

    def accept(self):
        if len(_open_sockets) >= _MAX_SOCKETS:
            raise RuntimeError('Out of sockets')
        try:
            h, fam, host, port = _accept(self._handle(), self._timeout)
        except OSError as e:
            _raise(e)
        s = Socket.__new__(Socket)
        s._pool = self._pool
        s._type = self._type
        s._timeout = -1
        s._connected = True
        s._h = h
        _open_sockets.append(s)
        return s, (host, port)

    def send(self, data):
        h = self._handle()
        if not self._connected:
            raise BrokenPipeError
        try:
            return _send(h, data, self._timeout)
        except OSError as e:
            if e.errno in (11, _ETIMEDOUT):
                _raise(e)
            raise BrokenPipeError from None

    def sendall(self, data):
        h = self._handle()
        if not self._connected:
            raise BrokenPipeError
        view = memoryview(data)
        sent = 0
        while sent < len(view):
            try:
                sent += _send(h, view[sent:], self._timeout)
            except OSError as e:
                if e.errno in (11, _ETIMEDOUT):
                    _raise(e)
                raise BrokenPipeError from None

    def recv_into(self, buffer, bufsize=0):
        h = self._handle()
        n = len(buffer)
        if bufsize > n:
            raise ValueError('buffer too small for requested bytes')
        if 0 < bufsize < n:
            n = bufsize
        if n == 0:
            return 0
        try:
            data = _recv(h, n, self._timeout)
        except OSError as e:
            _raise(e)
        got = len(data)
        buffer[:got] = data
        return got

    def sendto(self, data, address):
        host, port = address
        if port < 0:
            raise ValueError('port must be >= 0')
        ip = _resolve_ipv4(host)
        try:
            return _sendto(self._handle(), data, 2, ip, port, self._timeout)
        except OSError as e:
            _raise(e)

    def recvfrom_into(self, buffer):
        try:
            data, fam, host, port = _recvfrom(self._handle(), len(buffer), self._timeout)
        except OSError as e:
            _raise(e)
        buffer[:len(data)] = data
        return len(data), (host, port)


class SocketPool:
    AF_INET = 2
    AF_INET6 = 10
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOL_SOCKET = 0xfff
    SO_REUSEADDR = 0x0004
    TCP_NODELAY = 1
    IPPROTO_IP = 0
    IPPROTO_ICMP = 1
    IPPROTO_TCP = 6
    IPPROTO_UDP = 17
    IPPROTO_IPV6 = 41
    IPPROTO_RAW = 255
    IP_MULTICAST_TTL = 5
    EAI_NONAME = -2
    gaierror = gaierror

    def __init__(self, radio):
        import wifi
        if radio is not wifi.radio:
            raise ValueError('SocketPool can only be used with wifi.radio')
        self._radio = radio

    def socket(self, family=2, type=1, proto=0):
        if family != 2:
            raise NotImplementedError('Only IPv4 sockets supported')
        if type not in (1, 2, 3):
            raise ValueError('Invalid %s' % 'type')
        if len(_open_sockets) >= _MAX_SOCKETS:
            raise RuntimeError('Out of sockets')
        return Socket(self, family, type, proto)

    def getaddrinfo(self, host, port, family=0, type=0, proto=0, flags=0):
        if not isinstance(host, str):
            raise TypeError("can't convert to str implicitly")
        ip = _resolve_ipv4(host)
        return [(2, 1, 0, '', (ip, port))]

"""##,
    "ssl": ##"""
# ssl: CircuitPython 9.1.4's module (shared-bindings/ssl, shared-module/ssl over
# mbedTLS) on the board's sockets: the handshake goes to _tls._start (the
# runtime's network, OpenSSL underneath). Certificates are verified by default,
# against the CAs loaded here, else the --ca-file, else the host's store (the
# firmware's built-in roots). SSLSocket has the methods the firmware's has: no
# sendall, no recv; connect() connects and then shakes hands.
from _tls import _start
from socketpool import _raise

_CERT_NONE, _CERT_REQUIRED = 0, 2
# mbedtls_strerror(MBEDTLS_ERR_X509_CERT_VERIFY_FAILED), as mbedtls_raise_error puts it.
_VERIFY_FAILED = (-9984, 'X509 - Certificate verification failed, e.g. CRL, CA or signature check failed')


def _data(value):
    return value.encode() if isinstance(value, str) else bytes(value)


class SSLContext:
    def __init__(self):
        self._cadata = None
        self._cert = None
        self._key = None
        self.check_hostname = True

    def load_verify_locations(self, cafile=None, capath=None, cadata=None):
        if cafile is not None:
            raise NotImplementedError('cafile')
        if capath is not None:
            raise NotImplementedError('capath')
        self._cadata = None if cadata is None else _data(cadata)

    def set_default_verify_paths(self):
        self._cadata = None

    def load_cert_chain(self, certfile, keyfile):
        with open(certfile, 'rb') as f:
            self._cert = f.read()
        with open(keyfile, 'rb') as f:
            self._key = f.read()

    def wrap_socket(self, sock, server_side=False, server_hostname=None):
        if server_side and server_hostname is not None:
            raise ValueError('Server side context cannot have hostname')
        if server_side:
            raise OSError(95)  # EOPNOTSUPP: boards here serve TLS only through the host
        return SSLSocket(self, sock, server_hostname)


def create_default_context():
    return SSLContext()


class SSLSocket:
    def __init__(self, context, sock, server_hostname):
        self._context = context
        self._sock = sock
        self._hostname = server_hostname
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def _handle(self):
        if self._closed:
            raise OSError(9)  # EBADF
        return self._sock._handle()

    def connect(self, address):
        self._sock.connect(address)
        c = self._context
        verify = _CERT_REQUIRED if c.check_hostname else _CERT_NONE
        hostname = self._hostname if c.check_hostname else None
        try:
            _start(self._sock._handle(), hostname, verify, c._cadata, c._cert, c._key, self._sock._timeout)
        except ValueError:
            raise OSError(*_VERIFY_FAILED) from None
        except OSError as e:
            _raise(e)

    def close(self):
        if not self._closed:
            self._closed = True
            self._sock.close()

    def send(self, data):
        self._handle()
        return self._sock.send(data)

    def recv_into(self, buffer, bufsize=0):
        self._handle()
        return self._sock.recv_into(buffer, bufsize)

    def settimeout(self, value):
        self._sock.settimeout(value)

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    def setsockopt(self, level, optname, value):
        self._sock.setsockopt(level, optname, value)

    def bind(self, address):
        self._sock.bind(address)

    def listen(self, backlog):
        self._sock.listen(backlog)

    def accept(self):
        raise OSError(95)  # no TLS server side on the board here

"""##,
    "storage": ##"""
# storage: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard


def remount(mount_path, readonly=False, *, disable_concurrent_write_protection=False):
    _cpboard.remount(mount_path, 1 if readonly else 0)


def getmount(mount_path):
    raise OSError(22)

"""##,
    "supervisor": ##"""
# supervisor: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard


class _Runtime:
    serial_connected = True
    usb_connected = True
    autoreload = True

    @property
    def serial_bytes_available(self):
        # The bytes typed on the console and not yet read.
        return _cpboard.serial_bytes_available()


runtime = _Runtime()


def ticks_ms():
    return _cpboard.ticks_ms()


def reload():
    _cpboard.reload()


def disable_autoreload():
    runtime.autoreload = False
    _cpboard.set_autoreload(0)


def enable_autoreload():
    runtime.autoreload = True
    _cpboard.set_autoreload(1)

"""##,
    "traceback": ##"""
# traceback: CircuitPython's (shared-bindings/traceback): print_exception and
# format_exception, the exception first (CPython 3.10's form) or in `value`.
import io
import sys


def _text(exc, value, tb, limit):
    if value is not None:
        exc = value
    if not isinstance(exc, BaseException):
        raise TypeError('invalid exception')
    if (value is not None and tb is None) or limit == 0:
        # No traceback asked for: just the exception's own line.
        message = str(exc)
        return type(exc).__name__ + (': ' + message if message else '') + '\n'
    buf = io.StringIO()
    sys.print_exception(exc, buf)
    return buf.getvalue()


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    return [_text(exc, value, tb, limit)]


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    text = _text(exc, value, tb, limit)
    if file is None:
        print(text, end='')
    else:
        file.write(text)

"""##,
    "wifi": ##"""
# wifi: CircuitPython 9.1.4's module (shared-bindings/wifi) as the raspberrypi
# port (CYW43, common-hal/wifi) and the espressif port offer it, over _network
# (the board's WiFiRadio) and _cpwifi (the blocking join and ping).
# Members a port lacks are absent; the Pico W's ap_info raises as its port does.
import _network
import _cpwifi
from ipaddress import IPv4Address

_RP2 = _network.port == 'rp2'
_STA, _AP = 0, 1
_CONNECTED = 2  # WiFiRadio.StationState.connected


class AuthMode:
    def __init__(self, name, bit):
        self._name = name
        self._bit = bit

    def __repr__(self):
        return 'wifi.AuthMode.' + self._name


AuthMode.OPEN = AuthMode('OPEN', 1)
AuthMode.WEP = AuthMode('WEP', 2)
AuthMode.WPA = AuthMode('WPA', 4)
AuthMode.WPA2 = AuthMode('WPA2', 8)
AuthMode.WPA3 = AuthMode('WPA3', 16)
AuthMode.PSK = AuthMode('PSK', 32)
AuthMode.ENTERPRISE = AuthMode('ENTERPRISE', 64)


class Network:
    def __init__(self, ssid, bssid, channel, rssi, secure):
        self._ssid = ssid
        self._bssid = bssid
        self._channel = channel
        self._rssi = rssi
        self._secure = secure

    @property
    def ssid(self):
        return self._ssid

    @property
    def bssid(self):
        return self._bssid

    @property
    def rssi(self):
        return self._rssi

    @property
    def channel(self):
        return self._channel

    @property
    def country(self):
        return ''

    @property
    def authmode(self):
        # The simulated access points are open or WPA2-PSK.
        if not self._secure:
            return [AuthMode.OPEN]
        return [AuthMode.WPA2, AuthMode.PSK] if not _RP2 else [AuthMode.PSK, AuthMode.WPA2]


class _Scan:
    def __init__(self, found):
        self._found = found
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done or not self._found:
            raise StopIteration
        return self._found.pop(0)


def _address(text):
    return None if text == '0.0.0.0' else IPv4Address(text)


class Radio:
    def __init__(self):
        self._hostname = 'PicoW' if _RP2 else 'espressif'
        self._scan = None

    @property
    def enabled(self):
        return _network.active(_STA, None)

    @enabled.setter
    def enabled(self, value):
        if not value:
            self._scan = None
            _network.disconnect()
        _network.active(_STA, bool(value))

    @property
    def hostname(self):
        return self._hostname

    @hostname.setter
    def hostname(self, value):
        if not isinstance(value, (str, bytes, bytearray)):
            raise TypeError("object with buffer protocol required")
        if isinstance(value, (bytes, bytearray)):
            value = str(bytes(value), 'utf-8')
        if not 1 <= len(value) <= 253:
            raise ValueError('hostname length must be 1-253')
        for c in value:
            if not (c.isalpha() or c.isdigit() or c == '-'):
                raise ValueError('invalid hostname')
        self._hostname = value

    @property
    def mac_address(self):
        return _network.mac(_STA)

    @property
    def mac_address_ap(self):
        return _network.mac(_AP if not _RP2 else _STA)

    @property
    def tx_power(self):
        return 31.0 if _RP2 else 20.0

    @property
    def connected(self):
        return _network.state() == _CONNECTED

    def connect(self, ssid, password=b'', *, channel=0, bssid=None, timeout=None):
        if isinstance(ssid, str):
            ssid = ssid.encode()
        ssid = bytes(ssid)
        if not 1 <= len(ssid) <= 32:
            raise ValueError('ssid length must be 1-32')
        if password is None:
            password = b''
        if isinstance(password, str):
            password = password.encode()
        password = bytes(password)
        if password and not 8 <= len(password) <= 64:
            raise ValueError('password length must be 8-64')
        if bssid is not None:
            bssid = bytes(bssid)
            if len(bssid) != 6:
                raise ValueError('Invalid BSSID')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        seconds = 0.0 if timeout is None else float(timeout)
        error = _cpwifi.connect(str(ssid, 'utf-8'), str(password, 'utf-8'), bssid, seconds)
        if error == 202:
            raise ConnectionError('Authentication failure')
        if error == 201:
            raise ConnectionError('No network with that ssid')
        if error:
            raise ConnectionError('Unknown failure %d' % error)

    def stop_station(self):
        _network.disconnect()

    def start_station(self):
        _network.active(_STA, True)

    @property
    def ipv4_address(self):
        return _address(_network.ifconfig(_STA)[0])

    @property
    def ipv4_subnet(self):
        return _address(_network.ifconfig(_STA)[1])

    @property
    def ipv4_gateway(self):
        return _address(_network.ifconfig(_STA)[2])

    @property
    def ipv4_dns(self):
        return _address(_network.ifconfig(_STA)[3])

    @property
    def ap_info(self):
        if _RP2:
            raise NotImplementedError
        if _network.state() != _CONNECTED:
            return None
        ssid = _network.sta_ssid()
        for ap in _network.scan():
            if ap[0] == ssid.encode():
                return Network(ssid, ap[1], ap[2], ap[3], ap[4])
        return None

    def start_scanning_networks(self, *, start_channel=1, stop_channel=11):
        if self._scan is not None:
            raise RuntimeError('Already scanning for wifi networks')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        found = [Network(str(s, 'utf-8'), b, c, r, sec) for s, b, c, r, sec in _network.scan()
                 if start_channel <= c <= stop_channel]
        self._scan = _Scan(found)
        return self._scan

    def stop_scanning_networks(self):
        self._scan = None

    def ping(self, ip, *, timeout=0.5):
        if not isinstance(ip, IPv4Address):
            raise ValueError('Only IPv4 addresses supported')
        return _cpwifi.ping(str(ip), float(timeout))

    @property
    def ap_active(self):
        return _network.active(_AP, None)

    def start_ap(self, ssid, password=b'', *, channel=1, authmode=(), max_connections=4):
        if isinstance(ssid, str):
            ssid = ssid.encode()
        if isinstance(password, str):
            password = password.encode()
        if not 1 <= len(ssid) <= 32:
            raise ValueError('ssid length must be 1-32')
        if not 1 <= channel <= 13:
            raise ValueError('channel must be 1-13')
        if authmode == (AuthMode.OPEN,) and password:
            raise ValueError('AuthMode.OPEN is not used with password')
        if password and not 8 <= len(password) <= 64:
            raise ValueError('password length must be 8-64')
        if not self.enabled:
            raise RuntimeError('Wifi is not enabled' if _RP2 else 'wifi is not enabled')
        _network.set_ap(str(bytes(ssid), 'utf-8'), str(bytes(password), 'utf-8'), channel)
        _network.active(_AP, True)

    def stop_ap(self):
        if not self.enabled:
            raise RuntimeError('wifi is not enabled')
        _network.active(_AP, False)

    @property
    def ipv4_address_ap(self):
        return _address(_network.ifconfig(_AP)[0]) if _network.active(_AP, None) else None

    @property
    def ipv4_gateway_ap(self):
        return _address(_network.ifconfig(_AP)[2]) if _network.active(_AP, None) else None

    @property
    def ipv4_subnet_ap(self):
        return _address(_network.ifconfig(_AP)[1]) if _network.active(_AP, None) else None

    @property
    def stations_ap(self):
        # No station ever joins the board's own access point here.
        return [] if _network.active(_AP, None) else None


# The firmware starts the radio in station mode when wifi is first used.
_network.active(_STA, True)
radio = Radio()

"""##,
]
