# A heater's thermostat: the slide switch turns heating on, the DHT22 reads the
# room every 2 s (its shortest period), and the LED lights while heating a cold room.
from machine import Pin
import dht
import time

sensor = dht.DHT22(Pin(2))
heating = Pin(14, Pin.IN)  # the switch puts GND (left) or 3V3 (right) on it
led = Pin(15, Pin.OUT)

for _ in range(5):
    sensor.measure()
    t, h = sensor.temperature(), sensor.humidity()
    on = heating.value()
    led.value(1 if on and t < 18 else 0)
    print("%s  %.1f C  %.1f %%" % ("heat" if on else "off", t, h))
    time.sleep(2)
print("done")
