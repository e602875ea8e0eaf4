# The LED follows the button.
import time

import board
import digitalio

button = digitalio.DigitalInOut(board.IO14)
button.pull = digitalio.Pull.UP
led = digitalio.DigitalInOut(board.IO15)
led.direction = digitalio.Direction.OUTPUT
print("ready")
while True:
    led.value = not button.value
    time.sleep(0.01)
