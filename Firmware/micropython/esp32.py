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
