# pulseio: CircuitPython's PulseIn (shared-bindings/pulseio/PulseIn.c) over the
# native helper _cpboard (PulseInFunctions.swift). PulseOut is absent.
import _cpboard
import microcontroller as _mc


class PulseIn(_mc._Peripheral):
    def __init__(self, pin, maxlen=2, *, idle_state=False):
        _mc._claim(pin, self)
        try:
            self._id = _cpboard.pulsein_open(pin._k, pin._n, maxlen, 1 if idle_state else 0)
        except Exception:
            _mc._release(pin)
            raise
        self._pins = (pin,)

    def deinit(self):
        if self._pins is not None:
            _cpboard.pulsein_close(self._id)
        _mc._Peripheral.deinit(self)

    def _live(self):
        self._check_live()
        return self._id

    def pause(self):
        _cpboard.pulsein_pause(self._live())

    def resume(self, trigger_duration=0):
        _cpboard.pulsein_resume(self._live(), trigger_duration)

    def clear(self):
        _cpboard.pulsein_clear(self._live())

    def popleft(self):
        return _cpboard.pulsein_popleft(self._live())

    @property
    def maxlen(self):
        return _cpboard.pulsein_maxlen(self._live())

    @property
    def paused(self):
        return _cpboard.pulsein_paused(self._live())

    def __len__(self):
        return _cpboard.pulsein_len(self._live())

    def __bool__(self):
        return _cpboard.pulsein_len(self._live()) != 0

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise NotImplementedError("Slices not supported")
        n = _cpboard.pulsein_len(self._live())
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("PulseIn index out of range")
        return _cpboard.pulsein_get(self._id, index)

    def __setitem__(self, index, value):
        raise AttributeError("Read-only")

    def __delitem__(self, index):
        raise AttributeError("Cannot delete values")
