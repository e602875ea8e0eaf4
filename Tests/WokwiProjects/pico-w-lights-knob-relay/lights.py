from machine import Pin


def make(pins):
    return [Pin(n, Pin.OUT, value=0) for n in pins]
