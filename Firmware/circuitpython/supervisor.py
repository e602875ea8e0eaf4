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
