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
