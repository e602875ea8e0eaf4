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
