import Foundation
import BigInt

/// What the runtime asks of the program embedding it. Everything outside the
/// language (console, files, time) reaches the runtime only through here.
public protocol RuntimeHost: AnyObject {
    /// Program output (print, sys.stdout).
    func writeOutput(_ text: String)
    /// Error output (tracebacks, sys.stderr).
    func writeError(_ text: String)
    /// A line of input without its newline (input()), or nil at end of input.
    func readLine() -> String?
    /// Console input as bytes (sys.stdin, sys.stdin.buffer): blocks until at
    /// least one byte is there and returns at most `maxBytes`, or nil at the end
    /// of input. The default reads a line through `readLine` (with its newline,
    /// possibly more than `maxBytes`: the runtime keeps the rest for later reads).
    func readInput(maxBytes: Int) -> [UInt8]?
    /// Bytes for the console exactly as given (sys.stdout.buffer), which unlike
    /// `writeOutput`'s text need be neither UTF-8 nor have their newlines cooked.
    /// The default passes them to `writeOutput` as UTF-8 text.
    func writeRawOutput(_ bytes: [UInt8])
    /// Source of a module file, or nil if there is no such file. `path` is as
    /// built from sys.path entries ("lib/foo.py", "foo/__init__.py").
    func readSourceFile(_ path: String) -> String?
    /// Is `path` a directory (for packages)?
    func isDirectory(_ path: String) -> Bool
    /// Called every so often from the interpreter loop with the instructions run
    /// since the last call (a board charges them to its virtual clock).
    func instructionsExecuted(_ count: Int)
    /// The clock `time` and `asyncio` follow.
    var clock: RuntimeClock { get }
    /// The file system `open`, `os` and imports see (nil: no files at all).
    var fileSystem: VirtualFileSystem? { get }
    /// Can `sys.stdin` be read without waiting (for `select.poll`)?
    func inputAvailable() -> Bool
    /// How many console bytes are waiting (CircuitPython's `serial_bytes_available`).
    func inputBytesAvailable() -> Int
    /// The network `socket` reaches (nil: none; connecting raises EHOSTUNREACH).
    var network: RuntimeNetwork? { get }
}

extension RuntimeHost {
    public func readInput(maxBytes: Int) -> [UInt8]? {
        guard let line = readLine() else { return nil }
        return Array(line.utf8) + [10]
    }
    public func writeRawOutput(_ bytes: [UInt8]) { writeOutput(String(decoding: bytes, as: UTF8.self)) }
    public func readSourceFile(_ path: String) -> String? { nil }
    public func isDirectory(_ path: String) -> Bool { false }
    public func instructionsExecuted(_ count: Int) {}
    public var fileSystem: VirtualFileSystem? { nil }
    public func inputAvailable() -> Bool { false }
    public func inputBytesAvailable() -> Int { inputAvailable() ? 1 : 0 }
    public var network: RuntimeNetwork? { nil }
}

