# Thermostat (CircuitPython, Raspberry Pi Pico W).
#
# A BME280 on I2C0 (SDA GP4, SCL GP5, address 0x77), a relay on GP15 switching
# the fan, and a red LED on GP16 lit while the fan runs. The fan goes on above
# 26.0 C and off below 25.0 C; readings are printed every 5 seconds.
#
# Needs the Adafruit BME280 library in lib/ (circup or breadbox lib install adafruit_bme280).
import time

import board
import busio
import digitalio
from adafruit_bme280 import basic as adafruit_bme280

ON_ABOVE = 26.0   # degrees C
OFF_BELOW = 25.0  # degrees C
REPORT_EVERY = 5  # seconds

i2c = busio.I2C(board.GP5, board.GP4)  # SCL, SDA
sensor = adafruit_bme280.Adafruit_BME280_I2C(i2c, address=0x77)

relay = digitalio.DigitalInOut(board.GP15)
relay.direction = digitalio.Direction.OUTPUT
relay.value = False

alarm = digitalio.DigitalInOut(board.GP16)
alarm.direction = digitalio.Direction.OUTPUT
alarm.value = False

fan_on = False

while True:
    temperature = sensor.temperature
    humidity = sensor.relative_humidity
    pressure = sensor.pressure
    if not fan_on and temperature > ON_ABOVE:
        fan_on = True
    elif fan_on and temperature < OFF_BELOW:
        fan_on = False
    relay.value = fan_on
    alarm.value = fan_on
    print("%.2f C  %.1f %%RH  %.1f hPa  fan %s"
          % (temperature, humidity, pressure, "on" if fan_on else "off"))
    time.sleep(REPORT_EVERY)
