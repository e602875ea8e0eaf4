# rtc: CircuitPython's module (shared-bindings/rtc) over the board's RTC (the
# machine natives in _cpboard): RTC().datetime as a time.struct_time;
# time.localtime() follows the RTC once it is set. (set_time_source, for an
# outside RTC chip, is absent.)
import _cpboard
import time


class RTC:
    def __init__(self):
        pass

    @property
    def datetime(self):
        y, mo, d, wd, h, mi, s, _ = _cpboard.rtc_get()
        return time.localtime(time.mktime((y, mo, d, h, mi, s, wd, -1, -1)))

    @datetime.setter
    def datetime(self, t):
        _cpboard.rtc_set(t[0], t[1], t[2], t[6], t[3], t[4], t[5], 0)

    @property
    def calibration(self):
        return 0

    @calibration.setter
    def calibration(self, value):
        if not -127 <= value <= 127:
            raise ValueError('calibration must be -127-127')

