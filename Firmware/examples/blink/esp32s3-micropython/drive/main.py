# Blink: an LED on GPIO 4 (through a resistor to GND) flashes once a second.
import time

from machine import Pin

led = Pin(4, Pin.OUT, value=0)

while True:
    led.value(not led.value())
    time.sleep(0.5)
