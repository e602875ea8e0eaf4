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