/// Settings fixed when a runtime is made.
public struct RuntimeConfiguration {
    /// Heap size in bytes (a board's RAM for Python objects).
    public var heapLimit: Int = 256 * 1024 * 1024
    /// The firmware's machine word (8 on a 64-bit host like the unix port, 4 on
    /// the boards' Cortex-M0+ and Xtensa): its parse nodes are words.
    public var wordBytes: Int = 8
    /// Deepest Python call nesting before RecursionError.
    public var recursionLimit: Int = 1000
    /// Instructions a float result is charged on top of the one that made it:
    /// a board's firmware allocates a boxed float for each (the board's cost
    /// model sets it; 0 on the host).
    public var floatResultInstructions: Int = 0
    /// `sys.platform`.
    public var platform: String = "linux"
    /// `sys.implementation.name` and `.version` (CircuitPython calls itself "circuitpython").
    public var implementationName: String = "micropython"
    public var implementationVersion: (Int, Int, Int) = (1, 24, 0)
    /// `sys.implementation._machine` / `os.uname().machine`.
    public var machine: String = "linux [GCC 4.2.1] version"
    /// `os.uname()`: sysname (also nodename), release and version.
    public var sysname: String = "breadbox"
    public var release: String = "1.24.0"
    public var version: String = "v1.24.0 on Breadbox"
    /// Whether `sys.stdin`, `sys.stdout` and `sys.stderr` have a binary
    /// `buffer` (MICROPY_PY_SYS_STDIO_BUFFER: MicroPython's rp2, esp32 and unix
    /// ports do; CircuitPython 9's raspberrypi and espressif ports do not).
    public var stdioBuffers = true
    /// What `os.getenv` finds.
    public var environment: [String: String] = [:]
    public var argv: [String] = []
    /// The first entry of `sys.path`: `""` (the current folder) on a board; the
    /// folder of the script for `breadbox python file.py`, as the unix port does.
    public var firstSysPathEntry = ""
    /// Whether a syntax error's traceback shows the line and a caret (CPython,
    /// and `breadbox python`); the firmware prints only the file and line.
    public var syntaxErrorsShowSource = true
    /// The machine code `@micropython.native` and `@micropython.viper` compile to
    /// (nil: a firmware built without them, as CircuitPython 9's ports are, where
    /// both decorators are `SyntaxError: invalid micropython decorator`).
    public var nativeEmitter: NativeEmitter? = .x64
    public init() {}
}

/// One Python interpreter: its heap, types, modules and the running frames.
/// Driven by one thread at a time; other threads reach it only through its
/// `interruptLine`.
public final class Runtime {
    public let host: RuntimeHost
    public let configuration: RuntimeConfiguration
    let heap: Heap
    public let types: BuiltinTypes
    /// The stamps this runtime's inline caches check (its types and dicts share them).
    let cacheCounters = CacheCounters()
    var interned: [String: PyStr] = [:]
    /// Interned "" (at 128) and one-character ASCII strs, by code.
    var shortStrs = [PyStr?](repeating: nil, count: 129)
    /// Common names as interned strings (`__init__`, `__name__`...).
    var names: Names!
    public internal(set) var builtins: PyDict!
    /// sys.modules.
    public internal(set) var modules: PyDict!
    /// The module search path (sys.path), a list.
    var sysPath: PyList!
    var sysModule: PyModule!

