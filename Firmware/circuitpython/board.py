# board: CircuitPython's module over the native helper _cpboard (CircuitPythonModules.swift).
import _cpboard
import microcontroller as _mc

board_id = _cpboard.board_id

for _name, _k, _n in _cpboard.pin_table():
    globals()[_name] = _mc._by_key[(_k, _n)]


def _named_bus(name, scl, sda, freq):
    box = []

    def get():
        if not box or box[0].deinited():
            import busio
            box[:] = [busio.I2C(_mc._by_key[(_cpboard.KIND_GPIO, scl)], _mc._by_key[(_cpboard.KIND_GPIO, sda)], frequency=freq)]
        return box[0]

    return get


for _row in _cpboard.named_i2c():
    globals()[_row[0]] = _named_bus(*_row)
