import BoardEmulator
import Foundation
import PythonRuntime

/// The CircuitPython modules bound to a board, and what they ask of the supervisor.
///
/// Layout (as for `machine`): a native helper module `_cpboard` — the `_machine`
/// functions (pins, I2C, ADC, PWM by number) plus CircuitPython-only pieces
/// (board pin table, NeoPixel, UART, settings.toml, supervisor flags) — and the
/// Python modules `board`, `microcontroller`, `digitalio`, `busio`, `analogio`,
/// `pwmio`, `neopixel_write`, `supervisor` and `storage` (`Firmware/circuitpython/*.py`).
public final class CircuitPythonModules {
    public unowned let runtime: Runtime
    public let board: Board
    public let assembly: CircuitAssembly?
    /// Set by `supervisor.reload()`.
    public var reloadRequested = false
    /// Whether the program may write the drive (`storage.remount("/", readonly=False)` in boot.py).
    public var driveWritableByCode = false
    /// Set by the supervisor while boot.py runs: only then may `storage.remount` be called.
    public var inBootPy = false
    /// Whether auto-reload is on (`supervisor.disable_autoreload()` turns it off).
    public var autoreloadEnabled = true
    /// `microcontroller.nvm`: 4096 bytes; carry it over to the next runtime to persist it.
    public var nvm = [UInt8](repeating: 0xFF, count: 4096)
    /// Set by `microcontroller.reset()` (the program then ends with SystemExit).
    public var resetRequested: Bool { machine.pendingReset != nil }

    public let machine: MachineModule
    private var uartIDs: [Int: Int] = [:]
    /// `pulseio.PulseIn` objects' captures, by the id the Python object holds.
    var pulseCaptures: [Int: PulseCapture] = [:]
    var nextPulseCapture = 1

    init(runtime: Runtime, board: Board, assembly: CircuitAssembly?) {
        self.runtime = runtime
        self.board = board
        self.assembly = assembly
        machine = MachineModule(runtime: runtime, board: board)
    }

    /// `settings.toml` at the drive root, the subset CircuitPython reads:
    /// `KEY = "string"` and `KEY = 123` (also 0x.. hex); comments and tables skipped.
    public func setting(_ name: String) -> Value? {
        guard let fs = runtime.host.fileSystem, let bytes = try? fs.readFile("/settings.toml") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { break }   // only the root table counts
            guard !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard key == name else { continue }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") {
                var out = "", escaped = false
                for c in value.dropFirst() {
                    if escaped {
                        switch c {
                        case "n": out.append("\n")
                        case "t": out.append("\t")
                        case "r": out.append("\r")
                        default: out.append(c)
                        }
                        escaped = false
                    } else if c == "\\" { escaped = true } else if c == "\"" { return runtime.str(out) } else { out.append(c) }
                }
                return nil
            }
            if let hash = value.firstIndex(of: "#") { value = value[..<hash].trimmingCharacters(in: .whitespaces) }
            value = value.replacingOccurrences(of: "_", with: "")
            if value.lowercased().hasPrefix("0x"), let n = Int(value.dropFirst(2), radix: 16) { return runtime.int(n) }
            if let n = Int(value) { return runtime.int(n) }
            return nil
        }
        return nil
    }

    func cpuTemperature() -> Double { machine.coreTemperatureC() }
}


