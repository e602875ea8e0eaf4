# Three lights in turn, then the button, the knob and the relay it drives.
from machine import Pin, ADC
import time

import lights

leds = lights.make((13, 14, 15))
button = Pin(16, Pin.IN, Pin.PULL_UP)
relay = Pin(17, Pin.OUT)
knob = ADC(26)

for led in leds:
    led.on()
    time.sleep(0.5)
    led.off()
print("lights done")
print("button", "pressed" if button.value() == 0 else "released")
level = knob.read_u16()
print("knob", round(level / 65535, 2))
relay.value(1 if level > 32768 else 0)
leds[2].value(relay.value())
print("relay", relay.value())
