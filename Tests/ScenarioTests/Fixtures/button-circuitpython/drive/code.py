# The LED follows the button; a line typed on serial is echoed back.
import sys
import time

import board
import digitalio
import supervisor

# The same code on both boards: the Pico W names its pins GPn, the ESP32-S3 IOn.
button = digitalio.DigitalInOut(getattr(board, "GP14", None) or board.IO14)
button.pull = digitalio.Pull.UP
led = digitalio.DigitalInOut(getattr(board, "GP15", None) or board.IO15)
led.direction = digitalio.Direction.OUTPUT
print("ready")
line = ""
while True:
    led.value = not button.value
    while supervisor.runtime.serial_bytes_available:
        c = sys.stdin.read(1)
        if c in "\r\n":
            print("got", line)
            line = ""
        else:
            line += c
    time.sleep(0.01)
