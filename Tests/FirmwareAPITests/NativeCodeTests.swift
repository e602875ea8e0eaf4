import BoardEmulator
import FirmwareAPI
import PythonRuntime
import XCTest

/// `@micropython.native` and `@micropython.viper` on the boards: MicroPython's
/// results at the board's word size, and the board's clock charging them at
/// native and viper speed (`NativeEmitter`).
final class NativeCodeTests: XCTestCase {
    /// SZY's `add_test` loop (CalibrationTests) as bytecode, native and viper,
    /// each timed with ticks_us; prints µs per iteration for each.
    static let timedLoops = """
        import time, micropython

        def add_bytecode(n, a, b):
            for i in range(n):
                C = a + b

        @micropython.native
        def add_native(n, a, b):
            for i in range(n):
                C = a + b

        @micropython.viper
        def add_viper(n: int, a: int, b: int):
            for i in range(n):
                C = a + b

        N = 20000
        for f in (add_bytecode, add_native, add_viper):
            t1 = time.ticks_us()
            f(N, 1234, 5678)
            t2 = time.ticks_us()
            print(time.ticks_diff(t2, t1) / N)
        """

    func loopTimes(board id: String) throws -> [Double] {
        let s = try BoardSession(board: id)
        let out = s.run(Self.timedLoops)
        let times = out.split(separator: "\n").compactMap { Double($0) }
        guard times.count == 3 else { XCTFail("expected three timings, got \(out)"); return [1, 1, 1] }
        return times
    }

    func testAViperLoopOnThePicoWTakesASixteenthOfTheBytecodeLoopsTime() throws {
        let t = try loopTimes(board: "pico_w")
        print("pico_w add loop µs/iteration: bytecode \(t[0]), native \(t[1]), viper \(t[2])")
        XCTAssertEqual(t[0] / t[2], Double(NativeEmitter.viperSpeedup), accuracy: Double(NativeEmitter.viperSpeedup) * 0.25)
    }

    func testANativeLoopOnTheESP32S3TakesHalfTheBytecodeLoopsTime() throws {
        let t = try loopTimes(board: "esp32s3")
        print("esp32s3 add loop µs/iteration: bytecode \(t[0]), native \(t[1]), viper \(t[2])")
        XCTAssertEqual(t[0] / t[1], Double(NativeEmitter.nativeSpeedup), accuracy: Double(NativeEmitter.nativeSpeedup) * 0.1)
        XCTAssertEqual(t[0] / t[2], Double(NativeEmitter.viperSpeedup), accuracy: Double(NativeEmitter.viperSpeedup) * 0.25)
    }

