# The knob sets how many of the ring's pixels glow; the button (to 3V3, so
# a pull-down) lights the status LED, whose cathode is on GPIO4.
from machine import Pin, ADC
import neopixel
import time

status = Pin(4, Pin.OUT, value=1)
button = Pin(10, Pin.IN, Pin.PULL_DOWN)
knob = ADC(Pin(1))
ring = neopixel.NeoPixel(Pin(5), 12)

lit = knob.read_u16() * 12 // 65536
for i in range(12):
    ring[i] = (0, 40, 0) if i < lit else (0, 0, 0)
ring.write()
print("ring", lit, "of 12")
pressed = button.value() == 1
status.value(0 if pressed else 1)
print("button", "pressed" if pressed else "released")
time.sleep(0.1)
