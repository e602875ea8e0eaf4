# neopixel_write: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard


def neopixel_write(digitalinout, buf):
    pin = digitalinout._pin
    if pin is None:
        raise _mc._deinitialized()
    _cpboard.neopixel_write(pin._k, pin._n, bytes(buf))
