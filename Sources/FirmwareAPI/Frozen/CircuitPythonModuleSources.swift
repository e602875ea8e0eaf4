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
    serial_bytes_available = 0
    autoreload = True


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


def set_next_code_file(filename, *, reload_on_success=False, reload_on_error=False, sticky_on_success=False,
                       sticky_on_error=False, sticky_on_reload=False):
    pass

"""##,
]
