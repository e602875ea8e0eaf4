/// MicroPython's small port modules beside `machine` (installed by `installMachineModule`).
enum MicroPythonExtraModules {
    /// `neopixel`: MicroPython's NeoPixel class; `write()` sends the GRB(W) buffer
    /// through `_machine.neopixel_write`.
    static let neopixel = #"""
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
"""#

    /// `rp2` (RP2040 boards only).
    static let rp2 = #"""
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
"""#

    /// `esp32` (ESP32 boards only). Wake sources are recorded; NVS lives in memory
    /// for the session (the runtime), not across resets.
    static let esp32 = #"""
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
"""#
}
