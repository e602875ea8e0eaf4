# A traffic light: green, yellow, red in turn; the Walk button (to GND, with
# the pin's pull-up) makes the next red last twice as long.
from machine import Pin
import time

red, yellow, green = (Pin(n, Pin.OUT, value=0) for n in (13, 14, 15))
walk = Pin(16, Pin.IN, Pin.PULL_UP)
requested = False


def on_walk(pin):
    global requested
    requested = True


walk.irq(on_walk, Pin.IRQ_FALLING)

for cycle in range(3):
    for light, seconds in ((green, 3), (yellow, 1), (red, 3)):
        if light is red and requested:
            seconds *= 2
            requested = False
            print("walk")
        light.on()
        print(cycle, "green" if light is green else "yellow" if light is yellow else "red")
        time.sleep(seconds)
        light.off()
print("done")
