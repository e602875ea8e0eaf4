/// A generator or coroutine: a suspended frame that `send`, `throw` and `close`
/// resume (see Runtime+Generators.swift).
public final class PyGenerator: PyObject {
    enum State { case created, suspended, running, finished }
    let frame: Frame
    var state: State = .created
    let name: Value
    let qualifiedName: Value
    /// What `pend_throw` left to raise at the next resume (MicroPython's
    /// py/objgenerator.c; asyncio cancels tasks with it), or `.null`.
    var pendingThrow: Value = .null
    var isCoroutine: Bool { frame.code.flags.contains(.coroutine) }

    init(type: PyType, frame: Frame, name: Value, qualifiedName: Value) {
        self.frame = frame
        self.name = name
        self.qualifiedName = qualifiedName
        super.init(type: type)
    }

    deinit {
        if frame.ownsSlots {
            frame.slots.deallocate()
        }
    }

    public override func traceReferences(_ visit: (Value) -> Void) {
        visit(name); visit(qualifiedName); visit(pendingThrow)
        if state != .finished { frame.traceReferences(visit) } else { frame.code.traceReferences(visit) }
    }
    public override var accountedSize: Int { 64 + (frame.fixedSlotCount + frame.code.stackSize) * 8 }
}
