# busio: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc


def _slice(buf, start, end):
    if end is None:
        end = len(buf)
    return start, end


class _LockedBus(_mc._Peripheral):
    # I2C and SPI: shared buses a caller must lock before using.
    _locked = False

    def _check(self):
        self._check_live()
        if not self._locked:
            raise RuntimeError("Function requires lock")

    def try_lock(self):
        self._check_live()
        if self._locked:
            return False
        self._locked = True
        return True

    def unlock(self):
        self._locked = False


class I2C(_LockedBus):
    def __init__(self, scl, sda, *, frequency=100000, timeout=255):
        if not isinstance(scl, _mc.Pin) or not isinstance(sda, _mc.Pin) or scl._k or sda._k:
            raise ValueError("Invalid pins")
        self._bus = _cpboard.i2c_open(scl._n, sda._n, frequency)
        _mc._claim_all((scl, sda), self)
        self._pins = (scl, sda)
        self.frequency = frequency

    def probe(self, address):
        self._check()
        return address in _cpboard.i2c_scan(self._bus)

    def scan(self):
        self._check()
        return [a for a in _cpboard.i2c_scan(self._bus) if 0x08 <= a <= 0x77]

    def readfrom_into(self, address, buffer, *, start=0, end=None):
        self._check()
        start, end = _slice(buffer, start, end)
        n = end - start
        if n <= 0:
            return
        buffer[start:end] = _cpboard.i2c_read(self._bus, address, n, 1)

    def writeto(self, address, buffer, *, start=0, end=None):
        self._check()
        start, end = _slice(buffer, start, end)
        data = bytes(buffer[start:end])
        if not data:
            if address not in _cpboard.i2c_scan(self._bus):
                raise OSError(19)
            return
        _cpboard.i2c_write(self._bus, address, data, 1, 1)

    def writeto_then_readfrom(self, address, out_buffer, in_buffer, *, out_start=0, out_end=None, in_start=0, in_end=None):
        self._check()
        out_start, out_end = _slice(out_buffer, out_start, out_end)
        in_start, in_end = _slice(in_buffer, in_start, in_end)
        reg = bytes(out_buffer[out_start:out_end])
        n = in_end - in_start
        in_buffer[in_start:in_end] = _cpboard.i2c_readmem(self._bus, address, reg, n, 1)


class UART(_mc._Peripheral):
    class Parity:
        ODD = "ODD"
        EVEN = "EVEN"

    def __init__(self, tx=None, rx=None, *, rts=None, cts=None, rs485_dir=None, rs485_invert=False,
                 baudrate=9600, bits=8, parity=None, stop=1, timeout=1, receiver_buffer_size=64):
        for p in (tx, rx):
            if p is not None and (not isinstance(p, _mc.Pin) or p._k):
                raise ValueError("Invalid pins")
        self._id = _cpboard.uart_open(-1 if tx is None else tx._n, -1 if rx is None else rx._n, baudrate)
        self._pins = [p for p in (tx, rx) if p is not None]
        _mc._claim_all(self._pins, self)
        self.timeout = timeout

    def _check(self):
        self._check_live()


    @property
    def baudrate(self):
        self._check()
        return _cpboard.uart_baud(self._id)

    @baudrate.setter
    def baudrate(self, b):
        self._check()
        _cpboard.uart_baud(self._id, b)

    @property
    def in_waiting(self):
        self._check()
        return _cpboard.uart_available(self._id)

    def _wait(self, ready):
        waited = 0
        while not ready() and waited < self.timeout * 1000:
            _cpboard.sleep_ns(1000000)
            waited += 1

    def read(self, nbytes=None):
        self._check()
        if nbytes is None:
            self._wait(lambda: _cpboard.uart_available(self._id) > 0)
            data = _cpboard.uart_read(self._id, -1)
        else:
            self._wait(lambda: _cpboard.uart_available(self._id) >= nbytes)
            data = _cpboard.uart_read(self._id, nbytes)
        return data if data else None

    def readinto(self, buf):
        data = self.read(len(buf))
        if not data:
            return None
        buf[0:len(data)] = data
        return len(data)

    def readline(self):
        self._check()
        self._wait(lambda: _cpboard.uart_peek_line(self._id) > 0)
        n = _cpboard.uart_peek_line(self._id)
        data = _cpboard.uart_read(self._id, n if n > 0 else -1)
        return data if data else None

    def write(self, buf):
        self._check()
        return _cpboard.uart_write(self._id, bytes(buf))

    def reset_input_buffer(self):
        self._check()
        _cpboard.uart_read(self._id, -1)


class SPI(_LockedBus):
    def __init__(self, clock, MOSI=None, MISO=None, half_duplex=False):
        pins = [p for p in (clock, MOSI, MISO) if p is not None]
        for p in pins:
            if not isinstance(p, _mc.Pin) or p._k:
                raise ValueError("Invalid pins")
        _cpboard.spi_check(clock._n, None if MOSI is None else MOSI._n, None if MISO is None else MISO._n)
        _mc._claim_all(pins, self)
        self._pins = pins
        self._miso = MISO
        self._mosi = MOSI
        self.frequency = 250000

    def configure(self, *, baudrate=100000, polarity=0, phase=0, bits=8):
        self._check()
        self.frequency = baudrate

    def _delay(self, n):
        if n > 0 and self.frequency > 0:
            _cpboard.sleep_ns(n * 8 * 1000000000 // self.frequency)

    def write(self, buffer, *, start=0, end=None):
        self._check()
        if self._mosi is None:
            raise ValueError("No MOSI pin")
        start, end = _slice(buffer, start, end)
        self._delay(end - start)

    def readinto(self, buffer, *, start=0, end=None, write_value=0):
        self._check()
        if self._miso is None:
            raise ValueError("No MISO pin")
        start, end = _slice(buffer, start, end)
        for i in range(start, end):
            buffer[i] = 0xFF
        self._delay(end - start)

    def write_readinto(self, out_buffer, in_buffer, *, out_start=0, out_end=None, in_start=0, in_end=None):
        self._check()
        if self._miso is None or self._mosi is None:
            raise ValueError("Missing MISO or MOSI pin")
        out_start, out_end = _slice(out_buffer, out_start, out_end)
        in_start, in_end = _slice(in_buffer, in_start, in_end)
        if out_end - out_start != in_end - in_start:
            raise ValueError("buffer slices must be of equal length")
        for i in range(in_start, in_end):
            in_buffer[i] = 0xFF
        self._delay(in_end - in_start)
