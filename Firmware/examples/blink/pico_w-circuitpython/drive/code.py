# Blink: an LED on GP15 (through a resistor to GND) flashes once a second.
import time

import board
import digitalio

led = digitalio.DigitalInOut(board.GP15)
led.direction = digitalio.Direction.OUTPUT

while True:
    led.value = not led.value
    time.sleep(0.5)
