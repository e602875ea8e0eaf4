# storage: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard


def remount(mount_path, readonly=False, *, disable_concurrent_write_protection=False):
    _cpboard.remount(mount_path, 1 if readonly else 0)


def getmount(mount_path):
    raise OSError(22)
