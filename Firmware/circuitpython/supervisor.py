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