    // Interpreter state.
    var valueStack: UnsafeMutablePointer<Value>
    let valueStackCapacity: Int
    var stackTop: UnsafeMutablePointer<Value>
    unowned(unsafe) var currentFrame: Frame?
    var frameDepth = 0
    var nativeDepth = 0
    var nestingDepth = 0
    /// Instructions run since the heap was last measured (see `checkpoint`).
    var instructionsSinceCollection = 0
    /// Frames for ordinary calls, reused in LIFO order (calls and unwinding are
    /// LIFO); `framesInUse` of them are active. Generator frames live in their generator.
    /// Frames for reuse, each retained once (Unmanaged, so that taking one for
    /// a call and handing it to the loop costs no retain/release pair).
    var frameStack: ContiguousArray<Unmanaged<Frame>> = []
    var framesInUse = 0
    /// The exception being handled (for bare `raise`, __context__, sys.exc_info()).
    var handledException: Value = .none
    /// Total instructions executed.
    public internal(set) var instructionCount: Int = 0
    /// The addresses viper pointers use (`Runtime+Viper.swift`).
    let viperMemory = ViperAddressSpace()
    /// Native and viper instructions not yet charged (a fraction of one at their speed).
    var nativeInstructionRemainder = 0
    /// The running loop's frame stretch: where it began in `executedInLoop`, and
    /// its cost divisor (1 for bytecode; `Interpreter.beginStretch`).
    var stretchStartInLoop = 0
    var stretchDivisorInLoop = 1
    var reportedInstructionCount: Int = 0
    /// The running loop's instructions not yet in `instructionCount` (published at
    /// the loop's sync points), and those of the loops that called it.
    var executedInLoop = 0
    var executedInOuterLoops = 0
    /// Raised from any thread to make the running code raise KeyboardInterrupt.
    public let interruptLine: InterruptLine
    var builtinsModule: PyModule!
    var stdoutObject: PyObject?
    var stderrObject: PyObject?
    /// Modules written in Swift, by name.
    var nativeModules: [String: NativeModuleInitializer] = [:]
    /// Modules written in Python and shipped with the runtime, by name.
    public var frozenModules: [String: String] = [:]
    /// Iterator steps taken by native code (`nextValue`), for its Ctrl-C checks.
    var nativeSteps = 0
    /// The StopIteration a Python `__next__` raised to end the iteration that
    /// `nextValue` last reported as exhausted, so `next()` can re-raise it with
    /// its value (MicroPython's stopiteration test: `next(enumerate(A()))`).
    var lastStopIteration: PyError?
    /// The errno names and numbers of the firmware (`errno`, and the names
    /// OSError prints): MicroPython's Linux values unless a firmware says otherwise.
    public var errnoTable: [(String, Int)] = Runtime.errnoCodes
    /// Texts an OSError prints instead of its errno's name (CircuitPython's
    /// mp_common_errno_to_str); empty for MicroPython.
    public var errnoDescriptions: [Int: String] = [:]
    /// The names in `frozenModules` that are packages (they get a `__path__`).
    public var frozenPackageNames: Set<String> = []
    /// Frozen modules that stand in for the firmware's C modules (CircuitPython's
    /// `board`, `busio`, `wifi`...): on the board they live in flash, so what
    /// importing them allocates is not charged to the heap.
    public var romModules: Set<String> = []
    /// Containers whose repr is being computed (to print `[...]` for cycles).
    var reprInProgress = Set<ObjectIdentifier>()
    /// Parsed struct formats of interned strs (the literals in code), which are never freed.
    var structFormats: [ObjectIdentifier: StructFormat] = [:]
    /// Values Swift code keeps alive across calls into Python (e.g. a host's callbacks).
    public var extraRoots: [Value] = []
    /// `micropython.heap_lock()` nesting depth; while non-zero, allocating raises
    /// MemoryError (noticed at the next safe point).
    var heapLockDepth = 0
    var allocatedWhileLocked = false
    /// State of the system modules (current directory, scheduler queue...).
    lazy var system = SystemState(self)

    /// `interruptLine`: the line this runtime listens to (a board passes the one
    /// it keeps across reboots); by default a line of its own.
    public init(host: RuntimeHost, configuration: RuntimeConfiguration = RuntimeConfiguration(),
                interruptLine: InterruptLine = InterruptLine()) {
        self.host = host
        self.interruptLine = interruptLine
        self.configuration = configuration
        heap = Heap(limit: configuration.heapLimit)
        types = BuiltinTypes(counters: cacheCounters)
        valueStackCapacity = 1 << 20
        // calloc: the C library maps a block this big from fresh zeroed pages, which
        // become resident only when a deep recursion reaches them, so an idle board
        // does not hold 8 MB of stack (a fleet holds thousands). Every frame writes
        // its slots before reading them; zero bits are the float 0.0, never an object.
        valueStack = calloc(valueStackCapacity, MemoryLayout<Value>.stride)!.bindMemory(to: Value.self, capacity: valueStackCapacity)
        stackTop = valueStack
        bootstrap()
    }

    /// The built-in `len`, whose calls on built-in containers the interpreter
    /// answers itself (see `.call`).
    var lenFunction: Value = .null
    /// The class `str`, whose calls on small ints the interpreter answers too.
    var strClass: Value = .null

    deinit {
        for f in frameStack { f.release() }
        free(valueStack)
    }

