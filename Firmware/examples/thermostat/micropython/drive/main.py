# Thermostat (MicroPython, Raspberry Pi Pico W).
#
# A BME280 on I2C0 (SDA GP4, SCL GP5, address 0x77), a relay on GP15 switching
# the fan, and a red LED on GP16 lit while the fan runs. The fan goes on above
# 26.0 C and off below 25.0 C; readings are printed every 5 seconds.
#
# The BME280 driver is `bme280`, ours, from Breadbox's Firmware/lib (forced mode,
# float compensation): frozen into the emulated board; on a real board copy
# Firmware/lib/bme280.py into /lib.
import time

from machine import I2C, Pin

from bme280 import BME280

ON_ABOVE = 26.0   # degrees C
OFF_BELOW = 25.0  # degrees C
REPORT_EVERY = 5  # seconds

i2c = I2C(0, scl=Pin(5), sda=Pin(4))
sensor = BME280(i2c, address=0x77)

relay = Pin(15, Pin.OUT, value=0)
alarm = Pin(16, Pin.OUT, value=0)

fan_on = False

while True:
    temperature, pressure, humidity = sensor.read()
    if not fan_on and temperature > ON_ABOVE:
        fan_on = True
    elif fan_on and temperature < OFF_BELOW:
        fan_on = False
    relay.value(fan_on)
    alarm.value(fan_on)
    print("%.2f C  %.1f %%RH  %.1f hPa  fan %s"
          % (temperature, humidity, pressure / 100, "on" if fan_on else "off"))
    time.sleep(REPORT_EVERY)
