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
