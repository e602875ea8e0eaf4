# dht: the DHT11 and DHT22 driver both ports freeze (micropython-lib's
# micropython/drivers/sensor/dht/dht.py, required by ports/rp2/boards/manifest.py
# and ports/esp32/boards/manifest.py), written again to behave as it does:
# measure() reads the five bytes through machine.dht_readinto and checks the
# checksum; temperature() and humidity() decode the last bytes read.
from machine import dht_readinto


class DHTBase:
    def __init__(self, pin):
        self.pin = pin
        self.buf = bytearray(5)

    def measure(self):
        buf = self.buf
        dht_readinto(self.pin, buf)
        if (buf[0] + buf[1] + buf[2] + buf[3]) & 0xFF != buf[4]:
            raise Exception("checksum error")


class DHT11(DHTBase):
    # Whole degrees and percent in bytes 2 and 0.
    def humidity(self):
        return self.buf[0]

    def temperature(self):
        return self.buf[2]


class DHT22(DHTBase):
    # Tenths, big-endian; the temperature's top bit is its sign.
    def humidity(self):
        return (self.buf[0] << 8 | self.buf[1]) * 0.1

    def temperature(self):
        t = ((self.buf[2] & 0x7F) << 8 | self.buf[3]) * 0.1
        if self.buf[2] & 0x80:
            t = -t
        return t