/// Makes the CircuitPython modules importable on `rt`, bound to `board` (and to the
/// circuit's parts through `assembly`, for `neopixel_write`); adds `os.getenv`
/// reading settings.toml. Returns the state the supervisor reads.
public func installCircuitPythonModules(_ rt: Runtime, board: Board, assembly: CircuitAssembly?) -> CircuitPythonModules {
    let cp = CircuitPythonModules(runtime: rt, board: board, assembly: assembly)
    let m = cp.machine
    for (name, source) in circuitPythonModuleSources { rt.frozenModules[name] = source }
    rt.romModules.formUnion(circuitPythonModuleSources.keys)
    // CircuitPython has no `socket` (socketpool instead) and no MicroPython `tls`.
    rt.removeModule("socket")
    rt.removeModule("tls")
    // No cmath either: CircuitPython builds leave MicroPython's MICROPY_PY_CMATH off
    // (py/circuitpy_mpconfig.h).
    rt.removeModule("cmath")
    // MicroPython 1.24's vfs module is not CircuitPython's (it mounts through `storage`).
    rt.removeModule("vfs")
    addCircuitPythonExceptions(rt)
    adaptSystemModulesToCircuitPython(rt)

    rt.registerNativeModule("_cpboard") { rt, module throws(PyError) in
        installMachineFunctions(rt, module, m)
        installPulseInFunctions(rt, module, cp)
        let d = module.dict
        func fn(_ name: String, _ body: @escaping NativeFunction) { rt.moduleFunction(module, name, body) }
        func a(_ args: CallArguments, _ i: Int) -> Value { i < args.positional.count ? args.positional[i] : .none }
        let def = board.definition
        d.setStr(rt.intern("board_id"), rt.str(def.names.circuitpythonBoardID))
        d.setStr(rt.intern("is_rp2"), Value(bool: m.isRP2))

        // [(name, kind, number)] in definition order: every `board` pin name.
        fn("pin_table") { rt, _ throws(PyError) in
            var rows: ContiguousArray<Value> = []
            for p in def.pins {
                let (k, n) = MachineCodes.PinKind.pair(p.ref)
                for name in p.circuitpython { rows.append(rt.tuple([rt.str(name), rt.int(k), rt.int(n)])) }
            }
            return Value(rt.newList(rows))
        }
        // Named I2C buses of the board (board.STEMMA_I2C): [(name, scl, sda, frequency)].
        fn("named_i2c") { rt, _ throws(PyError) in
            let rows = board.flavourFacts.i2cDefaults.compactMap { dflt -> Value? in
                guard let name = dflt.name else { return nil }
                return rt.tuple([rt.str(name), rt.int(dflt.scl), rt.int(dflt.sda), rt.int(dflt.frequency)])
            }
            return Value(rt.newList(ContiguousArray(rows)))
        }
        // i2c_open(scl, sda, frequency) -> bus: CircuitPython picks the peripheral from the pins.
        fn("i2c_open") { rt, args throws(PyError) in
            let scl = try m.int(a(args, 0)), sda = try m.int(a(args, 1)), freq = try m.int(a(args, 2))
            guard scl != sda, let bus = def.i2cBus(scl: scl, sda: sda), let c = board.i2cController(bus) else {
                throw rt.valueError("Invalid pins")
            }
            c.scl = scl; c.sda = sda; c.frequency = max(freq, 1)
            return rt.int(bus)
        }
        // SPI with nothing attached: MISO floats high, so reads give 0xFF.
        fn("spi_check") { rt, args throws(PyError) in
            let clk = try m.int(a(args, 0))
            let mosi = a(args, 1).isNone ? nil : try m.int(a(args, 1))
            let miso = a(args, 2).isNone ? nil : try m.int(a(args, 2))
            let ok = def.spi.contains { b in
                (b.sck?.contains(clk) ?? def.isGPIO(clk))
                    && (mosi.map { b.mosi?.contains($0) ?? def.isGPIO($0) } ?? true)
                    && (miso.map { b.miso?.contains($0) ?? def.isGPIO($0) } ?? true)
            }
            if !ok { throw rt.valueError("Invalid pins") }
            return .none
        }
        // UART: uart_open(tx or -1, rx or -1, baudrate) -> id
        fn("uart_open") { rt, args throws(PyError) in
            let tx = try m.int(a(args, 0)), rx = try m.int(a(args, 1)), baud = try m.int(a(args, 2))
            let fits: (BoardDefinition.UARTDef) -> Bool = { u in
                (tx < 0 || (u.tx?.contains(tx) ?? def.isGPIO(tx))) && (rx < 0 || (u.rx?.contains(rx) ?? def.isGPIO(rx)))
            }
            guard tx >= 0 || rx >= 0, let u = def.uart.first(where: fits), let port = board.uart(u.id) else {
                throw rt.valueError("Invalid pins")
            }
            port.baudrate = max(baud, 1)
            return rt.int(u.id)
        }
        fn("uart_write") { rt, args throws(PyError) in
            guard let u = board.uart(try m.int(a(args, 0))) else { throw rt.valueError("Invalid pins") }
            let data = try m.bytes(a(args, 1))
            u.write(data)
            return rt.int(data.count)
        }
        // uart_read(id, n or -1) -> bytes (what has arrived, up to n)
        fn("uart_read") { rt, args throws(PyError) in
            guard let u = board.uart(try m.int(a(args, 0))) else { throw rt.valueError("Invalid pins") }
            let n = try m.int(a(args, 1))
            return Value(rt.newBytes(u.read(n < 0 ? nil : n)))
        }
        fn("uart_peek_line") { rt, args throws(PyError) in
            guard let u = board.uart(try m.int(a(args, 0))) else { throw rt.valueError("Invalid pins") }
            return rt.int(u.rxBuffer.firstIndex(of: 10).map { $0 + 1 } ?? -1)
        }
        fn("uart_available") { rt, args throws(PyError) in
            guard let u = board.uart(try m.int(a(args, 0))) else { throw rt.valueError("Invalid pins") }
            return rt.int(u.available)
        }
        fn("uart_baud") { rt, args throws(PyError) in
            guard let u = board.uart(try m.int(a(args, 0))) else { throw rt.valueError("Invalid pins") }
            if args.positional.count > 1 { u.baudrate = max(1, try m.int(a(args, 1))) }
            return rt.int(u.baudrate)
        }
        // neopixel_write(k, n, bytes): the strip whose DIN is on that pin latches the frame.
        fn("neopixel_write") { rt, args throws(PyError) in
            let p = try m.pinRef(args)
            let data = try m.bytes(a(args, 2))
            rt.reportPendingInstructions()
            cp.assembly?.neoPixel(on: p)?.receive(bytes: data)
            // 800 kHz, 24 bits per pixel: 1.25 µs a bit.
            if !data.isEmpty { rt.host.clock.sleep(nanoseconds: UInt64(data.count) * 10_000) { false } }
            return .none
        }
        fn("cpu_temperature") { rt, _ throws(PyError) in Value(float: cp.cpuTemperature()) }
        fn("nvm_get") { rt, args throws(PyError) in
            let i = try m.int(a(args, 0))
            guard i >= 0, i < cp.nvm.count else { throw rt.error(rt.types.IndexError, "index out of range") }
            return rt.int(Int(cp.nvm[i]))
        }
        fn("nvm_set") { rt, args throws(PyError) in
            let i = try m.int(a(args, 0)), v = try m.int(a(args, 1))
            guard i >= 0, i < cp.nvm.count else { throw rt.error(rt.types.IndexError, "index out of range") }
            guard (0...255).contains(v) else { throw rt.valueError("bytes value out of range") }
            cp.nvm[i] = UInt8(v)
            return .none
        }
        // CircuitPython's supervisor.ticks_ms: starts 65.536 s before the 2**29 wrap.
        fn("ticks_ms") { rt, _ throws(PyError) in
            rt.reportPendingInstructions()
            let ms = board.uptimeNanoseconds / 1_000_000
            return rt.int(Int((ms &+ 0x1FFF_0000) % (1 << 29)))
        }
        fn("serial_bytes_available") { rt, _ throws(PyError) in rt.int(rt.consoleBytesWaiting) }
        fn("reload") { rt, _ throws(PyError) in
            cp.reloadRequested = true
            throw PyError(rt.newException(rt.types.SystemExit, args: [rt.str("supervisor.reload")]))
        }
        fn("set_autoreload") { rt, args throws(PyError) in
            cp.autoreloadEnabled = try m.int(a(args, 0)) != 0; return .none
        }
        fn("remount") { rt, args throws(PyError) in
            let path = a(args, 0).as(PyStr.self)?.value ?? "/"
            guard cp.inBootPy else { throw rt.error(rt.types.RuntimeError, "Cannot remount '\(path)' when visible via USB.") }
            cp.driveWritableByCode = try m.int(a(args, 1)) == 0
            return .none
        }
    }

    // time.struct_time, which CircuitPython's localtime/gmtime return and
    // rtc.RTC().datetime takes (shared-bindings/time: a structseq of 9 fields).
    let timeInit = rt.nativeModuleInitializer("time")
    rt.registerNativeModule("time") { rt, module throws(PyError) in
        try timeInit?(rt, module)
        let code = try rt.compileSource(circuitPythonStructTime, filename: "<time>", mode: .module)
        _ = try rt.runCode(code, globals: module.dict, locals: nil)
    }

    // errno: CircuitPython builds with MICROPY_USE_INTERNAL_ERRNO 0 (py/mpconfig.h),
    // so MP_E* are the C library's: newlib's numbers on both ports.
    rt.errnoTable = Runtime.newlibErrnoCodes
    rt.errnoDescriptions = circuitPythonErrnoTexts

    // os.getenv reads settings.toml, as CircuitPython's does.
    let osInit = rt.nativeModuleInitializer("os")
    rt.registerNativeModule("os") { rt, module throws(PyError) in
        try osInit?(rt, module)
        rt.moduleFunction(module, "getenv") { rt, args throws(PyError) in
            guard args.positional.count >= 1 else { throw rt.typeError("function missing 1 required positional arguments") }
            guard let key = args.positional[0].as(PyStr.self)?.value else { throw rt.typeError("can't convert to str implicitly") }
            if let v = cp.setting(key) { return v }
            return args.positional.count > 1 ? args.positional[1] : .none
        }
    }
    return cp
}