    /// Tells the host about instructions run since its last report, so a board's
    /// clock is current before code reads it (`time.ticks_us()`); otherwise reports
    /// come every few thousand instructions.
    public func reportPendingInstructions() {
        var inLoop = executedInLoop
        if stretchDivisorInLoop > 1 && inLoop > stretchStartInLoop {
            // A native or viper frame's instructions so far, at its speed.
            let n = inLoop - stretchStartInLoop + nativeInstructionRemainder
            inLoop = stretchStartInLoop + n / stretchDivisorInLoop
        }
        let total = instructionCount &+ executedInOuterLoops &+ inLoop
        let delta = total - reportedInstructionCount
        if delta > 0 {
            reportedInstructionCount = total
            host.instructionsExecuted(delta)
        }
    }

    /// Asks the running code to raise KeyboardInterrupt at the next safe point.
    public func requestInterrupt() {
        interruptLine.raise()
    }

    // MARK: allocation

    /// Hands a new object to the heap and returns it as a Value.
    @inline(__always) func track<T: PyObject>(_ object: T) -> T {
        heap.register(object)
        if heapLockDepth != 0 { allocatedWhileLocked = true }
        return object
    }

    /// Keeps `v` alive until the calling loop's next safe point: for native code
    /// that takes a value out of a container (which then no longer roots it)
    /// and goes on to run Python code, which may collect.
    @inline(__always) func hold(_ v: Value) {
        if v.isObject { heap.nursery.append(v) }
    }

    /// `x` in decimal, as `str(int)` prints it; Ctrl-C stops a long conversion.
    func decimalString(_ x: BigInt) throws(PyError) -> String {
        if x.magnitude.words.count <= 64 { return String(x) }
        let digits = try BigIntConversion.decimal(x.magnitude) { () throws(PyError) in
            if interruptLine.take() { throw PyError(newException(types.KeyboardInterrupt, args: [])) }
        }
        return x.sign == .minus ? "-" + digits : digits
    }

    /// A dict's live keys, kept alive (`Heap.hold`) while the caller runs Python
    /// code on them, which may remove them from the dict and collect.
    func heldKeys(_ d: PyDict) -> [Value] {
        let keys = d.liveKeys
        heap.hold(keys)
        return keys
    }

    /// A dict's live entries, kept alive as `heldKeys` keeps keys.
    func heldItems(_ d: PyDict) -> [(key: Value, value: Value)] {
        let items = d.items
        var flat: [Value] = []
        flat.reserveCapacity(items.count * 2)
        for (k, v) in items { flat.append(k); flat.append(v) }
        heap.hold(flat)
        return items
    }

    /// Raises MemoryError unless `bytes` more fit in the heap (checked before big allocations).
    func reserve(_ bytes: Int) throws(PyError) {
        if heap.hasRoom(for: bytes) { return }
        // The count may be stale: collect (everything Swift code holds is in the
        // nursery, so all of it counts as a root here) and look again.
        collectGarbage(nurseryFloor: heap.nursery.count)
        if !heap.hasRoom(for: bytes) {
            throw memoryError(bytes)
        }
    }

    /// Room for `tabs` tabs each expanded to up to `tabsize` spaces (expandtabs).
    func reserveForTabs(_ tabs: Int, _ tabsize: Int) throws(PyError) {
        if tabs > 0 && tabsize > 0 { try reserve(tabs, times: tabsize) }
    }

    /// `reserve(count * size)`, where a product too big for an Int is a
    /// MemoryError as well, not an arithmetic trap that kills the host.
    func reserve(_ count: Int, times size: Int) throws(PyError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        if overflow || bytes < 0 { throw memoryError(Int.max) }
        try reserve(bytes)
    }

    /// Guards recursion in native code that walks nested data (comparing,
    /// hashing, membership), so a deeply nested structure raises RecursionError
    /// instead of overflowing the host's stack.
    @inline(__always) func enterNested() throws(PyError) {
        nestingDepth += 1
        if nestingDepth > 1000 {
            nestingDepth -= 1
            throw error(types.RecursionError, "maximum recursion depth exceeded")
        }
    }
    @inline(__always) func leaveNested() { nestingDepth -= 1 }

