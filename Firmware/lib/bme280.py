# A small BME280 driver for MicroPython over machine.I2C.
#
# Written from the Bosch BME280 datasheet (BST-BME280-DS002): calibration
# layout (Table 16), register map (Table 18), forced mode (section 3.3.2) and
# the floating-point compensation formulas (section 8.1).
#
#     sensor = BME280(I2C(0, scl=Pin(5), sda=Pin(4)))
#     temperature_c, pressure_pa, humidity_percent = sensor.read()
import time

_REG_CALIB_TP = 0x88  # T1..P9, then 0xA0 (unused), 0xA1 = H1
_REG_CALIB_H = 0xE1   # H2..H6
_REG_CHIP_ID = 0xD0
_REG_RESET = 0xE0
_REG_CTRL_HUM = 0xF2
_REG_STATUS = 0xF3
_REG_CTRL_MEAS = 0xF4
_REG_CONFIG = 0xF5
_REG_DATA = 0xF7      # press[3], temp[3], hum[2]

_CHIP_ID = 0x60
_OVERSAMPLE_X1 = 0x01
_MODE_FORCED = 0x01


def _u16(b, i):
    return b[i] | (b[i + 1] << 8)


def _s16(b, i):
    v = _u16(b, i)
    return v - 0x10000 if v & 0x8000 else v


def _s8(v):
    return v - 0x100 if v & 0x80 else v


class BME280:
    def __init__(self, i2c, address=0x77):
        self.i2c = i2c
        self.address = address
        chip = self._read(_REG_CHIP_ID, 1)[0]
        if chip != _CHIP_ID:
            raise RuntimeError("BME280 not found at 0x%02x (chip id 0x%02x)" % (address, chip))
        self._write(_REG_RESET, 0xB6)
        time.sleep_ms(4)
        while self._read(_REG_STATUS, 1)[0] & 0x01:  # im_update: NVM still copying
            time.sleep_ms(1)

        c = self._read(_REG_CALIB_TP, 26)
        self.t1 = _u16(c, 0)
        self.t2 = _s16(c, 2)
        self.t3 = _s16(c, 4)
        self.p1 = _u16(c, 6)
        self.p2 = _s16(c, 8)
        self.p3 = _s16(c, 10)
        self.p4 = _s16(c, 12)
        self.p5 = _s16(c, 14)
        self.p6 = _s16(c, 16)
        self.p7 = _s16(c, 18)
        self.p8 = _s16(c, 20)
        self.p9 = _s16(c, 22)
        self.h1 = c[25]
        h = self._read(_REG_CALIB_H, 7)
        self.h2 = _s16(h, 0)
        self.h3 = h[2]
        self.h4 = _s8(h[3]) * 16 + (h[4] & 0x0F)
        self.h5 = _s8(h[5]) * 16 + (h[4] >> 4)
        self.h6 = _s8(h[6])

        # In sleep mode: IIR filter off; humidity x1 (takes effect with the
        # next ctrl_meas write, which each measurement makes).
        self._write(_REG_CONFIG, 0x00)
        self._write(_REG_CTRL_HUM, _OVERSAMPLE_X1)
        self.t_fine = 0.0

    def _read(self, register, count):
        return self.i2c.readfrom_mem(self.address, register, count)

    def _write(self, register, value):
        self.i2c.writeto_mem(self.address, register, bytes([value]))

    def read_raw(self):
        """One forced-mode measurement: (adc_T, adc_P, adc_H)."""
        self._write(_REG_CTRL_MEAS, (_OVERSAMPLE_X1 << 5) | (_OVERSAMPLE_X1 << 2) | _MODE_FORCED)
        time.sleep_ms(10)  # t_max with everything x1 is 9.3 ms
        while self._read(_REG_STATUS, 1)[0] & 0x08:  # measuring
            time.sleep_ms(1)
        d = self._read(_REG_DATA, 8)
        adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        adc_h = (d[6] << 8) | d[7]
        return adc_t, adc_p, adc_h

    def compensate_temperature(self, adc_t):
        v1 = (adc_t / 16384.0 - self.t1 / 1024.0) * self.t2
        v2 = (adc_t / 131072.0 - self.t1 / 8192.0)
        v2 = v2 * v2 * self.t3
        self.t_fine = int(v1 + v2)
        return (v1 + v2) / 5120.0

    def compensate_pressure(self, adc_p):
        """Pa; uses t_fine from the temperature of the same measurement."""
        a = self.t_fine / 2.0 - 64000.0
        b = a * a * self.p6 / 32768.0 + a * self.p5 * 2.0
        b = b / 4.0 + self.p4 * 65536.0
        a = (self.p3 * a * a / 524288.0 + self.p2 * a) / 524288.0
        a = (1.0 + a / 32768.0) * self.p1
        if a == 0:
            return 0.0
        p = (1048576.0 - adc_p - b / 4096.0) * 6250.0 / a
        return p + (self.p9 * p * p / 2147483648.0 + self.p8 * p / 32768.0 + self.p7) / 16.0

    def compensate_humidity(self, adc_h):
        """%RH; uses t_fine from the temperature of the same measurement."""
        h = self.t_fine - 76800.0
        h = (adc_h - (self.h4 * 64.0 + self.h5 / 16384.0 * h)) * (
            self.h2 / 65536.0 * (1.0 + self.h6 / 67108864.0 * h * (1.0 + self.h3 / 67108864.0 * h)))
        h = h * (1.0 - self.h1 * h / 524288.0)
        return min(100.0, max(0.0, h))

    def read(self):
        """(temperature in C, pressure in Pa, relative humidity in %)."""
        adc_t, adc_p, adc_h = self.read_raw()
        t = self.compensate_temperature(adc_t)
        return t, self.compensate_pressure(adc_p), self.compensate_humidity(adc_h)

    @property
    def temperature(self):
        return self.read()[0]