/// The built-in exceptions CircuitPython enables beyond MicroPython's
/// (py/modbuiltins.c in 9.1.4: ConnectionError, BrokenPipeError, TimeoutError),
/// which wifi and socketpool raise and Adafruit's libraries catch.
func addCircuitPythonExceptions(_ rt: Runtime) {
    let source = """
        class ConnectionError(OSError):
            pass
        class BrokenPipeError(ConnectionError):
            pass
        class TimeoutError(OSError):
            pass
        """
    let globals = rt.newDict()
    globals.setStr(rt.intern("__name__"), rt.str("builtins"))
    do {
        let code = try rt.compileSource(source, filename: "<builtins>", mode: .module)
        _ = try rt.runCode(code, globals: globals, locals: nil)
    } catch {
        return
    }
    for name in ["ConnectionError", "BrokenPipeError", "TimeoutError"] {
        let t = globals.getStr(rt.intern(name))
        if !t.isNull { rt.builtins.setStr(rt.intern(name), t) }
    }
}

/// struct_time over the time module's own localtime/gmtime (run in `time`'s namespace).
let circuitPythonStructTime = """
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    class struct_time(tuple):
        def __init__(self, t):
            if len(tuple(self)) != 9:
                raise TypeError('time.struct_time() takes a 9-sequence')
        def __len__(self):
            return 9
        def __repr__(self):
            return 'struct_time(' + ', '.join([f + '=' + repr(v) for f, v in zip(_fields, self)]) + ')'
    for _i, _f in enumerate(_fields):
        setattr(struct_time, _f, property(lambda self, i=_i: self[i]))
    def _wrap(f):
        def g(*args):
            # MicroPython's 8-tuple, and tm_isdst -1 (unknown) as CircuitPython's.
            return struct_time(tuple(f(*args)) + (-1,))
        return g
    localtime = _wrap(localtime)
    gmtime = _wrap(gmtime)
    del _wrap, _i, _f
    """

/// What CircuitPython's OSError prints for its common errnos (py/moderrno.c's
/// mp_common_errno_to_str, newlib's numbers); the others print their names.
let circuitPythonErrnoTexts: [Int: String] = [
    1: "Operation not permitted", 2: "No such file/directory", 5: "Input/output error",
    13: "Permission denied", 17: "File exists", 19: "No such device", 22: "Invalid argument",
    28: "No space left on device", 30: "Read-only filesystem",
]