    /// A viper function reading the clock itself sees its own speed: the clock
    /// read charges what the function ran so far at viper speed (250 iterations
    /// stay below the interval at which safe points settle the charge).
    func testAViperFunctionTimingItsOwnLoopSeesViperSpeed() throws {
        let s = try BoardSession(board: "pico_w")
        let out = s.run("""
            import time, micropython

            def loop_bytecode(n):
                t0 = time.ticks_us()
                for i in range(n):
                    C = i + 1
                return time.ticks_diff(time.ticks_us(), t0)

            @micropython.viper
            def loop_viper(n: int) -> int:
                t0 = int(time.ticks_us())
                for i in range(n):
                    C = i + 1
                return int(time.ticks_diff(time.ticks_us(), t0))

            print(loop_bytecode(250) / loop_viper(250))
            """)
        let ratio = try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)), out)
        XCTAssertEqual(ratio, Double(NativeEmitter.viperSpeedup), accuracy: Double(NativeEmitter.viperSpeedup) * 0.25)
    }

    /// The viper cost divisor assumes our viper `for … in range` loop runs
    /// `viperRangeLoopExpansion` times the instructions of the bytecode loop;
    /// a compiler change that alters either count fails here.
    func testViperRangeLoopRunsTheInstructionsTheCostModelAssumes() throws {
        let s = try BoardSession(board: "pico_w")
        s.run("""
            import micropython
            def add_bytecode(n, a, b):
                for i in range(n):
                    C = a + b
            @micropython.viper
            def add_viper(n: int, a: int, b: int):
                for i in range(n):
                    C = a + b
            """)
        func count(_ f: String, _ n: Int) -> Int {
            let c0 = s.runtime.instructionCount
            s.run("\(f)(\(n), 1, 2)")
            return s.runtime.instructionCount - c0
        }
        let bytecode = Double(count("add_bytecode", 2000) - count("add_bytecode", 1000)) / 1000
        let viper = Double(count("add_viper", 32000) - count("add_viper", 16000)) / 16000
        // The viper frame is charged 1/costDivisor of what it runs.
        let viperRun = viper * Double(NativeEmitter.viperSpeedup * NativeEmitter.viperRangeLoopExpansion)
        XCTAssertEqual(viperRun / bytecode, Double(NativeEmitter.viperRangeLoopExpansion), accuracy: 0.01)
    }

    /// viper ints are machine words: 32 bits on the RP2040 and ESP32-S3 (64 on
    /// the unix port), and uint() reads them unsigned.
    func testViperArithmeticWrapsAtThirtyTwoBitsOnTheBoards() throws {
        for id in ["pico_w", "esp32s3"] {
            let s = try BoardSession(board: id)
            let out = s.run("""
                import micropython
                @micropython.viper
                def f(x: int) -> int:
                    return x * x
                @micropython.viper
                def g() -> uint:
                    return uint(-1)
                @micropython.viper
                def h(x: int) -> int:
                    return x << 31
                print(f(100000), g(), h(1), h(3))
                """)
            XCTAssertEqual(out, "1410065408 4294967295 -2147483648 -2147483648\n", id)
        }
    }

    /// ptr8/ptr16/ptr32 views write a bytearray little-endian, and an address
    /// no buffer holds (a peripheral register) is refused by name.
    func testViperPointersWriteBuffersAndRefuseRegisterAddresses() throws {
        let s = try BoardSession(board: "pico_w")
        let out = s.run("""
            import micropython
            @micropython.viper
            def fill(buf: ptr32, n: int, v: uint):
                for i in range(n):
                    buf[i] = v
            b = bytearray(8)
            fill(b, 2, 0x11223344)
            print(b)
            @micropython.viper
            def gpio_out() -> int:
                return ptr32(0xd0000010)[0]
            try:
                gpio_out()
            except NotImplementedError as e:
                print(e)
            """)
        XCTAssertEqual(out, """
            bytearray(b'D3"\\x11D3"\\x11')
            viper access to address 0xd0000010: no emulated memory there (only the buffers viper took pointers to)

            """)
    }

    /// Firmware that makes a fresh buffer for each viper call (a frame to send)
    /// keeps getting addresses: those of collected buffers are handed out again.
    func testAddressesOfCollectedBuffersAreReused() throws {
        let s = try BoardSession(board: "pico_w")
        let out = s.run("""
            import micropython, gc
            @micropython.viper
            def frame(b: ptr8, n: int) -> ptr:
                for i in range(n):
                    b[i] = i
                return ptr(b)
            top = 0
            for k in range(5000):
                a = frame(bytearray(64), 64)
                top = max(top, a)
                if k % 500 == 0:
                    gc.collect()
            print(hex(top)[:4], top - 0x20000000 < 1 << 20)
            """)
        XCTAssertEqual(out, "0x20 True\n")
    }

    /// CircuitPython 9's ports are built without the native emitters.
    func testCircuitPythonRefusesTheNativeDecorators() throws {
        for decorator in ["native", "viper"] {
            let s = try BoardSession(board: "pico_w", flavour: .circuitpython)
            let out = s.run("""
                try:
                    exec("@micropython.\(decorator)\\ndef f(): pass")
                except SyntaxError as e:
                    print(e.args[0])
                print('ViperTypeError' in dir(__builtins__))
                """)
            XCTAssertEqual(out, "invalid micropython decorator\nFalse\n")
        }
    }
}
