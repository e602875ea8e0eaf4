# The LED follows the button; a line typed on serial is echoed back.
import sys
import time

import select
from machine import Pin

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT, value=0)
print("ready")
poll = select.poll()
poll.register(sys.stdin, select.POLLIN)
line = ""
while True:
    led.value(button.value() == 0)
    if poll.poll(0):
        c = sys.stdin.read(1)
        if c in "\r\n":
            print("got", line)
            line = ""
        else:
            line += c
    time.sleep_ms(10)