    func memoryError(_ bytes: Int) -> PyError {
        PyError(track(PyBaseException(type: types.MemoryError, args: Value(newTupleUntracked(["memory allocation failed, allocating \(bytes) bytes"])))))
    }

    private func newTupleUntracked(_ strings: [String]) -> PyTuple {
        track(PyTuple(type: types.tuple, ContiguousArray(strings.map { Value(newStr($0)) })))
    }

    /// An interned string: the same object for the same text, never freed.
    public func intern(_ s: String) -> PyStr {
        if let x = interned[s] { return x }
        let x = PyStr(type: types.str, s)
        x.isInterned = true
        heap.makePermanent(x)
        interned[s] = x
        return x
    }

    public func newStr(_ s: String) -> PyStr {
        if s.utf8.count <= 1 { return shortStr(s) }
        return track(PyStr(type: types.str, s))
    }

    /// The interned str of "" or one ASCII character, from a table: these are
    /// made all the time (split, slices, iteration) and hashing the text to
    /// find them in `interned` cost more than making them.
    private func shortStr(_ s: String) -> PyStr {
        var text = s
        let index = text.withUTF8 { $0.isEmpty ? 128 : Int($0[0]) }
        if let x = shortStrs[index] { return x }
        let x = intern(s)
        shortStrs[index] = x
        return x
    }
    @inline(__always) public func str(_ s: String) -> Value {
        if s.utf8.count <= 1 { return Value(shortStr(s)) }
        return adopt(PyStr(type: types.str, s))
    }

    /// `track` for a new object the caller keeps only as a Value: the heap takes
    /// over the reference the initializer returned.
    @inline(__always) func adopt(_ object: consuming PyObject) -> Value {
        if heapLockDepth != 0 { allocatedWhileLocked = true }
        return heap.adopt(object)
    }

    /// A str whose length and ASCII-ness are already known.
    public func newStr(_ s: String, count: Int, isASCII: Bool) -> PyStr {
        if count <= 1 {
            if isASCII { return shortStr(s) }
            if let x = interned[s] { return x }
        }
        return track(PyStr(type: types.str, s, count: count, isASCII: isASCII))
    }

    // The makers below give the new object as a Value, for callers that keep
    // nothing else: returning the object itself retains it for the caller
    // (who then releases it), two atomic operations an object that `adopt`
    // does without.

    /// `newStr` as a Value.
    public func strValue(_ s: String, count: Int, isASCII: Bool) -> Value {
        if count <= 1 { return Value(newStr(s, count: count, isASCII: isASCII)) }
        return adopt(PyStr(type: types.str, s, count: count, isASCII: isASCII))
    }

    /// `newList` as a Value.
    @inline(__always) public func listValue(_ items: ContiguousArray<Value>) -> Value {
        adopt(PyList(type: types.list, items))
    }

    /// `newTuple` as a Value.
    @inline(__always) public func tupleValue(_ items: ContiguousArray<Value>) -> Value {
        if items.isEmpty, let e = emptyTuple { return Value(e) }
        return adopt(PyTuple(type: types.tuple, items))
    }

    public func newInt(_ i: BigInt) -> Value {
        if let small = Int(exactly: i), Value.fitsSmall(small) { return Value(small: small) }
        return adopt(PyBigInt(type: types.int, i))
    }
    @inline(__always) public func int(_ i: Int) -> Value {
        if Value.fitsSmall(i) { return Value(small: i) }
        return adopt(PyBigInt(type: types.int, machine: i))
    }

