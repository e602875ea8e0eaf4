# rp2 (RP2040 boards only).
# rp2 here offers bootsel_button() and country() only. Absent, so their use raises
# AttributeError: PIO, StateMachine, asm_pio (PIO emulation is not done), DMA, Flash.

_country = "XX"


def bootsel_button():
    # The boards have no BOOTSEL button part yet: it is never pressed.
    return 0


def country(code=None):
    global _country
    if code is None:
        return _country
    _country = code
