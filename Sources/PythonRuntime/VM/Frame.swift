/// One activation of a code object. Its slots (fast locals, then cells, then the
/// value stack) normally live on the runtime's shared value stack; a generator's
/// frame owns its slots so it can be suspended.
///
/// References are unowned: the collector keeps what a running frame uses alive
/// (frames are its roots), the code belongs to the function or the caller, and
/// frames themselves live in the runtime's frame stack or in their generator.
/// This keeps reference counting out of every call and return.
final class Frame {
    unowned(unsafe) var code: CodeObject
    /// The function being run (nil for module code and exec()).
    unowned(unsafe) var function: PyFunction?
    unowned(unsafe) var globals: PyDict
    unowned(unsafe) var builtins: PyDict
    /// Name-based locals for module and class bodies (`loadName`/`storeName`).
    unowned(unsafe) var locals: PyDict?
    var slots: UnsafeMutablePointer<Value>
    /// The code's buffers and the slots, as the interpreter loop loads them.
    var registers: FrameRegisters
    var stackBase: UnsafeMutablePointer<Value>
    var sp: UnsafeMutablePointer<Value>
    var ip = 0
    /// The frame that called this one (nil at the bottom of a run() invocation).
    unowned(unsafe) var parent: Frame?
    /// Slots were allocated for this frame (generator) rather than on the shared stack.
    var ownsSlots = false
    /// The generator or coroutine running in this frame.
    unowned(unsafe) var generator: PyGenerator?
    /// Set when the frame finished (returned or raised), for generators.
    var finished = false
    /// An exception to raise at the current instruction when the frame resumes
    /// (generator.throw()).
    var pendingException: PyBaseException?
    /// For a frame running `__init__` entered inline by a class call: the new
    /// instance, which its return gives the caller instead of None.
    var constructedInstance: Value = .null
    /// For a frame running a property's setter entered inline by STORE_ATTR:
    /// its return value goes nowhere.
    var discardsResult = false
    /// For a generator's frame that a `for` loop of the running interpreter
    /// loop resumed as one of its own frames: its yield hands the value to
    /// that loop, its return ends the loop.
    var resumedInline = false

    /// `code` must be materialized (`Runtime.materialize`).
    init(code: CodeObject, globals: PyDict, builtins: PyDict, slots: UnsafeMutablePointer<Value>) {
        self.code = code
        self.globals = globals
        self.builtins = builtins
        self.slots = slots
        registers = FrameRegisters(code: code, slots: slots)
        stackBase = slots + code.fixedSlotCount
        sp = stackBase
    }

    /// Number of local + cell slots before the value stack.
    var fixedSlotCount: Int { stackBase - slots }

    /// Calls `visit` on every live value of the frame (for the collector).
    func traceReferences(_ visit: (Value) -> Void) {
        var p = slots
        while p < sp {
            visit(p.pointee)
            p += 1
        }
        visit(Value(globals))
        visit(Value(builtins))
        if let locals { visit(Value(locals)) }
        if let function { visit(Value(function)) }
        visit(constructedInstance)
        code.traceReferences(visit)
    }
}