    public func newList(_ items: ContiguousArray<Value> = []) -> PyList {
        track(PyList(type: types.list, items))
    }
    public func newTuple(_ items: ContiguousArray<Value>) -> PyTuple {
        if items.isEmpty, let e = emptyTuple { return e }
        return track(PyTuple(type: types.tuple, items))
    }
    public func tuple(_ items: [Value]) -> Value { Value(newTuple(ContiguousArray(items))) }
    public func newDict(capacity: Int = 0) -> PyDict { track(PyDict(type: types.dict, capacity: capacity)) }
    public func newSet(frozen: Bool = false) -> PySet {
        track(PySet(type: frozen ? types.frozenset : types.set, storage: newDict()))
    }
    public func newBytes(_ b: [UInt8], mutable: Bool = false) -> PyBytes {
        track(PyBytes(type: mutable ? types.bytearray : types.bytes, b, mutable: mutable))
    }
    var emptyTuple: PyTuple?

    /// A native function object (for builtins and module functions).
    public func native(_ name: String, owner: PyType? = nil, _ body: @escaping NativeFunction) -> PyNativeFunction {
        let f = PyNativeFunction(type: types.builtinFunction, name: name, owner: owner, body: body)
        heap.makePermanent(f)
        return f
    }

    // MARK: errors

    /// Makes an exception of `type` with a message (args = (message,)).
    public func error(_ type: PyType, _ message: String) -> PyError {
        PyError(newException(type, args: [str(message)]))
    }
    public func newException(_ type: PyType, args: [Value]) -> PyBaseException {
        // The attribute dict is made on first assignment (setAttribute): most
        // exceptions never get one.
        return track(PyBaseException(type: type, args: tuple(args)))
    }
    public func typeError(_ m: String) -> PyError { error(types.TypeError, m) }
    public func valueError(_ m: String) -> PyError { error(types.ValueError, m) }
    public func attributeError(_ m: String) -> PyError { error(types.AttributeError, m) }
    public func indexError(_ m: String) -> PyError { error(types.IndexError, m) }
    public func keyError(_ key: Value) -> PyError { PyError(newException(types.KeyError, args: [key])) }
    public func nameError(_ name: String) -> PyError {
        error(types.NameError, "name '\(name)' isn't defined")
    }
    public func zeroDivision(_ m: String = "divide by zero") -> PyError { error(types.ZeroDivisionError, m) }
    public func overflowError(_ m: String) -> PyError { error(types.OverflowError, m) }
    public func notImplementedError(_ m: String) -> PyError { error(types.NotImplementedError, m) }
    public func stopIteration(_ value: Value = .null) -> PyError {
        PyError(newException(types.StopIteration, args: value.isNull ? [] : [value]))
    }
    public func osError(_ errno: Int, _ name: String? = nil) -> PyError {
        if let name { return PyError(newException(types.OSError, args: [int(errno), str(name)])) }
        return PyError(newException(types.OSError, args: [int(errno)]))
    }

    /// The Python type of any value.
    @inline(__always) public func typeOf(_ v: Value) -> PyType {
        if v.isObject { return v.object.type }
        if v.isSmallInt { return types.int }
        if v.isFloat { return types.float }
        switch v.bits {
        case Value.none.bits: return types.NoneType
        case Value.true.bits, Value.false.bits: return types.bool
        case Value.ellipsis.bits: return types.ellipsis
        case Value.notImplemented.bits: return types.notImplementedType
        default: return types.NoneType
        }
    }

    /// The type's name as messages print it (`'int'`).
    public func typeName(_ v: Value) -> String { typeOf(v).name }
}

/// What the heap did over a run, for benchmark reports (`board-memory-bench`).
public struct HeapStatistics: Sendable {
    /// The most bytes in use at any collection or now.
    public var peakBytes: Int
    public var collections: Int
    /// The longest collection, host nanoseconds (the program stands still meanwhile).
    public var longestPauseNanoseconds: UInt64
}

extension Runtime {
    public var heapStatistics: HeapStatistics {
        HeapStatistics(peakBytes: max(heap.peakAtCollection, heap.bytesInUse), collections: heap.collections,
                       longestPauseNanoseconds: heap.longestCollectionNanoseconds)
    }
}
